"""`mlpdm check` and `mlpdm index`: keep the briefs in a repository honest."""

from __future__ import annotations

import datetime as dt
import os
from enum import Enum
from pathlib import Path
from typing import Annotated, Literal

import typer

from mlpdm.cli.common import LangOption, resolve_lang
from mlpdm.cli.exit_codes import ExitCode
from mlpdm.cli.settings import repository_language, settings
from mlpdm.core.decision.engine import VERDICTS
from mlpdm.core.text.annotations import workflow_command
from mlpdm.core.text.errors import Location, UserError
from mlpdm.core.text.messages import t
from mlpdm.repo.checks import Checker, CheckProblem, Place, Report, iter_problems
from mlpdm.repo.confine import inside
from mlpdm.repo.files import is_regular, is_stream, read_text, regular_or_absent, write_output
from mlpdm.repo.git import repository_root
from mlpdm.repo.resources import questionnaire_for, template_loader_for
from mlpdm.repo.workspace import ensure_unchanged, is_generated_brief
from mlpdm.terminal.console import VisibleText as Text  # shows control characters, never drops them
from mlpdm.terminal.console import make_console
from mlpdm.terminal.sanitize import emit, emit_json


class Format(str, Enum):
    """Output formats."""

    text = "text"
    json = "json"
    github = "github"  # workflow commands: each problem annotates its file in a pull request


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
    configured = config.questionnaire_ref() if config.values["questionnaire"] != "default" else None
    # Files found in the docs folder are read only if they stay inside the repository (or, for a
    # folder given on the command line outside it, inside that folder) once links are followed.
    root = config.root if inside(docs, config.root) else docs
    index_path = config.index_for(docs)
    return Checker(
        docs=docs,
        questionnaire_for=lambda qid: questionnaire_for(qid, configured),
        loader=template_loader_for(config.path_setting("templates")),
        lang=resolve_lang(ctx, lang),  # of the messages; a brief keeps the language it is in
        brief_lang=repository_language(config),
        today=dt.date.today(),
        index_path=index_path,
        root=root,
        fail_on=fail_on,
    )


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
        emit_json(data)
    elif fmt is Format.github:
        _github(checker, report, repository_root(Path.cwd()) or settings(ctx).config().root)
        emit(_summary(checker, report, language))
    else:
        console = make_console()
        for line in report.fixed:
            console.print(Text(t("check.fixed", language), style="green"), line, soft_wrap=True)
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
        console.print(_summary(checker, report, language), style="bold red" if failed else "bold green")
    if failed:
        raise typer.Exit(ExitCode.CHECK_FAILED)


def _summary(checker: Checker, report: Report, language: str) -> str:
    errors = sum(1 for f in report.findings if f.severity == "error")
    warnings = len(report.findings) - errors
    return t(
        "check.summary",
        language,
        checked=report.checked,
        docs=checker.show(checker.docs),
        errors=errors,
        warnings=warnings,
    ) + (t("check.summary_fixed", language, fixed=len(report.fixed)) if report.fixed else "")


def _github(checker: Checker, report: Report, root: Path) -> None:
    """One workflow command per problem, on its file and line, paths from the repository root.

    A problem of an answers file that has several (two bad answers) is one command for each,
    each at its own line.
    """
    base = checker.display_root or Path.cwd()  # what the shown paths are relative to
    for line in report.fixed:
        emit(f"{t('check.fixed', checker.lang)} {line}")

    def from_root(shown: str) -> str:
        full = Path(os.path.normpath(base / shown))
        try:
            return Path(os.path.relpath(full, root)).as_posix()
        except ValueError:  # another drive on Windows
            return full.as_posix()

    for problem in iter_problems(report):
        for place in problem.places or (Place(problem.path, None, problem.message),):
            message = place.message
            if place.path != problem.path:  # a brief's problem shown on its answers file names the brief
                message = t("p.labelled", checker.lang, label=from_root(problem.path), text=message)
            level: Literal["error", "warning"] = "error" if problem.severity == "error" else "warning"
            title = f"mlpdm {problem.code}"
            emit(workflow_command(level, message, file=from_root(place.path), line=place.line, title=title))


def index(
    ctx: typer.Context,
    directory: DirArgument = None,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="FILE"),
    ] = None,
    force: Annotated[bool, typer.Option("--force")] = False,
    fail_on_change: Annotated[bool, typer.Option("--fail-on-change")] = False,
    lang: LangOption = None,
) -> None:
    """Write the portfolio page: every brief with its verdict, decision, owner and top reason."""
    checker = _checker(ctx, directory, lang, frozenset())
    if output is None and checker.index_path is not None:
        # The page is read and replaced: a folder, device or pipe in its place is refused first.
        regular_or_absent(checker.index_path)
    report = checker.run(briefs=False)
    invalid = [f for f in report.findings if f.code in ("answers-invalid", "slug-mismatch")]
    target = None if output == "-" else Path(output) if output else checker.index_path
    assert output == "-" or target is not None
    if target is not None and not force and not is_stream(target) and not is_generated_brief(target):
        raise UserError.of("index_not_generated", where=Location(str(target)), path=checker.show(target))
    existing = None
    if target is not None and is_regular(target):
        try:
            existing = read_text(target, what="index", shown=checker.show(target))
        except UserError:
            if not force:  # not UTF-8 or unreadable: nobody can tell what it holds
                raise
    # The page keeps the language it is in, unless --lang asks for another.
    text = checker.index_text(checker.language_of(existing, lang))
    if target is None:
        emit(text, nl=False)
        _left_out(checker, invalid)
        return
    console = make_console(stderr=True)
    shown = checker.show(target)
    if text == existing and not is_stream(target):
        # Already current: not written again, so its time stamp and a hook's verdict stay as they are.
        current = t("check.index_current", checker.lang, path=shown, count=len(checker.loaded))
        console.print(current, style="green", soft_wrap=True)
        _left_out(checker, invalid)
        return
    existed = target.exists()
    write_output(target, text)
    key = "check.index_updated" if existed else "check.index_written"
    written = t(key, checker.lang, path=shown, count=len(checker.loaded))
    console.print(written, style="green", soft_wrap=True)
    _left_out(checker, invalid)
    if fail_on_change:
        # As a formatter's hook does: the commit stops, and the page is there to be added to it.
        console.print(t("check.index_changed", checker.lang, path=shown), style="bold red", soft_wrap=True)
        raise typer.Exit(ExitCode.CHECK_FAILED)


def refresh_index(ctx: typer.Context, folder: Path, lang: str) -> None:
    """Bring the portfolio page up to date once a command has changed a feature in ``folder``.

    The one way `interview`, `interview --update`, `render` and `decide` keep the page current:
    the page `mlpdm index` writes, compared as `mlpdm check` compares it. Only a page that
    exists and that mlpdm wrote is touched (a team writes the first one with `mlpdm index`,
    and a person's README is never replaced). A problem is a warning, not a failure: the
    feature's own files are written by then, and `mlpdm check` still reports the page.
    ``lang`` is the language of the command's messages; the page keeps its own.
    """
    console = make_console(stderr=True)
    shown = str(folder)
    try:
        checker = _checker(ctx, settings(ctx).config().portfolio_of(folder), lang, frozenset())
        target = checker.index_path
        assert target is not None
        shown = checker.show(target)
        if not is_regular(target) or not is_generated_brief(target):
            return
        existing = read_text(target, what="index", shown=shown)
        checker.run(briefs=False)
        if checker.index_path is None:  # the configured page is a feature's brief: check says so
            return
        text = checker.index_text(checker.language_of(existing))
        if text == existing:
            return
        ensure_unchanged(target, existing)  # what someone wrote there meanwhile is kept
        write_output(target, text)
    except UserError as error:
        reason = error.text(lang)[0]
        warning = t("check.index_not_refreshed", lang, path=shown, reason=reason)
        console.print(warning, style="yellow", soft_wrap=True)
        return
    updated = t("check.index_updated", lang, path=shown, count=len(checker.loaded))
    console.print(updated, style="green", soft_wrap=True)


def _left_out(checker: Checker, invalid: list[CheckProblem]) -> None:
    """Name each answers file the index leaves out, with its problem; then exit 2 if any."""
    console = make_console(stderr=True)
    for problem in invalid:
        left_out = t("check.left_out", checker.lang, path=problem.path, reason=problem.message)
        console.print(left_out, style="yellow", soft_wrap=True)
    if invalid:
        raise typer.Exit(ExitCode.BAD_INPUT)
