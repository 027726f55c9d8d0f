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

from mlpdm.core.answers.steps import Scope, compute_visibility, empty_value, meaningful
from mlpdm.core.decision.engine import (
    VERDICTS,
    Finding,
    Verdict,
    VerdictId,
    decide,
    evaluate_rule,
    verdict_of,
)
from mlpdm.core.questionnaire.conditions import compile_condition
from mlpdm.core.questionnaire.model import OUTCOMES, UNSURE, Question, Questionnaire, Rule, Section

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


# -- re-deciding: plainly, or incrementally -----------------------------------------------------


class PlainSearch:
    """Re-decides every trial from scratch: the reference the incremental search must equal."""

    def __init__(self, questionnaire: Questionnaire) -> None:
        self.questionnaire = questionnaire

    def decide(self, answers: Mapping[str, Any]) -> Verdict:
        """The verdict for ``answers``, as ``decide`` gives it."""
        return decide(self.questionnaire, answers)

    def visible(self, answers: Mapping[str, Any]) -> frozenset[str]:
        """The ids of the questions that apply to ``answers``."""
        return frozenset(q.id for q in compute_visibility(self.questionnaire, answers).questions)


_Key = tuple[tuple[str, Any], ...]
_Results = tuple[Finding | None, ...]
_ABSENT = object()


@dataclass(frozen=True)
class _Reads:
    """What each condition reads, as question ids (through derived values).

    None stands for a condition reading a name that is neither a question nor a derived
    value: it is then always evaluated.
    """

    rules: tuple[tuple[Rule, frozenset[str] | None], ...]
    # Each section with its condition's reads, and its questions with theirs.
    gates: tuple[
        tuple[Section, frozenset[str] | None, tuple[tuple[Question, frozenset[str] | None], ...]], ...
    ]
    lists: tuple[str, ...]  # questions that read as [] when unanswered
    ends: tuple[int, ...]  # the position of each section's last question (-1: none)
    readers: dict[str, tuple[int, ...]]  # the rules (by index) that read each question
    always: tuple[int, ...]  # the rules whose reads are not known: evaluated every time
    underlying: dict[frozenset[str], tuple[str, ...]]


_READS: dict[int, tuple[Questionnaire, _Reads]] = {}  # by id; the entry keeps the id taken
_READS_LIMIT = 16


def _reads(questionnaire: Questionnaire) -> _Reads:
    cached = _READS.get(id(questionnaire))
    if cached is not None and cached[0] is questionnaire:
        return cached[1]
    if len(_READS) >= _READS_LIMIT:
        _READS.clear()

    def of(*conditions: str) -> frozenset[str] | None:
        names: set[str] = set()
        for condition in conditions:
            if condition:
                names |= compile_condition(condition).names
        return _question_reads(questionnaire, names)

    rules = tuple((rule, of(rule.when, *(t.when for t in rule.severity))) for rule in questionnaire.rules)
    readers: dict[str, list[int]] = {}
    for index, (_, read) in enumerate(rules):
        for qid in read or ():
            readers.setdefault(qid, []).append(index)
    reads = _Reads(
        rules=rules,
        gates=tuple(
            (section, of(section.when or ""), tuple((q, of(q.when or "")) for q in section.questions))
            for section in questionnaire.sections
        ),
        lists=tuple(qid for qid, q in questionnaire.question_index.items() if empty_value(q) == []),
        ends=tuple(
            max((questionnaire.order[q.id] for q in s.questions), default=-1) for s in questionnaire.sections
        ),
        readers={qid: tuple(indexes) for qid, indexes in readers.items()},
        always=tuple(index for index, (_, read) in enumerate(rules) if read is None),
        underlying={},
    )
    _READS[id(questionnaire)] = (questionnaire, reads)
    return reads


def _question_reads(questionnaire: Questionnaire, names: set[str]) -> frozenset[str] | None:
    """The questions ``names`` read, or None when one is not an answer (always re-evaluated)."""
    found, unknown = questionnaire.question_closure(names)
    return None if unknown else found


def _same(a: Any, b: Any) -> bool:
    """Equal and of the same type, items too (True == 1, but a condition may tell them apart)."""
    if a is b:  # most answers of a trial are the very objects of the first answers
        return True
    if a.__class__ is not b.__class__ or a != b:
        return False
    return a.__class__ is not list or all(x.__class__ is y.__class__ for x, y in zip(a, b, strict=True))


def _frozen(value: Any) -> Any:
    if value.__class__ is list:
        return (list, tuple([(item.__class__, item) for item in value]))
    return (value.__class__, value)


@dataclass(frozen=True)
class _Base:
    """The first answers decided, and what they gave: each gate and rule, each value seen."""

    answers: dict[str, Any]
    given: dict[str, Any]  # the value each question shown had in conditions
    values: dict[str, Any]
    gates: dict[str, bool]  # each section's (by "section:" and its id) and question's condition
    shown: frozenset[str]
    results: _Results


class IncrementalSearch(PlainSearch):
    """Re-decides as ``decide`` does, with the same results, for less.

    Each set of answers is decided once (a search tries the same trial again and again), the
    questions it shows are kept with its verdict, and only the conditions that read an answer
    that differs from the first answers decided (or a question shown or hidden since) are
    evaluated again: a what-if trial changes one or two answers of some sixty. This relies
    on what loading a questionnaire checks: a condition reads only questions asked before it.
    """

    def __init__(self, questionnaire: Questionnaire) -> None:
        super().__init__(questionnaire)
        self._reads = _reads(questionnaire)
        self._memo: dict[_Key, tuple[Verdict, frozenset[str]]] = {}
        self._base: _Base | None = None

    def decide(self, answers: Mapping[str, Any]) -> Verdict:
        """The verdict for ``answers``, as ``decide`` gives it."""
        return self._decided(answers)[0]

    def visible(self, answers: Mapping[str, Any]) -> frozenset[str]:
        """The ids of the questions that apply to ``answers``."""
        return self._decided(answers)[1]

    def _decided(self, answers: Mapping[str, Any]) -> tuple[Verdict, frozenset[str]]:
        key = self._key(answers)
        if key is not None:
            found = self._memo.get(key)
            if found is not None:
                return found
        # Conditions read only earlier questions: before the first answer changed, the walk
        # is the first one's.
        order = self.questionnaire.order
        first = min((order.get(qid, 0) for qid, _ in key), default=len(order)) if key is not None else 0
        result = self._decide(answers, first)
        if key is not None:
            self._memo[key] = result
        return result

    def _key(self, answers: Mapping[str, Any]) -> _Key | None:
        """The answers as they differ from the first ones decided (all of them, at first)."""
        base = self._base.answers if self._base is not None else {}
        differ = [
            (qid, _frozen(value))
            for qid, value in answers.items()
            if value is not (before := base.get(qid, _ABSENT)) and not _same(value, before)
        ]
        differ.extend((qid, (_ABSENT, None)) for qid in base if qid not in answers)
        key = tuple(sorted(differ, key=lambda item: item[0]))
        try:
            hash(key)
        except TypeError:  # an answer that cannot be a key (a dict): decided every time
            return None
        return key

    def _decide(self, answers: Mapping[str, Any], first: int) -> tuple[Verdict, frozenset[str]]:
        base = self._base
        scope, visible, differ, gates, given = self._walk(answers, first)
        rules = self._reads.rules
        if base is None:
            results = tuple(
                evaluate_rule(self.questionnaire, r, scope, visible, self._underlying) for r, _ in rules
            )
        else:
            # Only the rules that read a question changed, in questionnaire order as decide goes.
            again = sorted(
                {i for qid in differ for i in self._reads.readers.get(qid, ())} | {*self._reads.always}
            )
            fresh = list(base.results)
            for index in again:
                fresh[index] = evaluate_rule(
                    self.questionnaire, rules[index][0], scope, visible, self._underlying
                )
            results = tuple(fresh)
        if base is None:
            self._base = _Base(dict(answers), given, dict(scope.values), gates, visible, results)
        return verdict_of(f for f in results if f is not None), visible

    def _walk(
        self, answers: Mapping[str, Any], first: int
    ) -> tuple[Scope, frozenset[str], set[str], dict[str, bool], dict[str, Any]]:
        """The walk of compute_visibility, each condition evaluated only when what it reads changed.

        Sections that end before position ``first`` (that of the first answer changed) are
        taken as the first walk left them. Also returns the questions whose value differs
        from the first answers' (or that are shown or hidden since), each condition's result
        and each shown question's value.
        """
        base = self._base
        values: dict[str, Any] = dict.fromkeys(self.questionnaire.question_index)
        for qid in self._reads.lists:
            values[qid] = []
        scope = Scope(self.questionnaire, values)
        differ: set[str] = set()
        gates: dict[str, bool] = {}
        given: dict[str, Any] = {}
        shown: list[str] = []

        def holds(key: str, condition: str, reads: frozenset[str] | None, what: str) -> bool:
            # A condition the first walk never reached (its section was hidden) is evaluated too.
            if base is None or reads is None or reads & differ or key not in base.gates:
                gates[key] = scope.check(condition, what)
            else:
                gates[key] = base.gates[key]
            return gates[key]

        def note(qid: str) -> None:
            if (
                base is not None
                and (now := values[qid]) is not (before := base.values[qid])
                and not _same(now, before)
            ):
                differ.add(qid)

        for index, (section, section_reads, questions) in enumerate(self._reads.gates):
            if base is not None and self._reads.ends[index] < first:
                _as_before(base, questions, values, given, shown)
                continue
            if section.when and not holds(
                f"section:{section.id}", section.when, section_reads, f"section {section.id!r}"
            ):
                differ.update(_changed(base, values, questions))
                continue
            for question, question_reads in questions:
                qid = question.id
                if question.when and not holds(qid, question.when, question_reads, f"question {qid!r}"):
                    note(qid)
                    continue
                shown.append(qid)
                given[qid] = values[qid] = self._value(question, answers.get(qid))
                note(qid)
        visible = frozenset(shown)
        if base is not None:
            differ |= visible ^ base.shown
        return scope, visible, differ, gates, given

    def _value(self, question: Question, raw: Any) -> Any:
        """What conditions see for the answer to a question shown."""
        base = self._base
        if base is not None and question.id in base.given and raw is base.answers.get(question.id):
            return base.given[question.id]  # the same answer: the same value
        found = meaningful(question, raw)
        return empty_value(question) if found is None else found

    def _underlying(self, names: frozenset[str]) -> tuple[str, ...]:
        memo = self._reads.underlying
        found = memo.get(names)
        if found is None:
            found = memo[names] = self.questionnaire.underlying_questions(names, reasons_only=True)
        return found


def _changed(
    base: _Base | None, values: dict[str, Any], questions: tuple[tuple[Question, frozenset[str] | None], ...]
) -> Iterator[str]:
    """The questions whose value differs from the first walk's."""
    if base is not None:
        yield from (q.id for q, _ in questions if not _same(values[q.id], base.values[q.id]))


def _as_before(
    base: _Base,
    questions: tuple[tuple[Question, frozenset[str] | None], ...],
    values: dict[str, Any],
    given: dict[str, Any],
    shown: list[str],
) -> None:
    """A section's questions as the first walk left them."""
    for question, _ in questions:
        qid = question.id
        values[qid] = base.values[qid]
        if qid in base.given:
            shown.append(qid)
            given[qid] = base.given[qid]


def liftable(verdict: Verdict) -> tuple[str, ...]:
    """The outcomes worth lifting: blockers and prerequisites (and conditions in GO WITH CONDITIONS).

    A GO WITH CONDITIONS brief then also says what would reach GO.
    """
    return (*LIFTABLE, "condition") if verdict.id == "go-with-conditions" else LIFTABLE


def what_would_change(
    questionnaire: Questionnaire, answers: Mapping[str, Any], verdict: Verdict, *, incremental: bool = True
) -> WhatIf:
    """Search lifts for every finding worth lifting (see the module docstring).

    ``incremental=False`` re-decides every trial from scratch: the same result, slower.
    """
    search: PlainSearch = IncrementalSearch(questionnaire) if incremental else PlainSearch(questionnaire)
    if incremental:
        search.decide(answers)  # the first answers decided are what later trials are compared with
    outcomes = liftable(verdict)
    lifts = tuple(
        lift
        for finding in verdict.findings
        if finding.outcome in outcomes
        for lift in [_lift(search, answers, verdict, finding.rule.id)]
        if lift is not None
    )
    target, changes = _combined(search, answers, verdict, lifts)
    return WhatIf(lifts, target, changes)


def apply(answers: Mapping[str, Any], changes: tuple[Change, ...]) -> dict[str, Any]:
    """Answers with the changes made (GIVEN stands for "some answer")."""
    out = dict(answers)
    for change in changes:
        out[change.question_id] = change.new
    return out


def _lift(search: PlainSearch, answers: Mapping[str, Any], verdict: Verdict, rule_id: str) -> Lift | None:
    questionnaire = search.questionnaire
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
    before_visible = search.visible(answers)
    best: tuple[tuple[Any, ...], Lift] | None = None
    for size in (1, 2):
        for group in combinations(levers, size):
            for changes in _change_sets(search, answers, group, (rule_id, outcome)):
                trial = apply(answers, changes)
                after = search.decide(trial)
                if _fires(after, rule_id, outcome) or _replaced(after, before_ids, outcome):
                    continue
                visible = search.visible(trial)
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
            return _generalised(search, answers, best[1])
    return None


def _generalised(search: PlainSearch, answers: Mapping[str, Any], lift: Lift) -> Lift:
    """Mark a change from "not sure" as "any answer" when every real answer would do.

    Every real answer must lift the finding and reach at least the same verdict, so "no" to a
    legal basis never counts as a fix.
    """
    changes = list(lift.changes)
    for index, change in enumerate(changes):
        question = search.questionnaire.question(change.question_id)
        if change.old != UNSURE or question.type not in ("choice", "yesno"):
            continue
        others = apply(answers, tuple(c for c in changes if c is not change))
        if all(
            _as_good(search, {**others, change.question_id: value}, lift)
            for value in question.allowed_values()
            if value != UNSURE
        ):
            changes[index] = Change(change.question_id, change.old, change.new, any_answer=True)
    return Lift(lift.rule_id, tuple(changes), lift.verdict, lift.outcome)


def _as_good(search: PlainSearch, answers: Mapping[str, Any], lift: Lift) -> bool:
    after = search.decide(answers)
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
    search: PlainSearch, answers: Mapping[str, Any], group: tuple[str, ...], rule: tuple[str, str]
) -> Iterator[tuple[Change, ...]]:
    options = [
        [Change(qid, answers.get(qid), new) for new in _alternatives(search, answers, qid, rule)]
        for qid in group
    ]
    if len(options) == 1:
        yield from ((c,) for c in options[0])
    else:
        yield from ((a, b) for a in options[0] for b in options[1])


def _alternatives(
    search: PlainSearch, answers: Mapping[str, Any], qid: str, rule: tuple[str, str]
) -> list[Any]:
    question = search.questionnaire.question(qid)
    current = answers.get(qid)
    kind = question.type
    if kind in ("choice", "yesno"):
        return [v for v in question.allowed_values() if v not in (current, UNSURE)]
    if kind == "multi":
        return _multi_alternatives(question, current)
    if kind == "number":
        found = _least_number(search, answers, question, rule)
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
    search: PlainSearch, answers: Mapping[str, Any], question: Question, rule: tuple[str, str]
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

    before_ids = {f.rule.id for f in search.decide(answers).findings}

    def lifts(value: int) -> bool:
        after = search.decide({**answers, question.id: value})
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
    search: PlainSearch, answers: Mapping[str, Any], verdict: Verdict, lifts: tuple[Lift, ...]
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
        lift = _lift(search, current, now, pending[0])
        if lift is None:
            stuck.add(pending[0])
            continue
        changes.extend(lift.changes)
        current = apply(current, lift.changes)
        now = search.decide(current)
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
