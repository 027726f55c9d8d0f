"""Interrupts lose nothing: signals stop the interview with answers saved; SIGKILL leaves no litter.

Every test here drives the real program in a subprocess (a pseudo-terminal where a person
would press Ctrl-C) and waits on what it prints, never on the clock.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pexpect
import pytest
import yaml

from mlpdm.repo.resources import load_packaged_questionnaire
from mlpdm.repo.workspace import read_answers
from tests.conftest import REPO, brief_is_current, spawn_interview, whole_brief
from tests.keystrokes import SHORT, short_lines, typed_lines

pytestmark = pytest.mark.slow

ANSWERS = yaml.safe_load((REPO / "examples" / "invoice-ocr.answers.yaml").read_text(encoding="utf-8"))[
    "answers"
]


def interview(tmp_path):
    return spawn_interview(tmp_path, "Signal test", "--owner", "Me")


def answer_first(child, count, *, wait_for_prompt=True):
    """Answer the first ``count`` questions; return their ids."""
    q = load_packaged_questionnaire()
    order = [question.id for question in q.question_index.values()][:count]
    for qid in order:
        child.expect("› ")
        for line in typed_lines(q.question(qid), ANSWERS.get(qid)):
            child.sendline(line)
    if wait_for_prompt:
        child.expect("› ")
    return order


def draft_of(tmp_path) -> dict | None:
    path = tmp_path / "docs" / "mlpdm" / "signal-test.draft.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None


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
    assert child.exitstatus == 128 + sig  # the shell's convention: 130 for Ctrl-C
    assert draft_of(tmp_path)["answers"] == {qid: ANSWERS[qid] for qid in asked}
    assert not list((tmp_path / "docs" / "mlpdm" / ".mlpdm").glob("*.lock"))


def test_ctrl_c_at_a_prompt_after_some_answers(tmp_path):
    child = interview(tmp_path)
    typed = answer_first(child, 3)
    child.sendintr()
    child.expect("Interview stopped \\(Ctrl-C\\)")
    child.expect("To resume, run: mlpdm interview")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130 and list(draft_of(tmp_path)["answers"]) == typed


# A real SIGINT delivered to the process at a chosen moment: while a question is drawn, while
# the answer just given is saved, while the brief is rendered, while the files are written.
# Typed at a terminal, Ctrl-C lands at such moments by chance; here every one is hit each run.
def ctrl_c_when(monkeypatch, target: str, *, call: int) -> None:
    """Press Ctrl-C (SIGINT to this process) as the ``call``-th call of ``target`` begins."""
    module, name = target.rsplit(".", 1)
    real = getattr(__import__(module, fromlist=[name]), name)
    calls = [0]

    def pressed(*args, **kwargs):
        calls[0] += 1
        if calls[0] == call:
            os.kill(os.getpid(), signal.SIGINT)
        return real(*args, **kwargs)

    monkeypatch.setattr(target, pressed)


SHORT_INPUT = "\n".join([*short_lines(), ""]) + "\n"


@pytest.mark.parametrize(
    ("target", "call", "kept"),
    [
        ("mlpdm.terminal.session.step_header", 1, 0),  # drawing the first question: nothing to keep yet
        ("mlpdm.terminal.session.step_body", 3, 2),  # drawing the third question
        ("mlpdm.terminal.session.help_panel", 1, 1),  # drawing the help ("?" at the second question)
        ("mlpdm.repo.workspace.atomic_write", 2, 2),  # saving the second answer: it is kept whole
        ("mlpdm.terminal.session.review_table", 1, 10),  # drawing the review screen
        ("mlpdm.core.brief.render.render_brief", 1, 10),  # rendering the brief
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_ctrl_c_stops_the_interview_whatever_it_is_doing(tmp_path, runner, monkeypatch, target, call, kept):
    from mlpdm.cli.app import app

    ctrl_c_when(monkeypatch, target, call=call)
    lines = short_lines()
    lines.insert(2, "?")  # ask why the second question matters before answering it
    result = runner.invoke(
        app,
        ["interview", "Signal test", "--owner", "Me", "--dir", str(tmp_path)],
        input="\n".join([*lines, ""]) + "\n",
    )
    assert result.exit_code == 130, result.output
    assert "Interview stopped (Ctrl-C)." in result.output and "Traceback" not in result.output
    draft = tmp_path / "signal-test.draft.yaml"
    if kept:
        assert "To resume, run: mlpdm interview" in result.output
        assert list(yaml.safe_load(draft.read_text(encoding="utf-8"))["answers"]) == list(SHORT)[:kept]
    else:
        assert "Nothing new was saved yet" in result.output and not draft.exists()
    assert not (tmp_path / "signal-test.answers.yaml").exists()
    assert not list((tmp_path / ".mlpdm").glob("*.lock"))


def test_ctrl_c_while_the_files_are_written_waits_until_they_are_whole(tmp_path, runner, monkeypatch):
    from mlpdm.cli.app import app

    ctrl_c_when(monkeypatch, "mlpdm.terminal.session.write_files", call=1)
    result = runner.invoke(
        app, ["interview", "Signal test", "--owner", "Me", "--dir", str(tmp_path)], input=SHORT_INPUT
    )
    assert result.exit_code == 130, result.output
    assert "Interview stopped (Ctrl-C)." in result.output and "Wrote" in result.output
    q = load_packaged_questionnaire()
    assert read_answers(tmp_path / "signal-test.answers.yaml", q).answers == SHORT
    assert brief_is_current(tmp_path / "signal-test.md", tmp_path / "signal-test.answers.yaml")
    assert not (tmp_path / "signal-test.draft.yaml").exists()


# The program with one hook: when the files start being written it says "[writing]" and goes on
# only once the SIGINT of the Ctrl-C the test then presses has arrived (the signal's wakeup byte
# is read) and mlpdm's own handler has seen it. So the key lands inside the write on every run,
# however loaded the machine, instead of wherever the scheduler puts it.
PAUSED_WHILE_WRITING = textwrap.dedent(
    """
    import os
    import signal

    import mlpdm.terminal.session
    from mlpdm.cli.app import main

    real = mlpdm.terminal.session.write_files


    def write_files(*args, **kwargs):
        read, write = os.pipe()
        os.set_blocking(write, False)
        previous = signal.set_wakeup_fd(write)
        print("[writing]", flush=True)
        os.read(read, 1)  # written by the signal itself: Ctrl-C has been pressed
        signal.set_wakeup_fd(previous)
        os.close(read)
        os.close(write)
        return real(*args, **kwargs)


    mlpdm.terminal.session.write_files = write_files
    main(prog_name="mlpdm")
    """
)


def test_ctrl_c_pressed_while_the_files_are_written_leaves_them_whole(tmp_path):
    child = spawn_interview(tmp_path, "Signal test", "--owner", "Me", code=PAUSED_WHILE_WRITING)
    q = load_packaged_questionnaire()
    for qid, value in SHORT.items():
        child.expect("› ")
        for line in typed_lines(q.question(qid), value):
            child.sendline(line)
    child.expect("press Enter to write the brief")
    child.sendline("")
    child.expect_exact("[writing]")
    child.sendintr()  # through the terminal, as a person presses it
    child.expect(pexpect.EOF)
    child.close()
    out = child.before
    docs = tmp_path / "docs" / "mlpdm"
    assert child.exitstatus == 130 and "Traceback" not in out, out
    # The files were finished first, then the interview stopped, saying what it wrote.
    assert "Interview stopped (Ctrl-C)" in out and "Wrote" in out, out
    assert read_answers(docs / "signal-test.answers.yaml", q).answers == SHORT
    assert brief_is_current(docs / "signal-test.md", docs / "signal-test.answers.yaml")
    assert not (docs / "signal-test.draft.yaml").exists()


def test_without_a_terminal_answers_are_read_line_by_line(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "mlpdm", "interview", "Pipe test"],
        input="\n".join(["Me", *short_lines(), ""]) + "\n",
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
    result = subprocess.run(
        [sys.executable, "-m", "mlpdm", "interview", "Nothing"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode == 2 and "end of input" in result.stdout


# -- SIGKILL ------------------------------------------------------------------------------------

KILLS = 200
WORKERS = 2
# The schema beside the answers is for the team to commit, like the answers themselves.
LEFT_BY_A_PERSON = re.compile(r"\?\? docs/mlpdm/[a-z0-9-]+\.(answers\.yaml|draft\.yaml|md|schema\.json)")

# Starting Python and importing mlpdm takes most of a short run, so 200 runs would take
# minutes. This server imports mlpdm once and forks one process per run: each is a real
# process running the real command line (its own stdin, stdout, signals and files), killed
# from outside with SIGKILL like any other.
FORK_SERVER = textwrap.dedent(
    """
    import io, json, os, sys
    import mlpdm.cli.interview, mlpdm.core.brief.render  # noqa: F401  what every run needs
    import mlpdm.terminal.session  # noqa: F401
    from mlpdm.cli.app import main
    from mlpdm.core.decision.engine import decide
    from mlpdm.core.answers.steps import visible_questions
    from mlpdm.core.brief.render import render_brief
    from mlpdm.repo.resources import load_packaged_questionnaire, template_loader
    from mlpdm.repo.workspace import read_answers
    from pathlib import Path
    # Compiles the questionnaire's conditions and the templates once, before any fork.
    q = load_packaged_questionnaire()
    for example in sorted(Path(sys.argv[1]).glob("*.answers.yaml")):
        doc = read_answers(example, q)
        visible_questions(q, doc.answers)
        render_brief(q, doc, decide(q, doc.answers), lang="en", loader=template_loader())
    for request in sys.stdin:
        job = json.loads(request)
        pid = os.fork()
        if pid == 0:
            os.chdir(job["cwd"])
            stdin = os.open(job["stdin"], os.O_RDONLY)
            out = os.open(job["stdout"], os.O_WRONLY)
            os.dup2(stdin, 0)
            os.dup2(out, 1)
            os.dup2(out, 2)
            sys.stdin = io.TextIOWrapper(io.FileIO(0, closefd=False), encoding="utf-8")
            sys.stdout = io.TextIOWrapper(
                io.FileIO(1, "w", closefd=False), encoding="utf-8", line_buffering=True
            )
            sys.stderr = sys.stdout
            sys.argv = ["mlpdm", *job["argv"]]
            try:
                main()
                code = 0
            except SystemExit as stop:
                code = stop.code if isinstance(stop.code, int) else 1
            sys.stdout.flush()
            os._exit(code)
        print(pid, flush=True)
        sys.stdin.readline()  # "reap": only now may the pid be reused, so a kill never misses
        print(os.waitpid(pid, 0)[1], flush=True)
    """
)


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True).stdout


def what_git_sees(repo: Path) -> list[str]:
    return [line for line in git(repo, "status", "--porcelain", "--untracked-files=all").splitlines() if line]


class Worker:
    """Runs interviews of one feature one after the other, each killed at a random point."""

    def __init__(self, repo: Path, number: int, seed: int) -> None:
        self.repo = repo
        self.name = f"Feature {number}"
        self.slug = f"feature-{number}"
        self.rng = random.Random(seed)
        self.docs = repo / "docs" / "mlpdm"
        self.work = repo.parent / f"worker-{number}"
        self.work.mkdir()
        self.full_length = 0
        self.review_at = 0  # where the review screen starts in the output
        self.server = subprocess.Popen(
            [sys.executable, "-c", FORK_SERVER, str(REPO / "examples")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "NO_COLOR": "1", "COLUMNS": "100"},
        )

    def lines(self) -> list[str]:
        draft = self.docs / f"{self.slug}.draft.yaml"
        if draft.exists():  # "Resume it?" then the questions not answered yet, then the review
            answered = set(yaml.safe_load(draft.read_text(encoding="utf-8"))["answers"])
            return ["y", *short_lines(answered), ""]
        if (self.docs / f"{self.slug}.answers.yaml").exists():  # "Revise them?" then the review
            return ["y", ""]
        return [*short_lines(), ""]

    def run(self, kill_after: int | None) -> bool:
        """One interview; SIGKILL once ``kill_after`` bytes of output were read. True if killed."""
        stdin, stdout = self.work / "stdin", self.work / "stdout"
        stdin.write_text("\n".join(self.lines()) + "\n", encoding="utf-8")
        stdout.unlink(missing_ok=True)
        os.mkfifo(stdout)
        job = {"cwd": str(self.repo), "stdin": str(stdin), "stdout": str(stdout)}
        job["argv"] = ["interview", self.name, "--owner", "Me"]
        self.server.stdin.write(json.dumps(job) + "\n")
        self.server.stdin.flush()
        pid = int(self.server.stdout.readline())
        killed = False
        seen = 0
        text = b""
        with stdout.open("rb", buffering=0) as output:
            while chunk := output.read(4096):
                seen += len(chunk)
                if kill_after is None:
                    text += chunk
                if kill_after is not None and seen >= kill_after:
                    os.kill(pid, signal.SIGKILL)
                    killed = True
                    break
        self.server.stdin.write("reap\n")
        self.server.stdin.flush()
        status = int(self.server.stdout.readline())
        if kill_after is None:
            assert os.waitstatus_to_exitcode(status) == 0, (self.slug, self.lines())
            self.full_length = seen
            self.review_at = text.find(b"Review your answers")
        return killed

    def kill_point(self) -> int:
        """Mostly while questions are answered and drafts saved; a fifth of the time from the
        review on, while the verdict is decided and the answers, the brief and the draft written."""
        if self.rng.random() < 0.8 and self.review_at > 0:
            return self.rng.randrange(1, self.review_at)
        return self.rng.randrange(max(self.review_at, 1), int(self.full_length * 1.02))

    def close(self) -> None:
        self.server.stdin.close()
        self.server.wait(timeout=60)
        self.server.stdout.close()


def kill_at_random(repo: Path, workers: list[Worker]) -> list[str]:
    """SIGKILL runs at random points until KILLS were killed; what git saw meanwhile, if wrong."""
    kills = [0] * len(workers)
    wrong: list[str] = []

    def work(index: int) -> None:
        worker = workers[index]
        while sum(kills) < KILLS and not wrong:
            if worker.run(worker.kill_point()):
                kills[index] += 1
                if kills[index] % 20 == 0:
                    wrong.extend(line for line in what_git_sees(repo) if not LEFT_BY_A_PERSON.fullmatch(line))

    threads = [threading.Thread(target=work, args=(n,)) for n in range(len(workers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(kills) >= KILLS or wrong
    return wrong


def test_sigkill_at_random_points_leaves_nothing_for_git(tmp_path):
    """Killed runs leave no file `git add .` would pick up; the next run clears their leftovers."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    workers = [Worker(repo, n, seed=20261202 + n) for n in range(WORKERS)]
    try:
        for worker in workers:
            worker.run(None)  # a whole interview first: how much it prints, and answers to revise
        assert kill_at_random(repo, workers) == []
        docs = repo / "docs" / "mlpdm"
        q = load_packaged_questionnaire()
        # Whatever a kill interrupted, every file left is whole and readable by mlpdm itself.
        for path in docs.glob("*.yaml"):
            read_answers(path, q, partial=path.name.endswith(".draft.yaml"))
        for path in docs.glob("*.md"):
            assert whole_brief(path.read_text(encoding="utf-8")) is not None, path
        seen = what_git_sees(repo)
        assert seen and all(LEFT_BY_A_PERSON.fullmatch(line) for line in seen), seen
        # The next run on each feature removes the locks and temporary files the kills left.
        for worker in workers:
            worker.run(None)
    finally:
        for worker in workers:
            worker.close()
    assert sorted(p.name for p in (docs / ".mlpdm").iterdir()) == [".gitignore"]
    assert [p.name for p in docs.iterdir() if p.name.startswith(".")] == [".mlpdm"]
    assert sorted(p.name for p in docs.iterdir() if not p.name.startswith(".")) == sorted(
        [*(f"{w.slug}.{kind}" for w in workers for kind in ("answers.yaml", "md")), "default.schema.json"]
    )
