"""`mlpdm interview`: the guided interview that ends in a brief."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from mlpdm.cli.common import (
    LangOption,
    QuestionnaireOption,
    load_answers_with_questionnaire,
    repository_lang,
    resolve_lang,
    utf8_argument,
)
from mlpdm.cli.exit_codes import ExitCode
from mlpdm.cli.settings import settings
from mlpdm.core.answers.document import AnswersDoc, parse_answers_doc, questionnaire_id_of
from mlpdm.core.answers.prefill import read_prefill
from mlpdm.core.questionnaire.model import Questionnaire
from mlpdm.core.questionnaire.upgrade import moved_answers
from mlpdm.core.text.errors import InterviewInterrupted, Location, UserError
from mlpdm.core.text.messages import t
from mlpdm.repo.files import load_yaml_file
from mlpdm.repo.resources import extended_questionnaire, load_questionnaire_ref, template_loader_for
from mlpdm.repo.workspace import FeatureFiles
from mlpdm.terminal.console import VisibleText as Text
from mlpdm.terminal.console import make_console
from mlpdm.terminal.interrupts import StopOnSignals, exit_code
from mlpdm.terminal.prompts import ConsolePrompter
from mlpdm.terminal.session import InterviewSession


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
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
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
    if data is not None and update is not None:
        raise UserError.of("data_with_update")
    config = settings(ctx).config()
    signals = StopOnSignals()
    console = make_console(hold=signals.held)
    again: tuple[str, ...] = ()
    read: tuple[Path, str] | None = None
    if update is not None:
        q, doc, again, text = _answers_to_update(ctx, update, questionnaire, console, language)
        read = (update, text)
        target_dir = update.parent
    else:
        q = load_questionnaire_ref(questionnaire or config.questionnaire_ref())
        doc = None
        target_dir = directory if directory is not None else config.docs_dir
    prefill = None
    if data is not None:  # read before the first question: a file that cannot be used stops here
        loaded, source = load_yaml_file(data, what="data")
        prefill = read_prefill(loaded, q, source, language)
    shown_dir = Path(os.path.relpath(target_dir)) if target_dir.is_absolute() else target_dir
    piped = not sys.stdin.isatty()
    session = InterviewSession(
        console=console,
        prompter=ConsolePrompter(
            console, echo=piped, piped=piped, wait=None if piped else signals.wait_for_input
        ),
        questionnaire=q,
        loader=template_loader_for(config.path_setting("templates")),
        directory=shown_dir,
        lang=language,
        resume_command=lambda feature: _resume_command(feature, directory, questionnaire),
        review_months=int(config.values["review_interval_months"]),
        hold_signals=signals.held,
        schema_lang=repository_lang(ctx),
        prefill=prefill,
    )
    # One handler for the whole command (interrupts.py): a signal anywhere in it, the index
    # refreshed at the end included, stops it with the draft kept and the same message.
    with signals:
        try:
            with signals.armed():
                if doc is not None:
                    outcome = session.update(doc, again, read=read)
                else:
                    # git is asked for a default owner only when none is given: a process less to wait for.
                    outcome = session.run(name, owner=owner, owner_default=None if owner else git_user_name())
                if not outcome.interrupted and outcome.answers_path is not None:
                    from mlpdm.cli.check import refresh_index

                    refresh_index(ctx, outcome.answers_path.parent, language)
        except InterviewInterrupted as stop:
            outcome = session.stopped(stop.reason)
    if outcome.interrupted:
        # Ctrl-C exits 130 (128 + SIGINT) as the shell expects; end of input is bad input.
        raise typer.Exit(exit_code(outcome.interrupted) or ExitCode.BAD_INPUT)


def _answers_to_update(
    ctx: typer.Context, path: Path, ref: str | None, console: Console, lang: str
) -> tuple[Questionnaire, AnswersDoc, tuple[str, ...], str]:
    """The questionnaire, the answers, the questions to ask again and the text read, for ``--update``.

    With ``-q`` naming a team questionnaire that extends the one the answers were made with,
    the answers move onto it: each one that still fits is kept, and only the team's own
    questions (and the answers that no longer fit) are asked.
    """
    text, data, source, q = load_answers_with_questionnaire(ctx, path, ref)
    made = questionnaire_id_of(data)
    if ref is None or made is None or made == q.id:
        return q, parse_answers_doc(data, q, source, partial=True), (), text
    base = extended_questionnaire(ref)
    if base is None or base.id != made:
        feature = _feature_of(data) or FeatureFiles.slug_of(path)
        raise UserError.of(
            "update_not_extending",
            where=Location(str(path)),
            path=path,
            team=repr(q.id) if ref == q.id else f"{ref} ({q.id!r})",
            made=repr(made),
            command=f"mlpdm interview {_quote(feature)} --questionnaire {_quote(ref)}",
        )
    moved, again = moved_answers(q, parse_answers_doc(data, base, source, partial=True))
    moving = t("interview.move", lang, path=path, made=repr(made), team=repr(q.id), version=q.version)
    console.print(Text(moving, style="bold"))
    if again:
        console.print(Text(t("interview.move_again", lang, ids=", ".join(again)), style="yellow"))
    return q, moved, again, text


def _feature_of(data: Any) -> str | None:
    meta = data.get("meta") if isinstance(data, dict) else None
    feature = meta.get("feature") if isinstance(meta, dict) else None
    return feature if isinstance(feature, str) and feature.strip() else None


def _resume_command(feature: str, directory: Path | None, questionnaire: str | None) -> str:
    # Without --data: the draft holds every answer taken from the file by then.
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
