"""Named exit codes, the contract for scripts and CI."""

from enum import IntEnum


class ExitCode(IntEnum):
    """0 ok, 1 a check failed, 2 bad input or usage, 130 stopped by Ctrl-C (128 + the signal)."""

    OK = 0
    CHECK_FAILED = 1
    BAD_INPUT = 2
    INTERRUPTED = 130  # 128 + SIGINT; SIGHUP gives 129 and SIGTERM 143 (see mlpdm/terminal/interrupts.py)
