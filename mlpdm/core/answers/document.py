"""The answers document: its shape, validation, relations between answers, decision and digest."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from mlpdm.core.answers.coerce import AnswerError, check_relations, coerce_answer
from mlpdm.core.answers.steps import visible_questions
from mlpdm.core.questionnaire.model import UNSURE, Questionnaire, SourceFile
from mlpdm.core.text.errors import Location, Problem, UserError

META_KEYS: tuple[str, ...] = ("feature", "slug", "owner", "date", "review_by")
DECISION_STATUSES: tuple[str, ...] = ("draft", "accepted", "rejected", "superseded")
DECISION_KEYS: tuple[str, ...] = ("status", "by", "date", "rationale", "superseded_by")
TOP_KEYS: tuple[str, ...] = ("questionnaire", "meta", "decision", "answers")
DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class AnswersDoc:
    """What an answers file holds: which questionnaire, facts about the feature, the answers."""

    questionnaire_id: str
    questionnaire_version: int
    meta: Mapping[str, str]
    answers: Mapping[str, Any] = field(default_factory=dict)
    decision: Mapping[str, str] = field(default_factory=dict)  # the team's call (see `mlpdm decide`)
    base_version: int | None = None  # version of the questionnaire this one extends, if any

    @property
    def feature(self) -> str:
        """The feature's name."""
        return self.meta.get("feature", "")

    @property
    def slug(self) -> str:
        """The file-name stem of the answers file and brief."""
        return self.meta.get("slug", "")

    @property
    def status(self) -> str:
        """The team's decision status (draft until someone decides)."""
        return self.decision.get("status", "draft")

    def to_mapping(self) -> dict[str, Any]:
        """The document as plain data, in the order it is written to disk."""
        ref: dict[str, Any] = {"id": self.questionnaire_id, "version": self.questionnaire_version}
        if self.base_version is not None:
            ref["base_version"] = self.base_version
        out: dict[str, Any] = {"questionnaire": ref, "meta": dict(self.meta)}
        if self.decision:
            out["decision"] = dict(self.decision)
        out["answers"] = dict(self.answers)
        return out

    def digest(self) -> str:
        """A short, stable fingerprint of everything the brief is rendered from."""
        canonical = json.dumps(self.to_mapping(), sort_keys=True, ensure_ascii=False)
        return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


# -- coercion ----------------------------------------------------------------------------------


def is_unsure(value: Any) -> bool:
    """Whether an answer is "not sure" (alone, for single answers)."""
    return value == UNSURE


# -- the document ------------------------------------------------------------------------------


def parse_answers_doc(
    data: Any, questionnaire: Questionnaire, source: SourceFile, *, partial: bool = False
) -> AnswersDoc:
    """Validate a loaded answers mapping against its questionnaire; raise UserError listing all problems.

    Checks the shape, unknown question ids, values that do not fit their question, and
    (unless ``partial``, as for an unfinished interview) required questions that apply
    but have no answer.
    """
    problems: list[Problem] = []
    if not isinstance(data, Mapping):
        raise UserError.of("not_answers", where=Location(source.path, 1), path=source.path)
    unknown_top = sorted(set(map(str, data)) - set(TOP_KEYS))
    for key in unknown_top:
        problems.append(Problem.of("unknown_top_key", source.locate((key,)), key=repr(key)))
    qid, version, base_version = _parse_questionnaire_ref(data.get("questionnaire"), source, problems)
    # A file made with an older version may lack answers to questions added since, and may
    # answer questions since removed: `mlpdm check` reports it, `interview --update` fixes it.
    outdated = is_outdated(questionnaire, version, base_version)
    _check_not_newer(questionnaire, version, base_version, source, problems)
    if qid is not None and qid != questionnaire.id:
        problems.append(
            Problem.of(
                "other_questionnaire",
                source.locate(("questionnaire", "id")),
                made=repr(qid),
                checked=repr(questionnaire.id),
            )
        )
    meta = _parse_meta(data.get("meta"), source, problems)
    decision = _parse_decision(data.get("decision"), source, problems)
    answers = _parse_answers(data.get("answers"), questionnaire, source, problems, outdated=outdated)
    for qid, value in answers.items():
        try:
            check_relations(questionnaire, questionnaire.question(qid), value, answers)
        except AnswerError as exc:
            problems.append(Problem.of("answer", source.locate(("answers", qid)), qid=qid, reason=exc.msg))
    if not problems and not partial and not outdated:
        for question in visible_questions(questionnaire, answers):
            if question.required and answers.get(question.id) is None:
                # At its key when the file has one (left empty, as `mlpdm new` writes them).
                where = source.locate(("answers", question.id))
                problems.append(Problem.of("required", where, qid=repr(question.id)))
    if problems:
        raise UserError.of("answers_invalid", path=source.path, count=len(problems), problems=tuple(problems))
    return AnswersDoc(
        questionnaire_id=questionnaire.id,
        questionnaire_version=version or questionnaire.version,
        meta=meta,
        answers=answers,
        decision=decision,
        base_version=base_version if questionnaire.base_version is not None else None,
    )


def _check_not_newer(
    questionnaire: Questionnaire,
    version: int | None,
    base_version: int | None,
    source: SourceFile,
    problems: list[Problem],
) -> None:
    # Versions count up from 1: a file from a later version was made by a newer mlpdm (or a
    # newer team questionnaire), whose questions and rules this one does not have.
    for key, name, made, known in (
        ("questionnaire_too_new", "version", version, questionnaire.version),
        ("base_too_new", "base_version", base_version, questionnaire.base_version),
    ):
        if made is not None and known is not None and made > known:
            problems.append(
                Problem.of(
                    key,
                    source.locate(("questionnaire", name)),
                    made=made,
                    qid=repr(questionnaire.id),
                    known=known,
                )
            )


def questionnaire_id_of(data: Any) -> str | None:
    """The questionnaire id an answers mapping names, if it names one properly."""
    ref = data.get("questionnaire") if isinstance(data, Mapping) else None
    qid = ref.get("id") if isinstance(ref, Mapping) else None
    return qid if isinstance(qid, str) and qid else None


def is_outdated(questionnaire: Questionnaire, version: int | None, base_version: int | None) -> bool:
    """Whether answers made with ``version`` (and ``base_version``) predate the questionnaire."""
    if version is not None and version < questionnaire.version:
        return True
    return (
        questionnaire.base_version is not None
        and base_version is not None
        and base_version < questionnaire.base_version
    )


def is_real_date(text: str) -> bool:
    """Whether ``text`` (shaped like 2026-01-31) names a day in the calendar (not 2026-02-30)."""
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _parse_decision(decision: Any, source: SourceFile, problems: list[Problem]) -> dict[str, str]:
    if decision is None:
        return {}
    if not isinstance(decision, Mapping):
        problems.append(Problem.of("decision_mapping", source.locate(("decision",))))
        return {}
    out: dict[str, str] = {}
    for key, value in decision.items():
        where = source.locate(("decision", key))
        if key not in DECISION_KEYS:
            problems.append(
                Problem.of("unknown_decision_key", where, key=repr(key), known=", ".join(DECISION_KEYS))
            )
            continue
        if hasattr(value, "isoformat"):
            value = value.isoformat()
        if value is None:
            continue
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            problems.append(Problem.of("decision_text", where, key=repr(key)))
            continue
        text = str(value).strip()
        out[key] = text if key == "rationale" else " ".join(text.split())
    status = out.get("status", "draft")
    if status not in DECISION_STATUSES:
        problems.append(
            Problem.of(
                "decision_status",
                source.locate(("decision", "status")),
                status=repr(status),
                known=", ".join(DECISION_STATUSES),
            )
        )
    if out.get("date") and not DATE_PATTERN.match(out["date"]):
        problems.append(Problem.of("decision_date", source.locate(("decision", "date"))))
    elif out.get("date") and not is_real_date(out["date"]):
        problems.append(
            Problem.of("decision_not_a_date", source.locate(("decision", "date")), value=repr(out["date"]))
        )
    return {k: out[k] for k in DECISION_KEYS if k in out}


def _parse_questionnaire_ref(
    ref: Any, source: SourceFile, problems: list[Problem]
) -> tuple[str | None, int | None, int | None]:
    if not isinstance(ref, Mapping) or not isinstance(ref.get("id"), str):
        problems.append(Problem.of("questionnaire_mapping", source.locate(("questionnaire",))))
        return None, None, None
    numbers: list[int | None] = []
    for key in ("version", "base_version"):
        value = ref.get(key)
        if value is None and key == "base_version":
            numbers.append(None)
            continue
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            problems.append(
                Problem.of("questionnaire_number", source.locate(("questionnaire", key)), key=repr(key))
            )
            value = None
        numbers.append(value)
    unknown = sorted(set(map(str, ref)) - {"id", "version", "base_version"})
    for key in unknown:
        problems.append(
            Problem.of("unknown_questionnaire_key", source.locate(("questionnaire", key)), key=repr(key))
        )
    return ref["id"], numbers[0], numbers[1]


def _parse_meta(meta: Any, source: SourceFile, problems: list[Problem]) -> dict[str, str]:
    if not isinstance(meta, Mapping):
        problems.append(Problem.of("meta_mapping", source.locate(("meta",))))
        return {}
    out: dict[str, str] = {}
    for key, value in meta.items():
        where = source.locate(("meta", key))
        if key not in META_KEYS:
            problems.append(Problem.of("unknown_meta_key", where, key=repr(key), known=", ".join(META_KEYS)))
            continue
        if hasattr(value, "isoformat"):  # YAML reads 2026-11-29 as a date
            value = value.isoformat()
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            problems.append(Problem.of("meta_text", where, key=repr(key)))
            continue
        out[key] = " ".join(str(value).split())
    for key in ("feature", "slug"):
        if not out.get(key):
            problems.append(Problem.of("meta_missing", source.locate(("meta",)), key=repr(key)))
    for key in ("date", "review_by"):
        if out.get(key) and not DATE_PATTERN.match(out[key]):
            problems.append(Problem.of("meta_date", source.locate(("meta", key)), key=repr(key)))
        elif out.get(key) and not is_real_date(out[key]):
            problems.append(
                Problem.of(
                    "meta_not_a_date", source.locate(("meta", key)), key=repr(key), value=repr(out[key])
                )
            )
    return {k: out[k] for k in META_KEYS if k in out}


def _parse_answers(
    answers: Any, questionnaire: Questionnaire, source: SourceFile, problems: list[Problem], *, outdated: bool
) -> dict[str, Any]:
    if answers is None:
        return {}
    if not isinstance(answers, Mapping):
        problems.append(Problem.of("answers_mapping", source.locate(("answers",))))
        return {}
    out: dict[str, Any] = {}
    for key, value in answers.items():
        where = source.locate(("answers", key))
        question = questionnaire.question_index.get(str(key))
        if question is None:
            if not outdated:  # a question removed since: dropped, and the update says so
                problems.append(Problem.of("unknown_question", where, key=repr(key)))
            continue
        try:
            out[question.id] = coerce_answer(question, value)
        except AnswerError as exc:
            problems.append(Problem.of("answer", where, qid=question.id, reason=exc.msg))
    return {k: out[k] for k in sorted(out, key=questionnaire.order.__getitem__)}
