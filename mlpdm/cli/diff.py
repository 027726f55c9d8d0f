"""`mlpdm diff`: what a change to the answers files does to the verdicts, for a pull request."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from mlpdm.cli.common import LangOption, resolve_lang
from mlpdm.cli.settings import settings
from mlpdm.core.answers.document import parse_answers_doc, questionnaire_id_of
from mlpdm.core.brief.changes import Side, base_text, compare, render_changes
from mlpdm.core.decision.engine import decide
from mlpdm.core.questionnaire.model import Questionnaire
from mlpdm.core.text.encoding import decode_utf8
from mlpdm.core.text.errors import UserError
from mlpdm.core.text.messages import t
from mlpdm.repo.confine import inside
from mlpdm.repo.files import MAX_YAML_BYTES, is_regular, parse_yaml, read_text
from mlpdm.repo.git import ANSWERS_SUFFIX, answers_at, commit_of, default_base, toplevel
from mlpdm.repo.resources import questionnaire_for
from mlpdm.terminal.sanitize import emit, emit_json


class Format(str, Enum):
    """Output formats."""

    md = "md"
    json = "json"


def diff(
    ctx: typer.Context,
    directory: Annotated[Path | None, typer.Argument(show_default=False)] = None,
    base: Annotated[str | None, typer.Option("--base", metavar="REF")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f")] = Format.md,
    lang: LangOption = None,
) -> None:
    """Show what changed in the answers since a base commit, and what it does to each verdict."""
    language = resolve_lang(ctx, lang)
    config = settings(ctx).config()
    docs = (directory if directory is not None else config.docs_dir).resolve()
    root = toplevel(Path.cwd()).resolve()
    if not inside(docs, root):
        raise UserError.of("docs_outside_git", docs=str(docs), root=str(root))
    folder = "" if docs == root else docs.relative_to(root).as_posix()
    if base is not None:
        commit = commit_of(base, root)
        if commit is None:
            raise UserError.of("unknown_ref", ref=repr(base))
        ref, merge_base_of = base, None
    else:
        merge_base_of, commit = default_base(root)
        ref = f"merge-base HEAD {merge_base_of}" if merge_base_of else "HEAD"
    configured = config.questionnaire_ref() if config.values["questionnaire"] != "default" else None
    questionnaires: dict[str, Questionnaire] = {}

    def lookup(qid: str) -> Questionnaire:
        if qid not in questionnaires:
            questionnaires[qid] = questionnaire_for(qid, configured)
        return questionnaires[qid]

    before = {}
    for blob in answers_at(commit, folder, root):
        before[blob.path] = _side(blob.path, lookup, language, data=blob.data)
    after = {}
    for path in sorted(docs.rglob(f"*{ANSWERS_SUFFIX}")) if docs.is_dir() else []:
        if not is_regular(path):
            continue  # as `mlpdm check`: only regular files are answers files
        shown = path.relative_to(root).as_posix()  # docs is inside root, and so is what rglob finds
        if not inside(path, root):  # a link that leads out of the repository is never read
            after[shown] = Side.broken(t("check.outside", language, root=str(root)))
            continue
        after[shown] = _side(shown, lookup, language, path=path)
    changes = compare(before, after, language)
    shown_docs = folder or "."
    if fmt is Format.json:
        changed = [c.as_dict() for c in changes]
        emit_json({"base": ref, "commit": commit, "docs": shown_docs, "changes": changed})
        return
    text = base_text(ref, commit, merge_base_of=merge_base_of, lang=language)
    emit(render_changes(changes, base=text, docs=shown_docs, lang=language), nl=False)


def _blob_text(data: bytes, shown: str) -> str:
    """A file's bytes from git as `read_text` gives a file on disk: UTF-8, newlines as LF."""
    if len(data) > MAX_YAML_BYTES:
        raise UserError.of("too_big", path=shown, size=f"{len(data):,}", limit=f"{MAX_YAML_BYTES:,}")
    return decode_utf8(data, shown).replace("\r\n", "\n").replace("\r", "\n")


def _side(
    shown: str,
    lookup: Callable[[str], Questionnaire],
    lang: str,
    *,
    path: Path | None = None,
    data: bytes | None = None,
) -> Side:
    """One answers file (on disk at ``path``, or ``data`` from git) parsed and decided, or why not."""
    try:
        text = (
            read_text(path, what="answers", shown=shown)
            if path is not None
            else _blob_text(data or b"", shown)
        )
        parsed, source = parse_yaml(text, shown)
        questionnaire = lookup(questionnaire_id_of(parsed) or "default")
        doc = parse_answers_doc(parsed, questionnaire, source)
    except UserError as error:
        message, _ = error.text(lang)
        return Side.broken(t("p.sep", lang).join(p.text(lang) for p in error.problems) or message)
    return Side.decided(questionnaire, doc, decide(questionnaire, doc.answers))
