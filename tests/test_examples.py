"""The worked examples: their answers are canonical and their briefs in docs/examples/ are current.

Each example has a golden brief in English (docs/examples/) and in Japanese (docs/examples/ja/),
both rendered from the same answers file. To regenerate them after an intended change, run:
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
from mlpdm.core.freshness import split_front_matter
from mlpdm.core.render import render_brief
from mlpdm.resources import load_packaged_questionnaire, template_loader
from mlpdm.workspace import answers_text, read_answers
from tests.conftest import REPO

EXAMPLES = sorted((REPO / "examples").glob("*.answers.yaml"))
GOLDEN = REPO / "docs" / "examples"
UPDATE = os.environ.get("MLPDM_UPDATE_GOLDEN") == "1"


LANGS = {"en": GOLDEN, "ja": GOLDEN / "ja"}


def brief_for(example: Path, lang: str = "en") -> Path:
    return LANGS[lang] / example.name.replace(".answers.yaml", ".md")


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_example_answers_are_as_mlpdm_writes_them(example):
    doc = read_answers(example, load_packaged_questionnaire())
    assert example.read_text(encoding="utf-8") == answers_text(doc, brief_name=f"{doc.slug}.md")
    assert example.name == f"{doc.slug}.answers.yaml"


@pytest.mark.parametrize("lang", sorted(LANGS))
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_example_brief_matches_golden_file(example, lang):
    target = brief_for(example, lang)
    q = load_packaged_questionnaire()
    doc = read_answers(example, q)
    # Rendered as `mlpdm render` would into docs/examples/: the link back to the answers file
    # is relative to where the brief lives, so the brief's digest is the same on every machine.
    rendered = render_brief(
        q,
        doc,
        decide(q, doc.answers),
        lang=lang,
        loader=template_loader(),
        answers_link=os.path.relpath(example, target.parent),
    )
    if UPDATE:
        target.parent.mkdir(exist_ok=True)
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


@pytest.mark.parametrize("lang", sorted(LANGS))
def test_golden_briefs_read_as_intended_markdown(lang):
    """Bold labels really are bold, in both languages.

    CommonMark will not close ``**`` after punctuation when a letter follows, which is how
    Japanese writes "**ラベル：**本文"; a brief that did so would show literal asterisks.
    """
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    for example in EXAMPLES:
        tokens = md.parse(brief_for(example, lang).read_text(encoding="utf-8"))
        texts = [
            c.content for t in tokens if t.type == "inline" for c in t.children or [] if c.type == "text"
        ]
        stray = [text for text in texts if "**" in text]
        assert not stray, f"{brief_for(example, lang).name}: literal ** in {stray[:3]}"


def test_japanese_brief_speaks_japanese_from_the_same_answers():
    example = GOLDEN.parent.parent / "examples" / "support-reply-drafts.answers.yaml"
    en = brief_for(example, "en").read_text(encoding="utf-8")
    ja = brief_for(example, "ja").read_text(encoding="utf-8")
    assert "**Recommendation: 🟡 GO WITH CONDITIONS**" in en
    assert "**推奨：🟡 条件付き GO**" in ja
    for heading in ("## この判定の理由", "## 評価計画", "## 判定の経路", "## 次のステップ", "## 回答"):
        assert heading in ja
    # The same answers, so the same verdict and the same answers digest in the front matter.
    head = [line for line in en.splitlines() if line.startswith(("verdict:", "  answers:"))]
    assert len(head) == 2 and all(line in ja.splitlines() for line in head)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_top_reason_is_the_most_severe_deciding_finding(example):
    from mlpdm.core.questionnaire import OUTCOMES

    q = load_packaged_questionnaire()
    verdict = decide(q, read_answers(example, q).answers)
    front, _ = split_front_matter(brief_for(example).read_text(encoding="utf-8"))
    if verdict.id == "go":
        assert verdict.top is None and front.get("top_reason") is None
        return
    worst = min(OUTCOMES.index(f.outcome) for f in verdict.findings)
    assert OUTCOMES.index(verdict.top.outcome) == worst
    # Within that severity, the questionnaire's stated order of seriousness decides.
    order = [r.id for r in q.rules]
    tied = [f.rule.id for f in verdict.findings if OUTCOMES.index(f.outcome) == worst]
    assert verdict.top.rule.id == min(tied, key=order.index)
    assert front["top_reason"] == verdict.top.rule.id


ALL_BRIEFS = [(example, lang) for example in EXAMPLES for lang in sorted(LANGS)]
BRIEF_IDS = [f"{lang}-{example.name.removesuffix('.answers.yaml')}" for example, lang in ALL_BRIEFS]


@pytest.mark.parametrize(("example", "lang"), ALL_BRIEFS, ids=BRIEF_IDS)
def test_front_matter_reads_in_order_with_the_digests_last(example, lang):
    from mlpdm.core.render import FRONT_MATTER_KEYS

    text = brief_for(example, lang).read_text(encoding="utf-8")
    front, _ = split_front_matter(text)
    assert front is not None
    assert tuple(front) == tuple(key for key in FRONT_MATTER_KEYS if key in front)
    # What a person reads first, the bookkeeping last: the raw file and its diff read top down.
    keys = [line.split(":")[0] for line in text.split("\n---\n")[0].splitlines()[1:] if line[:1].isalpha()]
    assert keys[:2] == ["title", "verdict"] and keys[-3:] == ["lang", "generator", "digests"]
    assert set(front["digests"]) == {"answers", "brief"}
    assert not {"answers_digest", "brief_digest"} & set(front)
