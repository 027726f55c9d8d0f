"""`mlpdm stats`: the numbers of the brief on their own, as text or JSON."""

from __future__ import annotations

import json

import pytest

from mlpdm.cli.app import app


def run_json(runner, *args):
    result = runner.invoke(app, ["stats", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_interval_against_a_bar(runner):
    data = run_json(runner, "interval", "45", "50", "--target", "0.9")
    assert round(data["low"], 3) == 0.786 and round(data["high"], 3) == 0.957
    assert data["result"] == "straddles"
    text = runner.invoke(app, ["stats", "interval", "45", "50", "--target", "90"]).output
    assert "[78.6%, 95.7%]" in text and "not shown yet" in text


def test_interval_that_clears_and_one_that_falls_short(runner):
    assert run_json(runner, "interval", "360", "400", "--target", "85")["result"] == "clears"
    assert run_json(runner, "interval", "70", "100", "--target", "0.9")["result"] == "below"


def test_sample_size(runner):
    assert run_json(runner, "sample-size", "--margin", "0.05")["n"] == 385
    data = run_json(
        runner, "sample-size", "--margin", "3", "--expected", "90", "--prevalence", "2", "--segments", "3"
    )
    assert (data["n"], data["items_per_group"], data["total"]) == (385, 19250, 57750)
    assert (
        run_json(runner, "sample-size", "--margin", "0.05", "--population", "2000")["items_per_group"] == 323
    )


def test_sample_size_for_a_launch_bar(runner):
    data = run_json(runner, "sample-size", "--margin", "2", "--bar", "98")
    # Expected rate halfway to 100%: 650 clear a 98% bar at 99%, more than the margin needs.
    assert (data["expected"], data["bar_n"], data["zero_error_floor"], data["total"]) == (0.99, 650, 189, 650)
    text = runner.invoke(
        app, ["stats", "sample-size", "--margin", "2", "--bar", "99", "--expected", "99"]
    ).output
    assert "no set of any size can show the 99% bar is met" in text
    recall = run_json(
        runner, "sample-size", "--margin", "2", "--bar", "97", "--expected", "0.99", "--prevalence", "2"
    )
    assert recall["bar_items"] == recall["bar_n"] * 50 and recall["total"] == recall["bar_items"]


def test_rule_of_three(runner):
    assert run_json(runner, "rule-of-three", "--rate", "0.01")["trials_needed"] == 299
    assert run_json(runner, "rule-of-three", "--rate", "1")["trials_needed"] == 299  # 1 means 1%
    assert round(run_json(runner, "rule-of-three", "300")["upper_bound"], 4) == 0.0099


@pytest.mark.parametrize(
    "args",
    [
        ["interval", "60", "50"],
        ["sample-size", "--margin", "0"],
        ["sample-size", "--margin", "150"],
        ["rule-of-three"],
        ["rule-of-three", "300", "--rate", "0.01"],
    ],
)
def test_mistakes_exit_2_without_a_traceback(runner, args):
    result = runner.invoke(app, ["stats", *args])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_help_has_examples(runner):
    for command in ("interval", "sample-size", "rule-of-three"):
        assert "Example: mlpdm stats" in runner.invoke(app, ["stats", command, "--help"]).output


@pytest.mark.parametrize(
    "args",
    [["stats", "interval", "5", "10"], ["stats", "sample-size", "--margin", "5"], ["config"]],
    ids=["stats interval", "stats sample-size", "config"],
)
def test_format_json_is_the_one_spelling_and_the_old_json_flag_still_works_unlisted(runner, args):
    new = runner.invoke(app, [*args, "--format", "json"])
    old = runner.invoke(app, [*args, "--json"])
    assert new.exit_code == old.exit_code == 0, new.output + old.output
    assert json.loads(new.stdout) == json.loads(old.stdout)
    shown = runner.invoke(app, [*args, "--help"]).stdout
    assert "--format" in shown and "--json" not in shown
