"""`mlpdm new`: an answers file to fill in an editor, every question written in it as a comment."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from mlpdm.cli.common import (
    LangOption,
    QuestionnaireOption,
    repository_lang,
    resolve_lang,
    utf8_argument,
    warn_schema_not_kept,
)
from mlpdm.cli.settings import settings
from mlpdm.core.answers.blank import blank_answers
from mlpdm.core.answers.schema import schema_name
from mlpdm.core.text.errors import Location, UserError
from mlpdm.core.text.languages import first_undecodable
from mlpdm.core.text.messages import t
from mlpdm.core.text.slug import slugify
from mlpdm.repo.resources import load_questionnaire_ref
from mlpdm.repo.workspace import FeatureFiles, FeatureLock, keep_schema, write_files
from mlpdm.terminal.console import make_console


def new(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(show_default=False)],
    directory: Annotated[Path | None, typer.Option("--dir", "-d", file_okay=False)] = None,
    owner: Annotated[str | None, typer.Option("--owner")] = None,
    questionnaire: QuestionnaireOption = None,
    lang: LangOption = None,
) -> None:
    """Write a feature's answers file with every question as a comment, to fill in an editor."""
    language = resolve_lang(ctx, lang)
    utf8_argument(owner, "--owner", language)
    if first_undecodable(name) is not None:
        raise UserError.of("argument_not_utf8", what=t("interview.asking.feature", language))
    feature = " ".join(name.split())
    if not feature:
        raise UserError.of("new_no_name")
    config = settings(ctx).config()
    q = load_questionnaire_ref(questionnaire or config.questionnaire_ref())
    target = directory if directory is not None else config.docs_dir
    shown = Path(os.path.relpath(target)) if target.is_absolute() else target
    files = FeatureFiles(shown, slugify(feature))
    meta = {"feature": feature, "slug": files.slug}
    if owner and owner.strip():
        meta["owner"] = " ".join(owner.split())
    text = blank_answers(q, meta, file_name=files.answers.name, lang=language)
    with FeatureLock(files, command="mlpdm new"):
        if os.path.lexists(files.answers):  # checked under the lock: an interview may be writing it
            raise UserError.of(
                "new_exists",
                where=Location(str(files.answers)),
                path=files.answers,
                feature=_quoted(feature),
            )
        write_files([(files.answers, text)], then="")
        schema_failed = keep_schema(files.directory, q, repository_lang(ctx))
    console = make_console(stderr=True)
    console.print(t("new.wrote", language, path=files.answers), style="green", soft_wrap=True)
    if schema_failed is None:
        schema_path = files.directory / schema_name(q.id)
        console.print(t("new.schema", language, schema=schema_path), style="green", soft_wrap=True)
    warn_schema_not_kept(console, schema_failed, language)
    console.print(t("new.next", language, path=files.answers), style="dim", soft_wrap=True)


def _quoted(text: str) -> str:
    return text if text.replace("-", "").replace("_", "").isalnum() else '"' + text.replace('"', '\\"') + '"'
