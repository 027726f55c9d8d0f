"""Turn what a person typed at a prompt into a command (help, back) or a typed answer."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from mlpdm.core.answers.coerce import AnswerError, coerce_answer, parse_number
from mlpdm.core.questionnaire.model import UNSURE, Question
from mlpdm.core.text.messages import t
from mlpdm.core.text.readable import display_value

HELP_WORDS = frozenset({"?", "help", "？", "ヘルプ"})
BACK_WORDS = frozenset({"<", "back", "＜", "戻る"})
CLEAR_WORD = "-"
# Words accepted for yes / no / not sure, in every supported language and at every prompt
# that asks one of them (questions, choices whose values are yes/no, the y/n confirmations).
YES_WORDS = frozenset({"y", "yes", "yeah", "yep", "はい", "うん", "ええ"})
NO_WORDS = frozenset({"n", "no", "nope", "いいえ", "いや", "ううん"})
UNSURE_WORDS = frozenset(
    {
        "u",
        "unsure",
        "not sure",
        "dont know",
        "don't know",
        "idk",
        "わからない",
        "分からない",
        "わかりません",
        "分かりません",
        "不明",
    }
)


def fold(text: str) -> str:
    """What a typed word is compared as: NFKC (full-width to ASCII), case-folded, spaces squeezed."""
    return " ".join(_norm(text).casefold().replace("\u2019", "'").split())


def yes_no_word(text: str) -> str | None:
    """``"yes"``, ``"no"`` or ``UNSURE`` for a word that says so in either language, else None."""
    word = fold(text)
    if word in YES_WORDS:
        return "yes"
    if word in NO_WORDS:
        return "no"
    return UNSURE if word in UNSURE_WORDS else None


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
        return _yesno(question, text, lang)
    if kind == "choice":
        return _choose_one(question, text, lang)
    return _choose_many(question, text, lang)


def _yesno(question: Question, text: str, lang: str) -> str:
    value = _match(question, text, lang)
    if value is None:
        raise AnswerError("yes_no_unsure" if question.unsure else "yes_no")
    return value


def _choose_one(question: Question, text: str, lang: str) -> str:
    value = _match(question, text, lang)
    if value is None:
        raise AnswerError("choose_number", value=text.strip(), count=len(options(question)))
    return value


def _match(question: Question, token: str, lang: str) -> str | None:
    """The option ``token`` names, else None; AnswerError when it could be several.

    An option is named by its number, its value or label (any case), a yes/no/not-sure word,
    or the start of its value or label when no other option's starts the same way.
    """
    values = options(question)
    word = fold(token)
    if word.isdigit():
        number = int(word)
        return values[number - 1] if 1 <= number <= len(values) else None
    said = yes_no_word(word)
    names = {value: _names(question, value, lang) for value in values}
    for value in values:
        if word in names[value] or said == value:
            return value
    if said in ("yes", "no"):
        return None  # "n" on a question without "no" means no, not the start of "Not sure"
    started = [value for value in values if any(name.startswith(word) for name in names[value])]
    if len(started) > 1:
        which = t("p.comma", lang).join(
            f"{values.index(value) + 1} {_label(question, value, lang)}" for value in started
        )
        raise AnswerError("ambiguous", value=token.strip(), choices=which)
    return started[0] if started else None


def _names(question: Question, value: str, lang: str) -> set[str]:
    """The words an option is known by: its stored value and its label, here and in English."""
    return {fold(value), fold(_label(question, value, lang)), fold(_label(question, value, "en"))}


def _label(question: Question, value: str, lang: str) -> str:
    """An option's label as the question lists it."""
    return display_value(question, [value] if question.type == "multi" else value, lang)


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
                raise AnswerError("choose_numbers", value=piece)
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
