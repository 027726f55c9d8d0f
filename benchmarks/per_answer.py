"""Time from typing an answer's last key until the next interview question is on screen.

Run by benchmarks/run.py with the Python of a benchmark environment (it needs pexpect):

    python per_answer.py RUNS -- MLPDM [ARGS...]

Each run starts `MLPDM interview ARGS` on a pseudo-terminal in a fresh empty folder with a
fresh HOME (XDG_CACHE_HOME, if set, is kept, as a user's cache is), waits for the first
question, then types the answers below with no delay before each send, timing each from
its last line sent to the next question's text. Prints the list of times as JSON.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import sys
import tempfile
import time

import pexpect

# (the question's text, the lines a person types for it): the first questions of the
# default questionnaire, whose answers lead to the next question in order.
STEPS = (
    ("which user has which problem", ["Agents spend ten minutes summarising each ticket.", ""]),
    ("Who will use the feature", ["internal"]),
    ("What evidence do you have", ["measured"]),
    ("How is this done today", ["manual"]),
)
PROMPT = "› "


def answer_latencies(argv: list[str], env: dict[str, str]) -> list[float]:
    """Seconds from each answer's last line to the next question, for the steps above."""
    with tempfile.TemporaryDirectory() as folder:
        env = {**env, "HOME": folder}
        child = pexpect.spawn(argv[0], argv[1:], cwd=folder, env=env, encoding="utf-8", dimensions=(40, 100))
        child.delaybeforesend = None
        times = []
        try:
            child.expect(re.escape(STEPS[0][0]), timeout=60)
            for (_, lines), (following, _) in itertools.pairwise(STEPS):
                child.expect(re.escape(PROMPT), timeout=60)
                for line in lines[:-1]:
                    child.sendline(line)
                start = time.perf_counter()
                child.sendline(lines[-1])
                child.expect(re.escape(following), timeout=60)
                times.append(time.perf_counter() - start)
            return times
        finally:
            child.kill(9)
            child.close(force=True)


def main() -> int:
    runs, separator, *argv = sys.argv[1:]
    assert separator == "--", "usage: per_answer.py RUNS -- COMMAND [ARGS...]"
    env = {**os.environ, "TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    times = [t for _ in range(int(runs)) for t in answer_latencies(argv, env)]
    print(json.dumps(times))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
