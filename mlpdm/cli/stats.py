"""`mlpdm stats`: the evaluation statistics behind the brief, on their own."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated

import typer
from rich.table import Table

from mlpdm.cli.common import LangOption, resolve_lang
from mlpdm.cli.formats import FormatOption, JsonAlias, TextOrJson, wants_json
from mlpdm.core.evaluation import stats
from mlpdm.core.text.errors import UserError
from mlpdm.core.text.messages import t
from mlpdm.core.text.readable import number, percent
from mlpdm.terminal.console import VisibleText as Text  # shows control characters, never drops them
from mlpdm.terminal.console import make_console
from mlpdm.terminal.sanitize import emit_json

app = typer.Typer(
    no_args_is_help=True,
    rich_markup_mode=None,
    add_completion=False,
)

ConfidenceOption = Annotated[float, typer.Option("--confidence", "-c", show_default=True)]


def _fraction(value: float | None, name: str, *, allow_one: bool = False) -> float | None:
    """Accept 0.03 or 3 (per cent) for the same thing; 1 means 1% unless 100% makes sense."""
    if value is None:
        return None
    fraction = value / 100 if value > 1 or (value == 1 and not allow_one) else value
    if not (0 < fraction < 1 or (allow_one and fraction == 1)):
        raise UserError.of("bad_fraction", name=name, value=value)
    return fraction


def _emit(data: Mapping[str, object], table: Table, notes: list[str], as_json: bool) -> None:
    if as_json:
        emit_json(data)
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
    ctx: typer.Context,
    correct: Annotated[int, typer.Argument(min=0)],
    total: Annotated[int, typer.Argument(min=1)],
    target: Annotated[float | None, typer.Option("--target", "-t")] = None,
    confidence: ConfidenceOption = 0.95,
    fmt: FormatOption = TextOrJson.text,
    as_json: JsonAlias = False,
    lang: LangOption = None,
) -> None:
    """The Wilson interval of an observed rate, and whether its lower bound clears the bar."""
    language = resolve_lang(ctx, lang)
    if correct > total:
        raise UserError.of("impossible_count", correct=correct, total=total)
    level = _fraction(confidence, "confidence")
    bar = _fraction(target, "target", allow_one=True)
    result = stats.wilson(correct, total, confidence=level or 0.95)
    verdict = None
    if bar is not None:
        verdict = "clears" if result.low >= bar else "below" if result.high < bar else "straddles"
    table = _table(t("stats.right_of", language, correct=correct, total=total))
    table.add_row(t("stats.observed", language), f"{percent(result.estimate)}%")
    table.add_row(
        t("stats.wilson", language, level=percent(result.confidence)),
        f"[{percent(result.low)}%, {percent(result.high)}%]",
    )
    notes = [t("stats.wilson_note", language)]
    if bar is not None:
        table.add_row(t("stats.bar", language), f"{percent(bar)}%")
        table.add_row(t("stats.result", language), t(f"stats.result.{verdict or 'straddles'}", language))
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
    _emit(data, table, notes, wants_json(fmt, as_json))


@app.command("sample-size")
def sample_size(
    ctx: typer.Context,
    margin: Annotated[float, typer.Option("--margin", "-m")],
    expected: Annotated[
        float | None,
        typer.Option("--expected", "-e"),
    ] = None,
    prevalence: Annotated[
        float | None,
        typer.Option("--prevalence", "-p"),
    ] = None,
    segments: Annotated[int, typer.Option("--segments", "-s", min=1)] = 1,
    population: Annotated[int | None, typer.Option("--population", "-N", min=1)] = None,
    bar: Annotated[float | None, typer.Option("--bar", "-b")] = None,
    confidence: ConfidenceOption = 0.95,
    fmt: FormatOption = TextOrJson.text,
    as_json: JsonAlias = False,
    lang: LangOption = None,
) -> None:
    """How many items to label to know a rate within ±margin: n = z²·p(1−p)/e²."""
    language = resolve_lang(ctx, lang)
    e = _fraction(margin, "margin")
    b = _fraction(bar, "bar")
    # With a bar and no expected rate, assume halfway between the bar and 100%, as the brief does.
    default = 0.5 if b is None else (b + 1) / 2
    p = _fraction(expected, "expected") if expected is not None else default
    level = _fraction(confidence, "confidence") or 0.95
    assert e is not None and p is not None
    n = stats.sample_size(e, expected=p, confidence=level)
    items = n
    z = stats.z_value(level)
    notes = [t("stats.n_note", language, z=f"{z:.3f}", p=number(p, decimals=3), e=number(e, decimals=3))]
    pi = _fraction(prevalence, "prevalence", allow_one=True)
    if pi is not None:
        items = stats.items_to_label(n, pi)
        notes.append(t("stats.recall_note", language, prevalence=percent(pi), items=number(items)))
    if population is not None:
        items = stats.finite_population(items, population)
        notes.append(t("stats.fpc_note", language, population=number(population)))
    bar_n = bar_items = floor = None
    if b is not None:
        floor = stats.zero_error_floor(b, confidence=level)
        bar_n = stats.size_for_bar(b, p, confidence=level)
        bar_items = bar_n if bar_n is None or pi is None else stats.items_to_label(bar_n, pi)
        if bar_n is None:
            notes.append(t("stats.bar_cannot_note", language, bar=percent(b), p=percent(p)))
        else:
            notes.append(t("stats.bar_note", language, bar=percent(b), p=percent(p), floor=number(floor)))
    total = max(items, bar_items or 0) * segments
    table = _table(t("stats.sample_size", language))
    table.add_row(t("stats.per_estimate", language), number(n))
    if items != n:
        table.add_row(t("stats.per_group", language), number(items))
    if b is not None:
        table.add_row(t("stats.for_bar", language), number(bar_n) if bar_n is not None else "—")
        if bar_items is not None and bar_items != bar_n:
            table.add_row(t("stats.for_bar_items", language), number(bar_items))
    if segments > 1:
        table.add_row(t("stats.groups", language), str(segments))
    table.add_row(t("stats.total", language), number(total))
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
        "bar": b,
        "bar_n": bar_n,
        "bar_items": bar_items,
        "zero_error_floor": floor,
    }
    _emit(data, table, notes, wants_json(fmt, as_json))


@app.command("rule-of-three")
def rule_of_three(
    ctx: typer.Context,
    trials: Annotated[int | None, typer.Argument(min=1, show_default=False)] = None,
    rate: Annotated[
        float | None,
        typer.Option("--rate", "-r"),
    ] = None,
    confidence: ConfidenceOption = 0.95,
    fmt: FormatOption = TextOrJson.text,
    as_json: JsonAlias = False,
    lang: LangOption = None,
) -> None:
    """With zero failures seen: the upper bound on the failure rate (≈ 3/n), or the trials needed."""
    language = resolve_lang(ctx, lang)
    level = _fraction(confidence, "confidence") or 0.95
    if (trials is None) == (rate is None):
        raise UserError.of("trials_or_rate")
    table = _table(t("stats.zero_failures", language))
    if trials is not None:
        bound = stats.zero_failure_bound(trials, confidence=level)
        table.add_row(t("stats.trials", language), number(trials))
        table.add_row(
            t("stats.upper_bound", language, level=percent(level)),
            f"{number(round(bound * 100, 3), decimals=3)}%",
        )
        table.add_row(t("stats.rule_of_three", language), f"{number(round(300 / trials, 3), decimals=3)}%")
        data = {"trials": trials, "upper_bound": bound, "confidence": level}
    else:
        r = _fraction(rate, "rate")
        assert r is not None
        needed = stats.trials_for_zero_failures(r, confidence=level)
        table.add_row(t("stats.rate", language), f"{number(round(r * 100, 3), decimals=3)}%")
        table.add_row(t("stats.trials_needed", language), number(needed))
        data = {"rate": r, "trials_needed": needed, "confidence": level}
    notes = [t("stats.exact_note", language)]
    _emit(data, table, notes, wants_json(fmt, as_json))
