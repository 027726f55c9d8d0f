"""How a person would type a given answer at the interview's prompt."""

from __future__ import annotations

from typing import Any

from mlpdm.core.questionnaire import Question


def typed_lines(question: Question, value: Any) -> list[str]:
    """The lines to type for ``value`` (long text and lists end with an empty line)."""
    if question.type in ("longtext", "list"):
        if value is None:
            return [""]
        items = value.split("\n") if isinstance(value, str) else list(value)
        return [*items, ""]
    if value is None:
        return [""]
    if question.type == "multi":
        return [",".join(value)]
    return [str(value)]
