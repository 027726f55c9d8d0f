"""Signals during an interview: one handler stops it wherever it is, with the draft kept.

Ctrl-C (SIGINT), SIGTERM and a closed terminal (SIGHUP) all raise InterviewInterrupted at
the point the program has reached, whether it is waiting for a line, drawing a question or
rendering the brief; the session catches it once, at the top, and says how to resume. Only
writing files is held back (``held``): a signal that arrives then waits until the files are
written, so a draft or a brief is never left half-saved.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator
from types import FrameType

from mlpdm.core.errors import InterviewInterrupted

REASONS: dict[int, str] = {signal.SIGINT: "interrupt", signal.SIGTERM: "terminate"}
if hasattr(signal, "SIGHUP"):
    REASONS[signal.SIGHUP] = "hangup"
SIGNAL_OF: dict[str, int] = {reason: signum for signum, reason in REASONS.items()}


def exit_code(reason: str) -> int | None:
    """The shell's convention for a program a signal stopped: 128 + the signal's number."""
    signum = SIGNAL_OF.get(reason)
    return None if signum is None else 128 + signum


class StopOnSignals:
    """While entered, the interview's signals raise InterviewInterrupted (see the module doc)."""

    def __init__(self) -> None:
        self.stopping = False
        self._holding = 0
        self._pending: int | None = None
        self._previous: dict[int, object] = {}

    def __enter__(self) -> StopOnSignals:
        for signum in REASONS:
            with contextlib.suppress(ValueError):  # not the main thread (e.g. some test runners)
                self._previous[signum] = signal.signal(signum, self._handle)
        return self

    def __exit__(self, *exc_info: object) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]
        self._previous.clear()

    def _handle(self, signum: int, _frame: FrameType | None) -> None:
        if self.stopping:
            return  # already stopping: a second Ctrl-C must not cut the message short
        if self._holding:
            self._pending = self._pending or signum
            return
        self.stopping = True
        raise InterviewInterrupted(REASONS[signum])

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """Finish what is inside (writing files) before a signal that arrives meanwhile stops it."""
        self._holding += 1
        try:
            yield
        finally:
            self._holding -= 1
        if not self._holding and self._pending is not None and not self.stopping:
            signum, self._pending = self._pending, None
            self.stopping = True
            raise InterviewInterrupted(REASONS[signum])


@contextlib.contextmanager
def deferred_interrupts() -> Iterator[None]:
    """For commands other than the interview: a Ctrl-C while files are written waits for them.

    Afterwards it is raised as usual (KeyboardInterrupt, exit 130), so a set of files that
    belong together (answers and brief) is written whole or not at all.
    """
    pending: list[int] = []

    def record(signum: int, _frame: FrameType | None) -> None:
        pending.append(signum)

    try:
        previous = signal.signal(signal.SIGINT, record)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if pending:
        raise KeyboardInterrupt
