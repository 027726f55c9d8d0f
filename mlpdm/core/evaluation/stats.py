"""Evaluation statistics with the standard library alone.

Sample sizes (Wald and Wilson), the size a launch bar needs, Wilson intervals, the rule of three,
F-beta and cost-based thresholds.
Formulas, sources and worked values: docs/metrics.md.
"""

from __future__ import annotations

import math
from collections.abc import Callable
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


def zero_error_floor(bar: float, *, confidence: float = 0.95) -> int:
    """The smallest set that could show a rate above ``bar`` at all: n ≥ z²·b/(1−b).

    With every item right, the Wilson lower bound is n/(n+z²); below this size it stays under
    the bar whatever the model does.
    """
    _check_open_unit(bar, "bar")
    z = z_value(confidence)
    return max(1, math.ceil(z * z * bar / (1 - bar) - 1e-9))


# Beyond this many candidates the exact smallest size is not searched item by item: the answer is
# then the first size that surely clears, at most the rounding of one item above the smallest.
_SCAN = 20_000


def size_for_bar(bar: float, expected: float, *, confidence: float = 0.95) -> int | None:
    """The smallest n whose Wilson lower bound of round(p·n)/n clears ``bar`` (None when p ≤ bar).

    At a true rate no higher than the bar, no set size can show the bar is met. The bound rises
    with n and with the observed rate, and rounding moves the rate by at most 0.5/n, so the
    answer lies between a size below which none can clear (at p + 0.5/n) and one from which
    every size does (at p − 0.5/n); between them it is searched item by item.
    """
    _check_open_unit(bar, "bar")
    _check_unit(expected, "expected rate")
    if expected <= bar:
        return None
    floor = zero_error_floor(bar, confidence=confidence)
    low = floor
    for _ in range(64):  # each pass is still a lower bound; it settles in a few passes
        optimistic = min(1.0, expected + 0.5 / low)
        rate = optimistic  # bound now: the closure below must not see the next pass's value

        def clears_at_best(n: int, rate: float = rate) -> bool:
            return _wilson_low(rate, n, confidence) >= bar

        lower = _smallest(clears_at_best, low)
        if lower <= low:
            break
        low = lower
    high = _smallest(lambda n: _wilson_low(max(0.0, expected - 0.5 / n), n, confidence) >= bar, low)
    for n in range(low, min(high, low + _SCAN)):
        if wilson(round(expected * n), n, confidence=confidence).low >= bar:
            return n
    return high


def _smallest(clears: Callable[[int], bool], start: int) -> int:
    """Smallest n ≥ start for which ``clears`` holds, for a condition that stays true once true."""
    if clears(start):
        return start
    high = start * 2
    while not clears(high):
        high *= 2
    low = start  # clears(low) is false, clears(high) is true
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (low, middle) if clears(middle) else (middle, high)
    return high


def _wilson_low(rate: float, n: int, confidence: float) -> float:
    z = z_value(confidence)
    denominator = 1 + z * z / n
    centre = (rate + z * z / (2 * n)) / denominator
    return centre - z / denominator * math.sqrt(rate * (1 - rate) / n + z * z / (4 * n * n))


def wilson_sample_size(margin: float, *, expected: float = 0.5, confidence: float = 0.95) -> int:
    """The smallest n whose Wilson interval around ``expected`` is at most ±margin wide.

    Near 0% or 100% the Wilson interval is wider than the Wald one, so this is the honest size
    for a margin; in the middle the two agree within a few items.
    """
    _check_open_unit(margin, "margin")
    _check_unit(expected, "expected rate")
    z = z_value(confidence)

    def half_width(n: int) -> float:
        denominator = 1 + z * z / n
        p = expected
        return z / denominator * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))

    # The half-width falls as n grows: bisect between 1 and a size that surely suffices.
    high = max(1, math.ceil(z * z / (4 * margin * margin)) + 1)
    while half_width(high) > margin + 1e-12:
        high *= 2
    low = 0
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (low, middle) if half_width(middle) <= margin + 1e-12 else (middle, high)
    return high


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
