"""When a brief is due for review: the team's interval, sooner when the model can change."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping
from typing import Any

from mlpdm.core.answers.steps import compute_visibility
from mlpdm.core.questionnaire.model import Questionnaire
from mlpdm.core.text.languages import pick


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day when it has fewer days)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def review_by(
    questionnaire: Questionnaire, answers: Mapping[str, Any], today: dt.date, months: int, lang: str = "en"
) -> tuple[dt.date, str | None]:
    """The review date and, when a questionnaire rule shortened it, the reason why."""
    scope = compute_visibility(questionnaire, answers).scope
    chosen, reason = months, None
    for rule in questionnaire.review_sooner:
        if rule.months < chosen and scope.check(rule.when, "review rule"):
            chosen, reason = rule.months, pick(rule.reason, lang)
    return add_months(today, chosen), reason
