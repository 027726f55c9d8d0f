"""The evaluation planner: metrics for the task, error weights, labels needed, the launch bar.

It reads well-known question ids of the default questionnaire (task_type, model_metric,
metric_target, error_balance, error_ratio, eval_margin, launch_target, prevalence, segments,
eval_population, eval_size, pilot_total, pilot_correct, launch_gate, failure_criterion); a
questionnaire without them simply gets a shorter plan. Percentages are entered as 0-100, as
people say them. Sizes are Wilson sizes at a stated expected rate (docs/metrics.md).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from mlpdm.core.evaluation import stats

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


# What one unit of the evaluation sample is, where the task decides it.
UNITS: Mapping[str, str] = {"extract": "documents", "search": "queries"}


def task_kind(task: Any, metric: Any = None) -> str | None:
    """The kind of evaluation the task needs: a backtest for an error size, else the task itself."""
    if task == "forecast" or metric == "error_size":
        return "forecast"
    return str(task) if task in TASK_METRICS else None


# "9 classes", "12 categories", "9クラス", "5つのカテゴリ": a class count stated in typed text.
_CLASSES = re.compile(
    r"(\d{1,4})\s*(?:つの|個の)?\s*(?:classes\b|categories\b|クラス|カテゴリ)", re.IGNORECASE
)
_MULTICLASS = re.compile(r"multi-?class|多クラス|多値分類", re.IGNORECASE)


def classes_in(*texts: Any) -> int | None:
    """The number of classes a typed answer names (3 when it says multi-class without a number)."""
    found = None
    for text in texts:
        if not isinstance(text, str):
            continue
        normal = unicodedata.normalize("NFKC", text)
        match = _CLASSES.search(normal)
        if match is not None:
            return int(match.group(1))
        if found is None and _MULTICLASS.search(normal):
            found = 3
    return found


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
    """How many items to label: for the ± margin, and to show the launch bar is met.

    Both sizes use the Wilson interval at the expected rate: the pilot's rate when a pilot
    is above the bar, else an assumption stated in the brief (halfway between the bar and 100%),
    else, with no bar, 50% (the worst case).
    """

    margin_pct: float
    expected_pct: float
    expected_source: str  # pilot, assumed (halfway to 100%), worst_case (no bar)
    per_estimate: int  # Wilson size for ±margin at the expected rate
    counts: str  # predicted_positives, actual_positives, random_outputs, documents, queries
    prevalence_pct: float | None
    items_per_estimate: int  # per_estimate, or n/π for recall, after the finite-population correction
    segments: int
    population: int | None
    have: int | None
    bar_pct: float | None = None
    bar_floor: int | None = None  # z²·b/(1−b): below it no result can show the bar is met
    bar_size: int | None = None  # Wilson size that clears the bar at the expected rate
    bar_items: int | None = None  # bar_size, or n/π for recall
    pilot_pct: float | None = None  # the pilot's rate, when it is at or below the bar

    @property
    def bar_cannot(self) -> bool:
        """A bar no set size can show (100%, or an expected rate at or below it)."""
        return self.bar_pct is not None and self.bar_size is None

    @property
    def margin_total(self) -> int:
        """Items for the ± margin, in all segments."""
        return self.items_per_estimate * self.segments

    @property
    def bar_total(self) -> int | None:
        """Items to show the bar is met, in all segments (None: no bar, or none can)."""
        return None if self.bar_items is None else self.bar_items * self.segments

    @property
    def total(self) -> int:
        """Items to label in all: the larger of the two sizes, for each segment."""
        return max(self.items_per_estimate, self.bar_items or 0) * self.segments

    @property
    def enough(self) -> bool | None:
        """Whether the planned set meets both sizes (None when its size is unknown).

        A set is never large enough for a bar no set size can show.
        """
        if self.have is None:
            return None
        return self.have >= self.total and not self.bar_cannot


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
class Bars:
    """The three bars a plan is judged by, as percentages read from the typed answers."""

    launch: float | None
    gate: float | None
    failure: float | None  # the floor a failure criterion names ("below 95%"), if it names one

    @property
    def conflicts(self) -> tuple[str, ...]:
        """failure_above_bar, gate_below_failure: the ways the three bars contradict each other."""
        found = []
        if self.failure is not None and self.launch is not None and self.failure > self.launch:
            found.append("failure_above_bar")
        if self.failure is not None and self.gate is not None and self.gate < self.failure:
            found.append("gate_below_failure")
        return tuple(found)


@dataclass(frozen=True)
class EvaluationPlan:
    """Everything the brief's evaluation section computes."""

    metrics: tuple[str, ...] = ()
    chosen_metric: str | None = None
    weighting: CostWeighting | None = None
    sample: SamplePlan | None = None
    launch: LaunchCheck | None = None
    zero_failure_trials: dict[str, int] = field(default_factory=dict)
    kind: str | None = None  # classify, extract, search, forecast, generate, converse
    classes: int | None = None  # more than two: a multi-class classifier
    bars: Bars = field(default_factory=lambda: Bars(None, None, None))

    @property
    def multiclass(self) -> bool:
        """A classifier choosing among more than two classes."""
        return self.kind == "classify" and self.classes is not None and self.classes > 2


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


# What labels_needed returns when no number of labelled items could show the bar is met.
UNREACHABLE = 10**12


def labels_needed(
    metric: Any = None,
    margin_pct: Any = None,
    expected_pct: Any = None,
    prevalence_pct: Any = None,
    segments: Any = 0,
    population: Any = None,
    pilot_correct: Any = None,
    pilot_total: Any = None,
    task: Any = None,
) -> int:
    """Items to label so that each segment's rate is known within ±margin and can clear the bar.

    ``expected_pct`` is the launch bar (the name is kept for questionnaires that call it so).
    The same number the brief's evaluation plan states, for rules; 0 for a forecast, which is
    judged by a backtest, not by a proportion.
    """
    if task_kind(task, metric) == "forecast":
        return 0
    sample = _sample(
        metric,
        margin_pct,
        expected_pct,
        prevalence_pct,
        segments,
        population,
        None,
        pilot_correct,
        pilot_total,
        task,
    )
    # A bar no set size can show (100%, or a pilot at or below it): no set is large enough.
    return UNREACHABLE if sample.bar_cannot else sample.total


def _pct(value: Any, default: float, *, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not low < value < high:
        return default
    return float(value)


def _count(value: Any) -> int | None:
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _pilot_rate(correct: Any, total: Any) -> float | None:
    """The pilot's rate in %, when the numbers make sense."""
    c, n = _count(correct), _count(total)
    if c is None or n is None or n < 1 or not 0 <= c <= n:
        return None
    return 100 * c / n


def _expected(bar: float | None, pilot: float | None) -> tuple[float, str]:
    """The rate both sizes assume, and where it comes from."""
    if bar is None:
        return (pilot, "pilot") if pilot is not None and 0 < pilot < 100 else (50.0, "worst_case")
    if pilot is not None and pilot > bar:
        return pilot, "pilot"
    return (bar + 100) / 2, "assumed"


def _sample(
    metric: Any,
    margin_pct: Any,
    bar_pct: Any,
    prevalence_pct: Any,
    segments: Any,
    population: Any,
    have: Any,
    pilot_correct: Any = None,
    pilot_total: Any = None,
    task: Any = None,
) -> SamplePlan:
    margin = _pct(margin_pct, DEFAULT_MARGIN_PCT, low=0, high=50)
    bar = float(bar_pct) if isinstance(bar_pct, int | float) and not isinstance(bar_pct, bool) else None
    if bar is not None and not 0 < bar <= 100:
        bar = None
    pilot = _pilot_rate(pilot_correct, pilot_total)
    expected, source = _expected(bar, pilot)
    n = stats.wilson_sample_size(margin / 100, expected=min(expected, 100) / 100, confidence=CONFIDENCE)
    kind = task_kind(task, metric)
    by_metric = {"precision": "predicted_positives", "recall": "actual_positives"}
    counts = (UNITS.get(kind) if kind is not None else None) or by_metric.get(str(metric), "random_outputs")
    # Prevalence frames a binary classifier only: for other tasks every item has an answer.
    prevalence = _pct(prevalence_pct, 0.0, low=0, high=100.0001) or None
    if kind not in (None, "classify"):
        prevalence = None

    def per_positive(size: int) -> int:
        if counts == "actual_positives" and prevalence:
            return stats.items_to_label(size, min(prevalence, 100) / 100)
        return size

    items = per_positive(n)
    pop = int(population) if isinstance(population, int | float) and population >= 1 else None
    if pop is not None:
        items = stats.finite_population(items, pop)
    floor = bar_size = bar_items = None
    if bar is not None and bar < 100:
        floor = stats.zero_error_floor(bar / 100, confidence=CONFIDENCE)
        bar_size = stats.size_for_bar(bar / 100, expected / 100, confidence=CONFIDENCE)
        bar_items = None if bar_size is None else per_positive(bar_size)
    k = int(segments) if isinstance(segments, int | float) and segments > 1 else 1
    return SamplePlan(
        margin_pct=margin,
        expected_pct=expected,
        expected_source=source,
        per_estimate=n,
        counts=counts,
        prevalence_pct=prevalence if counts == "actual_positives" else None,
        items_per_estimate=items,
        segments=k,
        population=pop,
        have=_count(have),
        bar_pct=bar,
        bar_floor=floor,
        bar_size=bar_size,
        bar_items=bar_items,
        pilot_pct=pilot if bar is not None and pilot is not None and pilot <= bar else None,
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
    kind = task_kind(task, metric) if task is not None else None
    sample = None
    # A forecast is judged by its error size on a backtest, not by a share of right answers.
    if task is not None and kind != "forecast":
        sample = _sample(
            metric,
            answers.get("eval_margin"),
            bar,
            answers.get("prevalence"),
            len(segments),
            answers.get("eval_population"),
            answers.get("eval_size"),
            answers.get("pilot_correct"),
            answers.get("pilot_total"),
            task,
        )
    classes = None
    if kind == "classify":
        classes = classes_in(
            answers.get("metric_target"), answers.get("user_problem"), answers.get("launch_gate")
        )
    return EvaluationPlan(
        metrics=TASK_METRICS.get(str(task), ()),
        chosen_metric=metric if isinstance(metric, str) and metric != "unsure" else None,
        weighting=weighting(answers.get("error_balance"), answers.get("error_ratio"))
        if answers.get("error_balance") and kind in (None, "classify")
        else None,
        sample=sample,
        launch=launch_check(answers.get("pilot_correct"), answers.get("pilot_total"), bar),
        zero_failure_trials={
            "1%": stats.trials_for_zero_failures(0.01, confidence=CONFIDENCE),
            "0.1%": stats.trials_for_zero_failures(0.001, confidence=CONFIDENCE),
        },
        kind=kind,
        classes=classes,
        bars=Bars(
            launch=bar,
            gate=floor_percent(answers.get("launch_gate")),
            failure=failure_floor(answers.get("failure_criterion")),
        ),
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
    the bar once. A percentage written as a ceiling ("fewer than 2% rated wrong") is an error
    rate, not the rate the bar is about: it is not taken, and the number is asked instead.
    """
    if isinstance(target, int | float) and not isinstance(target, bool):
        return float(target)
    return floor_percent(text)


# Words that make a percentage a ceiling ("at most 2%", "below 5%", "3% 以下"), not a floor.
_BELOW_EN = r"(?:below|under|less than|fewer than|lower than|at most|up to|no more than|drops? to|falls? to)"
_BELOW_JA = r"(?:未満|以下|以内|を下回|より低|に満たな)"
_NUMBER = r"(\d{1,3}(?:[.,]\d+)?)\s*(?:%|percent\b|per cent\b|パーセント)"
_CEILING = re.compile(rf"{_BELOW_EN}\s*(?:\w+\s+){{0,2}}?{_NUMBER}|{_NUMBER}\s*{_BELOW_JA}", re.IGNORECASE)
_ERROR_WORDS = re.compile(r"\berror|\bfalse|\bwrong|\bmistake|\bmiss|誤|間違", re.IGNORECASE)


def _value(match: re.Match[str]) -> float | None:
    raw = next(group for group in match.groups() if group is not None)
    value = float(raw.replace(",", "."))
    return value if 0 <= value <= 100 else None


def failure_floor(text: Any) -> float | None:
    """The rate a failure criterion stops below ("below 95%", "95%未満"), if it names one.

    A criterion about an error rate ("false flags above 1%") names a ceiling on errors, not a
    floor on the rate the bars measure, so it is not compared with them.
    """
    if not isinstance(text, str):
        return None
    normal = unicodedata.normalize("NFKC", text)
    for match in _CEILING.finditer(normal):
        near = normal[max(0, match.start() - 30) : match.end() + 10]
        if not _ERROR_WORDS.search(near):
            return _value(match)
    return None


def floor_percent(text: Any) -> float | None:
    """The percentage in a bar or gate phrased as a floor ("at least 97%"), not as a ceiling."""
    value = percent_in(text)
    if value is None or _CEILING.search(unicodedata.normalize("NFKC", str(text))):
        return None
    return value


# Functions a questionnaire's conditions may call (pure, bounded, numbers in and out).
CONDITION_FUNCTIONS = {
    "labels_needed": labels_needed,
    "wilson_low": wilson_low,
    "wilson_high": wilson_high,
    "launch_bar": launch_bar,
}
