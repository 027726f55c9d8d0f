"""`mlpdm decide`: record the team's decision beside the tool's recommendation."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from mlpdm.cli.check import refresh_index
from mlpdm.cli.common import (
    LangOption,
    QuestionnaireOption,
    load_decided,
    repository_lang,
    resolve_lang,
    utf8_argument,
    warn_schema_not_kept,
)
from mlpdm.cli.settings import settings
from mlpdm.core.answers.document import AnswersDoc
from mlpdm.core.answers.schema import with_modeline
from mlpdm.core.brief.frontmatter import compare_brief, recorded_language
from mlpdm.core.brief.render import is_override, render_brief
from mlpdm.core.text.errors import Msg, UserError
from mlpdm.core.text.languages import resolve_language
from mlpdm.core.text.messages import t
from mlpdm.core.text.slug import closest_slug, find_slug
from mlpdm.repo.files import iter_answers_files, read_text
from mlpdm.repo.resources import template_loader_for
from mlpdm.repo.roundtrip import update_yaml
from mlpdm.repo.workspace import (
    FeatureFiles,
    FeatureLock,
    answers_text,
    ensure_unchanged,
    keep_schema,
    write_files,
)
from mlpdm.terminal.console import make_console
from mlpdm.terminal.interrupts import deferred_interrupts


class Status(str, Enum):
    """Decision statuses (draft is the default before anyone decides)."""

    accepted = "accepted"
    rejected = "rejected"
    superseded = "superseded"
    draft = "draft"


def decide(
    ctx: typer.Context,
    answers: Annotated[Path, typer.Argument(show_default=False)],
    status: Annotated[Status, typer.Argument()],
    by: Annotated[str | None, typer.Option("--by")] = None,
    rationale: Annotated[
        str | None,
        typer.Option(
            "--rationale",
            "-r",
        ),
    ] = None,
    superseded_by: Annotated[
        str | None,
        typer.Option("--superseded-by", metavar="SLUG"),
    ] = None,
    force: Annotated[bool, typer.Option("--force")] = False,
    questionnaire: QuestionnaireOption = None,
    lang: LangOption = None,
) -> None:
    """Record the team's decision (like an architecture decision record) and re-render the brief."""
    language = resolve_lang(ctx, lang)
    for option, given in (("--by", by), ("--rationale", rationale), ("--superseded-by", superseded_by)):
        utf8_argument(given, option, language)
    original, data, q, doc, verdict = load_decided(ctx, answers, questionnaire)
    value = status.value
    if value == "superseded" and not superseded_by:
        raise UserError.of("needs_successor")
    if superseded_by and value != "superseded":
        raise UserError.of("bad_successor", slug=repr(superseded_by))
    if superseded_by:
        superseded_by = _successor(ctx, answers, doc.slug, superseded_by)
    if is_override(verdict.id, value) and not (rationale or "").strip():
        raise UserError.of("needs_rationale", verdict=verdict.id, status=repr(value))
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
    text = _decided_text(original, data, decided, files.brief.name)
    with FeatureLock(files, command="mlpdm decide"), deferred_interrupts():
        # Read under the lock: what an interview or a person wrote meanwhile is not replaced.
        ensure_unchanged(answers, original, key="changed_while_deciding")
        try:
            existing = read_text(files.brief, what="brief") if files.brief.is_file() else None
        except UserError:
            if not force:  # not UTF-8 or unreadable: nobody can tell what it holds
                raise
            existing = None
        # A Japanese brief stays Japanese.
        brief_lang = resolve_language(recorded=recorded_language(existing), default=language)[0]
        previous = render_brief(q, doc, verdict, lang=brief_lang, loader=loader)
        hand_edited = existing is not None and compare_brief(existing, previous) in (
            "edited",
            "not-generated",
        )
        if hand_edited and not force:
            raise UserError.of("decide_hand_edited", path=files.brief)
        brief = render_brief(q, decided, verdict, lang=brief_lang, loader=loader)
        write_files(
            [(answers, text), (files.brief, brief)],
            then=t("decide.partly_written", language, answers=answers),
        )
        schema_failed = keep_schema(files.directory, q, repository_lang(ctx))
    console = make_console(stderr=True)
    recorded = t(
        "decide.recorded",
        language,
        status=t(f"decision.{value}", language),
        feature=doc.feature,
        verdict=t(f"verdict.{verdict.id}", language),
    )
    console.print(recorded, style="green", soft_wrap=True)
    updated = t("decide.updated", language, answers=answers, brief=files.brief)
    console.print(updated, style="green", soft_wrap=True)
    warn_schema_not_kept(console, schema_failed, language)
    refresh_index(ctx, answers.parent, language)


def _successor(ctx: typer.Context, answers: Path, own: str, given: str) -> str:
    """The slug of the feature ``given`` names: one in the same docs folder, not this one.

    A successor `mlpdm check` could not find there would fail every check from now on.
    """
    docs = settings(ctx).config().portfolio_of(answers.parent)
    known = {FeatureFiles.slug_of(path) for path in iter_answers_files(docs)} - {own}
    found = find_slug(given, known)
    if found is not None:
        return found
    slug, shown = given.strip(), os.path.relpath(docs)
    if find_slug(given, {own}) is not None:
        raise UserError.of("successor_is_itself", slug=slug)
    if not known:
        raise UserError.of("no_successors", slug=slug, docs=shown)
    closest = closest_slug(given, known)
    if closest is not None:
        which = Msg("decide.closest", (("closest", closest),))
    else:
        listed = sorted(known)
        more = Msg("decide.more", (("count", len(listed) - _LISTED),)) if len(listed) > _LISTED else ""
        which = Msg("decide.known", (("known", ", ".join(listed[:_LISTED])), ("more", more)))
    raise UserError.of("unknown_successor", slug=slug, docs=shown, which=which)


_LISTED = 12  # features named in full when a successor is not found; the rest are counted


def _decided_text(original: str, data: dict, decided: AnswersDoc, brief_name: str) -> str:
    """The answers file with the decision: its comments and layout kept, the schema line first."""
    # Only the decision block is written anew, where mlpdm can tell its place.
    text = update_yaml(original, _with_decision(data, decided.decision)) or answers_text(
        decided, brief_name=brief_name
    )
    return with_modeline(text, decided.questionnaire_id)  # editors check it against the schema beside it


def _with_decision(data: dict, decision: Mapping[str, str]) -> dict:
    """The answers file's data with ``decision`` in its place (before ``answers`` when new)."""
    out: dict = {}
    for key, value in data.items():
        if key == "answers" and "decision" not in data:
            out["decision"] = dict(decision)
        out[key] = dict(decision) if key == "decision" else value
    out.setdefault("decision", dict(decision))
    return out


def _git_user() -> str | None:
    from mlpdm.cli.interview import git_user_name

    return git_user_name()
