"""Reading what a person types, one line at a time, as a replaceable front end."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from typing import Any, Protocol

from rich.console import Console

from mlpdm.core.text.errors import InterviewInterrupted
from mlpdm.terminal.console import (
    WrappedText as Text,  # Rich Text that also breaks between Japanese characters
)


class Prompter(Protocol):
    """Something that shows a prompt and returns the line typed (without the newline).

    A prompter reading from a pipe also has ``piped_line``, the number of the line it read
    last; the session then stops at the first line it cannot accept instead of asking again.
    """

    def read_line(self, prompt: Text) -> str:
        """Read one line; raise InterviewInterrupted on Ctrl-C or end of input."""
        ...


class ConsolePrompter:
    """Reads from standard input through rich (with line editing where readline exists).

    When standard input is not a terminal, it reads one answer per line, predictably, and
    end of input stops the interview with everything answered so far saved. Bytes that are
    not UTF-8 come through as lone surrogates (``surrogateescape``), never as an exception,
    so the session can say which line held them.
    """

    def __init__(
        self,
        console: Console,
        *,
        echo: bool = False,
        piped: bool = False,
        wait: Callable[[Any], None] | None = None,
    ) -> None:
        self.console = console
        self.echo = echo  # print piped answers so the transcript reads like a session
        self.piped_line: int | None = 0 if piped else None
        # At a terminal: waits until a line is typed, ending at once on a signal (interrupts.py).
        self.wait = wait
        reconfigure = getattr(sys.stdin, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(Exception):  # a replaced stdin may not support it
                reconfigure(errors="surrogateescape")

    def read_line(self, prompt: Text) -> str:
        """Read one line from the terminal or pipe."""
        try:
            if self.wait is None:
                line = self.console.input(prompt)
            else:
                self.console.print(prompt, end="")
                self.wait(sys.stdin)
                line = self.console.input()
        except EOFError:
            self.console.print()
            raise InterviewInterrupted("eof") from None
        except KeyboardInterrupt:
            self.console.print()
            raise InterviewInterrupted("interrupt") from None
        except InterviewInterrupted:  # a signal while waiting: what follows starts on a line of its own
            self.console.print()
            raise
        except UnicodeDecodeError as exc:  # stdin could not be made tolerant: name the byte
            line = chr(0xDC00 + exc.object[exc.start])
        if self.piped_line is not None:
            self.piped_line += 1
        if self.echo:
            shown = line.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            self.console.print(shown)
        return line
