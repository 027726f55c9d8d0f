"""Which questions an answers file made with an older questionnaire version still has to answer."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from typing import Any

from mlpdm.core.answers.coerce import AnswerError, check_relations, coerce_answer
from mlpdm.core.answers.document import AnswersDoc
from mlpdm.core.answers.steps import visible_questions
from mlpdm.core.questionnaire.model import Questionnaire


def questions_to_update(
    questionnaire: Questionnaire, doc: AnswersDoc, again: Collection[str] = ()
) -> tuple[list[str], list[str]]:
    """New applicable questions without an answer, and answered ones changed since.

    Each question counts against the version of the questionnaire it came from (a team
    questionnaire's own version, or the version of the one it extends). Questions in
    ``again`` (their answers no longer fit) are new too.
    """
    new: list[str] = []
    changed: list[str] = []
    for question in visible_questions(questionnaire, doc.answers):
        if question.id in again and question.id not in doc.answers:
            new.append(question.id)
            continue
        made_with = doc.base_version if question.origin == "base" else doc.questionnaire_version
        if made_with is None:
            made_with = doc.questionnaire_version
        if question.id not in doc.answers and (question.since > made_with or question.required):
            # Added since, or optional then and required now (answered "not decided yet" if so).
            new.append(question.id)
        elif question.changed is not None and question.changed > made_with and question.id in doc.answers:
            changed.append(question.id)
    return new, changed


def moved_answers(team: Questionnaire, doc: AnswersDoc) -> tuple[AnswersDoc, tuple[str, ...]]:
    """``doc``, made with the questionnaire ``team`` extends, as answers to ``team``.

    Every answer that still fits its question in ``team`` is kept; the ids of those that no
    longer do (an override changed the question, or made it required) are returned, so they
    are asked again. The answers predate every version of the team's own questions (version
    0), so each of those that applies is new; the base's questions count from the version
    ``doc`` was made with.
    """
    kept: dict[str, Any] = {}
    again: list[str] = []
    for qid, value in doc.answers.items():
        question = team.question_index.get(qid)
        if question is None:
            continue
        try:
            fitted = coerce_answer(question, value)
            check_relations(team, question, fitted, doc.answers)
        except AnswerError:
            again.append(qid)
            continue
        if fitted is None and question.required:
            again.append(qid)
            continue
        kept[qid] = fitted
    moved = replace(
        doc,
        questionnaire_id=team.id,
        questionnaire_version=0,
        base_version=doc.questionnaire_version,
        answers=kept,
    )
    applies = {question.id for question in visible_questions(team, kept)}
    return moved, tuple(qid for qid in again if qid in applies)
