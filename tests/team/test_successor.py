"""`mlpdm decide --superseded-by` names a feature that is there, or says which ones are."""

from __future__ import annotations

import json
import shutil

import yaml

from mlpdm.cli.app import app
from tests.conftest import REPO

DOCS = "docs/mlpdm"


def supersede(runner, repo, successor: str, *more: str):
    answers = repo / DOCS / "refund-agent.answers.yaml"
    return runner.invoke(
        app,
        ["decide", str(answers), "superseded", "--superseded-by", successor, "--by", "M", *more],
    )


def decision(repo) -> dict:
    return yaml.safe_load((repo / DOCS / "refund-agent.answers.yaml").read_text(encoding="utf-8")).get(
        "decision", {}
    )


def test_a_successor_that_is_not_a_feature_here_is_refused_with_the_closest_one(rendered, runner):
    before = (rendered / DOCS / "refund-agent.answers.yaml").read_text(encoding="utf-8")
    result = supersede(runner, rendered, "invoice-orc")
    assert result.exit_code == 2
    assert (
        f"Error: --superseded-by invoice-orc: there is no feature invoice-orc in {DOCS}; "
        "did you mean invoice-ocr?"
    ) in result.output
    assert "the name of its file without .answers.yaml" in result.output
    assert (rendered / DOCS / "refund-agent.answers.yaml").read_text(encoding="utf-8") == before


def test_with_nothing_close_the_message_names_the_features_it_knows(rendered, runner):
    for name in ("defect-detection", "essay-ai-detector"):
        shutil.copy(REPO / "examples" / f"{name}.answers.yaml", rendered / DOCS)
    result = supersede(runner, rendered, "chatbot")
    assert result.exit_code == 2
    assert (
        "there is no feature chatbot in docs/mlpdm; the features there are "
        "defect-detection, essay-ai-detector, invoice-ocr"
    ) in result.output
    assert "refund-agent" not in result.output.split("the features there are")[1]  # not itself


def test_a_feature_cannot_supersede_itself(rendered, runner):
    result = supersede(runner, rendered, "refund-agent")
    assert result.exit_code == 2 and "names this feature itself" in result.output
    assert decision(rendered) == {}


def test_with_no_other_feature_there_it_says_to_write_the_successor_first(rendered, runner):
    (rendered / DOCS / "invoice-ocr.answers.yaml").unlink()
    result = supersede(runner, rendered, "invoice-ocr-v2")
    assert result.exit_code == 2 and "holds no other feature yet" in result.output
    assert "mlpdm interview NAME" in result.output


def test_the_successor_may_be_given_by_its_feature_name(rendered, runner):
    result = supersede(runner, rendered, "Invoice OCR")
    assert result.exit_code == 0, result.output
    assert decision(rendered)["superseded_by"] == "invoice-ocr"
    found = json.loads(runner.invoke(app, ["check", "--format", "json"]).stdout)["problems"]
    assert "superseded-no-successor" not in [p["code"] for p in found]


def test_the_refusal_is_in_japanese_too(rendered, runner):
    result = supersede(runner, rendered, "invoice-orc", "--lang", "ja")
    assert result.exit_code == 2
    assert f"{DOCS} に機能 invoice-orc はありません。invoice-ocr のことですか？" in result.output
