"""The Japanese texts read as written in Japanese: the mechanical faults of a translation.

docs/japanese.md is the style these tests hold the texts to: the interview, its help and the
command line polite (です・ます), the brief plain (である), counters that fit the number, and
full-width punctuation inside Japanese sentences.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from mlpdm.core.text.messages import MESSAGES

# Catalogue keys whose texts are the brief's (the evaluation plan stays the brief's where
# `mlpdm stats` shows it); every other key speaks to the user at the terminal.
BRIEF_KEYS = ("verdict.", "brief.", "card.", "plan.", "whatif.", "diagram.", "outcome.", "metric.")
# Questionnaire texts the interview shows as sentences. Choice labels are answers, written as
# the user would say them; titles and short labels are headings: neither is checked for style.
SPOKEN_FIELDS = {"prompt", "help", "intro", "description", "definition", "summary"}
BRIEF_FIELDS = {"message", "action"}

POLITE = ("です", "ます", "ません", "ました", "でした", "ください", "ましょう", "でしょう")
PLAIN_TAIL = tuple("うくぐすつぬぶむるただいず")
KANA_KANJI = r"[ぁ-んァ-ヶー一-龯々]"


def questionnaire_texts(default_q: Any) -> Iterator[tuple[str, str, str]]:
    """(where, field, Japanese text) for every Japanese text of the default questionnaire."""

    def walk(node: Any, where: str, field: str) -> Iterator[tuple[str, str, str]]:
        if isinstance(node, dict):
            if isinstance(node.get("ja"), str) and isinstance(node.get("en"), str):
                yield where, field, node["ja"]
                return
            label = node.get("id", "")
            for key, value in node.items():
                yield from walk(value, f"{where}.{label or key}", key)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value, where, field)

    yield from walk(default_q.model_dump(mode="json"), "questionnaire", "")


def all_texts(default_q: Any) -> list[tuple[str, str]]:
    texts = [(key, entry["ja"]) for key, entry in MESSAGES.items() if "ja" in entry]
    return texts + [(where, text) for where, _, text in questionnaire_texts(default_q)]


def _prose(text: str) -> str:
    """The text without code, placeholders, link targets and (nested) parentheticals."""
    text = re.sub(r"`[^`]*`|\{[^}]*\}|\]\([^)]*\)|https?://\S+", "X", text)
    while True:
        shorter = re.sub(r"（[^（）]*）|\([^()]*\)", "", text)
        if shorter == text:
            return text
        text = shorter


def endings(text: str) -> Iterator[tuple[str, bool]]:
    """Each sentence's last words, and whether it ends as a sentence or clause does (。？！：)."""
    for line in _prose(text).splitlines():
        for part in re.split(r"(?<=[。？！：])", line):
            closed = part.rstrip().endswith(("。", "？", "！", "："))
            words = part.strip().rstrip("。？！：").rstrip("」』*").strip()
            if words:
                yield words, closed


def is_polite(words: str) -> bool:
    return words.removesuffix("か").endswith(POLITE)


def is_plain(words: str, closed: bool) -> bool:
    """A closed sentence ending in a plain verb or adjective: 「…する。」「…ない。」「…だ。」.

    "1 つ：" is a counter, not the verb つ; an unclosed phrase is a label, not a sentence.
    """
    if not closed or is_polite(words) or re.search(r"\d\s?つ$", words):
        return False
    return words.endswith(PLAIN_TAIL)


def catalogues(default_q: Any) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(the brief's texts, the texts that speak to the user) in Japanese."""
    brief = [(key, e["ja"]) for key, e in MESSAGES.items() if "ja" in e and key.startswith(BRIEF_KEYS)]
    spoken = [(key, e["ja"]) for key, e in MESSAGES.items() if "ja" in e and not key.startswith(BRIEF_KEYS)]
    for where, field, text in questionnaire_texts(default_q):
        if field in BRIEF_FIELDS and ".rules." in where:
            brief.append((f"{where}.{field}", text))
        elif field in SPOKEN_FIELDS and ".rules." not in where:
            spoken.append((f"{where}.{field}", text))
    return brief, spoken


def test_the_brief_is_written_plain_throughout(default_q):
    """である調: a finding in である under a card that says 「作らないでください」 reads as two authors."""
    brief, _ = catalogues(default_q)
    assert len(brief) > 200
    polite = [(key, words) for key, text in brief for words, _ in endings(text) if is_polite(words)]
    assert polite == []


def test_the_interview_and_the_command_line_are_polite_throughout(default_q):
    """です・ます調: a help text in である under a prompt in です・ます reads as a translation."""
    _, spoken = catalogues(default_q)
    assert len(spoken) > 500
    plain = [(key, words) for key, text in spoken for words, done in endings(text) if is_plain(words, done)]
    assert plain == []


def test_counters_fit_their_numbers(default_q):
    """「つ」 counts one to nine only: not 「10 つの」, nor 「{count} つ」 where the count can be 10."""
    wrong = [
        (key, text)
        for key, text in all_texts(default_q)
        if re.search(r"(?:\d{2,}|\{[^}]*\})\s?つ(?![いか])", text)
    ]
    assert wrong == []


def test_japanese_sentences_use_full_width_punctuation(default_q):
    """「、」「（）」「：」「？」 in Japanese, not ", " "(…)" ": " "?" (code, formulas, key names aside)."""
    half = re.compile(
        rf"{KANA_KANJI}\s?,|,\s?{KANA_KANJI}"  # a comma between Japanese words
        rf"|\([^()]*{KANA_KANJI}[^()]*\)"  # half-width parentheses around Japanese
        rf"|{KANA_KANJI}[:;!?]"  # a colon, semicolon or mark right after a Japanese word
    )
    wrong = []
    for key, text in all_texts(default_q):
        prose = re.sub(r"`[^`]*`|\{[^}]*\}|\]\([^)]*\)|https?://\S+", "X", text)
        wrong += [(key, prose[max(0, m.start() - 10) : m.end() + 10]) for m in half.finditer(prose)]
    assert wrong == []


@pytest.mark.parametrize(
    ("text", "polite", "plain"),
    [
        ("この設計のままでは作らないでください。", True, False),
        ("この設計のままで作るべきではない。", False, True),
        ("評価データの準備状況（いいえ）", False, False),  # a label, not a sentence
        ("次のどれか 1 つ：", False, False),
        ("許容できないリスクがあるか？", False, False),
    ],
)
def test_the_style_of_a_sentence_is_read_from_its_ending(text, polite, plain):
    [(words, closed)] = list(endings(text))
    assert (is_polite(words), is_plain(words, closed)) == (polite, plain)
