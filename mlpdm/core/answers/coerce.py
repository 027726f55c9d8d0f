"""One answer of one question, typed: the value a question accepts, or why it does not fit.

Its own module so the questionnaire model can check its defaults with it at import time, and the
answers document can use both, without a cycle.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from mlpdm.core.text.errors import Localized, Msg

if TYPE_CHECKING:
    from mlpdm.core.questionnaire.model import Question, Questionnaire

MAX_TEXT = 20_000  # characters in one answer; more is almost certainly a paste accident


class AnswerError(Exception):
    """An answer that does not fit its question: a message key and its values.

    ``message`` is the English text (for files and logs); ``text(lang)`` is what a person
    reads in the interview.
    """

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The reason in English."""
        return self.msg.text("en")

    def text(self, lang: str) -> str:
        """The reason in ``lang``."""
        return self.msg.text(lang)

    @property
    def msg(self) -> Msg:
        """The reason, to be put into words later in whichever language is wanted."""
        return Msg(f"answer.{self.key}", tuple(self.params.items()))


def coerce_answer(question: Question, value: Any) -> Any:
    """Turn a stored value (from YAML, possibly hand-edited) into the question's type.

    Returns None for "no answer". Raises AnswerError when the value does not fit.
    """
    if value is None:
        return None
    kind = question.type
    if kind in ("text", "longtext"):
        return _coerce_text(question, value)
    if kind == "yesno":
        return _coerce_yesno(question, value)
    if kind == "choice":
        return _coerce_choice(question, value)
    if kind == "multi":
        return _coerce_multi(question, value)
    if kind == "number":
        return _coerce_number(question, value)
    return _coerce_list(value)


def _coerce_text(question: Question, value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise AnswerError("expected_text", got=_kind(value))
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    if question.type == "text":
        text = " ".join(text.split("\n"))
    text = text.strip()
    if len(text) > MAX_TEXT:
        raise AnswerError("too_long", length=f"{len(text):,}", limit=f"{MAX_TEXT:,}")
    return text or None


def _coerce_yesno(question: Question, value: Any) -> str:
    if isinstance(value, bool):  # YAML reads a bare yes/no as a boolean
        return "yes" if value else "no"
    if isinstance(value, str) and value.strip().lower() in question.allowed_values():
        return value.strip().lower()
    raise AnswerError("expected_one_of", allowed=", ".join(question.allowed_values()), got=repr(value))


def _coerce_choice(question: Question, value: Any) -> str:
    if isinstance(value, bool) and ("yes" if value else "no") in question.allowed_values():
        return "yes" if value else "no"  # a bare yes/no, read as a boolean (as for yes/no questions)
    if isinstance(value, str) and value in question.allowed_values():
        return value
    raise AnswerError("not_a_choice", value=repr(value), allowed=", ".join(question.allowed_values()))


def _coerce_multi(question: Question, value: Any) -> list[str]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        raise AnswerError("expected_choices", got=_kind(value))
    allowed = question.allowed_values()
    bad = [item for item in items if not isinstance(item, str) or item not in allowed]
    if bad:
        raise AnswerError("not_choices", values=", ".join(map(repr, bad)), allowed=", ".join(allowed))
    chosen = set(items)
    exclusive = [c for c in question.choices if c.exclusive and c.value in chosen]
    if exclusive and len(chosen) > 1:
        raise AnswerError("exclusive", value=Localized(exclusive[0].label))
    if not chosen:
        raise AnswerError("choose_one")
    return [v for v in allowed if v in chosen]  # questionnaire order, no duplicates


def _coerce_number(question: Question, value: Any) -> int | float:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise AnswerError("expected_number", got=_kind(value))
    if isinstance(value, str):
        value = parse_number(value)
    if isinstance(value, float) and not math.isfinite(value):
        raise AnswerError("finite")
    if question.integer:
        if value != int(value):
            raise AnswerError("whole_number", value=value)
        value = int(value)
    elif isinstance(value, float) and value.is_integer():
        value = int(value)
    if question.min is not None and value < question.min:
        raise AnswerError("at_least", min=_fmt(question.min))
    if question.max is not None and value > question.max:
        raise AnswerError("at_most", max=_fmt(question.max))
    return value


def parse_number(text: str) -> int | float:
    """Parse what a person types as a number: ``1,200``, ``3.5``, ``１２`` (full-width)."""
    cleaned = unicodedata.normalize("NFKC", text).strip().replace(",", "").replace("_", "")
    try:
        number = float(cleaned)
    except ValueError:
        raise AnswerError("not_a_number", value=repr(text.strip())) from None
    if not math.isfinite(number):
        raise AnswerError("finite")
    return (
        int(number) if number.is_integer() and "." not in cleaned and "e" not in cleaned.lower() else number
    )


def _coerce_list(value: Any) -> list[str] | None:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        raise AnswerError("expected_items", got=_kind(value))
    out: list[str] = []
    for item in items:
        if isinstance(item, bool) or not isinstance(item, str | int | float):
            raise AnswerError("item_text", got=_kind(item))
        text = " ".join(str(item).split())
        if len(text) > MAX_TEXT:
            raise AnswerError("item_too_long", length=f"{len(text):,}", limit=f"{MAX_TEXT:,}")
        if text and text not in out:
            out.append(text)
    return out or None


def _kind(value: Any) -> str:
    return {dict: "a mapping", list: "a list", bool: "true/false"}.get(type(value), type(value).__name__)


def _fmt(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)


def check_relations(
    questionnaire: Questionnaire, question: Question, value: Any, answers: Mapping[str, Any]
) -> None:
    """Checks between answers: a number may not exceed the one named by ``at_most``."""
    if question.at_most is None or not isinstance(value, int | float):
        return
    limit = answers.get(question.at_most)
    if isinstance(limit, int | float) and value > limit:
        other = questionnaire.question(question.at_most)
        raise AnswerError("at_most_answer", max=_fmt(limit), other=Localized(other.short or other.prompt))
