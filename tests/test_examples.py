"""The worked examples: their answers are canonical and their briefs in docs/examples/ are current.

To regenerate the briefs after an intended change, run:
    MLPDM_UPDATE_GOLDEN=1 python -m pytest tests/test_examples.py
then review the diff of docs/examples/ like any other change.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from mlpdm.cli.app import app
from mlpdm.core.decision import decide
from mlpdm.core.render import render_brief
from mlpdm.resources import load_packaged_questionnaire, template_loader
from mlpdm.workspace import answers_text, read_answers
from tests.conftest import REPO

EXAMPLES = sorted((REPO / "examples").glob("*.answers.yaml"))
GOLDEN = REPO / "docs" / "examples"
UPDATE = os.environ.get("MLPDM_UPDATE_GOLDEN") == "1"


def brief_for(example: Path) -> Path:
    return GOLDEN / example.name.replace(".answers.yaml", ".md")


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_example_answers_are_as_mlpdm_writes_them(example):
    doc = read_answers(example, load_packaged_questionnaire())
    assert example.read_text(encoding="utf-8") == answers_text(doc, brief_name=f"{doc.slug}.md")
    assert example.name == f"{doc.slug}.answers.yaml"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_example_brief_matches_golden_file(example):
    target = brief_for(example)
    q = load_packaged_questionnaire()
    doc = read_answers(example, q)
    # Rendered as `mlpdm render` would into docs/examples/: the link back to the answers file
    # is relative to where the brief lives, so the brief's digest is the same on every machine.
    rendered = render_brief(
        q,
        doc,
        decide(q, doc.answers),
        lang="en",
        loader=template_loader(),
        answers_link=os.path.relpath(example, GOLDEN),
    )
    if UPDATE:
        target.write_text(rendered, encoding="utf-8")
    assert target.exists(), f"no golden brief for {example.name}; run with MLPDM_UPDATE_GOLDEN=1"
    assert rendered == target.read_text(encoding="utf-8"), "brief changed: review, then MLPDM_UPDATE_GOLDEN=1"


def test_cli_render_into_the_docs_folder_gives_the_golden_brief(runner, tmp_path):
    example = EXAMPLES[0]
    folder = tmp_path / "docs" / "examples"
    folder.mkdir(parents=True)
    copy = tmp_path / "examples" / example.name
    copy.parent.mkdir()
    copy.write_bytes(example.read_bytes())
    out = folder / brief_for(example).name
    assert runner.invoke(app, ["render", str(copy), "-o", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8") == brief_for(example).read_text(encoding="utf-8")


def test_examples_together_reach_every_verdict():
    verdicts = {}
    for example in EXAMPLES:
        front = yaml.safe_load(brief_for(example).read_text(encoding="utf-8").split("\n---\n", 1)[0][4:])
        verdicts[example.name] = front["verdict"]
    assert len(EXAMPLES) >= 8
    assert set(verdicts.values()) == {
        "no-go-risk",
        "no-go-not-needed",
        "not-ready",
        "go-with-conditions",
        "go",
    }
