"""The interview as a state machine: which questions apply, where we are, back, progress.

Nothing here prompts or saves. A front end asks ``current()``, shows it, and feeds the
typed answer to ``answer()``; every step returns a new, immutable ``Interview``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from mlpdm.core.questionnaire.conditions import ConditionError, compile_condition
from mlpdm.core.questionnaire.model import Question, Questionnaire, Section
from mlpdm.core.text.errors import UserError
from mlpdm.core.text.languages import is_placeholder


class Scope:
    """Values that conditions see: visible answers, None for the rest, derived values on demand."""

    def __init__(self, questionnaire: Questionnaire, values: Mapping[str, Any]) -> None:
        self._q = questionnaire
        self.values = values
        self._derived: dict[str, Any] = {}

    def check(self, expr: str, what: str) -> bool:
        """Evaluate a condition; a failure names what it belongs to."""
        cond = compile_condition(expr)
        values = self.values  # most names are answers; derived values are the exception
        try:
            return cond.evaluate_values(
                tuple([values[name] if name in values else self.lookup(name) for name in cond.order])
            )
        except ConditionError as exc:
            where = self._q.place_of(expr)
            raise UserError.of(
                "condition_failed",
                where=where,
                place=where or f"questionnaire {self._q.id!r}",
                what=what,
                reason=exc.msg or str(exc),
            ) from None

    def lookup(self, name: str) -> Any:
        """The value of a question or derived id."""
        if name in self.values:
            return self.values[name]
        if name not in self._derived:
            derived = self._q.derived_index[name]
            # Derived values only depend on questions already settled when first asked for
            # (checked at load time), so caching them within one pass is safe.
            self._derived[name] = self.check(derived.when, f"derived value {name!r}")
        return self._derived[name]


def meaningful(question: Question, value: Any) -> Any:
    """The answer as conditions see it: placeholder text ("tbd", "n/a") counts as blank."""
    if question.type in ("text", "longtext") and isinstance(value, str) and is_placeholder(value):
        return None
    if question.type == "list" and isinstance(value, list):
        kept = [item for item in value if not (isinstance(item, str) and is_placeholder(item))]
        return kept if len(kept) != len(value) else value
    return value


def empty_value(question: Question) -> Any:
    """What a condition sees for an unanswered question: [] for multi and list, else None."""
    return [] if question.type in ("multi", "list") else None


@dataclass(frozen=True)
class Visibility:
    """The questions that apply to a set of answers, and the scope to evaluate rules in."""

    sections: tuple[tuple[Section, tuple[Question, ...]], ...]
    scope: Scope

    @property
    def questions(self) -> tuple[Question, ...]:
        """Visible questions in interview order."""
        return tuple(q for _, qs in self.sections for q in qs)


def compute_visibility(questionnaire: Questionnaire, answers: Mapping[str, Any]) -> Visibility:
    """Walk the questionnaire once, in order, deciding which sections and questions apply.

    A hidden question reads as None in every later condition, whatever was answered to it;
    multi and list questions read as an empty list instead, so ``'x' in answers`` needs no guard.
    """
    values: dict[str, Any] = {qid: empty_value(q) for qid, q in questionnaire.question_index.items()}
    scope = Scope(questionnaire, values)
    shown: list[tuple[Section, tuple[Question, ...]]] = []
    for section in questionnaire.sections:
        if section.when and not scope.check(section.when, f"section {section.id!r}"):
            continue
        visible: list[Question] = []
        for question in section.questions:
            if question.when and not scope.check(question.when, f"question {question.id!r}"):
                continue
            visible.append(question)
            given = meaningful(question, answers.get(question.id))
            values[question.id] = empty_value(question) if given is None else given
        if visible:
            shown.append((section, tuple(visible)))
    return Visibility(tuple(shown), scope)


def visible_questions(questionnaire: Questionnaire, answers: Mapping[str, Any]) -> tuple[Question, ...]:
    """The questions that apply to these answers, in order."""
    return compute_visibility(questionnaire, answers).questions


def skipped_optional(questionnaire: Questionnaire, answers: Mapping[str, Any]) -> dict[str, Any]:
    """``answers`` with each applicable optional question they leave out marked as skipped.

    An answers file may leave out what was skipped (the examples do); revising it should not
    ask those questions again, only the required ones still without an answer.
    """
    marked = dict(answers)
    for question in visible_questions(questionnaire, answers):
        if not question.required:
            marked.setdefault(question.id, None)
    return marked


def applicable_answers(questionnaire: Questionnaire, answers: Mapping[str, Any]) -> dict[str, Any]:
    """Answers to the questions that apply, in order; answers to hidden questions are left out."""
    return {q.id: answers[q.id] for q in visible_questions(questionnaire, answers) if q.id in answers}


@dataclass(frozen=True)
class Step:
    """What a front end needs to show one question."""

    section: Section
    question: Question
    section_number: int
    section_count: int
    number_in_section: int
    count_in_section: int
    answered: int
    total: int
    current: Any  # the previous answer, else the default; None when neither

    @property
    def fraction(self) -> float:
        """Share of the applicable questions answered so far."""
        return self.answered / self.total if self.total else 1.0


@dataclass(frozen=True)
class Interview:
    """Where an interview stands.

    ``answers`` keeps answers to questions hidden again by a later change, so going back and
    forth loses nothing; a present key with None means "asked and left blank", an absent
    key means "not asked yet".
    """

    questionnaire: Questionnaire
    answers: Mapping[str, Any] = field(default_factory=dict)
    position: str | None = None  # id of the current question; None = all done (review)
    # Answers offered as the default without counting as given (an update re-asks them).
    suggested: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def start(
        cls,
        questionnaire: Questionnaire,
        answers: Mapping[str, Any] | None = None,
        *,
        suggested: Mapping[str, Any] | None = None,
    ) -> Interview:
        """Begin, or resume at the first applicable question not answered yet."""
        state = cls(questionnaire, dict(answers or {}), suggested=dict(suggested or {}))
        return replace(state, position=state._first_unanswered())

    # -- reading -----------------------------------------------------------------------------
    def visibility(self) -> Visibility:
        """The applicable sections and questions now."""
        return compute_visibility(self.questionnaire, self.answers)

    def current(self) -> Step | None:
        """The question to ask now, or None when every applicable question has an answer."""
        if self.position is None:
            return None
        vis = self.visibility()
        answered = sum(1 for q in vis.questions if q.id in self.answers)
        for s_no, (section, questions) in enumerate(vis.sections, start=1):
            for q_no, question in enumerate(questions, start=1):
                if question.id == self.position:
                    return Step(
                        section=section,
                        question=question,
                        section_number=s_no,
                        section_count=len(vis.sections),
                        number_in_section=q_no,
                        count_in_section=len(questions),
                        answered=answered,
                        total=len(vis.questions),
                        current=self.answers.get(
                            question.id, self.suggested.get(question.id, question.default)
                        ),
                    )
        return None

    @property
    def finished(self) -> bool:
        """Whether every applicable question has been asked."""
        return self._first_unanswered() is None

    def saved_answers(self) -> dict[str, Any]:
        """What goes into the answers file: applicable answers only, in order."""
        return applicable_answers(self.questionnaire, self.answers)

    # -- moving --------------------------------------------------------------------------------
    def answer(self, value: Any, *, then: Literal["next", "unanswered"] = "next") -> Interview:
        """Record ``value`` (already coerced) for the current question and move on.

        ``then="next"`` goes to the next applicable question in order (its earlier answer is
        offered again); ``"unanswered"`` jumps to the first one not answered yet, as after an
        edit on the review screen.
        """
        if self.position is None:
            raise ValueError("the interview is finished; use goto() to change an answer")
        state = replace(self, answers={**self.answers, self.position: value})
        target = state._next_after(self.position) if then == "next" else state._first_unanswered()
        return replace(state, position=target)

    def back(self) -> Interview:
        """Return to the previous applicable question (from the review: to the last one)."""
        ids = [q.id for q in self.visibility().questions]
        if not ids:
            return self
        if self.position is None:
            return replace(self, position=ids[-1])
        here = self.questionnaire.order[self.position]
        earlier = [qid for qid in ids if self.questionnaire.order[qid] < here]
        return replace(self, position=earlier[-1]) if earlier else self

    def goto(self, question_id: str) -> Interview:
        """Jump to an applicable question, as from the review screen."""
        if question_id not in {q.id for q in self.visibility().questions}:
            raise ValueError(f"question {question_id!r} does not apply now")
        return replace(self, position=question_id)

    def _next_after(self, question_id: str) -> str | None:
        here = self.questionnaire.order[question_id]
        for question in self.visibility().questions:
            if self.questionnaire.order[question.id] > here:
                return question.id
        return self._first_unanswered()

    def _first_unanswered(self) -> str | None:
        for question in self.visibility().questions:
            if question.id not in self.answers:
                return question.id
        return None
