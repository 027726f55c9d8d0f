"""Terminal output: consoles that respect NO_COLOR and non-terminals, and error printing."""

from __future__ import annotations

import sys
from typing import Any, TextIO

from rich.cells import cell_len
from rich.console import Console
from rich.containers import Lines
from rich.text import Text

from mlpdm.core.errors import UserError
from mlpdm.core.linebreak import break_offsets
from mlpdm.core.messages import t


class WrappedText(Text):
    """Rich Text that also breaks lines between Japanese characters (see core/linebreak.py).

    Only the choice of break points differs from Rich; justification, cropping and styles are
    Rich's own. ``WrappedText.assemble(...)`` builds one like ``Text.assemble``.
    """

    def wrap(self, console: Console, width: int, **options: Any) -> Lines:
        """Rich's Text.wrap with break points from core/linebreak.py."""
        if options.get("no_wrap") or self.no_wrap or options.get("overflow") == "ignore":
            return super().wrap(console, width, **options)
        justify = options.get("justify") or self.justify or "default"
        overflow = options.get("overflow") or self.overflow or "fold"
        lines = Lines()
        for line in self.split(allow_blank=True):
            if "\t" in line:
                line.expand_tabs(options.get("tab_size", 8))
            pieces = line.divide(break_offsets(str(line), width, cell_len, fold=overflow == "fold"))
            for piece in pieces:
                piece.rstrip_end(width)
            pieces.justify(console, width, justify=justify, overflow=overflow)
            for piece in pieces:
                piece.truncate(width, overflow=overflow)
            lines.extend(pieces)
        return lines


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


def _visible(ch: str) -> str:
    code = ord(ch)
    if ch in "\n\t" or (0x20 <= code < 0x7F) or code > 0x9F:
        return ch
    return f"^{chr(code + 64)}" if code < 0x20 else f"<{code:02x}>"


def terminal_safe(text: str) -> str:
    """Text with control characters shown in caret notation (ESC as ^[), never sent as codes.

    Rich markup is already off on mlpdm's consoles; this stops raw escape sequences in an
    answer, a questionnaire or a file name from moving the cursor or recolouring the screen.
    """
    return "".join(map(_visible, text))


def print_user_error(console: Console, error: UserError, lang: str) -> None:
    """One paragraph: what went wrong and where, each problem on its own line, what to do."""
    # soft_wrap: paths and file:line locations stay on one line, so they can be copied.
    message, hint_text = error.text(lang)
    label = (t("p.labelled", lang, label=t("error.label", lang), text=""), "bold red")
    console.print(Text.assemble(label, terminal_safe(message)), soft_wrap=True)
    for problem in error.problems:
        console.print(Text("  - " + terminal_safe(problem.text(lang))), soft_wrap=True)
    if hint_text:
        hint = (t("p.labelled", lang, label=t("error.hint", lang), text=""), "bold")
        console.print(Text.assemble(hint, terminal_safe(hint_text)), soft_wrap=True)
