"""Escaping user text for Markdown, so an answer is always shown literally and never as markup."""

from __future__ import annotations

import html
import re
from urllib.parse import quote as quote_url


class Md(str):
    """Markdown produced by mlpdm itself (trusted); everything else is escaped on output."""

    __slots__ = ()


# Characters that start or end Markdown/HTML constructs anywhere in a line. Escaping ASCII
# punctuation with a backslash is always allowed in CommonMark, so over-escaping is harmless.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
# Constructs that only matter at the start of a line (headings, quotes, lists, rules, tables).
_LINE_START = re.compile(r"^(#|>|-|\+|=|\d+[.)])")
# C0/C1 control characters (except tab and newline) would corrupt files and terminals.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidirectional controls (embeddings, overrides, isolates and the invisible marks) can make
# text display in an order other than it reads; the terminal shows the same set (terminal.py).
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")


def show_bidi(text: str) -> str:
    """Bidi controls written as ``(U+202E)``, so text reads in the order it is stored."""
    return _BIDI.sub(lambda m: f"(U+{ord(m.group()):04X})", text)


def clean(text: str) -> str:
    """Remove control characters, show bidi controls; normalise line ends and tabs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return show_bidi(_CONTROL.sub("", text))


def _escape_line(line: str) -> str:
    line = _INLINE_SPECIAL.sub(r"\\\1", line)
    # After inline escaping, a leading "1." or "#" is still live at the start of a line.
    body = line.lstrip(" ")
    match = _LINE_START.match(body)
    if match:
        token = match.group(1)
        line = line[: len(line) - len(body)] + token[:-1] + "\\" + token[-1] + body[len(token) :]
    return line


def escape_fragment(text: object) -> str:
    """Escape text placed in the middle of a line (no line-start rules): "0.58" stays "0.58"."""
    if text is None:
        return ""
    return _INLINE_SPECIAL.sub(r"\\\1", " ".join(clean(str(text)).split("\n")))


def escape_inline(text: object) -> str:
    """Escape text for one line: a table cell, a list item, a heading. Newlines become spaces."""
    if text is None:
        return ""
    return _escape_line(" ".join(clean(str(text)).split("\n")))


def escape_cell(text: object) -> Md:
    """Escape text for a table cell, keeping line breaks as ``<br>``."""
    if text is None:
        return Md("")
    lines = [_escape_line(line.strip()) for line in clean(str(text)).split("\n")]
    return Md("<br>".join(line for line in lines if line))


def escape_block(text: object) -> Md:
    """Escape multi-line text as paragraphs; single newlines become hard line breaks."""
    if text is None:
        return Md("")
    paragraphs = re.split(r"\n\s*\n", clean(str(text)).strip())
    out = []
    for paragraph in paragraphs:
        lines = [_escape_line(line.strip()) for line in paragraph.split("\n") if line.strip()]
        if lines:
            out.append("\\\n".join(lines))
    return Md("\n\n".join(out))


def code(text: object) -> Md:
    r"""Inline code that survives any backticks inside it, and pipes inside a table.

    A table row is split at every unescaped ``|``, even inside code, and a backslash inside
    code is shown as it is; so each ``|`` is left outside the code as ``\|``, which reads
    as ``|`` both in a table cell and in running text.
    """
    value = " ".join(clean(str(text)).split("\n"))
    if "|" not in value:
        return Md(_code_span(value))
    return Md("\\|".join(_code_span(part) if part else "" for part in value.split("|")))


def _code_span(value: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", value)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if value.startswith("`") or value.endswith("`") or not value.strip() else ""
    return f"{fence}{pad}{value}{pad}{fence}"


# Schemes a link may have; a URL without one is relative. Anything else (javascript:, data:,
# vbscript:, file:, ...) is shown as text.
LINK_SCHEMES = ("http", "https", "mailto")
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")
# What a browser drops from a URL before reading it (whitespace, controls), and invisible
# characters that could hide a scheme from a reader: all of it is ignored when judging one.
_URL_IGNORED = re.compile(f"[\\x00-\\x20\\x7f-\\x9f\\u200b-\\u200d\\u2060\\ufeff{BIDI_CONTROLS}]")
# Characters that would end or break a Markdown link destination, or hide in it.
_URL_QUOTED = re.compile(f"[\\s()<>\\\\\"'\\x00-\\x1f\\x7f-\\x9f{BIDI_CONTROLS}]")


def link_scheme(url: str) -> str | None:
    """The scheme of ``url`` as a browser reads it (lower case), or None for a relative URL.

    Markdown keeps or decodes HTML entities in a link and the browser decodes them, so
    ``javascript&colon;x`` is ``javascript:x`` to it: entities are decoded (twice, for a
    renderer that decodes once more) and ignored characters dropped before the scheme is read.
    """
    match = _SCHEME.match(_browser_view(url).lower())
    return match.group(1) if match else None


def is_allowed_link(url: str) -> bool:
    """Whether ``url`` may be a link: http, https, mailto, or relative (but not ``//host``)."""
    scheme = link_scheme(url)
    return scheme in LINK_SCHEMES if scheme else not _browser_view(url).startswith("//")


def _browser_view(url: str) -> str:
    return _URL_IGNORED.sub("", html.unescape(html.unescape(url)))


def link(label: object, url: str) -> Md:
    """A link to an allowed URL (see is_allowed_link); any other is shown as text."""
    safe_label = escape_inline(label)
    if not is_allowed_link(url):
        return Md(f"{safe_label} ({escape_inline(url)})")
    quoted = _URL_QUOTED.sub(lambda m: quote_url(m.group(), safe=""), url)
    return Md(f"[{safe_label}]({quoted})")


def quote(text: object) -> Md:
    """Escaped multi-line text as a block quote."""
    body = escape_block(text)
    return Md("\n".join(f"> {line}" if line else ">" for line in body.split("\n")))
