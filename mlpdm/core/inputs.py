"""Turn what a person typed at a prompt into a command (help, back) or a typed answer."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from mlpdm.core.answers import AnswerError, coerce_answer, parse_number
from mlpdm.core.questionnaire import UNSURE, Question
from mlpdm.core.text import pick

HELP_WORDS = frozenset({"?", "help", "？", "ヘルプ"})
BACK_WORDS = frozenset({"<", "back", "＜", "戻る"})
CLEAR_WORD = "-"
# Words accepted for yes / no / not sure, in every supported language.
YES_WORDS = frozenset({"y", "yes", "はい", "うん"})
NO_WORDS = frozenset({"n", "no", "いいえ", "いや"})
UNSURE_WORDS = frozenset(
    {"u", "unsure", "not sure", "dont know", "don't know", "わからない", "分からない", "不明"}
)


@dataclass(frozen=True)
class Help:
    """Show "why this matters"."""


@dataclass(frozen=True)
class Back:
    """Go to the previous question."""


@dataclass(frozen=True)
class Answer:
    """A typed answer (None = left blank)."""

    value: Any


Command = Help | Back | Answer


def options(question: Question) -> list[str]:
    """The stored values in the numbered order a front end shows them."""
    return list(question.allowed_values())


def interpret(question: Question, lines: list[str], current: Any, lang: str = "en") -> Command:
    """Interpret the line(s) typed for ``question``; raise AnswerError when they do not fit.

    ``lines`` is one line for most questions and several for long text and lists. An empty
    entry keeps ``current`` (the earlier answer or the default) when there is one, and
    skips an optional question otherwise; ``-`` clears an optional answer.
    """
    first = _norm(lines[0]) if lines else ""
    if first.lower() in HELP_WORDS and len(lines) <= 1:
        return Help()
    if first.lower() in BACK_WORDS and len(lines) <= 1:
        return Back()
    if not any(line.strip() for line in lines):
        if current is not None:
            return Answer(current)
        if not question.required:
            return Answer(None)
        raise AnswerError("needed")
    if first == CLEAR_WORD and len(lines) <= 1:
        if question.required:
            raise AnswerError("cannot_clear")
        return Answer(None)
    return Answer(_parse(question, lines, lang))


def _norm(text: str) -> str:
    # NFKC folds full-width digits and punctuation typed with a Japanese IME.
    return unicodedata.normalize("NFKC", text).strip()


def _parse(question: Question, lines: list[str], lang: str) -> Any:
    kind = question.type
    if kind == "longtext":
        return coerce_answer(question, "\n".join(line.rstrip() for line in lines))
    if kind == "list":
        return coerce_answer(question, [line for line in lines if line.strip()])
    text = _norm(lines[0])
    if kind == "text":
        return coerce_answer(question, lines[0])
    if kind == "number":
        return coerce_answer(question, parse_number(text))
    if kind == "yesno":
        return _yesno(question, text)
    if kind == "choice":
        return _choose_one(question, text, lang)
    return _choose_many(question, text, lang)


def _yesno(question: Question, text: str) -> str:
    word = text.lower()
    values = options(question)
    if word.isdigit() and 1 <= int(word) <= len(values):
        return values[int(word) - 1]
    if word in YES_WORDS:
        return "yes"
    if word in NO_WORDS:
        return "no"
    if word in UNSURE_WORDS and question.unsure:
        return UNSURE
    raise AnswerError("yes_no_unsure" if question.unsure else "yes_no")


def _choose_one(question: Question, text: str, lang: str) -> str:
    value = _match(question, text, lang)
    if value is None:
        raise AnswerError("choose_number", value=repr(text), count=len(options(question)))
    return value


def _match(question: Question, token: str, lang: str) -> str | None:
    values = options(question)
    word = token.strip().lower()
    if word.isdigit():
        number = int(word)
        return values[number - 1] if 1 <= number <= len(values) else None
    for value in values:
        choice = question.choice(value)
        labels = {value.lower()}
        if choice is not None:
            labels |= {pick(choice.label, lang).lower(), pick(choice.label, "en").lower()}
        elif value == UNSURE:
            labels |= UNSURE_WORDS
        if word in labels:
            return value
    return None


_RANGE = re.compile(r"^(\d+)\s*-\s*(\d+)$")


def _choose_many(question: Question, text: str, lang: str) -> list[str]:
    values = options(question)
    chosen: list[str] = []
    for piece in (p.strip() for p in re.split(r"[,、;]", text)):
        if not piece:
            continue
        found = _expand(question, piece, lang, values)
        if found is None:
            # "1 3" or "a b": try each word on its own.
            words = [_expand(question, w, lang, values) for w in piece.split()]
            if len(words) < 2 or any(w is None for w in words):
                raise AnswerError("choose_numbers", value=repr(piece))
            found = [v for w in words for v in (w or [])]
        chosen.extend(found)
    return coerce_answer(question, chosen)


def _expand(question: Question, token: str, lang: str, values: list[str]) -> list[str] | None:
    match = _RANGE.match(token)
    if match:
        low, high = int(match.group(1)), int(match.group(2))
        if not (1 <= low <= high <= len(values)):
            raise AnswerError("range", range=token, count=len(values))
        return values[low - 1 : high]
    value = _match(question, token, lang)
    return None if value is None else [value]
