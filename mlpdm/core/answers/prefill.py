"""Answers given ahead of an interview (``interview --data``): which are used, which are asked again.

A file of answers is an mlpdm answers file or plain ``question_id: answer`` lines. Each value
is checked as an answers file's value is (``coerce_answer``); a text value that does not fit
is read once more as if typed at the prompt (a choice's number or label, ``yes``), so a
hand-written file may say what a person would type. A value that still does not fit is not
an error: the interview asks that question and says why the value was not used. What cannot
be read as answers at all (not a mapping, an unknown question id) is a UserError with its line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from mlpdm.core.answers.coerce import AnswerError, check_relations, coerce_answer
from mlpdm.core.answers.inputs import Answer, interpret
from mlpdm.core.questionnaire.model import Question, Questionnaire, SourceFile
from mlpdm.core.text.errors import Location, Msg, Problem, UserError


@dataclass(frozen=True)
class Rejected:
    """A prefilled value that was not used, where it is written and why."""

    where: Location
    question: Question
    reason: Msg


@dataclass(frozen=True)
class Prefill:
    """The answers a file gives ahead of the interview, and the values it could not use."""

    path: str
    answers: Mapping[str, Any] = field(default_factory=dict)
    rejected: tuple[Rejected, ...] = ()
    owner: str | None = None  # an answers file's meta.owner, used when --owner is not given
    # An answers file leaves out what was skipped (as revising one assumes); plain lines of
    # answers may be partial, so what they leave out is asked.
    whole: bool = False


def read_prefill(data: Any, questionnaire: Questionnaire, source: SourceFile, lang: str = "en") -> Prefill:
    """The answers ``data`` (a loaded YAML file) gives for ``questionnaire``."""
    values, prefix = _answers_part(data)
    if values is None:
        raise UserError.of("data_not_mapping", where=source.locate(prefix), path=source.path)
    unknown = [
        Problem.of("unknown_question", source.locate((*prefix, key)), key=repr(key))
        for key in values
        if str(key) not in questionnaire.question_index
    ]
    if unknown:
        raise UserError.of("data_invalid", path=source.path, count=len(unknown), problems=tuple(unknown))
    accepted: dict[str, Any] = {}
    rejected: list[Rejected] = []
    for key, value in values.items():
        question = questionnaire.question(str(key))
        if value is None:
            continue  # an empty key: not answered in the file, so asked
        try:
            coerced = _value(question, value, lang)
        except AnswerError as exc:
            rejected.append(Rejected(source.locate((*prefix, key)), question, exc.msg))
            continue
        if coerced is not None:
            accepted[question.id] = coerced
    for qid, value in list(accepted.items()):  # between answers: a number above the one it may not pass
        question = questionnaire.question(qid)
        try:
            check_relations(questionnaire, question, value, accepted)
        except AnswerError as exc:
            rejected.append(Rejected(source.locate((*prefix, qid)), question, exc.msg))
            del accepted[qid]
    ordered = {k: accepted[k] for k in sorted(accepted, key=questionnaire.order.__getitem__)}
    rejected.sort(key=lambda r: questionnaire.order[r.question.id])
    whole = bool(prefix)
    return Prefill(source.path, ordered, tuple(rejected), _owner(data) if whole else None, whole)


def _answers_part(data: Any) -> tuple[Mapping[str, Any] | None, tuple[str, ...]]:
    """The mapping of answers in ``data`` and the key path to it (an answers file's ``answers``)."""
    if not isinstance(data, Mapping):
        return None, ()
    if "answers" in data and ({"questionnaire", "meta"} & set(data)):
        answers = data["answers"]
        if answers is None:
            return {}, ("answers",)
        return (answers, ("answers",)) if isinstance(answers, Mapping) else (None, ("answers",))
    return data, ()


def _value(question: Question, value: Any, lang: str) -> Any:
    try:
        return coerce_answer(question, value)
    except AnswerError as first:
        if not isinstance(value, str) or question.type in ("text", "longtext", "list"):
            raise
        # As typed at the prompt: "2" or a label for a choice, "y" for yes/no, "1 200" for a number.
        try:
            command = interpret(question, value.split("\n"), None, lang)
        except AnswerError:
            pass
        else:
            if isinstance(command, Answer) and command.value is not None:
                return command.value
        raise first from None  # the file's value, in the file's terms


def _owner(data: Mapping[str, Any]) -> str | None:
    meta = data.get("meta")
    owner = meta.get("owner") if isinstance(meta, Mapping) else None
    return " ".join(owner.split()) if isinstance(owner, str) and owner.strip() else None
