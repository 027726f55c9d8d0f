"""The worked examples: their answers are canonical and their briefs in docs/examples/ are current.

Each example has a golden brief in English (docs/examples/) and in Japanese (docs/examples/ja/),
both rendered from the same answers file. To regenerate them after an intended change, run:
    MLPDM_UPDATE_GOLDEN=1 python -m pytest tests/test_examples.py
then review the diff of docs/examples/ like any other change.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml

from mlpdm.cli.app import app
from mlpdm.core.brief.frontmatter import split_front_matter
from mlpdm.core.brief.render import render_brief
from mlpdm.core.decision.engine import decide
from mlpdm.core.text.languages import pick
from mlpdm.core.text.messages import t
from mlpdm.repo.resources import load_packaged_questionnaire, template_loader
from mlpdm.repo.workspace import answers_text, read_answers
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
    for label in ("**この判定の理由**", "**リリース前に必要なこと**", "**主な数値**", "## 詳細"):
        assert label in ja
    for summary in ("評価計画", "判定の経路", "回答（質問票 default v2）"):
        assert f"<summary>{summary}</summary>" in ja
    # The same answers, so the same verdict and the same answers digest in the front matter.
    head = [line for line in en.splitlines() if line.startswith(("verdict:", "  answers:"))]
    assert len(head) == 2 and all(line in ja.splitlines() for line in head)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_top_reason_is_the_most_severe_deciding_finding(example):
    from mlpdm.core.questionnaire.model import OUTCOMES

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


# -- the decision card and the folded details (issue 14) ------------------------------------------

ALL_BRIEFS = [(example, lang) for example in EXAMPLES for lang in sorted(LANGS)]
BRIEF_IDS = [f"{lang}-{example.name.removesuffix('.answers.yaml')}" for example, lang in ALL_BRIEFS]
# What GitHub shows of a line in its Markdown view, in terminal cells (a wide character takes two):
# about 100 at the width of a repository's file view, so a longer line counts as two or more.
GITHUB_LINE_CELLS = 100


def card(brief: str) -> str:
    """The decision card: the body before the first folded block."""
    _, body = split_front_matter(brief)
    assert "<details>" in body
    return body.split("<details>", 1)[0]


def rendered_lines(markdown: str) -> int:
    """Lines a reader sees: blank lines and table rules take none, long lines wrap."""
    from mlpdm.core.text.linebreak import cell_width

    count = 0
    for line in markdown.splitlines():
        if not line.strip() or re.fullmatch(r"\|?[-:| ]+\|?", line.strip()):
            continue
        shown = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)  # a link shows its text only
        shown = re.sub(r"\*\*|\\(?=\S)|^#+ |^- \[ \] ", "", shown)
        count += max(1, -(-cell_width(shown) // GITHUB_LINE_CELLS))
    return count


@pytest.mark.parametrize(("example", "lang"), ALL_BRIEFS, ids=BRIEF_IDS)
def test_the_decision_card_fits_on_one_screen(example, lang):
    text = brief_for(example, lang).read_text(encoding="utf-8")
    top = card(text)
    assert rendered_lines(top) <= 40, top
    # It starts with the verdict and names every check the team must make before launch.
    assert top.lstrip().startswith("# ") and ("**Recommendation: " in top or "**推奨：" in top)


def test_the_line_count_is_of_what_a_reader_sees():
    assert rendered_lines("# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n") == 3
    assert rendered_lines("x" * 150) == 2 and rendered_lines("あ" * 60) == 2
    assert rendered_lines("[short](https://example.com/" + "x" * 200 + ")") == 1


def mitigation_sentences(lang: str) -> set[str]:
    """Every sentence of every rule's action (what to do) in the questionnaire."""
    q = load_packaged_questionnaire()
    sentences = set()
    for rule in q.rules:
        for sentence in re.split(r"(?<=[.;。])\s*", pick(rule.action, lang)):
            if len(sentence) >= 12:
                sentences.add(sentence.strip())
    return sentences


@pytest.mark.parametrize(("example", "lang"), ALL_BRIEFS, ids=BRIEF_IDS)
def test_no_sentence_of_a_mitigation_appears_twice(example, lang):
    text = brief_for(example, lang).read_text(encoding="utf-8").replace("\\", "")  # unescaped
    repeated = {s: text.count(s) for s in mitigation_sentences(lang) if text.count(s) > 1}
    assert not repeated


def test_the_sentence_split_finds_the_mitigations():
    assert len(mitigation_sentences("en")) > 100 and len(mitigation_sentences("ja")) > 100


@pytest.mark.parametrize(("example", "lang"), ALL_BRIEFS, ids=BRIEF_IDS)
def test_the_checklist_links_each_finding_title_to_its_anchor(example, lang):
    text = brief_for(example, lang).read_text(encoding="utf-8")
    items = re.findall(r"^- \[ \] \[(F\d+) [^\]]+\]\(#(finding-f\d+)\)", card(text), re.M)
    for number, anchor in items:
        assert anchor == f"finding-{number.lower()}"
        assert f'<a name="{anchor}"></a>{number} · ' in text  # the heading it jumps to
    assert len(items) == len(re.findall(r"^- \[ \]", text, re.M))  # no other checklist


def not_needed_briefs(runner, tmp_path) -> list[str]:
    """The not-needed example, and a feature where simpler software does most of the job but the
    interview went on, so conditions and notes about the ML were found too."""
    briefs = [brief_for(e, lang).read_text(encoding="utf-8") for e in EXAMPLES for lang in LANGS]
    briefs = [b for b in briefs if "\nverdict: no-go-not-needed\n" in b]
    source = (REPO / "examples" / "support-reply-drafts.answers.yaml").read_text(encoding="utf-8")
    mostly = source.replace("simpler_alternative: partly\n", "simpler_alternative: mostly\n  hybrid: 'no'\n")
    assert mostly != source
    path = tmp_path / "support-reply-drafts.answers.yaml"
    path.write_text(mostly, encoding="utf-8")
    for lang in LANGS:
        result = runner.invoke(app, ["render", str(path), "-o", "-", "--lang", lang])
        assert result.exit_code == 0, result.output
        briefs.append(result.stdout)
    return briefs


def test_an_ml_not_needed_brief_has_no_hardening_steps(runner, tmp_path):
    q = load_packaged_questionnaire()
    briefs = not_needed_briefs(runner, tmp_path)
    assert len(briefs) == 4 and all("\nverdict: no-go-not-needed\n" in b for b in briefs)
    assert "Condition: Untrusted content plus access to internal data" in briefs[2]  # found, not hidden
    for brief in briefs:
        lang = "ja" if "\nlang: ja\n" in brief else "en"
        text = brief.replace("\\", "")
        # What to build instead and when to revisit ML, in the card.
        assert t("brief.instead", lang) in card(brief) and t("brief.instead.revisit", lang) in card(brief)
        # No checklist for launching the ML, no evaluation plan for it, no mitigation of it.
        assert "- [ ]" not in text and t("card.launch", lang) not in text
        assert f"<summary>{t('plan.title', lang)}</summary>" not in text
        hardening = [pick(r.action, lang) for r in q.rules if r.outcome != "not-needed"]
        assert not [action for action in hardening if action in text]


@pytest.mark.parametrize(("example", "lang"), ALL_BRIEFS, ids=BRIEF_IDS)
def test_front_matter_reads_in_order_with_the_digests_last(example, lang):
    from mlpdm.core.brief.frontmatter import FRONT_MATTER_KEYS

    text = brief_for(example, lang).read_text(encoding="utf-8")
    front, _ = split_front_matter(text)
    assert front is not None
    assert tuple(front) == tuple(key for key in FRONT_MATTER_KEYS if key in front)
    # What a person reads first, the bookkeeping last: the raw file and its diff read top down.
    keys = [line.split(":")[0] for line in text.split("\n---\n")[0].splitlines()[1:] if line[:1].isalpha()]
    assert keys[:2] == ["title", "verdict"] and keys[-3:] == ["lang", "generator", "digests"]
    assert set(front["digests"]) == {"answers", "brief"}
    assert not {"answers_digest", "brief_digest"} & set(front)


@pytest.mark.parametrize("lang", sorted(LANGS))
def test_every_fold_renders_as_a_fold_with_its_markdown_inside(lang):
    """As GitHub reads it: each <details> opens with a <summary> and a blank line, so the Markdown
    inside (headings, tables, the Mermaid block) is Markdown, not text, and every fold closes."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    for example in EXAMPLES:
        text = brief_for(example, lang).read_text(encoding="utf-8")
        tokens = md.parse(split_front_matter(text)[1])
        opened = [tok.content for tok in tokens if tok.type == "html_block" and "<details>" in tok.content]
        closed = [tok for tok in tokens if tok.type == "html_block" and tok.content == "</details>\n"]
        assert opened and len(opened) == len(closed)
        assert all(re.fullmatch(r"<details>\n<summary>[^<>]+</summary>\n", block) for block in opened)
        fences = [tok for tok in tokens if tok.type == "fence" and tok.info == "mermaid"]
        assert len(fences) == 1  # the decision path, inside its fold
        inside = text[: text.index("```mermaid")]
        assert inside.count("<details>") == inside.count("</details>") + 1
