"""Terminal output: consoles that respect NO_COLOR and non-terminals, and error printing."""

from __future__ import annotations

import sys
from typing import TextIO

from rich.console import Console
from rich.text import Text

from mlpdm.core.errors import UserError
from mlpdm.core.messages import t


def make_console(*, stderr: bool = False, file: TextIO | None = None, width: int | None = None) -> Console:
    """A console for mlpdm's output.

    Rich already honours NO_COLOR, TERM=dumb and output that is not a terminal; markup and
    emoji codes are off so that no text from a user or a questionnaire is ever interpreted.
    """
    return Console(
        file=file or (sys.stderr if stderr else sys.stdout),
        width=width,
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=False,
    )


def print_user_error(console: Console, error: UserError, lang: str) -> None:
    """One paragraph: what went wrong and where, each problem on its own line, what to do."""
    # soft_wrap: paths and file:line locations stay on one line, so they can be copied.
    console.print(Text.assemble((f"{t('error.label', lang)}: ", "bold red"), error.message), soft_wrap=True)
    for problem in error.problems:
        console.print(Text("  - " + str(problem)), soft_wrap=True)
    if error.hint:
        console.print(Text.assemble((f"{t('error.hint', lang)}: ", "bold"), error.hint), soft_wrap=True)
