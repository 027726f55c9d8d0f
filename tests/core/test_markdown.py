"""Escaping: an answer is always shown literally, never as Markdown or HTML."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from mlpdm.core.text.markdown import (
    code,
    escape_block,
    escape_cell,
    escape_inline,
    is_allowed_link,
    link,
    link_scheme,
    quote,
)

md = MarkdownIt("commonmark").enable("table")


def text_of(source: str) -> str:
    """The plain text a CommonMark renderer shows for ``source`` (inline content only)."""
    tokens = md.parseInline(source)
    out = []
    for token in tokens:
        for child in token.children or []:
            if child.type == "text":
                out.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                out.append("\n")
            else:
                out.append(f"<{child.type}>")
    return "".join(out)


@pytest.mark.parametrize(
    "hostile",
    [
        "**bold** and _em_",
        "<script>alert(1)</script>",
        "[click](javascript:alert(1))",
        "![img](http://x/y.png)",
        "`code` and ``more``",
        "a | b | c",
        "<!-- hidden -->",
        "&lt;b&gt; &amp;",
        "~~strike~~",
        "<http://example.com>",
        "back\\slash\\",
    ],
)
def test_inline_text_is_shown_literally(hostile):
    assert text_of(escape_inline(hostile)) == hostile


@pytest.mark.parametrize(
    "start", ["# heading", "> quote", "- item", "+ item", "1. item", "2) item", "=== ", "---"]
)
def test_line_start_constructs_are_neutralised_in_blocks(start):
    tokens = md.parse(escape_block(f"{start}\nmore"))
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]


def test_block_keeps_paragraphs_and_line_breaks():
    rendered = md.render(escape_block("one\ntwo\n\nthree"))
    assert rendered == "<p>one<br />\ntwo</p>\n<p>three</p>\n"


def test_cell_keeps_table_structure():
    table = f"| a | b |\n|---|---|\n| {escape_cell('x | y')} | {escape_cell('line1' + chr(10) + 'line2')} |\n"
    tokens = md.parse(table)
    cells = [t for t in tokens if t.type == "td_open"]
    assert len(cells) == 2


def test_control_and_bidi_characters_are_removed_or_made_visible():
    assert escape_inline("a\x00b\x1b[31mc") == "ab\\[31mc"
    assert "(U+202E)" in escape_inline("abc\u202edef")


def test_code_span_survives_backticks():
    assert text_of(code("a`b")) == "<code_inline>"
    assert md.parseInline(code("a`b"))[0].children[0].content == "a`b"


def test_links_only_for_http_mailto_and_relative_urls():
    assert link("x", "https://example.com/a b") == "[x](https://example.com/a%20b)"
    assert link("x", "other.md") == "[x](other.md)"
    assert link("x", "mailto:team@example.com") == "[x](mailto:team@example.com)"
    assert link("x", "HTTPS://EXAMPLE.COM") == "[x](HTTPS://EXAMPLE.COM)"
    assert "(" in link("x", "javascript:alert(1)") and "](" not in link("x", "javascript:alert(1)")


@pytest.mark.parametrize(
    "url",
    [
        "javascript&colon;alert(1)",  # Markdown decodes the entity; the browser runs the script
        "javascript&colon;alert(1).md",  # a successor slug made of an entity, as the brief links it
        "&#106;avascript:alert(1)",
        "&#x6A;avascript&#x3A;alert(1)",
        "java&#x09;script:alert(1)",  # browsers drop tabs and newlines inside a URL
        "java\nscript:alert(1)",
        " \x01JaVaScRiPt:alert(1)",
        "\u202ejavascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "//evil.example/x",
    ],
)
def test_no_other_scheme_becomes_a_link(url):
    assert link_scheme(url) != "http" and not is_allowed_link(url)
    assert "](" not in link("x", url)


def test_quote_prefixes_every_line():
    assert quote("a\nb\n\nc") == "> a\\\n> b\n>\n> c"
