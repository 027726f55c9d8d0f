"""`mlpdm render`: answers files to briefs, without prompts."""

from __future__ import annotations

import os
from contextlib import nullcontext
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from mlpdm.cli.check import refresh_index
from mlpdm.cli.common import LangOption, QuestionnaireOption, load_decided, resolve_lang
from mlpdm.cli.exit_codes import ExitCode
from mlpdm.cli.settings import settings
from mlpdm.core.brief.render import render_brief, render_json
from mlpdm.core.text.errors import Location, UserError
from mlpdm.core.text.messages import t
from mlpdm.repo.files import is_stream, write_output
from mlpdm.repo.resources import template_loader_for
from mlpdm.repo.workspace import FeatureFiles, FeatureLock, ensure_unchanged, is_generated_brief
from mlpdm.terminal.console import VisibleText as Text  # shows control characters, never drops them
from mlpdm.terminal.console import make_console, print_user_error
from mlpdm.terminal.interrupts import deferred_interrupts
from mlpdm.terminal.sanitize import emit, json_safe


class Format(str, Enum):
    """Output formats."""

    md = "md"
    json = "json"


def render(
    ctx: typer.Context,
    answers: Annotated[list[Path], typer.Argument(show_default=False)],
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
        ),
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f")] = Format.md,
    force: Annotated[bool, typer.Option("--force")] = False,
    questionnaire: QuestionnaireOption = None,
    lang: LangOption = None,
) -> None:
    """Render the brief from each answers file, with no questions asked."""
    language = resolve_lang(ctx, lang)
    if output is not None and len(answers) > 1:
        raise UserError.of("output_one_file", count=len(answers))
    if len(answers) == 1:  # one file: its problem is the command's error, as it always was
        if _render_one(ctx, answers[0], output, fmt, force, questionnaire, language):
            refresh_index(ctx, answers[0].parent, language)
        return
    # Several files: each bad one is reported where it is, and the others are still rendered.
    err = make_console(stderr=True)
    failed = 0
    folders: dict[Path, None] = {}  # where briefs were written, once each, in order
    for path in answers:
        try:
            if _render_one(ctx, path, None, fmt, force, questionnaire, language, err):
                folders[path.parent] = None
        except UserError as error:
            print_user_error(err, error, language)
            failed += 1
    for folder in folders:
        refresh_index(ctx, folder, language)
    if failed:
        err.print(
            Text(
                t("render.failed", language, failed=failed, total=len(answers), done=len(answers) - failed),
                style="bold red",
            )
        )
        raise typer.Exit(ExitCode.BAD_INPUT)


def _render_one(
    ctx: typer.Context,
    answers: Path,
    output: str | None,
    fmt: Format,
    force: bool,
    questionnaire: str | None,
    language: str,
    err: Console | None = None,
) -> bool:
    """Render one answers file; whether a file was written (not the standard output)."""
    source, _, q, doc, verdict = load_decided(ctx, answers, questionnaire)
    target = None if output == "-" else Path(output) if output else _default_output(answers, doc.slug, fmt)
    if fmt is Format.json:
        text = render_json(q, doc, verdict, lang=language)
    else:
        # The brief links to its answers file relative to where the brief is written.
        link = os.path.relpath(answers.resolve(), target.resolve().parent) if target else None
        loader = template_loader_for(settings(ctx).config().path_setting("templates"))
        text = render_brief(q, doc, verdict, lang=language, loader=loader, answers_link=link)
    if target is None:
        emit(json_safe(text) if fmt is Format.json else text, nl=False)
        return False
    files = FeatureFiles.for_answers(answers, doc.slug)
    # Into the feature's own folder, the feature's lock is taken like every other writer's.
    lock = FeatureLock(files, command="mlpdm render") if _same_folder(target, answers) else nullcontext()
    with lock, deferred_interrupts():
        ensure_unchanged(answers, source, key="changed_while_rendering")
        if not force and not is_stream(target) and not is_generated_brief(target):
            raise UserError.of("not_generated", where=Location(str(target)), path=target)
        existed = os.path.lexists(target)
        write_output(target, text)
    err = err or make_console(stderr=True)
    action = t("render.updated" if existed else "render.wrote", language, path=target)
    err.print(action, Text(t(f"verdict.{verdict.id}", language), style="bold"), sep="  ", style="green")
    return True


def _same_folder(target: Path, answers: Path) -> bool:
    try:
        return target.parent.resolve() == answers.parent.resolve()
    except (OSError, RuntimeError):
        return False


def _default_output(answers: Path, slug: str, fmt: Format) -> Path:
    files = FeatureFiles.for_answers(answers, slug)
    return files.brief if fmt is Format.md else files.brief.with_suffix(".json")
