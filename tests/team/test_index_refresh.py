"""Every command that changes a feature brings the portfolio page up to date, one way."""

from __future__ import annotations

import json

import yaml

from mlpdm.cli.app import app
from tests.team.conftest import TEAM_QUESTIONNAIRE, edit, write

DOCS = "docs/mlpdm"


def problems(runner) -> list[str]:
    result = runner.invoke(app, ["check", "--format", "json"])
    return [p["code"] for p in json.loads(result.stdout)["problems"]]


def row(index, brief: str) -> str:
    return next(line for line in index.read_text(encoding="utf-8").splitlines() if f"({brief})" in line)


def test_decide_updates_the_index(rendered, runner):
    index = rendered / DOCS / "README.md"
    answers = rendered / DOCS / "invoice-ocr.answers.yaml"
    result = runner.invoke(app, ["decide", str(answers), "accepted", "--by", "Aiko Tanaka"])
    assert result.exit_code == 0, result.output
    assert f"Updated {DOCS}/README.md (2 brief(s))" in result.output
    assert "accepted" in row(index, "invoice-ocr.md").lower()
    assert problems(runner) == []  # no index-stale


def test_interview_update_updates_the_index(rendered, runner):
    write(rendered / "mlpdm" / "acme.yaml", TEAM_QUESTIONNAIRE)
    write(rendered / "mlpdm.toml", 'questionnaire = "mlpdm/acme.yaml"\n')
    answers = rendered / DOCS / "invoice-ocr.answers.yaml"
    edit(answers, "  id: default\n  version: 2", "  id: acme\n  version: 1\n  base_version: 2")
    assert runner.invoke(app, ["index"]).exit_code == 0
    # The one new question (the Acme security review) is answered "no": the verdict changes.
    result = runner.invoke(app, ["interview", "--update", str(answers)], input="n\n")
    assert result.exit_code == 0, result.output
    assert yaml.safe_load(answers.read_text(encoding="utf-8"))["answers"]["security_review"] == "no"
    assert "NOT READY" in row(rendered / DOCS / "README.md", "invoice-ocr.md")
    assert problems(runner) == []


def test_interview_updates_the_index(rendered, runner):
    index = rendered / DOCS / "README.md"
    before = index.read_text(encoding="utf-8")
    # Revise the feature, change nothing at the review: the new date is on the page.
    result = runner.invoke(app, ["interview", "Invoice OCR"], input="y\n\n")
    assert result.exit_code == 0, result.output
    assert index.read_text(encoding="utf-8") != before
    assert problems(runner) == []


def test_render_after_a_hand_edit_updates_the_index(rendered, runner):
    answers = rendered / DOCS / "invoice-ocr.answers.yaml"
    edit(answers, "kill_switch: 'yes'", "kill_switch: 'no'")
    assert sorted(problems(runner)) == ["brief-stale", "index-stale"]
    result = runner.invoke(app, ["render", str(answers)])
    assert result.exit_code == 0, result.output
    assert "GO WITH CONDITIONS" in row(rendered / DOCS / "README.md", "invoice-ocr.md")
    assert problems(runner) == []


def test_rendering_to_the_screen_changes_nothing(rendered, runner):
    answers = rendered / DOCS / "invoice-ocr.answers.yaml"
    edit(answers, "kill_switch: 'yes'", "kill_switch: 'no'")
    assert runner.invoke(app, ["render", str(answers), "-o", "-"]).exit_code == 0
    assert "index-stale" in problems(runner)


def test_no_index_is_written_where_the_team_has_none(repo, runner):
    answers = repo / DOCS / "invoice-ocr.answers.yaml"
    assert runner.invoke(app, ["render", str(answers)]).exit_code == 0
    assert not (repo / DOCS / "README.md").exists()


def test_a_persons_readme_is_left_alone(repo, runner):
    readme = write(repo / DOCS / "README.md", "# Our design docs\n")
    answers = repo / DOCS / "invoice-ocr.answers.yaml"
    result = runner.invoke(app, ["decide", str(answers), "accepted", "--by", "Aiko Tanaka"])
    assert result.exit_code == 0, result.output
    assert readme.read_text(encoding="utf-8") == "# Our design docs\n"


def test_an_index_that_cannot_be_read_is_a_warning_after_the_decision_is_recorded(rendered, runner):
    index = rendered / DOCS / "README.md"
    index.write_bytes(index.read_bytes().replace(b"ML feature briefs", b"ML feature \xff briefs", 1))
    answers = rendered / DOCS / "invoice-ocr.answers.yaml"
    result = runner.invoke(app, ["decide", str(answers), "accepted", "--by", "Aiko Tanaka"])
    assert result.exit_code == 0, result.output
    assert f"The portfolio page {DOCS}/README.md was not brought up to date" in result.output
    assert "Run `mlpdm index` once that is fixed." in result.output
    assert yaml.safe_load(answers.read_text(encoding="utf-8"))["decision"]["status"] == "accepted"


def test_a_feature_in_a_subfolder_updates_the_page_of_the_whole_docs_folder(rendered, runner):
    team = rendered / DOCS / "payments"
    team.mkdir()
    for name in ("invoice-ocr.answers.yaml", "invoice-ocr.md"):
        (rendered / DOCS / name).rename(team / name)
    assert runner.invoke(app, ["index"]).exit_code == 0
    result = runner.invoke(
        app, ["decide", str(team / "invoice-ocr.answers.yaml"), "accepted", "--by", "Aiko"]
    )
    assert result.exit_code == 0, result.output
    assert "accepted" in row(rendered / DOCS / "README.md", "payments/invoice-ocr.md").lower()
    assert not (team / "README.md").exists()
    assert problems(runner) == []
