"""The evaluation planner: metrics for the task, error weights, labels needed, the launch bar.

It reads well-known question ids of the default questionnaire (task_type, model_metric,
error_balance, error_ratio, eval_margin, launch_target, prevalence, segments,
eval_population, eval_size, pilot_total, pilot_correct); a questionnaire without them simply
gets a shorter plan. Percentages are entered as 0-100, as people say them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from mlpdm.core import stats

CONFIDENCE = 0.95
DEFAULT_MARGIN_PCT = 5.0

# Suggested model metrics per task, most useful first (research notes, section 1.9 and 4).
TASK_METRICS: Mapping[str, tuple[str, ...]] = {
    "classify": ("precision", "recall", "f_beta", "pr_auc"),
    "extract": ("field_exact", "field_f1", "wer"),
    "generate": ("rubric", "groundedness", "acceptance"),
    "converse": ("task_success", "rubric", "groundedness"),
    "search": ("recall_at_k", "ndcg", "mrr"),
    "forecast": ("mae", "mape"),
}
# What one unit of the evaluation sample is, for each chosen metric.
PROPORTION_METRICS = frozenset(
    {
        "precision",
        "recall",
        "accuracy",
        "field_accuracy",
        "groundedness",
        "acceptance",
        "human_rating",
        "f_score",
    }
)


@dataclass(frozen=True)
class CostWeighting:
    """How the two errors are weighed, from "a miss costs about r times a false alarm"."""

    emphasis: str  # precision, recall, balanced
    miss_cost: float
    false_alarm_cost: float
    beta: float
    threshold: float


@dataclass(frozen=True)
class SamplePlan:
    """How many items to label for the chosen margin."""

    margin_pct: float
    expected_pct: float
    expected_given: bool
    per_estimate: int  # n = z²p(1−p)/e²
    counts: str  # predicted_positives, actual_positives, random_outputs
    prevalence_pct: float | None
    items_per_estimate: int  # n, or n/π for recall
    segments: int
    population: int | None
    total: int  # items to label in all
    have: int | None

    @property
    def enough(self) -> bool | None:
        """Whether the planned evaluation set is big enough (None when its size is unknown)."""
        return None if self.have is None else self.have >= self.total


@dataclass(frozen=True)
class LaunchCheck:
    """A pilot result against the launch bar."""

    correct: int
    total: int
    interval: stats.Interval
    target_pct: float | None

    @property
    def outcome(self) -> str:
        """clears, straddles, below, or no_target."""
        if self.target_pct is None:
            return "no_target"
        target = self.target_pct / 100
        if self.interval.low >= target:
            return "clears"
        if self.interval.high < target:
            return "below"
        return "straddles"


@dataclass(frozen=True)
class EvaluationPlan:
    """Everything the brief's evaluation section computes."""

    metrics: tuple[str, ...] = ()
    chosen_metric: str | None = None
    weighting: CostWeighting | None = None
    sample: SamplePlan | None = None
    launch: LaunchCheck | None = None
    zero_failure_trials: dict[str, int] = field(default_factory=dict)


def weighting(error_balance: Any, ratio: Any) -> CostWeighting | None:
    """Weigh the errors from which is worse and by how much (None when undecided)."""
    if error_balance not in ("miss", "false_alarm", "equal"):
        return None
    r = float(ratio) if isinstance(ratio, int | float) and ratio >= 1 else 1.0
    if error_balance == "equal":
        r = 1.0
    miss, false_alarm = (r, 1.0) if error_balance == "miss" else (1.0, r)
    emphasis = "balanced" if r == 1 else ("recall" if error_balance == "miss" else "precision")
    return CostWeighting(
        emphasis=emphasis,
        miss_cost=miss,
        false_alarm_cost=false_alarm,
        beta=stats.beta_from_costs(miss, false_alarm),
        threshold=stats.cost_threshold(miss, false_alarm),
    )


def labels_needed(
    metric: Any = None,
    margin_pct: Any = None,
    expected_pct: Any = None,
    prevalence_pct: Any = None,
    segments: Any = 0,
    population: Any = None,
) -> int:
    """Items to label so that each segment's rate is known within ±margin (also usable in rules)."""
    return _sample(metric, margin_pct, expected_pct, prevalence_pct, segments, population, None).total


def _pct(value: Any, default: float, *, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not low < value < high:
        return default
    return float(value)


def _sample(
    metric: Any,
    margin_pct: Any,
    expected_pct: Any,
    prevalence_pct: Any,
    segments: Any,
    population: Any,
    have: Any,
) -> SamplePlan:
    margin = _pct(margin_pct, DEFAULT_MARGIN_PCT, low=0, high=50)
    expected_given = isinstance(expected_pct, int | float) and 0 < expected_pct < 100
    expected = _pct(expected_pct, 50.0, low=0, high=100)
    n = stats.sample_size(margin / 100, expected=expected / 100, confidence=CONFIDENCE)
    counts = {"precision": "predicted_positives", "recall": "actual_positives"}.get(
        str(metric), "random_outputs"
    )
    prevalence = _pct(prevalence_pct, 0.0, low=0, high=100.0001) or None
    items = n
    if counts == "actual_positives" and prevalence:
        items = stats.items_to_label(n, min(prevalence, 100) / 100)
    pop = int(population) if isinstance(population, int | float) and population >= 1 else None
    if pop is not None:
        items = stats.finite_population(items, pop)
    k = int(segments) if isinstance(segments, int | float) and segments > 1 else 1
    return SamplePlan(
        margin_pct=margin,
        expected_pct=expected,
        expected_given=expected_given,
        per_estimate=n,
        counts=counts,
        prevalence_pct=prevalence,
        items_per_estimate=items,
        segments=k,
        population=pop,
        total=items * k,
        have=int(have) if isinstance(have, int | float) and not isinstance(have, bool) else None,
    )


def launch_check(correct: Any, total: Any, target_pct: Any) -> LaunchCheck | None:
    """The Wilson interval of a pilot result and where it stands against the bar."""
    if not (isinstance(total, int) and total >= 1 and isinstance(correct, int) and 0 <= correct <= total):
        return None
    target = float(target_pct) if isinstance(target_pct, int | float) and 0 < target_pct <= 100 else None
    return LaunchCheck(correct, total, stats.wilson(correct, total, confidence=CONFIDENCE), target)


def wilson_low(correct: Any, total: Any) -> float:
    """Lower Wilson bound in percent (0 when the numbers make no sense), for rules."""
    check = launch_check(correct, total, None)
    return 0.0 if check is None else check.interval.low * 100


def wilson_high(correct: Any, total: Any) -> float:
    """Upper Wilson bound in percent (100 when the numbers make no sense), for rules."""
    check = launch_check(correct, total, None)
    return 100.0 if check is None else check.interval.high * 100


def evaluation_plan(answers: Mapping[str, Any]) -> EvaluationPlan:
    """The plan for a set of answers (only the parts the answers allow)."""
    task = answers.get("task_type")
    metric = answers.get("model_metric")
    segments = answers.get("segments") or []
    bar = launch_bar(answers.get("launch_target"), answers.get("metric_target"))
    sample = None
    if task is not None:
        sample = _sample(
            metric,
            answers.get("eval_margin"),
            bar,
            answers.get("prevalence"),
            len(segments),
            answers.get("eval_population"),
            answers.get("eval_size"),
        )
    return EvaluationPlan(
        metrics=TASK_METRICS.get(str(task), ()),
        chosen_metric=metric if isinstance(metric, str) and metric != "unsure" else None,
        weighting=weighting(answers.get("error_balance"), answers.get("error_ratio"))
        if answers.get("error_balance")
        else None,
        sample=sample,
        launch=launch_check(answers.get("pilot_correct"), answers.get("pilot_total"), bar),
        zero_failure_trials={
            "1%": stats.trials_for_zero_failures(0.01, confidence=CONFIDENCE),
            "0.1%": stats.trials_for_zero_failures(0.001, confidence=CONFIDENCE),
        },
    )


# A percentage written in a launch bar: "at least 98% on amounts", "95 percent", "９８％".
_PERCENT = re.compile(r"(\d{1,3}(?:[.,]\d+)?)\s*(?:%|％|percent\b|per cent\b|パーセント)", re.IGNORECASE)


def percent_in(text: Any) -> float | None:
    """The first percentage (0-100) in a typed launch bar, if it names one."""
    if not isinstance(text, str):
        return None
    match = _PERCENT.search(unicodedata.normalize("NFKC", text))
    if match is None:
        return None
    value = float(match.group(1).replace(",", "."))
    return value if 0 <= value <= 100 else None


def launch_bar(target: Any, text: Any) -> float | None:
    """The launch bar in %: the number given, else the percentage in the typed bar.

    The interview asks for the number only when the typed bar names none, so a PM states
    the bar once.
    """
    if isinstance(target, int | float) and not isinstance(target, bool):
        return float(target)
    return percent_in(text)


# Functions a questionnaire's conditions may call (pure, bounded, numbers in and out).
CONDITION_FUNCTIONS = {
    "labels_needed": labels_needed,
    "wilson_low": wilson_low,
    "wilson_high": wilson_high,
    "launch_bar": launch_bar,
}
