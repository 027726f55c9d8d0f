"""`mlpdm stats`: the evaluation statistics behind the brief, on their own."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from mlpdm.console import make_console
from mlpdm.core import stats
from mlpdm.core.display import number, percent
from mlpdm.core.errors import UserError

app = typer.Typer(
    help="Evaluation statistics: sample sizes, Wilson intervals against a launch bar, the rule of three.",
    no_args_is_help=True,
)

ConfidenceOption = Annotated[
    float, typer.Option("--confidence", "-c", help="Confidence level, e.g. 0.95 or 95.", show_default=True)
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print the numbers as JSON.")]


def _fraction(value: float | None, name: str, *, allow_one: bool = False) -> float | None:
    """Accept 0.03 or 3 (per cent) for the same thing; 1 means 1% unless 100% makes sense."""
    if value is None:
        return None
    fraction = value / 100 if value > 1 or (value == 1 and not allow_one) else value
    if not (0 < fraction < 1 or (allow_one and fraction == 1)):
        raise UserError(
            f"{name} must be between 0 and 1 (or a percentage between 0 and 100); got {value}",
            hint=f"For example --{name} 0.05 or --{name} 5.",
        )
    return fraction


def _emit(data: dict[str, object], table: Table, notes: list[str], as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    console = make_console()
    console.print(table)
    for note in notes:
        console.print(Text(note))


def _table(title: str) -> Table:
    table = Table(title=title, show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    return table


@app.command("interval")
def interval(
    correct: Annotated[int, typer.Argument(help="How many were right (successes).", min=0)],
    total: Annotated[int, typer.Argument(help="How many were checked (trials).", min=1)],
    target: Annotated[
        float | None, typer.Option("--target", "-t", help="Launch bar to compare with, e.g. 0.9 or 90.")
    ] = None,
    confidence: ConfidenceOption = 0.95,
    as_json: JsonOption = False,
) -> None:
    """The Wilson interval of an observed rate, and whether its lower bound clears the bar.

    Example: mlpdm stats interval 45 50 --target 0.9
    """
    if correct > total:
        raise UserError(
            f"{correct} right out of {total} is impossible", hint="The first number is the count right."
        )
    level = _fraction(confidence, "confidence")
    bar = _fraction(target, "target", allow_one=True)
    result = stats.wilson(correct, total, confidence=level or 0.95)
    verdict = None
    if bar is not None:
        verdict = "clears" if result.low >= bar else "below" if result.high < bar else "straddles"
    table = _table(f"{correct} of {total} right")
    table.add_row("Observed rate", f"{percent(result.estimate)}%")
    table.add_row(
        f"{percent(result.confidence)}% Wilson interval", f"[{percent(result.low)}%, {percent(result.high)}%]"
    )
    notes = [
        "Wilson score interval (Brown, Cai & DasGupta 2001); the textbook Wald interval is too optimistic."
    ]
    if bar is not None:
        table.add_row("Launch bar", f"{percent(bar)}%")
        table.add_row(
            "Result",
            {
                "clears": "meets the bar (lower bound clears it)",
                "below": "below the bar (even the upper bound)",
                "straddles": "not shown yet: evaluate more",
            }[verdict or "straddles"],
        )
    data = {
        "correct": correct,
        "total": total,
        "rate": result.estimate,
        "low": result.low,
        "high": result.high,
        "confidence": result.confidence,
        "target": bar,
        "result": verdict,
    }
    _emit(data, table, notes, as_json)


@app.command("sample-size")
def sample_size(
    margin: Annotated[
        float, typer.Option("--margin", "-m", help="Half-width of the interval, e.g. 0.03 or 3.")
    ],
    expected: Annotated[
        float | None,
        typer.Option("--expected", "-e", help="The rate you expect, e.g. 0.9 (default 0.5, the worst case)."),
    ] = None,
    prevalence: Annotated[
        float | None,
        typer.Option(
            "--prevalence", "-p", help="Share of positives, for recall: items to label = n / prevalence."
        ),
    ] = None,
    segments: Annotated[
        int, typer.Option("--segments", "-s", help="Groups that each need the margin.", min=1)
    ] = 1,
    population: Annotated[
        int | None, typer.Option("--population", "-N", help="Size of a small pool to sample from.", min=1)
    ] = None,
    confidence: ConfidenceOption = 0.95,
    as_json: JsonOption = False,
) -> None:
    """How many items to label to know a rate within ±margin: n = z²·p(1−p)/e².

    Example: mlpdm stats sample-size --margin 0.03 --expected 0.9 --prevalence 0.02 --segments 3
    """
    e = _fraction(margin, "margin")
    p = _fraction(expected, "expected") if expected is not None else 0.5
    level = _fraction(confidence, "confidence") or 0.95
    assert e is not None and p is not None
    n = stats.sample_size(e, expected=p, confidence=level)
    items = n
    z = stats.z_value(level)
    notes = [f"n = z²·p(1−p)/e² with z = {z:.3f}, p = {number(p, decimals=3)}, e = {number(e, decimals=3)}."]
    pi = _fraction(prevalence, "prevalence", allow_one=True)
    if pi is not None:
        items = stats.items_to_label(n, pi)
        notes.append(
            f"For recall, n counts actual positives: at prevalence {percent(pi)}% "
            f"label about n / π = {number(items)} items at random."
        )
    if population is not None:
        items = stats.finite_population(items, population)
        notes.append(
            f"Finite-population correction for a pool of {number(population)}: n' = n / (1 + (n−1)/N)."
        )
    total = items * segments
    table = _table("Sample size")
    table.add_row("Per estimate (n)", number(n))
    if items != n:
        table.add_row("Items to label per group", number(items))
    if segments > 1:
        table.add_row("Groups", str(segments))
    table.add_row("Total to label", number(total))
    data = {
        "n": n,
        "items_per_group": items,
        "segments": segments,
        "total": total,
        "margin": e,
        "expected": p,
        "prevalence": pi,
        "population": population,
        "confidence": level,
    }
    _emit(data, table, notes, as_json)


@app.command("rule-of-three")
def rule_of_three(
    trials: Annotated[
        int | None, typer.Argument(help="Outputs checked with no failure.", min=1, show_default=False)
    ] = None,
    rate: Annotated[
        float | None,
        typer.Option("--rate", "-r", help="Instead: the failure rate to rule out, e.g. 0.01 or 1."),
    ] = None,
    confidence: ConfidenceOption = 0.95,
    as_json: JsonOption = False,
) -> None:
    """With zero failures seen: the upper bound on the failure rate (≈ 3/n), or the trials needed.

    Example: mlpdm stats rule-of-three 300      (or: mlpdm stats rule-of-three --rate 0.01)
    """
    level = _fraction(confidence, "confidence") or 0.95
    if (trials is None) == (rate is None):
        raise UserError(
            "give either a number of failure-free trials or --rate", hint="mlpdm stats rule-of-three 300"
        )
    table = _table("Zero failures observed")
    if trials is not None:
        bound = stats.zero_failure_bound(trials, confidence=level)
        table.add_row("Failure-free trials", number(trials))
        table.add_row(
            f"{percent(level)}% upper bound on the failure rate",
            f"{number(round(bound * 100, 3), decimals=3)}%",
        )
        table.add_row("Rule of three (3/n)", f"{number(round(300 / trials, 3), decimals=3)}%")
        data = {"trials": trials, "upper_bound": bound, "confidence": level}
    else:
        r = _fraction(rate, "rate")
        assert r is not None
        needed = stats.trials_for_zero_failures(r, confidence=level)
        table.add_row("Failure rate to rule out", f"{number(round(r * 100, 3), decimals=3)}%")
        table.add_row("Failure-free trials needed", number(needed))
        data = {"rate": r, "trials_needed": needed, "confidence": level}
    notes = [
        "Exact: 1 − α^(1/n); the rule of three (3/n) approximates it at 95% (Hanley & Lippman-Hand 1983)."
    ]
    _emit(data, table, notes, as_json)
