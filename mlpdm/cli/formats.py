"""The output formats commands share: `--format text|json`, one spelling on every command."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer


class TextOrJson(str, Enum):
    """What a command prints: text for people, JSON for scripts."""

    text = "text"
    json = "json"


FormatOption = Annotated[TextOrJson, typer.Option("--format", "-f", metavar="<text|json>")]
# `--json` was the spelling of `config` and `stats` before 0.2; kept, unlisted, for one release.
JsonAlias = Annotated[bool, typer.Option("--json", hidden=True)]


def wants_json(fmt: TextOrJson, alias: bool) -> bool:
    """Whether JSON was asked for, by `--format json` or the old `--json`."""
    return alias or fmt is TextOrJson.json
