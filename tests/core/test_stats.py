"""The statistics, pinned to the worked values of the sources (docs/metrics.md)."""

from __future__ import annotations

import pytest

from mlpdm.core.evaluation import stats


@pytest.mark.parametrize(
    ("expected", "margin", "n"),
    [
        # The table in section 4.3 of the research notes (95% confidence).
        (0.5, 0.10, 97),
        (0.5, 0.05, 385),
        (0.5, 0.03, 1068),
        (0.5, 0.02, 2401),
        (0.8, 0.10, 62),
        (0.8, 0.05, 246),
        (0.8, 0.03, 683),
        (0.8, 0.02, 1537),
        (0.9, 0.10, 35),
        (0.9, 0.05, 139),
        (0.9, 0.03, 385),
        (0.9, 0.02, 865),
        (0.95, 0.10, 19),
        (0.95, 0.05, 73),
        (0.95, 0.03, 203),
        (0.95, 0.02, 457),
    ],
)
def test_sample_size_table(expected, margin, n):
    assert stats.sample_size(margin, expected=expected) == n


def test_recall_needs_positives_so_divide_by_prevalence():
    assert stats.items_to_label(385, 0.02) == 19_250


def test_finite_population_correction():
    assert stats.finite_population(385, 2000) == 323
    assert stats.finite_population(385, 100) == 80
    assert stats.finite_population(10, 5) == 4


@pytest.mark.parametrize(
    ("k", "n", "low", "high"),
    [(45, 50, 0.786, 0.957), (90, 100, 0.826, 0.945), (360, 400, 0.867, 0.926)],
)
def test_wilson_interval(k, n, low, high):
    interval = stats.wilson(k, n)
    assert round(interval.low, 3) == low and round(interval.high, 3) == high


def test_launch_bar_uses_the_lower_bound():
    assert not stats.wilson(45, 50).clears(0.9)  # 90% observed, but it could be 78.6%
    assert stats.wilson(360, 400).clears(0.85)


def test_zero_failures_rule_of_three():
    assert stats.trials_for_zero_failures(0.01) == 299
    assert stats.trials_for_zero_failures(0.001) == 2995
    assert stats.zero_failure_bound(300) == pytest.approx(3 / 300, rel=0.01)
    assert round(stats.wilson(0, 300).high, 4) == 0.0126


def test_beta_and_threshold_from_costs():
    assert stats.beta_from_costs(4, 1) == 2
    assert stats.beta_from_costs(1, 4) == 0.5
    assert round(stats.beta_from_costs(10, 1), 2) == 3.16
    assert round(stats.cost_threshold(10, 1), 3) == round(1 / 11, 3)


def test_f_beta_worked_example():
    assert round(stats.f_beta(0.8, 0.6, 1), 3) == 0.686
    assert round(stats.f_beta(0.8, 0.6, 2), 3) == 0.632
    assert round(stats.f_beta(0.8, 0.6, 0.5), 3) == 0.750


def test_z_values():
    assert round(stats.z_value(0.90), 3) == 1.645
    assert round(stats.z_value(0.95), 3) == 1.960
    assert round(stats.z_value(0.99), 3) == 2.576


@pytest.mark.parametrize(
    "call",
    [
        lambda: stats.sample_size(0),
        lambda: stats.sample_size(0.05, expected=1.5),
        lambda: stats.wilson(5, 0),
        lambda: stats.wilson(6, 5),
        lambda: stats.z_value(1),
        lambda: stats.beta_from_costs(0, 1),
    ],
)
def test_bad_inputs_raise_value_error(call):
    with pytest.raises(ValueError):
        call()
