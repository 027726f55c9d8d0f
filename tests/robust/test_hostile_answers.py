"""Hostile and awkward answers never break or inject into the brief; they are shown literally."""

from __future__ import annotations

import re

import pytest
import yaml
from markdown_it import MarkdownIt

from mlpdm.core.answers.coerce import AnswerError, coerce_answer
from mlpdm.core.answers.document import AnswersDoc
from mlpdm.core.brief.frontmatter import split_front_matter
from mlpdm.core.brief.render import render_brief
from mlpdm.core.decision.engine import decide
from mlpdm.core.text.languages import is_placeholder
from mlpdm.core.text.markdown import clean, show_bidi
from mlpdm.repo.resources import load_packaged_questionnaire, template_loader
from tests.core.scenarios import CLEAN

HOSTILE = [
    "| a | b |",
    "a|b\\|c",
    "`code` and ``more``",
    "```\nfenced\n```",
    "~~~ tilde fence",
    "# heading",
    "## sub heading",
    "Setext\n====",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<a href='javascript:alert(1)'>x</a>",
    "[click](javascript:alert(1))",
    "![img](javascript:alert(1))",
    "<!-- hidden comment -->",
    "---",
    "***",
    "- item",
    "1. item",
    "> quote",
    "**bold** _em_ ~~strike~~",
    "\\ backslash \\",
    "&lt;b&gt; &amp; &#x3C;script&#x3E;",
    "<http://example.com>",
    "http://example.com/a_b_c",
    "[ref]: http://evil.example",
    "[text][ref]",
    "line1\nline2",
    "\r\nCRLF\r\n",
    "a\x00b\x07c\x1bd",
    "\x1b[31mred\x1b[0m",
    "abc\u202edcba",
    "a\u200bb\u200dc\ufeffd",
    "🚀🔥👩‍💻",
    "請求書の読み取り、日本語テキスト",
    "ＡＢＣ｜＃",
    "{{ 7*7 }}",
    "{% raw %}x{% endraw %}",
    "${jndi:ldap://x}",
    "key: value\n- list",
    "'; DROP TABLE x; --",
    "\tindented",
    "    four spaces code",
    "\\|pipe after backslash",
    "* star list",
    "+ plus list",
    "|---|---|",
    "<details><summary>x</summary></details>",
    "```mermaid\ngraph TD; A-->B\n```",
    "trailing backslash\\",
    "@mention #123 :smile:",
    "---\ntitle: injected\n---",
]
MD = MarkdownIt("commonmark").enable("table")


def render(answers: dict, meta: dict | None = None) -> str:
    q = load_packaged_questionnaire()
    doc = AnswersDoc(
        "default",
        1,
        {"feature": "Feature", "slug": "feature", "owner": "Owner", "date": "2026-01-31", **(meta or {})},
        answers,
    )
    return render_brief(q, doc, decide(q, answers), lang="en", loader=template_loader())


def structure(markdown: str) -> list[str]:
    """Block structure: token types with tags, ignoring text content."""
    return [f"{t.type}:{t.tag}" for t in MD.parse(markdown) if t.type != "inline"]


def inline_tokens(markdown: str) -> list:
    return [c for t in MD.parse(markdown) if t.type == "inline" for c in (t.children or [])]


def cells(markdown: str) -> list[list[str]]:
    """Every table row as the visible text of its cells."""
    rows, row, cell, inside = [], [], [], False
    for token in MD.parse(markdown):
        if token.type == "tr_open":
            row = []
        elif token.type in ("td_open", "th_open"):
            cell, inside = [], True
        elif token.type == "inline" and inside:
            for child in token.children or []:
                if child.type in ("text", "code_inline"):
                    cell.append(child.content)
                elif child.type == "html_inline" and child.content == "<br>":
                    cell.append("\n")
        elif token.type in ("td_close", "th_close"):
            row.append("".join(cell))
            inside = False
        elif token.type == "tr_close":
            rows.append(row)
    return rows


BASELINE = render({**CLEAN, "kpi": "KPI text", "owner": "Owner text", "worst_case": "Worst case text"})
# A KPI, owner or segment that only says "none yet" ("---", "tbd") is none: the brief has those findings too.
NO_KPI_BASELINE = render(
    {**CLEAN, "kpi": "tbd", "owner": "tbd", "worst_case": "Worst case text", "segments": ["tbd"]}
)


@pytest.mark.parametrize("hostile", HOSTILE, ids=lambda h: repr(h)[:40])
def test_hostile_answer_keeps_the_structure_and_shows_literally(hostile):
    q_kpi = load_packaged_questionnaire().question("kpi")
    kpi = coerce_answer(q_kpi, hostile)
    answers = {
        **CLEAN,
        "kpi": kpi,
        "owner": coerce_answer(q_kpi, hostile) or "x",
        "worst_case": hostile.strip() or "x",
        "segments": [hostile.replace("\n", " ").strip() or "x"],
    }
    meta_owner = " ".join(hostile.split()) or "x"
    brief = render(answers, {"owner": meta_owner, "feature": meta_owner})
    front, body = split_front_matter(brief)
    # The front matter is intact YAML that says what it should (bidi controls shown as in the body).
    assert front is not None and front["generator"] == "mlpdm" and front["owner"] == show_bidi(meta_owner)
    assert (
        front["verdict"]
        == decide(
            __import__("mlpdm.repo.resources", fromlist=["x"]).load_packaged_questionnaire(), answers
        ).id
    )
    # The body has exactly the baseline's structure: no new heading, list, table, fence, HTML block.
    baseline = NO_KPI_BASELINE if kpi and is_placeholder(kpi) else BASELINE
    assert structure(body) == structure(split_front_matter(baseline)[1])
    # No HTML from the answer, and no link other than mlpdm's own (the card links its findings).
    own_html = re.compile(r'<br>|<a name="finding-f\d+">|</a>')
    for child in inline_tokens(body):
        assert child.type != "html_inline" or own_html.fullmatch(child.content)
        if child.type == "link_open":
            assert re.match(r"^(https://|feature\.answers\.yaml$|#finding-f\d+$)", child.attrs["href"])
    # The text is shown literally where it belongs: the KPI cell of the answers table.
    expected = " ".join(clean(hostile).split("\n")).strip() if kpi else "(no answer)"
    kpi_cells = [row[1] for row in cells(body) if len(row) == 2 and row[0] == "KPI"]
    assert expected in kpi_cells, (expected, kpi_cells)


def test_corpus_is_large_enough():
    assert len(HOSTILE) >= 40


def test_a_megabyte_answer_is_refused_with_a_clear_message():
    with pytest.raises(AnswerError, match="the limit is 20,000"):
        coerce_answer(load_packaged_questionnaire().question("worst_case"), "x" * 1_000_000)


def test_megabyte_answers_file_through_the_cli(runner, tmp_path):
    from mlpdm.cli.app import app
    from tests.conftest import answers_yaml

    path = tmp_path / "big.answers.yaml"
    path.write_text(answers_yaml({**CLEAN, "worst_case": "y" * 1_000_000}, slug="big"), encoding="utf-8")
    result = runner.invoke(app, ["render", str(path)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "limit" in result.output


def test_front_matter_cannot_be_broken_from_a_feature_name():
    brief = render(dict(CLEAN), {"feature": "x\n---\nverdict: go\n---", "owner": "o"})
    front, _ = split_front_matter(brief)
    assert yaml.safe_load(brief.split("\n---\n", 1)[0][4:]) == front
    assert front["verdict"] == "go" and front["feature"] == "x\n---\nverdict: go\n---"


BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def test_bidi_controls_are_shown_in_the_front_matter_as_in_the_body(runner, tmp_path):
    # A title, feature or owner that reads backwards in a page title or a CI log is spoofing.
    from mlpdm.cli.app import app
    from tests.conftest import answers_yaml

    feature = "Invoice \u202eFDP.exe\u202c reader \u2066x\u2069"
    text = answers_yaml(dict(CLEAN), feature=feature, slug="bidi").replace(
        "owner: Tester", f"owner: '{BIDI}'"
    )
    path = tmp_path / "bidi.answers.yaml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["render", str(path)])
    assert result.exit_code == 0, result.output
    brief = (tmp_path / "bidi.md").read_text(encoding="utf-8")
    assert not [ch for ch in BIDI if ch in brief], "a bidi control is in the brief as it is"
    front, body = split_front_matter(brief)
    assert front is not None
    assert front["feature"] == "Invoice (U+202E)FDP.exe(U+202C) reader (U+2066)x(U+2069)"
    assert front["title"].startswith(front["feature"]) and front["feature"] in body
    assert front["owner"] == "".join(f"(U+{ord(ch):04X})" for ch in BIDI)
