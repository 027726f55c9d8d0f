"""How a person would type a given answer at the interview's prompt."""

from __future__ import annotations

from typing import Any

from mlpdm.core.questionnaire.model import Question


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


# A short, complete interview of the packaged questionnaire: the "ML not needed" path, ten
# questions. The interrupt and write tests type it through pipes and pseudo-terminals.
SHORT: dict[str, Any] = {
    "user_problem": "Staff cannot find help pages.",
    "audience": "internal",
    "need_evidence": "research",
    "current_process": "software",
    "baseline": "40% fail",
    "usage_measure": None,
    "daily_volume": None,
    "simpler_alternative": "fully",
    "alternative": "Keyword search",
    "revisit_signal": None,
}


def short_lines(skip: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """The lines that answer ``SHORT`` (but the questions in ``skip``) at the prompt."""
    from mlpdm.repo.resources import load_packaged_questionnaire

    q = load_packaged_questionnaire()
    return [
        line
        for qid, value in SHORT.items()
        if qid not in skip
        for line in typed_lines(q.question(qid), value)
    ]
