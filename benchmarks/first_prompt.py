"""Time from starting a command in a pseudo-terminal until its first question is on screen.

Run by benchmarks/run.py with the Python of a benchmark environment (it needs pexpect):

    python first_prompt.py RUNS PATTERN -- COMMAND [ARGS...]

Each run starts in a fresh empty folder with a fresh HOME (so an interview never resumes
and no tool finds state of its own), waits for PATTERN (a regular expression), kills the
process and records the seconds it took. XDG_CACHE_HOME, if set, is kept across runs, as a
user's cache is. Prints the list of times as JSON.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time

import pexpect


def time_to_prompt(argv: list[str], pattern: str, env: dict[str, str]) -> float:
    """Seconds until ``pattern`` appears on the terminal of ``argv``."""
    with tempfile.TemporaryDirectory() as folder:
        env = {**env, "HOME": folder}
        start = time.perf_counter()
        child = pexpect.spawn(argv[0], argv[1:], cwd=folder, env=env, encoding="utf-8", dimensions=(40, 100))
        try:
            child.expect(pattern, timeout=60)
            return time.perf_counter() - start
        finally:
            child.kill(9)
            child.close(force=True)


def main() -> int:
    runs, pattern, separator, *argv = sys.argv[1:]
    assert separator == "--", "usage: first_prompt.py RUNS PATTERN -- COMMAND [ARGS...]"
    env = {**os.environ, "TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    times = [time_to_prompt(argv, pattern, env) for _ in range(int(runs))]
    print(json.dumps(times))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
