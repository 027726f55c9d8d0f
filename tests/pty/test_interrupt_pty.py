"""Ctrl-C and SIGTERM at every kind of moment of an interview in a real terminal (pexpect).

Whatever the interview is doing when the key is pressed (waiting at a prompt, drawing a
question or the review screen, saving the draft, rendering or writing the brief) it ends the
same way: the short "Interview stopped" message with the draft's path and the command that
resumes it, the shell's exit code (130, or 143 for SIGTERM), no traceback, and a draft that
mlpdm reads back and resumes to the end.

A moment inside the program is hit on every run, however loaded the machine: the program
runs with one hook that stops at that moment, says "[paused]", and goes on only once the
signal the test then sends has arrived (the signal's own wakeup byte is read). The tests wait
on what the program prints, never on the clock.
"""

from __future__ import annotations

import re
import signal
import textwrap
from pathlib import Path

import pexpect
import pytest

from mlpdm.core.text.messages import t
from mlpdm.repo.resources import load_packaged_questionnaire
from mlpdm.repo.workspace import read_answers
from tests.conftest import brief_is_current, spawn_interview
from tests.keystrokes import SHORT, typed_lines

pytestmark = pytest.mark.slow

Q = load_packaged_questionnaire()
ORDER = list(SHORT)  # the short interview's questions, in the order they are asked
DOCS = Path("docs") / "mlpdm"
REVIEW_PROMPT = t("interview.review.prompt", "en")

# The program with a hook on ``target`` (a function the session calls): at its ``call``-th
# call it waits for the signal, either before calling the real function ("before") or, for a
# function that returns a screen, halfway through drawing what it returns ("drawing").
HOOK = textwrap.dedent(
    """
    import importlib
    import os
    import signal

    from mlpdm.cli.app import main

    TARGET, CALL, MODE = {target!r}, {call!r}, {mode!r}
    module_name, name = TARGET.rsplit(".", 1)
    module = importlib.import_module(module_name)
    real = getattr(module, name)
    calls = [0]


    def wait_for_the_signal():
        read, write = os.pipe()
        os.set_blocking(write, False)
        previous = signal.set_wakeup_fd(write)
        try:
            print("[paused]", flush=True)
            os.read(read, 1)  # written by the signal itself: the test has sent it
        finally:
            signal.set_wakeup_fd(previous)
            os.close(read)
            os.close(write)


    class Drawing:
        # The screen's lines up to the middle, then the wait, then the rest.
        def __init__(self, renderable):
            self.renderable = renderable

        def __rich_console__(self, console, options):
            segments = list(console.render(self.renderable, options))
            yield from segments[: len(segments) // 2]
            wait_for_the_signal()
            yield from segments[len(segments) // 2 :]


    def hooked(*args, **kwargs):
        calls[0] += 1
        if calls[0] != CALL:
            return real(*args, **kwargs)
        if MODE == "drawing":
            return Drawing(real(*args, **kwargs))
        wait_for_the_signal()
        return real(*args, **kwargs)


    setattr(module, name, hooked)
    main(prog_name="mlpdm")
    """
)


def spawn(tmp_path: Path, hook: tuple[str, int, str] | None = None) -> pexpect.spawn:
    code = None
    if hook is not None:
        target, call, mode = hook
        code = HOOK.format(target=target, call=call, mode=mode)
    child = spawn_interview(tmp_path, "Signal test", "--owner", "Me", code=code)
    child.logfile_read = open(tmp_path / "transcript.txt", "a", encoding="utf-8")  # noqa: SIM115
    return child


def answer(child: pexpect.spawn, qids: list[str]) -> None:
    """Answer ``qids`` at their prompts, each typed once its prompt is shown."""
    for qid in qids:
        child.expect("› ")
        for line in typed_lines(Q.question(qid), SHORT[qid]):
            child.sendline(line)


def transcript(tmp_path: Path) -> str:
    return (tmp_path / "transcript.txt").read_text(encoding="utf-8")


def stopped(child: pexpect.spawn, tmp_path: Path, sig: int, *, kept: int) -> None:
    """Send ``sig`` now; the interview stops as documented, with the first ``kept`` answers saved."""
    if sig == signal.SIGINT:
        child.sendintr()  # through the terminal, as a person presses Ctrl-C
    else:
        child.kill(sig)
    reason = {signal.SIGINT: "Ctrl-C", signal.SIGTERM: "terminated"}[sig]
    child.expect(re.escape(f"Interview stopped ({reason})."))
    draft = DOCS / "signal-test.draft.yaml"
    child.expect(re.escape(f"Answers so far are saved in {draft}."))
    child.expect(re.escape('To resume, run: mlpdm interview "Signal test"'))
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 128 + sig, transcript(tmp_path)  # 130 for Ctrl-C, 143 for SIGTERM
    assert "Traceback" not in transcript(tmp_path)
    saved = read_answers(tmp_path / draft, Q, partial=True)  # mlpdm's own reader takes it back
    assert saved.answers == {qid: SHORT[qid] for qid in ORDER[:kept]}
    assert not (tmp_path / DOCS / "signal-test.answers.yaml").exists()
    assert not list((tmp_path / DOCS / ".mlpdm").glob("*.lock"))


def resumed_to_the_end(tmp_path: Path, *, kept: int) -> None:
    """Run the interview again: it resumes after the ``kept`` answers and writes the brief."""
    child = spawn(tmp_path)
    child.expect("Resume it\\?")
    child.sendline("")
    if kept < len(ORDER):
        child.expect(re.escape(f"Resuming at question {kept + 1} of"))
    answer(child, ORDER[kept:])
    child.expect(re.escape(REVIEW_PROMPT))
    child.sendline("")
    child.expect("Wrote")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, transcript(tmp_path)
    docs = tmp_path / DOCS
    assert read_answers(docs / "signal-test.answers.yaml", Q).answers == SHORT
    assert brief_is_current(docs / "signal-test.md", docs / "signal-test.answers.yaml")
    assert not (docs / "signal-test.draft.yaml").exists()


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_stopped_at_a_prompt_then_resumed(tmp_path, sig):
    child = spawn(tmp_path)
    answer(child, ORDER[:3])
    child.expect("› ")  # waiting for the fourth answer
    stopped(child, tmp_path, sig, kept=3)
    resumed_to_the_end(tmp_path, kept=3)


def test_ctrl_c_while_a_question_is_drawn_lets_it_finish_then_stops(tmp_path):
    child = spawn(tmp_path, ("mlpdm.terminal.session.step_body", 3, "drawing"))
    answer(child, ORDER[:2])
    child.expect_exact("[paused]")  # halfway through drawing the third question
    stopped(child, tmp_path, signal.SIGINT, kept=2)
    # The question was drawn whole (its last option) before the interview stopped.
    screen = transcript(tmp_path)
    after = screen[screen.index("[paused]") :]
    assert after.index("Mostly our assumption so far") < after.index("Interview stopped")
    resumed_to_the_end(tmp_path, kept=2)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_a_signal_while_the_review_is_drawn_lets_it_finish_then_stops(tmp_path, sig):
    child = spawn(tmp_path, ("mlpdm.terminal.session.review_table", 1, "drawing"))
    answer(child, ORDER)
    child.expect_exact("[paused]")
    stopped(child, tmp_path, sig, kept=len(ORDER))
    screen = transcript(tmp_path)
    after = screen[screen.index("[paused]") :]
    assert "└" in after and after.index("└") < after.index("Interview stopped")  # the table's last line
    resumed_to_the_end(tmp_path, kept=len(ORDER))


def test_ctrl_c_while_an_answer_is_saved_keeps_that_answer(tmp_path):
    # Pressed as the second answer's draft is being written: the write finishes first.
    child = spawn(tmp_path, ("mlpdm.terminal.session.write_answers", 2, "before"))
    answer(child, ORDER[:2])
    child.expect_exact("[paused]")
    stopped(child, tmp_path, signal.SIGINT, kept=2)
    resumed_to_the_end(tmp_path, kept=2)


def test_ctrl_c_at_the_review_prompt(tmp_path):
    child = spawn(tmp_path)
    answer(child, ORDER)
    child.expect(re.escape(REVIEW_PROMPT))
    stopped(child, tmp_path, signal.SIGINT, kept=len(ORDER))
    resumed_to_the_end(tmp_path, kept=len(ORDER))


def test_ctrl_c_while_the_brief_is_rendered(tmp_path):
    # Inside the template's rendering, where a team template's own errors are caught
    # (``except Exception``): the stop is not one of them, and is not reported as one.
    child = spawn(tmp_path, ("mlpdm.core.brief.render._catalogue", 1, "before"))
    answer(child, ORDER)
    child.expect(re.escape(REVIEW_PROMPT))
    child.sendline("")
    child.expect_exact("[paused]")
    stopped(child, tmp_path, signal.SIGINT, kept=len(ORDER))
    resumed_to_the_end(tmp_path, kept=len(ORDER))


def test_ctrl_c_while_the_brief_is_written_finishes_the_files(tmp_path):
    child = spawn(tmp_path, ("mlpdm.terminal.session.write_files", 1, "before"))
    answer(child, ORDER)
    child.expect(re.escape(REVIEW_PROMPT))
    child.sendline("")
    child.expect_exact("[paused]")
    child.sendintr()
    child.expect(re.escape("Interview stopped (Ctrl-C)."))
    docs = tmp_path / DOCS
    # The answers, the brief and the draft's removal belong together: all were done.
    child.expect(re.escape(f"Wrote {DOCS / 'signal-test.answers.yaml'}"))
    child.expect(re.escape(f"Wrote {DOCS / 'signal-test.md'}"))
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130 and "Traceback" not in transcript(tmp_path), transcript(tmp_path)
    assert read_answers(docs / "signal-test.answers.yaml", Q).answers == SHORT
    assert brief_is_current(docs / "signal-test.md", docs / "signal-test.answers.yaml")
    assert not (docs / "signal-test.draft.yaml").exists()
