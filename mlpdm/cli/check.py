"""`mlpdm check` and `mlpdm index`: keep the briefs in a repository honest."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
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
from mlpdm.core.messages import t
from mlpdm.files import atomic_write
from mlpdm.resources import questionnaire_for, template_loader_for


class Format(str, Enum):
    """Output formats."""

    text = "text"
    json = "json"


DirArgument = Annotated[
    Path | None,
    typer.Argument(
        show_default=False,
    ),
]


def _checker(
    ctx: typer.Context, directory: Path | None, lang: str | None, fail_on: frozenset[str]
) -> Checker:
    config = settings(ctx).config()
    docs = directory.resolve() if directory is not None else config.docs_dir
    _regular_or_absent(docs / config.values["index"])
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


def _regular_or_absent(path: Path) -> None:
    """The index is read and replaced: a folder, device or pipe there is refused first."""
    try:
        mode = os.lstat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return
    except OSError as exc:
        raise UserError.of("cannot_read", where=Location(str(path)), path=path, reason=exc.strerror) from None
    if not stat.S_ISREG(mode):
        raise UserError.of("not_regular", where=Location(str(path)), path=path)


def _verdicts(value: str | None, lang: str) -> frozenset[str]:
    if not value:
        return frozenset()
    chosen = frozenset(v.strip() for v in value.split(",") if v.strip())
    unknown = sorted(chosen - set(VERDICTS))
    if unknown:
        raise typer.BadParameter(
            t("error.unknown_verdicts", lang, unknown=", ".join(unknown), known=", ".join(VERDICTS))
        )
    return chosen


def check(
    ctx: typer.Context,
    directory: DirArgument = None,
    fix: Annotated[bool, typer.Option("--fix")] = False,
    force: Annotated[bool, typer.Option("--force")] = False,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            metavar="VERDICTS",
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict")] = False,
    fmt: Annotated[Format, typer.Option("--format", "-f")] = Format.text,
    lang: LangOption = None,
) -> None:
    """Check every answers file and brief: valid, current, not edited by hand, reviewed on time."""
    language = resolve_lang(ctx, lang)
    checker = _checker(ctx, directory, lang, _verdicts(fail_on, language))
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
            console.print(Text.assemble((t("check.fixed", language) + " ", "green"), line), soft_wrap=True)
        for problem in iter_problems(report):
            style = "red" if problem.severity == "error" else "yellow"
            console.print(
                Text.assemble(
                    (t("p.labelled", language, label=problem.path, text=""), "bold"),
                    (
                        t(
                            "p.labelled",
                            language,
                            label=t(f"check.severity.{problem.severity}", language),
                            text="",
                        ),
                        style,
                    ),
                    problem.message,
                    (f" [{problem.code}]", "dim"),
                ),
                soft_wrap=True,
            )
        errors = sum(1 for f in report.findings if f.severity == "error")
        warnings = len(report.findings) - errors
        summary = t(
            "check.summary",
            language,
            checked=report.checked,
            docs=checker.show(checker.docs),
            errors=errors,
            warnings=warnings,
        ) + (t("check.summary_fixed", language, fixed=len(report.fixed)) if report.fixed else "")
        console.print(Text(summary, style="bold red" if failed else "bold green"))
    if failed:
        raise typer.Exit(ExitCode.CHECK_FAILED)


def index(
    ctx: typer.Context,
    directory: DirArgument = None,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="FILE"),
    ] = None,
    force: Annotated[bool, typer.Option("--force")] = False,
    lang: LangOption = None,
) -> None:
    """Write the portfolio page: every brief with its verdict, decision, owner and top reason."""
    checker = _checker(ctx, directory, lang, frozenset())
    report = checker.run()
    invalid = [f for f in report.findings if f.code in ("answers-invalid", "slug-mismatch")]
    text = checker.index_text()
    if output == "-":
        typer.echo(text, nl=False)
        return
    target = Path(output) if output else checker.index_path
    assert target is not None
    _regular_or_absent(target)
    if target.exists() and not force:
        front, _ = split_front_matter(target.read_text(encoding="utf-8", errors="replace"))
        if not is_generated(front):
            raise UserError.of("index_not_generated", where=Location(str(target)), path=checker.show(target))
    existed = target.exists()
    atomic_write(target, text)
    console = make_console(stderr=True)
    key = "check.index_updated" if existed else "check.index_written"
    console.print(
        Text(t(key, checker.lang, path=checker.show(target), count=len(checker.loaded)), style="green"),
        soft_wrap=True,
    )
    for problem in invalid:
        left_out = t("check.left_out", checker.lang, path=problem.path, reason=problem.message)
        console.print(Text(left_out, style="yellow"), soft_wrap=True)
