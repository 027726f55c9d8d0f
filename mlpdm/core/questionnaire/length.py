"""How long an interview can be: the fewest and the most questions any set of answers leads to."""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import product
from random import Random
from typing import Any

from mlpdm.core.answers.steps import Scope, empty_value
from mlpdm.core.questionnaire.conditions import compile_condition
from mlpdm.core.questionnaire.model import Question, Questionnaire, Section


@dataclass(frozen=True)
class PathLengths:
    """The number of questions on the shortest and the longest way through."""

    shortest: int
    longest: int
    total: int


def path_lengths(questionnaire: Questionnaire) -> PathLengths:
    """Explore every branch of the conditions and count the questions asked.

    Only questions that later conditions read ("gates") are branched on, over values that
    stand for every case a condition can tell apart: each value a condition names and one
    stand-in for the rest, blank or given for text and lists, the bounds and named numbers.
    States are remembered by what the remaining conditions can still tell apart: the gate
    answers they read directly, and the values of derived ids (such as ``llm``) whose inputs
    are all answered, so long-lived gates do not multiply the states.
    """
    explorer = _Explorer(questionnaire)
    shortest, longest = explorer.walk(0, {})
    return PathLengths(shortest, longest, len(explorer.steps))


class _Explorer:
    """The state of one path_lengths search."""

    def __init__(self, questionnaire: Questionnaire) -> None:
        self.q = questionnaire
        self.steps = list(questionnaire.questions())
        self.mentioned = _mentioned_strings(questionnaire)
        self.blank = {qid: empty_value(q) for qid, q in questionnaire.question_index.items()}
        direct = [_direct_names(section, question) for section, question in self.steps]
        self.later: list[frozenset[str]] = [frozenset()] * (len(self.steps) + 1)
        for index in range(len(self.steps) - 1, -1, -1):
            self.later[index] = self.later[index + 1] | direct[index]
        self.inputs = {
            d.id: questionnaire.underlying_questions(compile_condition(d.when).names)
            for d in questionnaire.derived
        }
        # A question is a gate at step i when a later condition reads it, directly or through a derived id.
        self.gates = [
            self.later[i + 1] | _inputs_of(self.later[i + 1], self.inputs) for i in range(len(self.steps))
        ]
        self.memo: dict[tuple[int, tuple[Any, ...]], tuple[int, int]] = {}

    def key(self, index: int, values: dict[str, Any]) -> tuple[Any, ...]:
        """What the conditions from step ``index`` on can tell apart about the answers so far."""
        order = self.q.order
        raw: dict[str, Any] = {}
        fixed: dict[str, Any] = {}
        scope = Scope(self.q, ChainMap(_thawed(values), self.blank))
        for name in self.later[index]:
            if name in self.inputs:
                if all(order[q] < index for q in self.inputs[name]):
                    fixed[name] = scope.lookup(name)
                else:
                    raw.update({q: values.get(q) for q in self.inputs[name] if order[q] < index})
            elif name in order and order[name] < index:
                raw[name] = values.get(name)
        return (tuple(sorted(raw.items())), tuple(sorted(fixed.items())))

    def walk(self, index: int, values: dict[str, Any]) -> tuple[int, int]:
        """(fewest, most) questions asked from step ``index`` on."""
        if index == len(self.steps):
            return 0, 0
        memo_key = (index, self.key(index, values))
        if memo_key not in self.memo:
            self.memo[memo_key] = self._branch(index, values)
        return self.memo[memo_key]

    def _branch(self, index: int, values: dict[str, Any]) -> tuple[int, int]:
        section, question = self.steps[index]
        shown = _visible(self.q, section, question, ChainMap(_thawed(values), self.blank))
        if question.id not in self.gates[index]:
            low, high = self.walk(index + 1, values)
            return low + shown, high + shown
        options = _candidates(question, self.mentioned) if shown else [empty_value(question)]
        results = [self.walk(index + 1, {**values, question.id: _frozen(option)}) for option in options]
        return min(r[0] for r in results) + shown, max(r[1] for r in results) + shown


def _inputs_of(names: frozenset[str], inputs: Mapping[str, tuple[str, ...]]) -> set[str]:
    return {q for name in names if name in inputs for q in inputs[name]}


def _direct_names(section: Section, question: Question) -> frozenset[str]:
    """Question and derived ids the visibility of ``question`` reads (derived ids not expanded)."""
    names: set[str] = set()
    for expr in (section.when, question.when):
        if expr:
            names |= compile_condition(expr).names
    return frozenset(names)


def _visible(
    questionnaire: Questionnaire, section: Section, question: Question, values: Mapping[str, Any]
) -> bool:
    scope = Scope(questionnaire, values)
    if section.when and not scope.check(section.when, f"section {section.id!r}"):
        return False
    return not question.when or scope.check(question.when, f"question {question.id!r}")


def _thawed(known: dict[str, Any]) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in known.items()}


def _frozen(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _mentioned_strings(questionnaire: Questionnaire) -> frozenset[str]:
    """String literals in the conditions that decide visibility (and the derived values they use)."""
    exprs = [s.when for s in questionnaire.sections if s.when]
    exprs += [q.when for q in questionnaire.question_index.values() if q.when]
    exprs += [d.when for d in questionnaire.derived]
    found: set[str] = set()
    for expr in exprs:
        found |= compile_condition(expr).constants
    return frozenset(found)


def _candidates(question: Question, mentioned: frozenset[Any], *, wide: bool = False) -> list[Any]:
    return list(_each_candidate(question, mentioned, wide=wide))


def _each_candidate(question: Question, mentioned: frozenset[Any], *, wide: bool = False) -> Iterator[Any]:
    if not question.required:
        yield empty_value(question)
    kind = question.type
    if kind in ("choice", "yesno", "multi"):
        # Values no condition names behave alike; one of them stands for all.
        values = [v for v in question.allowed_values() if v in mentioned]
        others = [v for v in question.allowed_values() if v not in mentioned]
        for value in values + others[:1]:
            yield [value] if kind == "multi" else value
    elif kind == "list":
        yield ["item"]
    elif kind == "number":
        # The bounds, and small and middling values between them: comparisons such as
        # "fewer than the labels needed" only show between the extremes.
        low = question.min if question.min is not None else 0
        high = question.max if question.max is not None else 10**9
        numbers = {n for n in mentioned if isinstance(n, int | float) and not isinstance(n, bool)}
        around = {v for n in numbers for v in (n - 1, n, n + 1)}
        if wide:  # rules also compare with computed thresholds (labels needed, intervals)
            around |= {1, 10, 50, 100, 1000}
        yield from sorted({low, high, *(v for v in around if low <= v <= high)})
    else:
        yield "text"


MAX_COMBINATIONS = 50_000
SAMPLE = 5_000


def rule_reach(questionnaire: Questionnaire) -> dict[str, str]:
    """For each rule: whether it "never", "always" or "sometimes" fires.

    Every combination of representative answers to the questions the rule reads is tried
    (each named value, one stand-in for the rest, blank); "unknown" when there are too many.
    """
    mentioned = _mentioned_strings(questionnaire) | {
        c for rule in questionnaire.rules for c in compile_condition(rule.when).constants
    }
    blank = {qid: empty_value(q) for qid, q in questionnaire.question_index.items()}
    out: dict[str, str] = {}
    for rule in questionnaire.rules:
        names = questionnaire.underlying_questions(compile_condition(rule.when).names)
        options = [
            list(
                dict.fromkeys(
                    map(
                        _frozen,
                        [
                            empty_value(questionnaire.question(q)),
                            *_candidates(questionnaire.question(q), mentioned, wide=True),
                        ],
                    )
                )
            )
            for q in names
        ]
        total = 1
        for values in options:
            total *= len(values)
        if total > MAX_COMBINATIONS:
            # Too many to try them all: a fixed sample can show "sometimes", never "never".
            rng = Random(0)
            combinations: Iterable[tuple[Any, ...]] = (
                tuple(rng.choice(values) for values in options) for _ in range(SAMPLE)
            )
        else:
            combinations = product(*options)
        seen: set[bool] = set()
        for combination in combinations:
            answers = ChainMap(_thawed(dict(zip(names, combination, strict=True))), blank)
            seen.add(Scope(questionnaire, answers).check(rule.when, f"rule {rule.id!r}"))
            if len(seen) == 2:
                break
        if len(seen) == 2:
            out[rule.id] = "sometimes"
        elif total > MAX_COMBINATIONS:
            out[rule.id] = "unknown"
        else:
            out[rule.id] = "always" if True in seen else "never"
    return out
