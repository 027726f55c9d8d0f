"""Signals during an interview: one handler stops it wherever it is, with the draft kept.

Ctrl-C (SIGINT), SIGTERM and a closed terminal (SIGHUP) all raise InterviewInterrupted at
the point the program has reached, whether it is waiting for a line or deciding the verdict;
the command catches it once, at the top, and says how to resume. Two kinds of work are held
back (``held``): writing files, so a draft or a brief is never left half-saved, and printing,
so a screen is never cut off inside Rich. A signal that arrives then waits until the write is
done and is raised right after it.

The handlers are installed with every signal held (``with StopOnSignals() as signals``) and
the command arms them inside its ``try`` (``with signals.armed()``): a signal that lands
while they are being installed or restored is raised inside that ``try`` or not at all,
never where nothing would catch it.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
from collections.abc import Iterator
from types import FrameType
from typing import Any

from mlpdm.core.text.errors import InterviewInterrupted

REASONS: dict[int, str] = {signal.SIGINT: "interrupt", signal.SIGTERM: "terminate"}
if hasattr(signal, "SIGHUP"):
    REASONS[signal.SIGHUP] = "hangup"
SIGNAL_OF: dict[str, int] = {reason: signum for signum, reason in REASONS.items()}


def exit_code(reason: str) -> int | None:
    """The shell's convention for a program a signal stopped: 128 + the signal's number."""
    signum = SIGNAL_OF.get(reason)
    return None if signum is None else 128 + signum


class StopOnSignals:
    """While entered and armed, the interview's signals raise InterviewInterrupted (see the module doc)."""

    def __init__(self) -> None:
        self.stopping = False
        self._holding = 0
        self._pending: int | None = None
        self._previous: dict[int, object] = {}
        # The signal's own wakeup pipe: a signal writes a byte there (see wait_for_input).
        self._wakeup: tuple[int, int] | None = None
        self._previous_wakeup = -1

    def __enter__(self) -> StopOnSignals:
        self._holding += 1  # until armed: a signal now is only recorded
        for signum in REASONS:
            with contextlib.suppress(ValueError):  # not the main thread (e.g. some test runners)
                self._previous[signum] = signal.signal(signum, self._handle)
        if self._previous:
            read, write = os.pipe()
            os.set_blocking(read, False)
            os.set_blocking(write, False)
            self._previous_wakeup = signal.set_wakeup_fd(write, warn_on_full_buffer=False)
            self._wakeup = (read, write)
        return self

    def __exit__(self, *exc_info: object) -> None:
        # Still held (armed() is over): a signal while the handlers are restored is dropped,
        # as the work it would have stopped is finished or already stopping.
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]
        self._previous.clear()
        if self._wakeup is not None:
            signal.set_wakeup_fd(self._previous_wakeup)
            for fd in self._wakeup:
                os.close(fd)
            self._wakeup = None
        self._holding -= 1
        self._pending = None

    def wait_for_input(self, stream: Any) -> None:
        """Return once ``stream`` (a terminal) has a line to read; a signal meanwhile stops here.

        Python runs a signal's handler only between two steps of Python code. A key pressed
        after the last such step and before ``input()`` blocks in the system's read would wait
        for the next Enter: the Ctrl-C seems ignored. Waiting here instead, on the terminal and
        on the pipe every signal writes a byte to, a signal ends the wait whenever it lands,
        and its handler runs as soon as the wait returns to Python.
        """
        try:
            fd = stream.fileno()
        except (AttributeError, OSError, ValueError):  # not a real file: nothing would block
            return
        if self._wakeup is None:
            return
        wakeup = self._wakeup[0]
        while True:
            ready, _, _ = select.select([fd, wakeup], [], [])
            if wakeup in ready:
                with contextlib.suppress(OSError):
                    os.read(wakeup, 64)  # the handler has run by now (or the signal is held)
            if fd in ready:
                return

    @contextlib.contextmanager
    def armed(self) -> Iterator[None]:
        """Inside the caller's ``try``: signals raise here, a signal recorded so far first."""
        self._holding -= 1
        try:
            self._deliver()
            yield
        finally:
            self._holding += 1

    def _handle(self, signum: int, _frame: FrameType | None) -> None:
        if self.stopping:
            return  # already stopping: a second Ctrl-C must not cut the message short
        if self._holding:
            self._pending = self._pending or signum
            return
        self.stopping = True
        raise InterviewInterrupted(REASONS[signum])

    def _deliver(self) -> None:
        if not self._holding and self._pending is not None and not self.stopping:
            signum, self._pending = self._pending, None
            self.stopping = True
            raise InterviewInterrupted(REASONS[signum])

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """Finish what is inside (writing a file, printing) before a signal meanwhile stops it."""
        self._holding += 1
        try:
            yield
        finally:
            self._holding -= 1
        self._deliver()


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
