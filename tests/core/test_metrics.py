"""The evaluation plan: sizes that can show the launch bar, plans that fit the task, the three bars."""

from __future__ import annotations

import dataclasses
import math

import pytest

from mlpdm.core.brief.render import render_brief
from mlpdm.core.brief.sections import plan_context
from mlpdm.core.decision.engine import decide
from mlpdm.core.evaluation import stats
from mlpdm.core.evaluation.planner import evaluation_plan, failure_floor, labels_needed
from mlpdm.repo.resources import template_loader
from mlpdm.repo.workspace import read_answers
from tests.conftest import REPO

BARS = (0.5, 0.8, 0.9, 0.95, 0.97, 0.98, 0.99, 0.995)
# Where between the bar and 100% the model really is.
BETWEEN = (0.1, 0.25, 0.5, 0.75, 0.9, 1.0)


def clears(correct: int, n: int, bar: float) -> bool:
    return stats.wilson(correct, n).low >= bar


# -- sizing for the bar, by Wilson ---------------------------------------------------------------


@pytest.mark.parametrize("bar", BARS)
@pytest.mark.parametrize("between", BETWEEN)
def test_a_set_sized_for_the_bar_clears_it_at_the_expected_rate_and_no_smaller_one_does(bar, between):
    p = bar + between * (1 - bar)
    n = stats.size_for_bar(bar, p)
    assert n is not None
    assert clears(round(p * n), n, bar)
    # The smallest: checked by brute force where that is cheap.
    if n <= 5000:
        assert not any(clears(round(p * m), m, bar) for m in range(1, n))


@pytest.mark.parametrize("bar", BARS)
def test_the_zero_error_floor_is_where_a_perfect_result_first_clears_the_bar(bar):
    floor = stats.zero_error_floor(bar)
    assert clears(floor, floor, bar)
    assert floor == 1 or not clears(floor - 1, floor - 1, bar)
    assert stats.size_for_bar(bar, 1.0) == floor


def test_96_of_96_cannot_show_a_99_percent_bar():
    assert not clears(96, 96, 0.99)  # the lower bound is 96.2%
    assert stats.zero_error_floor(0.99) == 381


@pytest.mark.parametrize(("bar", "p"), [(0.9, 0.9), (0.9, 0.85), (0.99, 0.5)])
def test_at_a_rate_no_higher_than_the_bar_no_size_can_show_it(bar, p):
    assert stats.size_for_bar(bar, p) is None


def test_a_rate_just_above_the_bar_needs_a_large_but_finite_set():
    n = stats.size_for_bar(0.9, 0.901)
    assert n is not None and n > 100_000
    assert clears(round(0.901 * n), n, 0.9)


@pytest.mark.parametrize(("bar", "p"), [(0.01, 0.0100001), (0.5, 0.500001), (0.999999, 0.9999995)])
def test_a_hair_above_the_bar_is_answered_at_once_with_a_size_that_clears(bar, p):
    # Answers reach this through the rules, so it must stay quick for any numbers typed.
    n = stats.size_for_bar(bar, p)
    assert n is not None and clears(round(p * n), n, bar)


@pytest.mark.parametrize(("p", "margin"), [(0.5, 0.05), (0.9, 0.03), (0.99, 0.02), (0.995, 0.02)])
def test_the_wilson_size_for_a_margin_gives_an_interval_that_narrow(p, margin):
    def half_width(n: int) -> float:  # the Wilson half-width at the expected rate itself
        z = stats.z_value(0.95)
        return z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))

    n = stats.wilson_sample_size(margin, expected=p)
    assert half_width(n) <= margin < half_width(n - 1)
    # Near 100% the Wald formula is too optimistic; in the middle they agree.
    if p >= 0.99:
        assert n > stats.sample_size(margin, expected=p)
    if p == 0.5:
        assert abs(n - stats.sample_size(margin, expected=p)) <= 5


# -- the plan and the brief state the same sizes -------------------------------------------------


def classify(**extra):
    return {"task_type": "classify", "model_metric": "precision", "eval_margin": 2, **extra}


def lines(answers, key="sample", lang="en", q=None):
    from mlpdm.repo.resources import load_packaged_questionnaire

    return "\n".join(plan_context(q or load_packaged_questionnaire(), answers, lang)[key])


def test_the_brief_never_calls_a_set_large_enough_that_cannot_show_the_bar(default_q):
    answers = classify(launch_target=99, eval_size=96, eval_margin=20)
    text = lines(answers, q=default_q)
    assert "large enough" not in text
    assert "too small to show the bar is met" in text
    sample = evaluation_plan(answers).sample
    assert sample is not None and sample.enough is False
    assert sample.margin_total <= 96 < sample.bar_total  # the margin alone would have passed it


def test_large_enough_only_when_both_sizes_are_met(default_q):
    sample = evaluation_plan(classify(launch_target=90, eval_size=100_000)).sample
    assert sample is not None and sample.enough
    assert "large enough for both the margin and the bar" in lines(
        classify(launch_target=90, eval_size=100_000)
    )


def test_the_rule_counts_what_the_brief_states(default_q):
    answers = classify(
        model_metric="recall",
        launch_target=97,
        prevalence=1.5,
        segments=["a", "b"],
        pilot_total=900,
        pilot_correct=892,
    )
    sample = evaluation_plan(answers).sample
    assert sample is not None
    needed = labels_needed("recall", 2, 97, 1.5, 2, None, 892, 900, "classify")
    assert needed == sample.total == max(sample.margin_total, sample.bar_total or 0)
    assert f"**{needed:,}** items in all" in lines(answers, q=default_q)
    # The rule passes the pilot and the task, so it assumes the same expected rate.
    rule = next(r for r in default_q.rules if r.id == "eval-set-too-small")
    assert "pilot_correct, pilot_total, task_type)" in rule.when


def test_the_expected_rate_is_the_pilots_when_above_the_bar_else_stated_as_an_assumption(default_q):
    above = classify(launch_target=97, pilot_total=900, pilot_correct=892)
    assert "the rate the pilot showed: p = 99.1%" in lines(above, q=default_q)
    assumed = classify(launch_target=98)
    assert "p = 99%, halfway between the 98% bar and 100% (an assumption" in lines(assumed, q=default_q)
    below = classify(launch_target=99, pilot_total=400, pilot_correct=372)
    text = lines(below, q=default_q)
    assert "At the pilot's rate (93%), **no evaluation set of any size can show the 99% bar is met**" in text
    ja = lines(below, lang="ja", q=default_q)
    assert "評価データを何件にしても基準 99% を満たすとは示せない" in ja


def test_a_100_percent_bar_can_never_be_shown(default_q):
    answers = classify(launch_target=100, eval_size=1_000_000)
    sample = evaluation_plan(answers).sample
    assert sample is not None and sample.bar_cannot and sample.enough is False
    text = lines(answers, q=default_q)
    assert "No evaluation set of any size can show a 100% bar is met" in text
    assert "large enough" not in text


def test_the_margin_size_is_wilson_and_the_classic_formula_is_only_named(default_q):
    text = lines(classify(launch_target=98), q=default_q)
    wilson = stats.wilson_sample_size(0.02, expected=0.99)
    wald = stats.sample_size(0.02, expected=0.99)
    assert f"**{wilson}** per estimate, the smallest n whose Wilson interval" in text
    assert f"The classic formula z²·p(1−p)/e² gives {wald}, too few" in text


# -- plans that fit the task ---------------------------------------------------------------------


def test_classification_keeps_precision_recall_and_prevalence(default_q):
    answers = classify(
        model_metric="recall", launch_target=97, prevalence=2, error_balance="miss", error_ratio=10
    )
    assert "Count hits, false alarms and misses" in lines(answers, "method", q=default_q)
    assert "At a prevalence of 2%" in lines(answers, q=default_q)
    assert "favour **recall**" in lines(answers, "weighting", q=default_q)


def test_extraction_counts_documents_with_per_field_and_all_fields_right_rates(default_q):
    answers = {
        "task_type": "extract",
        "model_metric": "recall",  # even so: every document has an answer, so no prevalence framing
        "launch_target": 98,
        "prevalence": 3,
        "error_balance": "false_alarm",
        "error_ratio": 5,
    }
    method = lines(answers, "method", q=default_q)
    assert "**per-field rate**" in method and "**all-fields-right rate**" in method
    sample = lines(answers, q=default_q)
    assert "**documents**" in sample
    assert "prevalence" not in sample and "positives" not in sample
    assert lines(answers, "weighting", q=default_q) == ""


def test_multi_class_routing_gets_a_per_class_confusion_matrix(default_q):
    answers = {
        "task_type": "classify",
        "model_metric": "accuracy",
        "metric_target": "担当チームの正解率 90% 以上（9クラス）",
    }
    assert evaluation_plan(answers).multiclass
    assert "9 × 9 confusion matrix" in lines(answers, "method", q=default_q)
    assert "9 × 9 の混同行列" in lines(answers, "method", lang="ja", q=default_q)
    binary = {**answers, "metric_target": "Accuracy of at least 90%"}
    assert not evaluation_plan(binary).multiclass
    assert "confusion matrix" not in lines(binary, "method", q=default_q)


def test_search_judges_queries_with_recall_at_k_and_ndcg(default_q):
    answers = {
        "task_type": "search",
        "model_metric": "ranking",
        "metric_target": "A relevant result in the top 5 for 90% of queries",
    }
    method = lines(answers, "method", q=default_q)
    assert "**recall@k**" in method and "**nDCG@k**" in method
    assert "real **queries**" in lines(answers, q=default_q)


def test_a_forecast_gets_an_out_of_time_backtest_and_no_proportion_sample(default_q):
    answers = {
        "task_type": "forecast",
        "model_metric": "error_size",
        "metric_target": "MAPE below 12% per store",
        "segments": ["small stores", "new products"],
        "eval_size": 10,
    }
    plan = evaluation_plan(answers)
    assert plan.sample is None
    method = lines(answers, "method", q=default_q)
    assert "Backtest out of time" in method and "**MAE** and **MAPE** for each segment" in method
    assert "no proportion sample size applies" in method
    assert lines(answers, q=default_q) == ""
    # The rule agrees: a forecast is never "too small" by a proportion's count.
    assert labels_needed("error_size", 5, 12, None, 2, None, None, None, "forecast") == 0
    assert not any(f.rule.id == "eval-set-too-small" for f in decide(default_q, answers).findings)


@pytest.mark.parametrize("task", ["generate", "converse"])
def test_generated_text_gets_a_rubric_groundedness_and_a_sample_for_the_rated_share(default_q, task):
    answers = {"task_type": task, "model_metric": "human_rating", "launch_target": 80}
    method = lines(answers, "method", q=default_q)
    assert "rubric" in method and "**groundedness**" in method and "rated share" in method
    assert ("**task success**" in method) == (task == "converse")
    assert "To show the 80% bar is met" in lines(answers, q=default_q)


# -- the three bars ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "floor"),
    [
        ("Field accuracy below 95% in the pilot", 95),
        ("試験運用で正解率が85%未満", 85),
        ("Fewer than 60% usable drafts", 60),
        ("More than 1% false flags in any student group", None),  # an error ceiling, not a floor
        ("Refund cost per order up more than 10%", None),
        ("Clerks slower than today", None),
    ],
)
def test_a_failure_criterion_names_a_floor_only_when_it_stops_below_a_rate(text, floor):
    assert failure_floor(text) == floor


def bars_answers(**extra):
    return {
        "task_type": "extract",
        "model_metric": "field_accuracy",
        "metric_target": "At least 95% of fields exactly right",
        "launch_gate": "Field accuracy at least 97% on 500 pilot invoices",
        "failure_criterion": "Field accuracy below 90% in the pilot",
        **extra,
    }


def test_consistent_bars_give_no_warning(default_q):
    assert evaluation_plan(bars_answers()).bars.conflicts == ()


def test_a_failure_criterion_above_the_launch_bar_is_a_contradiction(default_q):
    answers = bars_answers(failure_criterion="Field accuracy below 96% in the pilot")
    assert evaluation_plan(answers).bars.conflicts == ("failure_above_bar",)
    warning = lines(answers, "bar_warnings", q=default_q)
    assert "⚠ **The bars contradict each other**" in warning and "96%" in warning and "95%" in warning


def test_a_stage_gate_below_the_failure_criterion_is_a_contradiction(default_q):
    answers = bars_answers(launch_gate="Field accuracy at least 85% on 500 invoices")
    assert evaluation_plan(answers).bars.conflicts == ("gate_below_failure",)
    assert "基準どうしが矛盾している" in lines(answers, "bar_warnings", lang="ja", q=default_q)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_brief_shows_the_three_bars_side_by_side_with_the_warning(default_q, lang):
    example = REPO / "examples" / "invoice-ocr.answers.yaml"
    doc = read_answers(example, default_q)
    changed = dataclasses.replace(
        doc, answers={**doc.answers, "failure_criterion": "Field accuracy below 99% in the pilot"}
    )
    brief = render_brief(
        default_q, changed, decide(default_q, changed.answers), lang=lang, loader=template_loader()
    )
    heading = "**The three bars**" if lang == "en" else "**3 つの基準**"
    assert heading in brief
    table = brief[brief.index(heading) :]
    stage = "Stage gate" if lang == "en" else "段階のゲート"
    assert stage in table.split("\n\n")[1]  # the gate is a row of the same table
    warning = "The bars contradict each other" if lang == "en" else "基準どうしが矛盾している"
    assert warning in table[: table.index("</details>")]
    untouched = render_brief(
        default_q, doc, decide(default_q, doc.answers), lang=lang, loader=template_loader()
    )
    assert warning not in untouched
