"""Answers and numbers as a person reads them, in either language."""

from __future__ import annotations

from typing import Any

from mlpdm.core.questionnaire.model import UNSURE, Question
from mlpdm.core.text.languages import pick
from mlpdm.core.text.messages import t


def display_value(question: Question, value: Any, lang: str) -> str:
    """An answer as a person reads it: choice labels, Yes/No, items joined."""
    if value is None or value == []:
        return t("value.none", lang)
    if question.type in ("yesno", "choice"):
        return _option_label(question, value, lang)
    if question.type == "multi":
        return t("p.sep", lang).join(_option_label(question, item, lang) for item in value)
    if question.type == "list":
        return t("p.sep", lang).join(value)
    return str(value)


def _option_label(question: Question, value: str, lang: str) -> str:
    if question.type == "yesno" or value == UNSURE:
        return t(f"value.{value}", lang)
    choice = question.choice(value)
    return pick(choice.label, lang) if choice else str(value)


def number(value: float, *, decimals: int = 1) -> str:
    """A number with thousands separators and no needless decimals: 19,250 · 98.4 · 0.45."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.{decimals}f}".rstrip("0").rstrip(".")


def percent(fraction: float) -> str:
    """A fraction as a percentage with one decimal: 0.7864 -> 78.6."""
    return number(round(fraction * 100, 1))
