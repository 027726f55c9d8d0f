"""Reading what a person types, one line at a time, as a replaceable front end."""

from __future__ import annotations

from typing import Protocol

from rich.console import Console

from mlpdm.console import WrappedText as Text  # Rich Text that also breaks between Japanese characters
from mlpdm.core.errors import InterviewInterrupted


class Prompter(Protocol):
    """Something that shows a prompt and returns the line typed (without the newline)."""

    def read_line(self, prompt: Text) -> str:
        """Read one line; raise InterviewInterrupted on Ctrl-C or end of input."""
        ...


class ConsolePrompter:
    """Reads from standard input through rich (with line editing where readline exists).

    When standard input is not a terminal, it reads one answer per line, predictably, and
    end of input stops the interview with everything answered so far saved.
    """

    def __init__(self, console: Console, *, echo: bool = False) -> None:
        self.console = console
        self.echo = echo  # print piped answers so the transcript reads like a session

    def read_line(self, prompt: Text) -> str:
        """Read one line from the terminal or pipe."""
        try:
            line = self.console.input(prompt)
            if self.echo:
                self.console.print(line)
            return line
        except EOFError:
            self.console.print()
            raise InterviewInterrupted("eof") from None
        except KeyboardInterrupt:
            self.console.print()
            raise InterviewInterrupted("interrupt") from None
