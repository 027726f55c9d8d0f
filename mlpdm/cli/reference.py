"""The command-line reference page (docs/cli.md): every command's help, generated from the code.

`python -m mlpdm.cli.reference > docs/cli.md` writes it; a test fails when the page and the
code drift apart, so the reference never describes options that no longer exist.
"""

from __future__ import annotations

from typing import Any

import typer

from mlpdm.cli.helpfmt import HelpContext
from mlpdm.cli.localize import localize
from mlpdm.terminal.sanitize import emit

WIDTH = 100  # fixed, so the page does not depend on the terminal it was generated in

INTRO = """\
# Command-line reference

Every command and option of `mlpdm`, as `--help` prints it (in Japanese with `--lang ja`).
This page is generated from the code by `python -m mlpdm.cli.reference > docs/cli.md`; the
test suite fails when it is out of date. The README's command table says what each command
is for; [architecture.md](architecture.md) says where each one lives.
"""


def _commands(command: Any, ctx: Any) -> list[tuple[str, Any]]:
    names = command.list_commands(ctx) if hasattr(command, "list_commands") else []
    return [(name, command.get_command(ctx, name)) for name in names]


def _sections(command: Any, path: tuple[str, ...], parent: Any) -> list[str]:
    ctx = HelpContext(
        command, info_name=path[-1], parent=parent, terminal_width=WIDTH, max_content_width=WIDTH
    )
    title = " ".join(path)
    text = command.get_help(ctx).rstrip()
    out = [f"## `{title}`\n\n```text\n{text}\n```\n"]
    for name, sub in _commands(command, ctx):
        if sub is not None and not getattr(sub, "hidden", False):
            out += _sections(sub, (*path, name), ctx)
    return out


def reference(lang: str = "en") -> str:
    """The whole page: the root command's help, then each command's, in the order help lists them."""
    from mlpdm.cli.app import app

    root = typer.main.get_command(app)
    root.help_lang = lang  # type: ignore[attr-defined]
    localize(root, lang)
    return INTRO + "\n" + "\n".join(_sections(root, ("mlpdm",), None))


if __name__ == "__main__":
    emit(reference(), nl=False)
