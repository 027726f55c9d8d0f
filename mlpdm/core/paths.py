"""How long an interview can be: the fewest and the most questions any set of answers leads to."""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from mlpdm.core.conditions import compile_condition
from mlpdm.core.interview import Scope, empty_value
from mlpdm.core.questionnaire import Question, Questionnaire, Section


@dataclass(frozen=True)
class PathLengths:
    """The number of questions on the shortest and the longest way through."""

    shortest: int
    longest: int
    total: int


def path_lengths(questionnaire: Questionnaire) -> PathLengths:
    """Explore every branch of the conditions and count the questions asked.

    Only questions that later conditions read ("gates") are branched on, over values that
    stand for every case a condition can tell apart: each choice, each single option of a
    multiple choice, blank or given for text and lists, the bounds for numbers. The search
    remembers states by the gate values still read later, so it stays small.
    """
    steps = list(questionnaire.questions())
    mentioned = _mentioned_strings(questionnaire)
    blank = {qid: empty_value(q) for qid, q in questionnaire.question_index.items()}
    reads = [_names(questionnaire, section, question) for section, question in steps]
    last_read: dict[str, int] = {}
    for index, names in enumerate(reads):
        for name in names:
            last_read[name] = index

    @cache
    def walk(index: int, live: tuple[tuple[str, Any], ...]) -> tuple[int, int]:
        if index == len(steps):
            return 0, 0
        section, question = steps[index]
        values = dict(live)
        shown = _visible(questionnaire, section, question, ChainMap(_thawed(values), blank))
        is_gate = last_read.get(question.id, -1) > index
        options = _candidates(question, mentioned) if shown and is_gate else [values.get(question.id)]
        if is_gate and not shown:
            options = [empty_value(question)]
        results = []
        for option in options:
            nxt = dict(values)
            if is_gate:
                nxt[question.id] = _frozen(option)
            kept = tuple(sorted((k, v) for k, v in nxt.items() if last_read.get(k, -1) > index))
            low, high = walk(index + 1, kept)
            results.append((low + shown, high + shown))
        return min(r[0] for r in results), max(r[1] for r in results)

    shortest, longest = walk(0, ())
    return PathLengths(shortest, longest, len(steps))


def _names(questionnaire: Questionnaire, section: Section, question: Question) -> frozenset[str]:
    names: set[str] = set()
    for expr in (section.when, question.when):
        if expr:
            names |= set(questionnaire.underlying_questions(compile_condition(expr).names))
    return frozenset(names)


def _visible(
    questionnaire: Questionnaire, section: Section, question: Question, values: Mapping[str, Any]
) -> bool:
    scope = Scope(questionnaire, values)  # type: ignore[arg-type]
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


def _candidates(question: Question, mentioned: frozenset[str]) -> list[Any]:
    return list(_each_candidate(question, mentioned))


def _each_candidate(question: Question, mentioned: frozenset[str]) -> Iterator[Any]:
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
        yield question.min if question.min is not None else 0
        yield question.max if question.max is not None else 10**9
    else:
        yield "text"
