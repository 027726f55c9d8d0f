"""`mlpdm interview`: the guided interview that ends in a brief."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import typer

from mlpdm.cli.common import (
    LangOption,
    QuestionnaireOption,
    load_answers_with_questionnaire,
    resolve_lang,
    utf8_argument,
)
from mlpdm.cli.exit_codes import ExitCode
from mlpdm.cli.settings import settings
from mlpdm.console import make_console
from mlpdm.core.answers import parse_answers_doc
from mlpdm.interrupts import StopOnSignals, exit_code
from mlpdm.prompts import ConsolePrompter
from mlpdm.resources import load_questionnaire_ref, template_loader_for
from mlpdm.session import InterviewSession


def interview(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Argument(show_default=False),
    ] = None,
    directory: Annotated[
        Path | None,
        typer.Option(
            "--dir",
            "-d",
            file_okay=False,
        ),
    ] = None,
    owner: Annotated[str | None, typer.Option("--owner")] = None,
    update: Annotated[
        Path | None,
        typer.Option(
            "--update",
            metavar="FILE",
            dir_okay=False,
        ),
    ] = None,
    questionnaire: QuestionnaireOption = None,
    lang: LangOption = None,
) -> None:
    """Answer a guided interview about a feature and get a design brief with a go/no-go verdict."""
    language = resolve_lang(ctx, lang)
    utf8_argument(owner, "--owner", language)
    config = settings(ctx).config()
    console = make_console()
    if update is not None:
        data, source, q = load_answers_with_questionnaire(ctx, update, questionnaire)
        doc = parse_answers_doc(data, q, source, partial=True)
        target_dir = update.parent
    else:
        q = load_questionnaire_ref(questionnaire or config.questionnaire_ref())
        doc = None
        target_dir = directory if directory is not None else config.docs_dir
    shown_dir = Path(os.path.relpath(target_dir)) if target_dir.is_absolute() else target_dir
    piped = not sys.stdin.isatty()
    signals = StopOnSignals()
    session = InterviewSession(
        console=console,
        prompter=ConsolePrompter(console, echo=piped, piped=piped),
        questionnaire=q,
        loader=template_loader_for(config.path_setting("templates")),
        directory=shown_dir,
        lang=language,
        resume_command=lambda feature: _resume_command(feature, directory, questionnaire),
        review_months=int(config.values["review_interval_months"]),
        hold_signals=signals.held,
    )
    with signals:
        if doc is not None:
            outcome = session.update(doc)
        else:
            outcome = session.run(name, owner=owner, owner_default=git_user_name())
    if outcome.interrupted:
        # Ctrl-C exits 130 (128 + SIGINT) as the shell expects; end of input is bad input.
        raise typer.Exit(exit_code(outcome.interrupted) or ExitCode.BAD_INPUT)
    if outcome.answers_path is not None:
        from mlpdm.cli.check import refresh_index

        refresh_index(ctx, outcome.answers_path.parent, language)


def _resume_command(feature: str, directory: Path | None, questionnaire: str | None) -> str:
    parts = ["mlpdm", "interview", _quote(feature)]
    if directory is not None:
        parts += ["--dir", _quote(str(directory))]
    if questionnaire:
        parts += ["--questionnaire", _quote(questionnaire)]
    return " ".join(parts)


def _quote(text: str) -> str:
    return (
        text
        if text.replace("-", "").replace("_", "").replace("/", "").replace(".", "").isalnum()
        else '"' + text.replace('"', '\\"') + '"'
    )


def git_user_name() -> str | None:
    """The user's git name, to suggest as owner (None when git is missing or unset)."""
    if shutil.which("git") is None:
        return None
    try:
        result = subprocess.run(
            ["git", "config", "user.name"], capture_output=True, text=True, timeout=2, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    name = result.stdout.strip()
    return name or None
