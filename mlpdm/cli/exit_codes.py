"""Named exit codes, the contract for scripts and CI."""

from enum import IntEnum


class ExitCode(IntEnum):
    """0 ok, 1 a check failed, 2 bad input or usage (and interrupted interviews)."""

    OK = 0
    CHECK_FAILED = 1
    BAD_INPUT = 2
