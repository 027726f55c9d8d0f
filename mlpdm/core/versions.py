"""Which questions an answers file made with an older questionnaire version still has to answer."""

from __future__ import annotations

from mlpdm.core.answers import AnswersDoc
from mlpdm.core.interview import visible_questions
from mlpdm.core.questionnaire import Questionnaire


def questions_to_update(questionnaire: Questionnaire, doc: AnswersDoc) -> tuple[list[str], list[str]]:
    """New applicable questions without an answer, and answered ones changed since.

    Each question counts against the version of the questionnaire it came from (a team
    questionnaire's own version, or the version of the one it extends).
    """
    new: list[str] = []
    changed: list[str] = []
    for question in visible_questions(questionnaire, doc.answers):
        made_with = doc.base_version if question.origin == "base" else doc.questionnaire_version
        if made_with is None:
            made_with = doc.questionnaire_version
        if question.id not in doc.answers and (question.since > made_with or question.required):
            # Added since, or optional then and required now (answered "not decided yet" if so).
            new.append(question.id)
        elif question.changed is not None and question.changed > made_with and question.id in doc.answers:
            changed.append(question.id)
    return new, changed
