"""What would change the verdict: the smallest changes of answers that lift a finding.

For each blocker and missing prerequisite (and, in a GO WITH CONDITIONS, each condition), it
re-evaluates the rules over alternative answers to the questions behind the finding (only
answers marked as levers: design choices and preparations, never facts or goals) and keeps
the change that lifts it (the finding gone or milder, and no new finding as severe) with the
best resulting verdict, the smallest step first. Then it applies the changes for every
deciding finding together and reports the verdict they reach, so the brief can promise only
what re-evaluation confirms.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from mlpdm.core.conditions import compile_condition
from mlpdm.core.decision import VERDICTS, Verdict, VerdictId, decide
from mlpdm.core.interview import compute_visibility
from mlpdm.core.questionnaire import OUTCOMES, UNSURE, Question, Questionnaire

LIFTABLE = ("blocker", "prerequisite")
GIVEN = "(given)"  # stands for "any answer" to a blank text question
MAX_SEARCH = 10**7


@dataclass(frozen=True)
class Change:
    """One answer changed."""

    question_id: str
    old: Any
    new: Any
    # True when any real answer would do (e.g. "decide the metric", now "not sure"): the
    # brief then says so instead of naming one arbitrary value.
    any_answer: bool = False


@dataclass(frozen=True)
class Lift:
    """Changes that make one finding disappear, and the verdict after them."""

    rule_id: str
    changes: tuple[Change, ...]
    verdict: VerdictId
    outcome: str  # the severity lifted: after the changes the finding is milder or gone


@dataclass(frozen=True)
class WhatIf:
    """Per-finding lifts, and the verdict reached by applying the lifts of all deciding findings."""

    lifts: tuple[Lift, ...]
    target: VerdictId | None
    target_changes: tuple[Change, ...]

    def for_rule(self, rule_id: str) -> Lift | None:
        """The lift found for a rule's finding, if any."""
        return next((lift for lift in self.lifts if lift.rule_id == rule_id), None)


def liftable(verdict: Verdict) -> tuple[str, ...]:
    """The outcomes worth lifting: blockers and prerequisites (and conditions in GO WITH CONDITIONS).

    A GO WITH CONDITIONS brief then also says what would reach GO.
    """
    return (*LIFTABLE, "condition") if verdict.id == "go-with-conditions" else LIFTABLE


def what_would_change(questionnaire: Questionnaire, answers: Mapping[str, Any], verdict: Verdict) -> WhatIf:
    """Search lifts for every finding worth lifting (see the module docstring)."""
    outcomes = liftable(verdict)
    lifts = tuple(
        lift
        for finding in verdict.findings
        if finding.outcome in outcomes
        for lift in [_lift(questionnaire, answers, verdict, finding.rule.id)]
        if lift is not None
    )
    target, changes = _combined(questionnaire, answers, verdict, lifts)
    return WhatIf(lifts, target, changes)


def apply(answers: Mapping[str, Any], changes: tuple[Change, ...]) -> dict[str, Any]:
    """Answers with the changes made (GIVEN stands for "some answer")."""
    out = dict(answers)
    for change in changes:
        out[change.question_id] = change.new
    return out


def _lift(
    questionnaire: Questionnaire, answers: Mapping[str, Any], verdict: Verdict, rule_id: str
) -> Lift | None:
    finding = next(f for f in verdict.findings if f.rule.id == rule_id)
    rule, outcome = finding.rule, finding.outcome
    # Every question the rule reads, including ones a change would reveal (a metric's
    # launch bar appears once a metric is chosen).
    names = compile_condition(rule.when).names
    levers = [
        qid
        for qid in questionnaire.underlying_questions(names, reasons_only=True)
        if questionnaire.question(qid).lever
    ]
    before_ids = {f.rule.id for f in verdict.findings}
    before_visible = {q.id for q in compute_visibility(questionnaire, answers).questions}
    best: tuple[tuple[Any, ...], Lift] | None = None
    for size in (1, 2):
        for group in combinations(levers, size):
            for changes in _change_sets(questionnaire, answers, group, (rule_id, outcome)):
                trial = apply(answers, changes)
                after = decide(questionnaire, trial)
                if _fires(after, rule_id, outcome) or _replaced(after, before_ids, outcome):
                    continue
                visible = {q.id for q in compute_visibility(questionnaire, trial).questions}
                rank = (
                    -VERDICTS.index(after.id),  # better verdict first
                    len(visible ^ before_visible),  # fewer questions appearing or disappearing
                    # The smallest step along each question's choices: approval above a limit
                    # before approval of every action, the cheapest realistic change first.
                    sum(_step(questionnaire.question(c.question_id), c) for c in changes),
                    # fewer new findings that matter (a note changes no verdict)
                    len({f.rule.id for f in after.findings if f.outcome != "note"} - before_ids),
                    sum(_magnitude(c) for c in changes),  # fewer options changed
                    # Later questions are the specific safeguards (approval, legal basis) that
                    # come after the general description (inputs, data): prefer adding those.
                    [-questionnaire.order[c.question_id] for c in changes],
                )
                if best is None or rank < best[0]:
                    best = (rank, Lift(rule_id, changes, after.id, outcome))
        if best is not None:
            return _generalised(questionnaire, answers, best[1])
    return None


def _generalised(questionnaire: Questionnaire, answers: Mapping[str, Any], lift: Lift) -> Lift:
    """Mark a change from "not sure" as "any answer" when every real answer would do.

    Every real answer must lift the finding and reach at least the same verdict, so "no" to a
    legal basis never counts as a fix.
    """
    changes = list(lift.changes)
    for index, change in enumerate(changes):
        question = questionnaire.question(change.question_id)
        if change.old != UNSURE or question.type not in ("choice", "yesno"):
            continue
        others = apply(answers, tuple(c for c in changes if c is not change))
        if all(
            _as_good(questionnaire, {**others, change.question_id: value}, lift)
            for value in question.allowed_values()
            if value != UNSURE
        ):
            changes[index] = Change(change.question_id, change.old, change.new, any_answer=True)
    return Lift(lift.rule_id, tuple(changes), lift.verdict, lift.outcome)


def _as_good(questionnaire: Questionnaire, answers: Mapping[str, Any], lift: Lift) -> bool:
    after = decide(questionnaire, answers)
    lifted = not _fires(after, lift.rule_id, lift.outcome)
    return lifted and VERDICTS.index(after.id) >= VERDICTS.index(lift.verdict)


def _fires(verdict: Verdict, rule_id: str, outcome: str) -> bool:
    """Whether the rule still fires at ``outcome`` or worse.

    A blocker that drops to a condition (its stakes or safeguards changed) counts as lifted.
    """
    worst = OUTCOMES.index(outcome)
    return any(f.rule.id == rule_id and OUTCOMES.index(f.outcome) <= worst for f in verdict.findings)


def _replaced(after: Verdict, before_ids: set[str], outcome: str) -> bool:
    """Whether a change only moves the risk: a new finding as severe as the one it lifts."""
    worst = OUTCOMES.index(outcome)
    return any(f.rule.id not in before_ids and OUTCOMES.index(f.outcome) <= worst for f in after.findings)


def _step(question: Question, change: Change) -> int:
    """How far a choice moves along the question's choices (0 for other kinds)."""
    if question.type != "choice" or change.old is None or change.new is None:
        return 0
    values = question.allowed_values()
    if change.old not in values or change.new not in values:
        return 0
    return abs(values.index(change.new) - values.index(change.old))


def _magnitude(change: Change) -> int:
    if isinstance(change.old, list) and isinstance(change.new, list):
        return len(set(change.old) ^ set(change.new))
    return 1


def _change_sets(
    questionnaire: Questionnaire, answers: Mapping[str, Any], group: tuple[str, ...], rule: tuple[str, str]
) -> Iterator[tuple[Change, ...]]:
    options = [
        [Change(qid, answers.get(qid), new) for new in _alternatives(questionnaire, answers, qid, rule)]
        for qid in group
    ]
    if len(options) == 1:
        yield from ((c,) for c in options[0])
    else:
        yield from ((a, b) for a in options[0] for b in options[1])


def _alternatives(
    questionnaire: Questionnaire, answers: Mapping[str, Any], qid: str, rule: tuple[str, str]
) -> list[Any]:
    question = questionnaire.question(qid)
    current = answers.get(qid)
    kind = question.type
    if kind in ("choice", "yesno"):
        return [v for v in question.allowed_values() if v not in (current, UNSURE)]
    if kind == "multi":
        return _multi_alternatives(question, current)
    if kind == "number":
        found = _least_number(questionnaire, answers, question, rule)
        return [] if found is None else [found]
    if current in (None, [], ""):
        return [[GIVEN] if kind == "list" else GIVEN]
    return []


def _multi_alternatives(question: Question, current: Any) -> list[Any]:
    chosen = list(current or [])
    out: list[list[str]] = []
    for value in question.allowed_values():
        choice = question.choice(value)
        if choice is not None and choice.exclusive:
            out.append([value])  # e.g. "none of these"
        elif value not in chosen:
            out.append(sorted({*chosen, value} - _exclusive(question), key=question.allowed_values().index))
    for value in chosen:
        rest = [v for v in chosen if v != value]
        if rest:
            out.append(rest)
    return [o for o in out if o and o != chosen]


def _exclusive(question: Question) -> set[str]:
    return {c.value for c in question.choices if c.exclusive}


def _least_number(
    questionnaire: Questionnaire, answers: Mapping[str, Any], question: Question, rule: tuple[str, str]
) -> int | float | None:
    """The nearest number that lifts the rule, if any.

    Upwards first, the smallest larger number (more labelled data, more right answers);
    else downwards, the largest smaller one (fewer outputs per reviewer).
    """
    current = answers.get(question.id)
    start = int(current) if isinstance(current, int | float) else int(question.min or 0)
    floor = int(question.min or 0)
    ceiling = int(question.max) if question.max is not None else MAX_SEARCH
    if question.at_most and isinstance(answers.get(question.at_most), int | float):
        ceiling = min(ceiling, int(answers[question.at_most]))

    before_ids = {f.rule.id for f in decide(questionnaire, answers).findings}

    def lifts(value: int) -> bool:
        after = decide(questionnaire, {**answers, question.id: value})
        return not _fires(after, *rule) and not _replaced(after, before_ids, rule[1])

    if ceiling > start and lifts(ceiling):
        return _nearest(lifts, ceiling, start)
    if isinstance(current, int | float) and floor < start and lifts(floor):
        return _nearest(lifts, floor, start)
    return None


def _nearest(lifts: Callable[[int], bool], lifting: int, start: int) -> int:
    """The lifting value nearest to ``start``, by bisection (either side of it).

    Invariant: ``lifts(lifting)`` holds, and ``start`` does not lift (or is the start).
    """
    failing = start
    while abs(lifting - failing) > 1:
        middle = (lifting + failing) // 2
        if lifts(middle):
            lifting = middle
        else:
            failing = middle
    return lifting


def _combined(
    questionnaire: Questionnaire, answers: Mapping[str, Any], verdict: Verdict, lifts: tuple[Lift, ...]
) -> tuple[VerdictId | None, tuple[Change, ...]]:
    """Lift blockers, then missing prerequisites, until the verdict is a GO of some kind.

    From GO WITH CONDITIONS, lift its conditions until GO. Stops early when a finding cannot
    be lifted or a step would reach "ML not needed"; then reports the best verdict reached, if
    it is better than the current one.
    """
    below = (
        ("no-go-risk", "not-ready", "go-with-conditions")
        if verdict.id == "go-with-conditions"
        else (
            "no-go-risk",
            "not-ready",
        )
    )
    if verdict.id not in below:
        return None, ()
    outcomes = liftable(verdict)
    current = dict(answers)
    now = verdict
    changes: list[Change] = []
    stuck: set[str] = set()
    for _ in range(len(now.findings) + 1):
        pending = [f.rule.id for f in now.findings if f.outcome in outcomes and f.rule.id not in stuck]
        if not pending or now.id not in below:
            break
        lift = _lift(questionnaire, current, now, pending[0])
        if lift is None:
            stuck.add(pending[0])
            continue
        changes.extend(lift.changes)
        current = apply(current, lift.changes)
        now = decide(questionnaire, current)
    if VERDICTS.index(now.id) <= VERDICTS.index(verdict.id) or now.id == "no-go-not-needed":
        return None, ()
    return now.id, _merged(changes)


def _merged(changes: list[Change]) -> tuple[Change, ...]:
    """One change per question: the first old value, the last new value."""
    merged: dict[str, Change] = {}
    for change in changes:
        first = merged.get(change.question_id, change)
        merged[change.question_id] = Change(change.question_id, first.old, change.new, change.any_answer)
    return tuple(merged.values())
