"""The decision engine: evaluate the questionnaire's rules over the answers into a verdict."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from mlpdm.core.answers.steps import Scope, compute_visibility
from mlpdm.core.questionnaire.conditions import compile_condition
from mlpdm.core.questionnaire.model import OUTCOMES, Questionnaire, Rule, Tier

VerdictId = Literal["no-go-risk", "no-go-not-needed", "not-ready", "go-with-conditions", "go"]
# Precedence, strongest first (product.md): a blocker beats "ML not needed", which beats
# missing prerequisites, which beat conditions.
VERDICTS: tuple[VerdictId, ...] = ("no-go-risk", "no-go-not-needed", "not-ready", "go-with-conditions", "go")
OUTCOME_VERDICT: Mapping[str, VerdictId] = {
    "blocker": "no-go-risk",
    "not-needed": "no-go-not-needed",
    "prerequisite": "not-ready",
    "condition": "go-with-conditions",
}


@dataclass(frozen=True)
class Trigger:
    """An answer that made a rule fire: the question id and the value given."""

    question_id: str
    value: Any


@dataclass(frozen=True)
class Finding:
    """A rule that fired, with the answers behind it and the severity the stakes gave it."""

    rule: Rule
    triggers: tuple[Trigger, ...]
    outcome: str  # blocker, not-needed, prerequisite, condition or note


@dataclass(frozen=True)
class Verdict:
    """The recommendation and every finding, strongest first."""

    id: VerdictId
    findings: tuple[Finding, ...]

    def by_outcome(self, outcome: str) -> tuple[Finding, ...]:
        """Findings with this outcome, in questionnaire order."""
        return tuple(f for f in self.findings if f.outcome == outcome)

    @property
    def deciding(self) -> tuple[Finding, ...]:
        """The findings that set the verdict (empty for GO)."""
        return tuple(f for f in self.findings if OUTCOME_VERDICT.get(f.outcome) == self.id)

    @property
    def top(self) -> Finding | None:
        """The finding named as the main reason (the index's "top reason"), if any."""
        shown = self.deciding or tuple(f for f in self.findings if f.outcome != "note")
        return shown[0] if shown else None


def decide(questionnaire: Questionnaire, answers: Mapping[str, Any]) -> Verdict:
    """Evaluate every rule; the verdict is the strongest outcome among the findings."""
    visibility = compute_visibility(questionnaire, answers)
    scope = visibility.scope
    shown = frozenset(q.id for q in visibility.questions)
    return verdict_of(
        finding
        for rule in questionnaire.rules
        if (finding := evaluate_rule(questionnaire, rule, scope, shown)) is not None
    )


def evaluate_rule(
    questionnaire: Questionnaire,
    rule: Rule,
    scope: Scope,
    shown: frozenset[str],
    underlying: Callable[[frozenset[str]], tuple[str, ...]] | None = None,
) -> Finding | None:
    """The finding one rule raises in ``scope``, or None when it does not fire.

    ``underlying`` maps condition names to the questions behind them (the what-if search
    passes a memoised one; the answer is the same).
    """
    if not scope.check(rule.when, f"rule {rule.id!r}"):
        return None
    tier = deciding_tier(rule, scope)
    outcome = rule.outcome if tier is None else tier.outcome
    return Finding(rule, _triggers(questionnaire, rule, tier, scope.values, shown, underlying), outcome)


def verdict_of(found: Iterable[Finding]) -> Verdict:
    """The verdict of findings given in questionnaire order: the strongest outcome among them."""
    rank = {outcome: i for i, outcome in enumerate(OUTCOMES)}
    # Most severe first; within an outcome, questionnaire order, which lists rules from the
    # most to the least serious (docs/severity.md), so the first is the top reason.
    findings = sorted(found, key=lambda f: rank[f.outcome])
    verdict: VerdictId = "go"
    for finding in findings:
        mapped = OUTCOME_VERDICT.get(finding.outcome)
        if mapped and VERDICTS.index(mapped) < VERDICTS.index(verdict):
            verdict = mapped
    return Verdict(verdict, tuple(findings))


def deciding_tier(rule: Rule, scope: Scope) -> Tier | None:
    """The first severity tier of a rule that fired whose condition holds (None: the base outcome)."""
    for index, tier in enumerate(rule.severity):
        if scope.check(tier.when, f"rule {rule.id!r} severity {index + 1}"):
            return tier
    return None


def _triggers(
    questionnaire: Questionnaire,
    rule: Rule,
    tier: Tier | None,
    values: Mapping[str, Any],
    shown: frozenset[str],
    underlying: Callable[[frozenset[str]], tuple[str, ...]] | None = None,
) -> tuple[Trigger, ...]:
    # Questions that were not asked are left out; asked-but-blank ones stay (value None),
    # because "no answer" is often exactly what made the rule fire.
    # The answers that made it fire, and those that set its severity.
    names = compile_condition(rule.when).names
    if tier is not None:
        names = names | compile_condition(tier.when).names
    return tuple(
        Trigger(qid, values[qid])
        for qid in (
            underlying(names) if underlying else questionnaire.underlying_questions(names, reasons_only=True)
        )
        if qid in shown
    )
