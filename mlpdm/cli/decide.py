"""`mlpdm decide`: record the team's decision beside the tool's recommendation."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from mlpdm.cli.common import LangOption, QuestionnaireOption, load_answers_with_questionnaire, resolve_lang
from mlpdm.cli.settings import settings
from mlpdm.console import make_console
from mlpdm.core.answers import AnswersDoc, parse_answers_doc
from mlpdm.core.decision import decide as evaluate
from mlpdm.core.errors import UserError
from mlpdm.core.freshness import compare_brief
from mlpdm.core.messages import t
from mlpdm.core.render import is_override, render_brief
from mlpdm.core.slug import is_valid_slug
from mlpdm.files import atomic_write
from mlpdm.resources import template_loader_for
from mlpdm.workspace import FeatureFiles, write_answers


class Status(str, Enum):
    """Decision statuses (draft is the default before anyone decides)."""

    accepted = "accepted"
    rejected = "rejected"
    superseded = "superseded"
    draft = "draft"


def decide(
    ctx: typer.Context,
    answers: Annotated[
        Path, typer.Argument(help="The answers file (…/<slug>.answers.yaml).", show_default=False)
    ],
    status: Annotated[Status, typer.Argument(help="accepted, rejected, superseded (or draft to reopen).")],
    by: Annotated[str | None, typer.Option("--by", help="Who decided (default: git user.name).")] = None,
    rationale: Annotated[
        str | None,
        typer.Option(
            "--rationale",
            "-r",
            help="Why, in your own words (required when going against the recommendation).",
        ),
    ] = None,
    superseded_by: Annotated[
        str | None,
        typer.Option("--superseded-by", help="Slug of the brief that replaces this one.", metavar="SLUG"),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Re-render a brief even if it was edited by hand.")
    ] = False,
    questionnaire: QuestionnaireOption = None,
    lang: LangOption = None,
) -> None:
    """Record the team's decision (like an architecture decision record) and re-render the brief.

    The brief then shows the tool's recommendation and the team's decision side by side.
    Going against the recommendation needs a --rationale; superseded needs --superseded-by.

    Example: mlpdm decide docs/mlpdm/invoice-ocr.answers.yaml accepted --by "Aiko Tanaka"
    """
    language = resolve_lang(ctx, lang)
    data, source, q = load_answers_with_questionnaire(ctx, answers, questionnaire)
    doc = parse_answers_doc(data, q, source)
    verdict = evaluate(q, doc.answers)
    value = status.value
    if value == "superseded" and not superseded_by:
        raise UserError("a superseded brief needs --superseded-by SLUG (the brief that replaces it)")
    if superseded_by and (value != "superseded" or not is_valid_slug(superseded_by)):
        raise UserError(
            f"--superseded-by {superseded_by!r} needs status superseded and a slug such as invoice-ocr-v2"
        )
    if is_override(verdict.id, value) and not (rationale or "").strip():
        raise UserError(
            f"the recommendation is {t(f'verdict.{verdict.id}', 'en')}; deciding {value!r} goes against it",
            hint='Record why with --rationale "…" (your own words), so reviewers can follow the decision.',
        )
    decision = {"status": value}
    if value != "draft":
        decision["by"] = " ".join((by or _git_user() or "").split())
        decision["date"] = dt.date.today().isoformat()
        if rationale and rationale.strip():
            decision["rationale"] = rationale.strip()
        if superseded_by:
            decision["superseded_by"] = superseded_by
    decided = AnswersDoc(
        doc.questionnaire_id,
        doc.questionnaire_version,
        doc.meta,
        doc.answers,
        {k: v for k, v in decision.items() if v},
        doc.base_version,
    )
    files = FeatureFiles.for_answers(answers, doc.slug)
    loader = template_loader_for(settings(ctx).config().path_setting("templates"))
    previous = render_brief(q, doc, verdict, lang=language, loader=loader)
    existing = files.brief.read_text(encoding="utf-8") if files.brief.is_file() else None
    hand_edited = existing is not None and compare_brief(existing, previous).state in (
        "edited",
        "not-generated",
    )
    if hand_edited and not force:
        raise UserError(
            f"{files.brief} was edited by hand; the decision was not recorded",
            hint="Move the edits into the answers, or pass --force to overwrite them.",
        )
    write_answers(answers, decided, brief_name=files.brief.name)
    atomic_write(files.brief, render_brief(q, decided, verdict, lang=language, loader=loader))
    console = make_console(stderr=True)
    console.print(
        Text.assemble(
            ("Recorded ", "green"),
            (value, "bold"),
            f" for {doc.feature} ",
            (f"(recommendation: {t(f'verdict.{verdict.id}', language)})", "dim"),
        ),
        soft_wrap=True,
    )
    console.print(
        Text.assemble(("Updated ", "green"), str(answers), " and ", str(files.brief)), soft_wrap=True
    )


def _git_user() -> str | None:
    from mlpdm.cli.interview import git_user_name

    return git_user_name()
