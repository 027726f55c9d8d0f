"""Terminal output through Rich: consoles that show every character they print, and error printing."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, ConsoleRenderable, RenderHook
from rich.containers import Lines
from rich.segment import Segment
from rich.style import Style
from rich.text import Span, Text

from mlpdm.core.text.errors import UserError
from mlpdm.core.text.linebreak import break_offsets, breaks_anywhere
from mlpdm.core.text.messages import t
from mlpdm.terminal.sanitize import UNSAFE, terminal_safe

_T = TypeVar("_T", bound="VisibleText")


class VisibleText(Text):
    """Rich Text whose control and bidi characters are shown (see terminal_safe) from the start.

    Rich drops a bell or a carriage return from a Text but keeps ESC; this keeps all of them,
    visibly, and a table or tree measures the text as it will be shown. The console makes
    everything visible anyway (SafeConsole); building lines with this class makes them exact.
    ``VisibleText.assemble(...)`` builds one like ``Text.assemble``.
    """

    def __init__(self, text: str = "", *args: Any, **kwargs: Any) -> None:
        super().__init__(terminal_safe(text), *args, **kwargs)

    if TYPE_CHECKING:  # Rich's assemble builds ``cls(...)`` but is annotated as returning a Text

        @classmethod
        def assemble(cls: type[_T], *parts: str | Text | tuple[str, str | Style], **options: Any) -> _T:
            """Rich's Text.assemble, building this class."""

    def append(self, text: str | Text, style: str | Style | None = None) -> VisibleText:
        """Rich's append, of the text made visible."""
        super().append(terminal_safe(text) if isinstance(text, str) else text, style)
        return self


class WrappedText(VisibleText):
    """Visible text that also breaks lines between Japanese characters (see core/linebreak.py).

    Only the choice of break points differs from Rich; justification, cropping and styles are
    Rich's own.
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


class SafeConsole(Console):
    """A Rich console that shows every character it prints: the one way to the terminal.

    Everything printed passes through ``terminal_safe`` before it is written: a string as
    the console turns it into text (so a bell shows as ^G rather than being dropped by Rich),
    and every top-level renderable through a render hook, so tables, panels and trees are
    covered as well as text. Rich's own styles are added after that. No command has to
    remember to clean a path, an answer or a file's text; printing it is enough.
    """

    def __init__(
        self, *, hold: Callable[[], AbstractContextManager[None]] | None = None, **options: Any
    ) -> None:
        super().__init__(**options)
        self.push_render_hook(_ShowEverything())
        # Around every print: the interview holds its signals there (interrupts.py), so a
        # Ctrl-C never cuts a screen off inside Rich; it stops the interview right after.
        self.hold: Callable[[], AbstractContextManager[None]] = hold or contextlib.nullcontext

    def print(self, *objects: Any, **options: Any) -> None:
        """Rich's print, whole: a signal that arrives meanwhile waits until it is written (``hold``)."""
        with self.hold():
            super().print(*objects, **options)

    def render_str(self, text: str, **options: Any) -> Text:
        """Rich's conversion of a string to Text, of the string made visible."""
        return super().render_str(terminal_safe(text), **options)

    def input(self, prompt: Any = "", **options: Any) -> str:
        """Rich's input, but a prompt given as a string is never read as markup either."""
        return super().input(prompt, **{**options, "markup": False, "emoji": False})


class _ShowEverything(RenderHook):
    def process_renderables(self, renderables: list[ConsoleRenderable]) -> list[ConsoleRenderable]:
        return [_Shown(renderable) for renderable in renderables]


class _Shown:
    """A renderable drawn with control and bidi characters made visible."""

    def __init__(self, renderable: ConsoleRenderable) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        # A Text is made visible before it is laid out, so its lines wrap at the right width;
        # the segments are made visible in any case (a table cell, a panel title).
        inner = (
            _japanese_breaks(visible_text(self.renderable))
            if isinstance(self.renderable, Text)
            else self.renderable
        )
        for segment in console.render(inner, options):
            yield segment if segment.control else Segment(terminal_safe(segment.text), segment.style)


def _japanese_breaks(text: Text) -> Text:
    """Text with Japanese in it, laid out with core/linebreak.py's breaks (as a WrappedText).

    Rich's print joins the texts it is given into a plain Text, so a WrappedText printed on
    its own would lose its line breaking; other text keeps Rich's own wrapping.
    """
    if isinstance(text, WrappedText) or not any(breaks_anywhere(ch) for ch in text.plain):
        return text
    return _like(text, WrappedText, text.plain, list(text.spans))


def make_console(
    *,
    stderr: bool = False,
    file: TextIO | None = None,
    width: int | None = None,
    hold: Callable[[], AbstractContextManager[None]] | None = None,
) -> Console:
    """A console for mlpdm's output: every command prints through one of these.

    Rich already honours NO_COLOR, TERM=dumb and output that is not a terminal; markup and
    emoji codes are off so that no text from a user or a questionnaire is ever interpreted,
    and every character is shown rather than obeyed (see SafeConsole). ``hold`` is entered
    around every print (the interview's signals wait there, see interrupts.py).
    """
    return SafeConsole(
        hold=hold,
        file=file or (sys.stderr if stderr else sys.stdout),
        width=width,
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=False,
    )


def visible_text(text: Text) -> Text:
    """A Rich Text with ``terminal_safe`` applied, its styles kept on the characters they had."""
    plain = text.plain
    if not UNSAFE.search(plain):
        return text
    starts, pieces, position = [], [], 0
    for char in plain:
        starts.append(position)
        shown = terminal_safe(char)
        pieces.append(shown)
        position += len(shown)
    starts.append(position)
    spans = [Span(starts[span.start], starts[span.end], span.style) for span in text.spans]
    return _like(text, type(text), "".join(pieces), spans)


def _like(text: Text, kind: type[Text], plain: str, spans: list[Span]) -> Text:
    """A ``kind`` of Text with ``text``'s style and layout settings, holding ``plain``."""
    return kind(
        plain,
        style=text.style,
        justify=text.justify,
        overflow=text.overflow,
        no_wrap=text.no_wrap,
        end=text.end,
        tab_size=text.tab_size,
        spans=spans,
    )


def print_user_error(console: Console, error: UserError, lang: str) -> None:
    """One paragraph: what went wrong and where, each problem on its own line, what to do."""
    # soft_wrap: paths and file:line locations stay on one line, so they can be copied.
    message, hint_text = error.text(lang)
    label = Text(t("p.labelled", lang, label=t("error.label", lang), text=""), style="bold red")
    console.print(label, message, sep="", soft_wrap=True)
    for problem in error.problems:
        console.print("  - " + problem.text(lang), soft_wrap=True)
    if hint_text:
        hint = Text(t("p.labelled", lang, label=t("error.hint", lang), text=""), style="bold")
        console.print(hint, hint_text, sep="", soft_wrap=True)
