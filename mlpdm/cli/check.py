"""`mlpdm check` and `mlpdm index`: keep the briefs in a repository honest."""

from __future__ import annotations

import datetime as dt
import json
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from mlpdm.checks import Checker, iter_problems
from mlpdm.cli.common import LangOption, resolve_lang
from mlpdm.cli.exit_codes import ExitCode
from mlpdm.cli.settings import settings
from mlpdm.console import make_console
from mlpdm.core.decision import VERDICTS
from mlpdm.core.errors import Location, UserError
from mlpdm.core.freshness import is_generated, split_front_matter
from mlpdm.files import atomic_write
from mlpdm.resources import questionnaire_for, template_loader_for


class Format(str, Enum):
    """Output formats."""

    text = "text"
    json = "json"


DirArgument = Annotated[
    Path | None,
    typer.Argument(
        help="The docs directory (default: 'docs_dir' from the configuration, else docs/mlpdm).",
        show_default=False,
    ),
]


def _checker(
    ctx: typer.Context, directory: Path | None, lang: str | None, fail_on: frozenset[str]
) -> Checker:
    config = settings(ctx).config()
    docs = directory.resolve() if directory is not None else config.docs_dir
    configured = config.questionnaire_ref() if config.values["questionnaire"] != "default" else None
    return Checker(
        docs=docs,
        questionnaire_for=lambda qid: questionnaire_for(qid, configured),
        loader=template_loader_for(config.path_setting("templates")),
        lang=resolve_lang(ctx, lang),
        today=dt.date.today(),
        index_path=docs / config.values["index"],
        fail_on=fail_on,
    )


def _verdicts(value: str | None) -> frozenset[str]:
    if not value:
        return frozenset()
    chosen = frozenset(v.strip() for v in value.split(",") if v.strip())
    unknown = sorted(chosen - set(VERDICTS))
    if unknown:
        raise typer.BadParameter(f"unknown verdict(s) {', '.join(unknown)}; use {', '.join(VERDICTS)}")
    return chosen


def check(
    ctx: typer.Context,
    directory: DirArgument = None,
    fix: Annotated[
        bool, typer.Option("--fix", help="Re-render briefs that are missing or stale, and the index.")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="With --fix, also overwrite briefs edited by hand.")
    ] = False,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            help="Fail when a brief's verdict is one of these, e.g. no-go-risk,not-ready.",
            metavar="VERDICTS",
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail on warnings too (e.g. overdue reviews).")
    ] = False,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="text, or json for scripts.")] = Format.text,
    lang: LangOption = None,
) -> None:
    """Check every answers file and brief: valid, current, not edited by hand, reviewed on time.

    One line per problem with its path; exit 0 when clean, 1 when a check fails, 2 on usage
    errors. For CI and pre-commit.

    Example: mlpdm check --fail-on no-go-risk
    """
    checker = _checker(ctx, directory, lang, _verdicts(fail_on))
    report = checker.run(fix=fix, force=force)
    failed = report.failed(strict=strict)
    if fmt is Format.json:
        data = {
            "checked": report.checked,
            "ok": not failed,
            "problems": [f.as_dict() for f in iter_problems(report)],
            "fixed": report.fixed,
        }
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        console = make_console()
        for line in report.fixed:
            console.print(Text.assemble(("fixed ", "green"), line), soft_wrap=True)
        for problem in iter_problems(report):
            style = "red" if problem.severity == "error" else "yellow"
            console.print(
                Text.assemble(
                    (f"{problem.path}: ", "bold"),
                    (f"{problem.severity}: ", style),
                    problem.message,
                    (f" [{problem.code}]", "dim"),
                ),
                soft_wrap=True,
            )
        errors = sum(1 for f in report.findings if f.severity == "error")
        warnings = len(report.findings) - errors
        summary = (
            f"{report.checked} answers file(s) checked in {checker.show(checker.docs)}: "
            f"{errors} error(s), {warnings} warning(s)"
            + (f", {len(report.fixed)} fixed" if report.fixed else "")
        )
        console.print(Text(summary, style="bold red" if failed else "bold green"))
    if failed:
        raise typer.Exit(ExitCode.CHECK_FAILED)


def index(
    ctx: typer.Context,
    directory: DirArgument = None,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="Where to write; '-' for standard output.", metavar="FILE"),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace an index file mlpdm did not write.")
    ] = False,
    lang: LangOption = None,
) -> None:
    """Write the portfolio page: every brief with its verdict, decision, owner and top reason.

    Written to <docs>/README.md by default ('index' in the configuration), with counts by
    verdict and a Mermaid pie chart. Deterministic, so `mlpdm check` can tell when it is stale.

    Example: mlpdm index
    """
    checker = _checker(ctx, directory, lang, frozenset())
    report = checker.run()
    invalid = [f for f in report.findings if f.code in ("answers-invalid", "slug-mismatch")]
    text = checker.index_text()
    if output == "-":
        typer.echo(text, nl=False)
        return
    target = Path(output) if output else checker.index_path
    assert target is not None
    if target.exists() and not force:
        front, _ = split_front_matter(target.read_text(encoding="utf-8", errors="replace"))
        if not is_generated(front):
            raise UserError(
                f"{checker.show(target)} exists and was not written by mlpdm; it was left unchanged",
                where=Location(str(target)),
                hint="Pass --force to replace it, or --output another file.",
            )
    existed = target.exists()
    atomic_write(target, text)
    console = make_console(stderr=True)
    console.print(
        Text.assemble(
            (("Updated " if existed else "Wrote "), "green"),
            checker.show(target),
            f" ({len(checker.loaded)} brief(s))",
        ),
        soft_wrap=True,
    )
    for problem in invalid:
        console.print(Text(f"left out {problem.path}: {problem.message}", style="yellow"), soft_wrap=True)
