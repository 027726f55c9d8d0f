"""`mlpdm render`: answers file to brief, without prompts."""

from __future__ import annotations

import os
import sys
from contextlib import nullcontext
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from mlpdm.cli.common import LangOption, QuestionnaireOption, load_decided, resolve_lang
from mlpdm.cli.settings import settings
from mlpdm.console import make_console
from mlpdm.core.errors import Location, UserError
from mlpdm.core.messages import t
from mlpdm.core.render import render_brief, render_json
from mlpdm.files import atomic_write, read_text
from mlpdm.interrupts import deferred_interrupts
from mlpdm.resources import template_loader_for
from mlpdm.workspace import FeatureFiles, FeatureLock, ensure_unchanged, is_generated_brief


class Format(str, Enum):
    """Output formats."""

    md = "md"
    json = "json"


def render(
    ctx: typer.Context,
    answers: Annotated[Path, typer.Argument(show_default=False)],
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
    """Render the brief from an answers file, with no questions asked."""
    language = resolve_lang(ctx, lang)
    q, doc, verdict = load_decided(ctx, answers, questionnaire)
    target = None if output == "-" else Path(output) if output else _default_output(answers, doc.slug, fmt)
    source: str | None = None
    if fmt is Format.json:
        text = render_json(q, doc, verdict, lang=language)
    else:
        # The brief links to its answers file relative to where the brief is written.
        link = os.path.relpath(answers.resolve(), target.resolve().parent) if target else None
        loader = template_loader_for(settings(ctx).config().path_setting("templates"))
        source = read_text(answers, what="answers")  # its digest goes into the front matter
        text = render_brief(
            q, doc, verdict, lang=language, loader=loader, answers_link=link, source_text=source
        )
    if target is None:
        sys.stdout.write(text)
        return
    files = FeatureFiles.for_answers(answers, doc.slug)
    # Into the feature's own folder, the feature's lock is taken like every other writer's.
    lock = FeatureLock(files, command="mlpdm render") if _same_folder(target, answers) else nullcontext()
    with lock, deferred_interrupts():
        if source is not None:
            ensure_unchanged(answers, source, key="changed_while_rendering")
        existed = os.path.lexists(target)
        if existed and not force and not is_generated_brief(target):
            raise UserError.of("not_generated", where=Location(str(target)), path=target)
        atomic_write(target, text)
    err = make_console(stderr=True)
    action = t("render.updated" if existed else "render.wrote", language, path=target)
    err.print(Text.assemble((action, "green"), "  ", (t(f"verdict.{verdict.id}", language), "bold")))


def _same_folder(target: Path, answers: Path) -> bool:
    try:
        return target.parent.resolve() == answers.parent.resolve()
    except (OSError, RuntimeError):
        return False


def _default_output(answers: Path, slug: str, fmt: Format) -> Path:
    files = FeatureFiles.for_answers(answers, slug)
    return files.brief if fmt is Format.md else files.brief.with_suffix(".json")
