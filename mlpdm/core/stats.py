"""Evaluation statistics with the standard library alone.

Sample sizes, Wilson intervals, the rule of three, F-beta and cost-based thresholds.
Formulas, sources and worked values: docs/metrics.md.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist


def z_value(confidence: float) -> float:
    """The two-sided normal quantile for a confidence level (1.960 for 0.95)."""
    _check_open_unit(confidence, "confidence")
    return NormalDist().inv_cdf(1 - (1 - confidence) / 2)


def sample_size(margin: float, *, expected: float = 0.5, confidence: float = 0.95) -> int:
    """Items needed to estimate a proportion within ±margin: n = z²·p(1−p)/e², rounded up.

    ``expected`` is the rate you expect (0.5, the worst case, when unknown).
    """
    _check_open_unit(margin, "margin")
    _check_unit(expected, "expected rate")
    z = z_value(confidence)
    p = expected
    # A tiny epsilon keeps 384.0000001 from rounding up to 385 through float noise.
    return max(1, math.ceil(z * z * p * (1 - p) / (margin * margin) - 1e-9))


def finite_population(n: int, population: int) -> int:
    """Finite-population correction: n' = n / (1 + (n−1)/N), rounded up."""
    if population < 1:
        raise ValueError("the population must be at least 1")
    return min(population, math.ceil(n / (1 + (n - 1) / population) - 1e-9))


def items_to_label(positives: int, prevalence: float) -> int:
    """Random items to label to find ``positives`` positives at a given prevalence: n/π."""
    _check_open_unit(prevalence, "prevalence", allow_one=True)
    return math.ceil(positives / prevalence - 1e-9)


@dataclass(frozen=True)
class Interval:
    """A confidence interval for a proportion."""

    estimate: float
    low: float
    high: float
    confidence: float

    def clears(self, target: float) -> bool:
        """Whether the whole interval is at or above ``target`` (the lower bound clears it)."""
        return self.low >= target


def wilson(successes: int, trials: int, *, confidence: float = 0.95) -> Interval:
    """The Wilson score interval (Brown, Cai & DasGupta recommend it over the Wald interval)."""
    if trials < 1:
        raise ValueError("the number of trials must be at least 1")
    if not 0 <= successes <= trials:
        raise ValueError("successes must be between 0 and the number of trials")
    z = z_value(confidence)
    p = successes / trials
    denominator = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denominator
    half = z / denominator * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials))
    return Interval(p, max(0.0, centre - half), min(1.0, centre + half), confidence)


def zero_failure_bound(trials: int, *, confidence: float = 0.95) -> float:
    """Upper bound on the failure rate after ``trials`` with no failure: 1 − α^(1/n) (≈ 3/n)."""
    if trials < 1:
        raise ValueError("the number of trials must be at least 1")
    alpha = 1 - confidence
    return 1 - alpha ** (1 / trials)


def trials_for_zero_failures(max_rate: float, *, confidence: float = 0.95) -> int:
    """Failure-free trials needed to claim a rate below ``max_rate``: n = ln(α)/ln(1−p)."""
    _check_open_unit(max_rate, "rate")
    alpha = 1 - confidence
    return math.ceil(math.log(alpha) / math.log(1 - max_rate) - 1e-9)


def beta_from_costs(miss_cost: float, false_alarm_cost: float) -> float:
    """β for F-beta that weighs misses and false alarms by their costs: β = √(c_FN / c_FP).

    A heuristic derived from the count form of F-beta (misses weigh β², false alarms 1).
    """
    if miss_cost <= 0 or false_alarm_cost <= 0:
        raise ValueError("costs must be positive")
    return math.sqrt(miss_cost / false_alarm_cost)


def cost_threshold(miss_cost: float, false_alarm_cost: float) -> float:
    """The cost-optimal probability threshold: flag when p ≥ c_FP / (c_FP + c_FN) (Elkan 2001)."""
    if miss_cost <= 0 or false_alarm_cost <= 0:
        raise ValueError("costs must be positive")
    return false_alarm_cost / (false_alarm_cost + miss_cost)


def f_beta(precision: float, recall: float, beta: float) -> float:
    """F-beta: (1+β²)·P·R / (β²·P + R)."""
    if precision == 0 and recall == 0:
        return 0.0
    b2 = beta * beta
    return (1 + b2) * precision * recall / (b2 * precision + recall)


def _check_unit(value: float, name: str) -> None:
    if not 0 <= value <= 1:
        raise ValueError(f"the {name} must be between 0 and 1")


def _check_open_unit(value: float, name: str, *, allow_one: bool = False) -> None:
    if not (0 < value < 1 or (allow_one and value == 1)):
        raise ValueError(f"the {name} must be greater than 0 and less than 1")
