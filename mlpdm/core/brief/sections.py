"""Readable lines for the brief and the terminal: the evaluation plan and what would change the verdict."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mlpdm.core.decision.whatif import GIVEN, Change, WhatIf
from mlpdm.core.evaluation import stats
from mlpdm.core.evaluation.planner import TASK_METRICS, EvaluationPlan, SamplePlan, evaluation_plan
from mlpdm.core.questionnaire.model import Questionnaire
from mlpdm.core.text.markdown import Md, escape_fragment, escape_inline
from mlpdm.core.text.messages import t
from mlpdm.core.text.readable import display_value, number, percent


def message(key: str, lang: str, /, **params: Any) -> Md:
    """A catalogue text (mlpdm's own Markdown) with escaped values filled in."""
    safe = {k: v if isinstance(v, Md) else escape_fragment(v) for k, v in params.items()}
    return Md(t(key, lang, **safe))


# -- what would change the verdict -------------------------------------------------------------


def change_text(
    questionnaire: Questionnaire, change: Change, lang: str, answers: Mapping[str, Any] | None = None
) -> str:
    """One change as a sentence fragment: “Approval of actions: “Yes, each action” (now: “No…”)”."""
    question = questionnaire.question(change.question_id)
    label = question.label(lang)
    if (
        question.type == "number"
        and isinstance(change.new, int | float)
        and isinstance(change.old, int | float)
    ):
        if change.new < change.old:  # a load to reduce, e.g. outputs per reviewer
            return t("whatif.at_most", lang, label=label, value=number(change.new), old=number(change.old))
        # A count is evidence to gather ("a pilot of 100 with at least 95 right"), not a lever.
        total = (answers or {}).get(question.at_most) if question.at_most else None
        if isinstance(total, int | float):
            return t(
                "whatif.evidence_of",
                lang,
                label=label,
                value=number(change.new),
                total=number(total),
                old=number(change.old),
            )
        return t("whatif.evidence", lang, label=label, value=number(change.new), old=number(change.old))
    if change.any_answer:
        new = t("whatif.decide", lang)
    elif change.new == GIVEN or change.new == [GIVEN]:
        new = t("whatif.give_answer", lang)
    elif question.type == "number":
        new = t("whatif.at_least", lang, value=number(change.new))
    else:
        new = display_value(question, change.new, lang)
    if change.old in (None, [], "") or change.new == GIVEN or change.new == [GIVEN]:
        return t("whatif.change_open", lang, label=label, new=new)
    old = display_value(question, change.old, lang)
    if change.any_answer or question.type == "number":
        return t("whatif.change_rule", lang, label=label, new=new, old=old)
    return t("whatif.change", lang, label=label, new=new, old=old)


def whatif_context(
    questionnaire: Questionnaire, whatif: WhatIf, lang: str, answers: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The what-if result as plain strings keyed for the template."""
    return {
        "target": None
        if whatif.target is None
        else {
            "id": whatif.target,
            "label": t(f"verdict.{whatif.target}", lang),
            "heading": t("whatif.to_reach", lang, verdict=t(f"verdict.{whatif.target}", lang)),
            "changes": [change_text(questionnaire, c, lang, answers) for c in whatif.target_changes],
        },
        "lifts": {
            lift.rule_id: [change_text(questionnaire, c, lang, answers) for c in lift.changes]
            for lift in whatif.lifts
        },
    }


# -- the evaluation plan -----------------------------------------------------------------------


def plan_context(questionnaire: Questionnaire, answers: Mapping[str, Any], lang: str) -> dict[str, Any]:
    """The evaluation plan as lines of Markdown, grouped for the template."""
    plan = evaluation_plan(answers)
    return {
        "metrics": _metric_lines(plan, answers, lang),
        "method": _method_lines(plan, answers, lang),
        "weighting": _weighting_lines(plan, lang),
        "sample": _sample_lines(plan, lang),
        "launch": _launch_lines(plan, lang),
        "zero": message(
            "plan.zero",
            lang,
            one=number(plan.zero_failure_trials["1%"]),
            tenth=number(plan.zero_failure_trials["0.1%"]),
        ),
        "kpi": _kpi_rows(questionnaire, answers, lang) if "kpi" in questionnaire.question_index else [],
        "bars": _bar_rows(questionnaire, answers, plan, lang),
        "bar_warnings": [message(f"plan.bars.{c}", lang, **_bar_values(plan)) for c in plan.bars.conflicts],
    }


def _metric_lines(plan: EvaluationPlan, answers: Mapping[str, Any], lang: str) -> list[Md]:
    if str(answers.get("task_type")) not in TASK_METRICS:
        return []
    return [Md(escape_inline(t(f"metric.{metric}", lang))) for metric in plan.metrics]


def _method_lines(plan: EvaluationPlan, answers: Mapping[str, Any], lang: str) -> list[Md]:
    """How to measure, for the task: the plan a reviewer of that kind of model expects."""
    kind = plan.kind
    if kind is None:
        return []
    if plan.multiclass:
        classes = number(plan.classes or 0)
        return [
            message("plan.method.multiclass.matrix", lang, classes=classes),
            message("plan.method.multiclass.small", lang),
        ]
    if kind == "forecast":
        segments = len(answers.get("segments") or [])
        return [
            message("plan.method.forecast.backtest", lang),
            message("plan.method.forecast.segments" if segments else "plan.method.forecast.errors", lang),
            message("plan.method.forecast.no_sample", lang),
        ]
    return [message(f"plan.method.{kind}.{part}", lang) for part in METHOD_PARTS[kind]]


# The lines of each task's plan, in the catalogue as plan.method.<task>.<part>.
METHOD_PARTS: Mapping[str, tuple[str, ...]] = {
    "classify": ("confusion",),
    "extract": ("fields", "unit"),
    "search": ("judged", "unit"),
    "generate": ("rubric", "groundedness", "share"),
    "converse": ("success", "rubric", "groundedness", "share"),
}


def _weighting_lines(plan: EvaluationPlan, lang: str) -> list[Md]:
    w = plan.weighting
    if w is None:
        return []
    if w.emphasis == "balanced":
        headline = message("plan.weighting.equal", lang)
    else:
        key = "miss" if w.emphasis == "recall" else "false_alarm"
        ratio = max(w.miss_cost, w.false_alarm_cost)
        headline = message(f"plan.weighting.ratio.{key}", lang, ratio=number(ratio))
    return [
        headline,
        message("plan.beta", lang, beta=number(round(w.beta, 2), decimals=2)),
        message("plan.threshold", lang, threshold=number(round(w.threshold, 2), decimals=2)),
    ]


def _sample_lines(plan: EvaluationPlan, lang: str) -> list[Md]:
    s = plan.sample
    if s is None:
        return []
    bar = number(s.bar_pct) if s.bar_pct is not None else ""
    expected = number(round(s.expected_pct, 1))
    if s.pilot_pct is not None:  # the pilot is at or below the bar: say so, then what is assumed
        pilot = number(round(s.pilot_pct, 1))
        lines = [message("plan.sample.pilot_below", lang, pilot=pilot, bar=bar, expected=expected)]
    else:
        lines = [message(f"plan.sample.expected.{s.expected_source}", lang, expected=expected, bar=bar)]
    lines += [
        message(
            "plan.sample.margin",
            lang,
            margin=number(s.margin_pct),
            n=number(s.per_estimate),
            wald=number(stats.sample_size(s.margin_pct / 100, expected=min(s.expected_pct, 100) / 100)),
        ),
        message(f"plan.sample.counts.{s.counts}", lang),
    ]
    if s.counts == "actual_positives" and s.prevalence_pct:
        lines.append(
            message(
                "plan.sample.prevalence",
                lang,
                prevalence=number(s.prevalence_pct),
                n=number(s.per_estimate),
                items=number(stats.items_to_label(s.per_estimate, s.prevalence_pct / 100)),
            )
        )
    if s.population is not None:
        lines.append(
            message(
                "plan.sample.population",
                lang,
                population=number(s.population),
                items=number(s.items_per_estimate),
            )
        )
    if s.bar_pct is not None:
        if s.bar_size is None:
            lines.append(message("plan.sample.bar.cannot", lang, bar=bar))
        else:
            lines.append(
                message(
                    "plan.sample.bar",
                    lang,
                    bar=bar,
                    n=number(s.bar_size),
                    expected=expected,
                    floor=number(s.bar_floor or 0),
                )
            )
            if s.bar_items is not None and s.bar_items != s.bar_size:
                lines.append(
                    message(
                        "plan.sample.bar.prevalence",
                        lang,
                        prevalence=number(s.prevalence_pct or 0),
                        items=number(s.bar_items),
                    )
                )
    # "The larger of the two sizes" only when there are two.
    two = "" if s.bar_total is not None else ".margin"
    if s.segments > 1:
        lines.append(message(f"plan.sample.segments{two}", lang, segments=s.segments, total=number(s.total)))
    else:
        lines.append(message(f"plan.sample.total{two}", lang, total=number(s.total)))
    if s.have is not None:
        lines.append(_have_line(s, lang))
    return lines


def _have_line(s: SamplePlan, lang: str) -> Md:
    """Whether the planned set meets both sizes; "large enough" only when it does."""
    have = number(s.have or 0)
    if s.bar_cannot:
        return message("plan.sample.have.cannot", lang, have=have)
    if s.enough:
        key = "plan.sample.have.enough.both" if s.bar_total is not None else "plan.sample.have.enough"
        return message(key, lang, have=have)
    short_margin = (s.have or 0) < s.margin_total
    short_bar = s.bar_total is not None and (s.have or 0) < s.bar_total
    which = "both" if short_margin and short_bar else "bar" if short_bar else "margin"
    return message(
        f"plan.sample.have.short.{which}", lang, have=have, missing=number(s.total - (s.have or 0))
    )


BAR_ROWS = (
    ("bar", "metric_target", "launch"),
    ("gate", "launch_gate", "gate"),
    ("failure", "failure_criterion", "failure"),
)


def _bar_values(plan: EvaluationPlan) -> dict[str, str]:
    bars = plan.bars
    return {
        key: number(value) if value is not None else ""
        for key, value in (("bar", bars.launch), ("gate", bars.gate), ("failure", bars.failure))
    }


def _bar_rows(
    questionnaire: Questionnaire, answers: Mapping[str, Any], plan: EvaluationPlan, lang: str
) -> list[tuple[str, str, str]]:
    """Launch bar, stage gate and failure criterion side by side: (which, as typed, the % read)."""
    # Shown even when none is stated: a missing bar is what a reviewer needs to see.
    missing = t("plan.kpi.missing", lang)
    rows = []
    for key, qid, attr in BAR_ROWS:
        if qid not in questionnaire.question_index:
            continue
        given = answers.get(qid)
        typed = (
            display_value(questionnaire.question(qid), given, lang)
            if given not in (None, "", "unsure")
            else None
        )
        value = getattr(plan.bars, attr)
        if key == "bar" and typed is None and value is not None:
            typed = f"{number(value)}%"
        rows.append(
            (
                t(f"plan.bars.{key}", lang),
                typed or missing,
                t("plan.bars.percent", lang, value=number(value)) if value is not None else "—",
            )
        )
    return rows


def _launch_lines(plan: EvaluationPlan, lang: str) -> list[Md]:
    check = plan.launch
    if check is None:
        return []
    interval = check.interval
    lines = [
        message(
            "plan.launch.result",
            lang,
            correct=number(check.correct),
            total=number(check.total),
            rate=percent(interval.estimate),
            low=percent(interval.low),
            high=percent(interval.high),
        )
    ]
    target = number(check.target_pct) if check.target_pct is not None else ""
    lines.append(message(f"plan.launch.{check.outcome}", lang, target=target))
    return lines


KPI_ROWS = ("kpi", "today", "target", "measured", "metric", "bar", "failure")


def kpi_values(questionnaire: Questionnaire, answers: Mapping[str, Any], lang: str) -> dict[str, str | None]:
    """The KPI link's values as a person reads them (None: not answered), keyed as KPI_ROWS."""

    def value(qid: str) -> str | None:
        given = answers.get(qid)
        if given in (None, "", [], "unsure") or qid not in questionnaire.question_index:
            return None
        return display_value(questionnaire.question(qid), given, lang)

    bar = value("metric_target")
    target = answers.get("launch_target")  # only asked when the typed bar names no percentage
    if isinstance(target, int | float):
        bar = f"{number(target)}%" if bar is None else f"{bar} ({number(target)}%)"
    return {
        "kpi": value("kpi"),
        # The KPI's value today is asked only when the feature's own baseline was left blank.
        "today": value("kpi_baseline") or value("baseline"),
        "target": value("kpi_target"),
        "measured": value("kpi_measurement"),
        "metric": value("model_metric"),
        "bar": bar,
        "failure": value("failure_criterion"),
    }


def _kpi_rows(questionnaire: Questionnaire, answers: Mapping[str, Any], lang: str) -> list[tuple[str, str]]:
    missing = t("plan.kpi.missing", lang)
    values = kpi_values(questionnaire, answers, lang)
    # The launch bar and the failure criterion are in the table of the three bars.
    return [
        (t(f"plan.kpi.{key}", lang), values[key] or missing)
        for key in KPI_ROWS
        if key not in ("bar", "failure")
    ]
