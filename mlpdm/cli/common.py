"""Pieces several commands share: the --lang option, loading the questionnaire for answers.

Help texts of every command and option live in mlpdm/core/text/help_texts.py, in both languages.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, NamedTuple

import typer

from mlpdm.cli.settings import check_lang, repository_language, settings
from mlpdm.core.answers.document import AnswersDoc, parse_answers_doc, questionnaire_id_of
from mlpdm.core.decision.engine import Verdict, decide
from mlpdm.core.questionnaire.model import Questionnaire
from mlpdm.core.text.errors import Location, UserError
from mlpdm.core.text.languages import first_undecodable
from mlpdm.core.text.messages import t
from mlpdm.repo.files import parse_yaml, read_text
from mlpdm.repo.resources import load_questionnaire_ref, questionnaire_for

LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        metavar="<en|ja>",
        callback=check_lang,
    ),
]
QuestionnaireOption = Annotated[
    str | None,
    typer.Option(
        "--questionnaire",
        "-q",
        metavar="ID|PATH",
    ),
]


def resolve_lang(ctx: typer.Context, lang: str | None) -> str:
    """A command's --lang, then the global one, then the configuration, then the locale."""
    return settings(ctx).lang(lang)


def repository_lang(ctx: typer.Context) -> str:
    """The repository's language (see settings.repository_language)."""
    return repository_language(settings(ctx).config())


def questionnaire_for_answers(
    ctx: typer.Context, data: Any, path: Path, override: str | None
) -> Questionnaire:
    """The questionnaire an answers file names (or the one given with --questionnaire)."""
    if override:
        return load_questionnaire_ref(override)
    qid = questionnaire_id_of(data)
    if qid is None:
        raise UserError.of("no_questionnaire_ref", where=Location(str(path)), path=path)
    return questionnaire_for(qid, settings(ctx).config().questionnaire_ref())


class Decided(NamedTuple):
    """An answers file as read (its text and data), its questionnaire, its answers and verdict."""

    text: str  # what was read, to check that nobody changed it before it is written over
    data: Any
    questionnaire: Questionnaire
    doc: AnswersDoc
    verdict: Verdict


def load_decided(ctx: typer.Context, path: Path, override: str | None) -> Decided:
    """An answers file parsed against its questionnaire, with the verdict it gets."""
    text = read_text(path, what="answers")
    data, source = parse_yaml(text, str(path))
    q = questionnaire_for_answers(ctx, data, path, override)
    doc = parse_answers_doc(data, q, source)
    return Decided(text, data, q, doc, decide(q, doc.answers))


def load_answers_with_questionnaire(
    ctx: typer.Context, path: Path, override: str | None
) -> tuple[str, Any, Any, Questionnaire]:
    """Read an answers file once, and find its questionnaire; the text read comes first.

    The text is what a writer compares the file with once it holds the feature's lock.
    """
    text = read_text(path, what="answers")
    data, source = parse_yaml(text, str(path))
    return text, data, source, questionnaire_for_answers(ctx, data, path, override)


def warn_schema_not_kept(console: Any, error: UserError | None, lang: str) -> None:
    """Say that the schema beside the answers could not be written (the command still succeeded)."""
    if error is not None:
        said = t("schema.not_kept", lang, reason=error.text(lang)[0])
        console.print(said, style="yellow", soft_wrap=True)


def utf8_argument(value: str | None, option: str, lang: str) -> None:
    """Refuse an option's value holding bytes that are not UTF-8 before it reaches a file."""
    if value is not None and first_undecodable(value) is not None:
        raise UserError.of("argument_not_utf8", what=t("interview.asking.option", lang, option=option))
