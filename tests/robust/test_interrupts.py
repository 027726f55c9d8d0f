"""Interrupts lose nothing: signals stop the interview with answers saved; SIGKILL never corrupts."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time

import pexpect
import pytest
import yaml

from mlpdm.resources import load_packaged_questionnaire
from tests.conftest import REPO, spawn_interview
from tests.keystrokes import typed_lines

pytestmark = pytest.mark.slow

ANSWERS = yaml.safe_load((REPO / "examples" / "invoice-ocr.answers.yaml").read_text(encoding="utf-8"))[
    "answers"
]


def interview(tmp_path):
    return spawn_interview(tmp_path, "Signal test", "--owner", "Me")


def answer_first(child, count):
    q = load_packaged_questionnaire()
    order = [question.id for question in q.question_index.values()][:count]
    for qid in order:
        child.expect("› ")
        for line in typed_lines(q.question(qid), ANSWERS.get(qid)):
            child.sendline(line)
    child.expect("› ")
    return order


@pytest.mark.parametrize(
    ("sig", "reason"),
    [(signal.SIGTERM, "terminated"), (signal.SIGHUP, "terminal closed"), (signal.SIGINT, "Ctrl-C")],
)
def test_signals_keep_every_answer(tmp_path, sig, reason):
    child = interview(tmp_path)
    asked = answer_first(child, 4)
    child.kill(sig)
    child.expect(f"Interview stopped \\({reason}\\)")
    child.expect("To resume, run")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    draft = yaml.safe_load(
        (tmp_path / "docs" / "mlpdm" / "signal-test.draft.yaml").read_text(encoding="utf-8")
    )
    assert draft["answers"] == {qid: ANSWERS[qid] for qid in asked}
    assert not (tmp_path / "docs" / "mlpdm" / "signal-test.lock").exists()


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from mlpdm.files import atomic_write
    target = Path(sys.argv[1])
    texts = [Path(sys.argv[2]).read_text(encoding="utf-8"), Path(sys.argv[3]).read_text(encoding="utf-8")]
    print("ready", flush=True)
    i = 0
    while True:
        atomic_write(target / "feature.answers.yaml", texts[i % 2])
        atomic_write(target / "feature.md", texts[(i + 1) % 2] * 20)
        i += 1
    """
)


def test_sigkill_in_a_loop_never_leaves_a_partial_file(tmp_path):
    version_a = (REPO / "examples" / "invoice-ocr.answers.yaml").read_text(encoding="utf-8")
    version_b = (REPO / "examples" / "refund-agent.answers.yaml").read_text(encoding="utf-8")
    (tmp_path / "a").write_text(version_a, encoding="utf-8")
    (tmp_path / "b").write_text(version_b, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    rng = random.Random(20261129)
    kills = 0
    for _ in range(200):
        process = subprocess.Popen(
            [sys.executable, str(script), str(out), str(tmp_path / "a"), str(tmp_path / "b")],
            stdout=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        assert process.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0, 0.03))
        process.send_signal(signal.SIGKILL)
        process.wait()
        process.stdout.close()
        kills += 1
        answers = out / "feature.answers.yaml"
        if answers.exists():
            assert answers.read_text(encoding="utf-8") in (version_a, version_b)
            yaml.safe_load(answers.read_text(encoding="utf-8"))
        brief = out / "feature.md"
        if brief.exists():
            assert brief.read_text(encoding="utf-8") in (version_a * 20, version_b * 20)
    assert kills == 200
    assert (out / "feature.answers.yaml").exists() and (out / "feature.md").exists()


def test_without_a_terminal_answers_are_read_line_by_line(tmp_path):
    q = load_packaged_questionnaire()
    lines = ["Me"]
    answers = {
        "user_problem": "Staff cannot find help pages.",
        "audience": "internal",
        "need_evidence": "research",
        "current_process": "software",
        "baseline": "40% fail",
        "usage_measure": None,
        "daily_volume": None,
        "simpler_alternative": "fully",
        "alternative": "Keyword search",
        "revisit_signal": None,
    }
    for qid, value in answers.items():
        lines += typed_lines(q.question(qid), value)
    lines.append("")  # the review screen: write the brief
    result = subprocess.run(
        [sys.executable, "-m", "mlpdm", "interview", "Pipe test"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr
    assert "NO-GO — ML not needed" in result.stdout
    assert (tmp_path / "docs" / "mlpdm" / "pipe-test.md").exists()


def test_without_a_terminal_and_no_input_it_stops_at_once(tmp_path):
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "mlpdm", "interview", "Nothing"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode == 2 and "end of input" in result.stdout
    assert time.monotonic() - started < 30
