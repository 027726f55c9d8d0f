"""`mlpdm config`: the effective configuration and where each value came from."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from mlpdm.cli.settings import settings
from mlpdm.config import KEYS_HELP, language
from mlpdm.console import make_console


def config(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """Show the effective configuration: each setting, its value and where it came from.

    Settings live in mlpdm.toml, or under [tool.mlpdm] in pyproject.toml, at the repo root
    (found by walking up to .git or the config file, so commands work from any subfolder).

    Example: mlpdm config
    """
    current = settings(ctx)
    cfg = current.config()
    lang, lang_source = language(cfg, current.lang_flag)
    rows = []
    for key in cfg.values:
        value, source = cfg.values[key], cfg.sources[key]
        if key == "lang":
            value, source = lang, lang_source
        rows.append((key, value, source))
    if as_json:
        typer.echo(
            json.dumps(
                {
                    "root": str(cfg.root),
                    "file": str(cfg.file) if cfg.file else None,
                    "settings": {k: {"value": v, "source": s} for k, v, s in rows},
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    console = make_console()
    console.print(Text.assemble(("repo root: ", "bold"), str(cfg.root)), soft_wrap=True)
    console.print(
        Text.assemble(("config file: ", "bold"), str(cfg.file) if cfg.file else "none (defaults)"),
        soft_wrap=True,
    )
    table = Table(show_header=True)
    for column in ("setting", "value", "from", "meaning"):
        table.add_column(column)
    for key, value, source in rows:
        table.add_row(
            key, Text("—" if value is None else str(value)), source, Text(KEYS_HELP[key], style="dim")
        )
    console.print(table)
