"""`mlpdm config`: the effective configuration and where each value came from."""

from __future__ import annotations

import typer
from rich.table import Table

from mlpdm.cli.formats import FormatOption, JsonAlias, TextOrJson, wants_json
from mlpdm.cli.settings import settings, user_language
from mlpdm.core.text.messages import t
from mlpdm.terminal.console import VisibleText as Text  # shows control characters, never drops them
from mlpdm.terminal.console import make_console
from mlpdm.terminal.sanitize import emit_json


def config(
    ctx: typer.Context,
    fmt: FormatOption = TextOrJson.text,
    as_json: JsonAlias = False,
) -> None:
    """Show the effective configuration: each setting, its value and where it came from."""
    current = settings(ctx)
    cfg = current.config()
    lang, lang_source = user_language(cfg, current.lang_flag)
    rows = []
    for key in cfg.values:
        value, source = cfg.values[key], cfg.sources[key]
        if key == "lang":
            value, source = lang, lang_source
        rows.append((key, value, source))
    if wants_json(fmt, as_json):
        emit_json(
            {
                "root": str(cfg.root),
                "file": str(cfg.file) if cfg.file else None,
                "settings": {k: {"value": v, "source": s} for k, v, s in rows},
            }
        )
        return
    console = make_console()
    root_label = t("p.labelled", lang, label=t("config.root", lang), text="")
    console.print(Text(root_label, style="bold"), str(cfg.root), sep="", soft_wrap=True)
    file_label = t("p.labelled", lang, label=t("config.file", lang), text="")
    shown_file = str(cfg.file) if cfg.file else t("config.no_file", lang)
    console.print(Text(file_label, style="bold"), shown_file, sep="", soft_wrap=True)
    table = Table(show_header=True)
    for column in ("setting", "value", "from", "meaning"):
        table.add_column(t(f"config.column.{column}", lang))
    for key, value, source in rows:
        meaning = Text(t(f"config.key.{key}", lang), style="dim")
        table.add_row(key, Text("—" if value is None else str(value)), source, meaning)
    console.print(table)
