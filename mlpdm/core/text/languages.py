"""Texts in several languages, and picking one with an explicit fallback to English."""

from __future__ import annotations

import re
from collections.abc import Mapping

LANGUAGES: tuple[str, ...] = ("en", "ja")
DEFAULT_LANGUAGE = "en"

LocalizedText = Mapping[str, str]


_SURROGATE = re.compile("[\ud800-\udfff]")


def first_undecodable(text: str) -> tuple[int, int | None] | None:
    """Where ``text`` holds something that was not UTF-8: (character index, byte), else None.

    Text read with Python's ``surrogateescape`` (file names, arguments, standard input) keeps
    each byte that did not decode as a lone surrogate U+DC80..U+DCFF; no UTF-8 file can hold
    one, so it is refused where it comes in rather than written into a file mlpdm could not
    read back. The byte is None for other lone surrogates.
    """
    found = _SURROGATE.search(text)
    if found is None:
        return None
    code = ord(found.group())
    return found.start(), (code - 0xDC00 if 0xDC80 <= code <= 0xDCFF else None)


def pick(text: LocalizedText | None, lang: str) -> str:
    """Return ``text`` in ``lang``, falling back to English, or "" when there is none."""
    if not text:
        return ""
    return text.get(lang) or text.get(DEFAULT_LANGUAGE) or ""


def normalize_lang(lang: str | None) -> str:
    """Map a locale-like value (``ja_JP.UTF-8``, ``en-GB``) to a supported language."""
    if not lang:
        return DEFAULT_LANGUAGE
    short = lang.replace("-", "_").split("_")[0].split(".")[0].lower()
    return short if short in LANGUAGES else DEFAULT_LANGUAGE


def resolve_language(
    flag: str | None = None,
    *,
    recorded: str | None = None,
    configured: str | None = None,
    configured_in: str = "config",
    environ: Mapping[str, str] | None = None,
    default: str = DEFAULT_LANGUAGE,
) -> tuple[str, str]:
    """The language to use, and where it came from: the one order every command follows.

    ``--lang`` on the command line; then the language a brief or page on disk was rendered in
    (``recorded``: it stays in it); then the team's configuration; then the locale, when the
    caller passes the environment (files kept for the whole team leave it out, so that
    whoever runs the command does not rewrite them); then ``default``.
    """
    if flag:
        return flag, "command line"
    if recorded in LANGUAGES:
        return recorded, "brief"
    if configured:
        return configured, configured_in
    for key in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = (environ or {}).get(key)
        if value:
            return normalize_lang(value), f"environment ({key})"
    return default, "default"


# Answers that say "nothing yet" in words. Conditions read them as blank, so "tbd" is no
# KPI and a required question can be answered honestly with "not decided yet".
PLACEHOLDERS = frozenset(
    {
        "",
        "-",
        "--",
        "---",
        "?",
        "??",
        "???",
        "x",
        "xx",
        "...",
        "…",
        "tbd",
        "tba",
        "tbc",
        "todo",
        "n/a",
        "na",
        "none",
        "none yet",
        "nothing",
        "unknown",
        "not sure",
        "not decided",
        "not decided yet",
        "undecided",
        "not yet",
        "not defined",
        "not defined yet",
        "未定",
        "なし",
        "不明",
        "未決定",
        "検討中",
        "まだ",
        "わからない",
        "ー",
        "－",
        "？",
    }
)


def is_placeholder(text: str) -> bool:
    """Whether a typed answer only says it has no answer yet ("tbd", "?", "n/a", "未定")."""
    return " ".join(text.split()).strip(" .。!！").casefold() in PLACEHOLDERS
