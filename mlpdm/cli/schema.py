"""`mlpdm schema`: the JSON Schema of a questionnaire's answers files, for editors and CI."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mlpdm.cli.common import LangOption, resolve_lang
from mlpdm.cli.settings import settings
from mlpdm.core.answers.schema import answers_schema, schema_text
from mlpdm.core.text.messages import t
from mlpdm.repo.config import is_path_value
from mlpdm.repo.files import write_output
from mlpdm.repo.resources import load_questionnaire_ref, questionnaire_for
from mlpdm.terminal.console import make_console
from mlpdm.terminal.sanitize import emit, json_safe


def schema(
    ctx: typer.Context,
    ref: Annotated[str | None, typer.Argument(metavar="ID|PATH", show_default=False)] = None,
    out: Annotated[str | None, typer.Option("--out", "-o", metavar="FILE")] = None,
    lang: LangOption = None,
) -> None:
    """Write the JSON Schema (draft 2020-12) of the answers files of a questionnaire."""
    language = resolve_lang(ctx, lang)
    configured = settings(ctx).config().questionnaire_ref()
    if ref is None or is_path_value(ref):
        q = load_questionnaire_ref(ref or configured)
    else:  # an id: the team's configured questionnaire by its own id, else a shipped one
        q = questionnaire_for(ref, configured)
    text = schema_text(answers_schema(q, language))
    if out is None or out == "-":
        emit(json_safe(text), nl=False)  # still JSON, and safe for a terminal
        return
    target = Path(out)
    write_output(target, text)  # atomic, and only over a regular file (or into a pipe)
    said = t("schema.wrote", language, id=q.id, version=q.version, path=target)
    make_console(stderr=True).print(said, style="green", soft_wrap=True)
