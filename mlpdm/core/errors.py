"""The one exception hierarchy of mlpdm: user mistakes carry a message, a hint and a place."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    """Where a problem is: a file and, when known, a 1-based line."""

    path: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


class MlpdmError(Exception):
    """Base of every error mlpdm raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, with its place."""

    message: str
    where: Location | None = None

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class UserError(MlpdmError):
    """A mistake the user can fix: bad input, a missing file, an unknown choice.

    The CLI prints it as one paragraph (no traceback) and exits with code 2.
    """

    def __init__(
        self,
        message: str,
        *,
        hint: str | None = None,
        where: Location | None = None,
        problems: tuple[Problem, ...] = (),
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.where = where
        self.problems = problems


class InterviewInterrupted(MlpdmError):
    """The person stopped the interview (Ctrl-C, end of input, terminal closed)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
