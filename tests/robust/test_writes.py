"""Nothing a person wrote is lost: bad bytes refused at the door, one writer per feature, every
write readable by mlpdm itself, hand edits kept, and file-system faults reported in words."""

from __future__ import annotations

import datetime as dt
import errno
import io
import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

import mlpdm.repo.files as files_module
from mlpdm.cli.app import app
from mlpdm.core.answers.coerce import AnswerError, coerce_answer
from mlpdm.core.answers.document import AnswersDoc
from mlpdm.core.brief.render import render_brief
from mlpdm.core.decision.engine import decide
from mlpdm.core.text.errors import UserError
from mlpdm.repo.files import atomic_write, parse_yaml, read_text
from mlpdm.repo.resources import load_packaged_questionnaire, template_loader
from mlpdm.repo.roundtrip import same, update_yaml
from mlpdm.repo.workspace import FeatureFiles, FeatureLock, read_answers, write_answers
from mlpdm.terminal.session import InterviewSession
from tests.conftest import (
    MINI,
    PINNED_ENV,
    REPO,
    brief_is_current,
    build_questionnaire,
    listing,
    whole_brief,
    write,
)
from tests.keystrokes import SHORT, short_lines

EXAMPLE = REPO / "examples" / "invoice-ocr.answers.yaml"
Q = load_packaged_questionnaire()


def mlpdm(*args, cwd: Path, stdin: bytes | None = None, env: dict | None = None):
    """The installed program in a subprocess, as a person or a script runs it."""
    return subprocess.run(
        [sys.executable, "-m", "mlpdm", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        timeout=60,
        env={**os.environ, **PINNED_ENV, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", **(env or {})},
    )


# -- undecodable input is refused where it comes in ------------------------------------------


@pytest.mark.parametrize("locale", ["C.UTF-8", "ja_JP.UTF-8"])  # Python decodes stdin differently
def test_a_latin1_byte_in_a_piped_answer_stops_at_that_line_and_keeps_the_draft(tmp_path, locale):
    lines = [b"Me", *(line.encode() for line in short_lines()[:3]), b"caf\xe9", b""]
    result = mlpdm(
        "--lang",
        "en",
        "interview",
        "Cafe",
        cwd=tmp_path,
        stdin=b"\n".join(lines) + b"\n",
        env={"LC_ALL": locale},
    )
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert "input line 5 was not accepted for the question “Evidence of need”" in err
    assert "expected UTF-8" in err and "Traceback" not in err
    draft = tmp_path / "docs" / "mlpdm" / "cafe.draft.yaml"
    # The draft holds the accepted answers and mlpdm reads it back (it used to hold "caf\uDCE9").
    assert read_answers(draft, Q, partial=True).answers == {k: SHORT[k] for k in ("user_problem", "audience")}
    resumed = mlpdm(
        "interview", "Cafe", cwd=tmp_path, stdin=("\n".join(["y", *short_lines()[3:], ""]) + "\n").encode()
    )
    assert resumed.returncode == 0, resumed.stderr.decode()
    assert (
        read_answers(tmp_path / "docs" / "mlpdm" / "cafe.answers.yaml", Q).answers["need_evidence"]
        == "research"
    )


def test_a_latin1_byte_in_the_feature_name_is_refused_before_anything_is_written(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "mlpdm", "interview", b"caf\xe9"],
        capture_output=True,
        cwd=tmp_path,
        timeout=60,
        stdin=subprocess.DEVNULL,
        env={**os.environ, **PINNED_ENV},
    )
    err = result.stderr.decode()
    assert result.returncode == 2 and "the feature name holds a byte that is not UTF-8" in err
    assert "expected UTF-8" in err and "Traceback" not in err
    assert not (tmp_path / "docs").exists()


def test_a_typed_feature_name_with_a_bad_byte_stops_a_piped_run(tmp_path):
    result = mlpdm("interview", cwd=tmp_path, stdin=b"caf\xe9\n")
    err = result.stderr.decode()
    assert result.returncode == 2 and "input line 1 was not accepted for the feature name" in err
    assert "expected UTF-8" in err


class Typed:
    """A person at a terminal: types the given lines (no ``piped_line``: asked again on errors)."""

    def __init__(self, lines):
        self.lines = list(lines)

    def read_line(self, prompt):
        return self.lines.pop(0)


def mini_session(tmp_path, lines, **kw):
    screen = io.StringIO()
    console = Console(file=screen, width=200, color_system=None, markup=False, emoji=False, highlight=False)
    session = InterviewSession(
        console=console,
        prompter=Typed(lines),
        questionnaire=build_questionnaire(MINI),
        loader=template_loader(),
        directory=tmp_path,
        today=lambda: dt.date(2026, 1, 31),
        **kw,
    )
    return session, screen


def test_at_a_terminal_a_bad_byte_is_explained_and_the_question_asked_again(tmp_path):
    session, screen = mini_session(tmp_path, ["me", "y", "llm", "caf\udce9", "café", ""])
    outcome = session.run("Mini")
    assert "byte 0xE9 (at character 4) is not UTF-8; expected UTF-8 text" in screen.getvalue()
    assert outcome.answers_path is not None
    assert read_answers(outcome.answers_path, build_questionnaire(MINI)).answers["note"] == "café"


# -- piped mode is strict ---------------------------------------------------------------------


def test_a_rejected_piped_line_stops_the_run_instead_of_shifting_the_answers(tmp_path):
    lines = short_lines()
    assert lines[2] == "internal"  # the answer to "Users", after the problem and its empty line
    lines[2] = "everyone"  # not a choice; the old run tried the next line on it, and so on
    result = mlpdm(
        "interview", "Shift", "--owner", "Me", cwd=tmp_path, stdin=("\n".join(lines) + "\n").encode()
    )
    err = result.stderr.decode()
    assert result.returncode == 2
    assert (
        "input line 3 was not accepted for the question “Users”: “everyone” is not one of the choices" in err
    )
    assert "audience" not in err  # the question by its label, never by its id
    assert "saved in docs/mlpdm/shift.draft.yaml" in err
    draft = read_answers(tmp_path / "docs" / "mlpdm" / "shift.draft.yaml", Q, partial=True)
    assert draft.answers == {"user_problem": SHORT["user_problem"]}  # nothing under a wrong question
    assert not (tmp_path / "docs" / "mlpdm" / "shift.answers.yaml").exists()


def test_a_bad_review_number_in_a_pipe_stops_the_run(tmp_path):
    lines = [*short_lines(), "99"]
    result = mlpdm(
        "interview", "Review", "--owner", "Me", cwd=tmp_path, stdin=("\n".join(lines) + "\n").encode()
    )
    err = result.stderr.decode()
    assert result.returncode == 2 and f"input line {len(lines)} was not accepted for the review screen" in err
    assert read_answers(tmp_path / "docs" / "mlpdm" / "review.draft.yaml", Q, partial=True).answers == SHORT


# -- every write reads back --------------------------------------------------------------------

TEXT_QUESTIONS = [q for q in Q.question_index.values() if q.type in ("text", "longtext", "list")]
# Any code point but lone surrogates (refused where they come in), with YAML's and Unicode's
# awkward ones often: line and paragraph separators, NEL, BOM, NUL, quotes and indicators.
ANY_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(exclude_categories=("Cs",)),
        st.sampled_from("\x85\u2028\u2029\ufeff\x00\r\n\t \"'#:-|>&*!%@`{}[],?"),
    ),
    max_size=200,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    feature=ANY_TEXT.filter(lambda text: text.split()),
    owner=ANY_TEXT,
    values=st.lists(st.one_of(ANY_TEXT, st.lists(ANY_TEXT, max_size=4)), min_size=3, max_size=3),
    rationale=ANY_TEXT,
)
def test_drafts_answers_and_briefs_of_any_text_read_back_the_same(
    tmp_path, feature, owner, values, rationale
):
    answers = dict(CLEAN_ANSWERS)
    for question, value in zip(TEXT_QUESTIONS[::7], values, strict=False):
        try:
            stored = coerce_answer(question, value if question.type == "list" else str(value))
        except AnswerError:
            continue
        if stored is not None or not question.required:  # a required question is never left blank
            answers[question.id] = stored
    # As the interview and `decide` store them: names on one line, the rationale trimmed.
    feature, owner, rationale = " ".join(feature.split()), " ".join(owner.split()), rationale.strip()
    meta = {"feature": feature, "slug": "any", "owner": owner, "date": "2026-01-31"}
    decision = {"status": "accepted", "by": owner, "rationale": rationale}
    meta = {k: v for k, v in meta.items() if v}
    doc = AnswersDoc(Q.id, Q.version, meta, answers, {k: v for k, v in decision.items() if v})
    files = FeatureFiles(tmp_path, "any")
    for path, draft in ((files.draft, True), (files.answers, False)):
        write_answers(path, doc, brief_name=files.brief.name, draft=draft)
        back = read_answers(path, Q, partial=draft)
        assert (back.meta, back.answers, back.decision) == (doc.meta, doc.answers, doc.decision)
    source = read_text(files.answers, what="answers")
    verdict = decide(Q, doc.answers)
    atomic_write(files.brief, render_brief(Q, doc, verdict, lang="en", loader=template_loader()))
    assert brief_is_current(files.brief, files.answers)
    front = whole_brief(read_text(files.brief, what="brief"))
    assert front is not None and front["feature"] == feature and (front["owner"] or "") == owner
    # A rewrite that keeps the file's layout reads back exactly too.
    changed = {**doc.to_mapping(), "meta": {**meta, "owner": rationale or "someone"}}
    rewritten = update_yaml(source, changed)
    assert rewritten is not None and same(parse_yaml(rewritten, "x")[0], changed)


CLEAN_ANSWERS = read_answers(EXAMPLE, Q).answers


# -- decide keeps a hand-edited file's comments and layout ------------------------------------

HAND_EDITED = """\
# Our answers: reviewed with legal on 2026-11-21. Keep these comments.
questionnaire:
  id: default
  version: 2
meta:
  feature: Invoice OCR
  slug: invoice-ocr
  owner: Aiko   # accounts payable
  date: '2026-11-20'

answers:
  # Section 1, written by hand
"""


def hand_edited(tmp_path: Path) -> Path:
    body = EXAMPLE.read_text(encoding="utf-8").split("answers:\n", 1)[1]
    body = body.replace("  daily_volume: 300\n", "  daily_volume: 300     # measured in October\n")
    return write(tmp_path / "docs" / "mlpdm" / "invoice-ocr.answers.yaml", HAND_EDITED + body)


def test_decide_keeps_comments_and_layout(tmp_path, runner):
    path = hand_edited(tmp_path)
    before = path.read_text(encoding="utf-8")
    result = runner.invoke(app, ["decide", str(path), "accepted", "--by", "Lead"])
    assert result.exit_code == 0, result.output
    after = path.read_text(encoding="utf-8")
    today = dt.date.today().isoformat()
    block = f"decision:\n  status: accepted\n  by: Lead\n  date: '{today}'\n"
    # Only the decision was added, after meta, and the schema line first; every comment, blank
    # line and value is as it was.
    line = "# yaml-language-server: $schema=./default.schema.json\n"
    assert after.replace(block, "") == line + before
    assert after.index("  date: '2026-11-20'\n") < after.index(block) < after.index("\nanswers:")
    result = runner.invoke(app, ["decide", str(path), "rejected", "--by", "Lead", "-r", "Too costly"])
    assert result.exit_code == 0, result.output
    again = path.read_text(encoding="utf-8")
    assert "# Section 1, written by hand" in again and "# measured in October" in again
    assert (
        again.replace(
            f"decision:\n  status: rejected\n  by: Lead\n  date: '{today}'\n  rationale: Too costly\n", ""
        )
        == line + before
    )
    assert runner.invoke(app, ["check", str(path.parent)]).exit_code == 0


# -- one writer per feature ------------------------------------------------------------------


def test_decide_while_an_interview_of_the_feature_is_open_is_refused(tmp_path, runner):
    docs = tmp_path / "docs" / "mlpdm"
    docs.mkdir(parents=True)
    shutil.copy(EXAMPLE, docs)
    before = (docs / "invoice-ocr.answers.yaml").read_bytes()
    interview = subprocess.Popen(
        [sys.executable, "-m", "mlpdm", "interview", "Invoice OCR"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=tmp_path,
        env={**os.environ, **PINNED_ENV},
    )
    try:
        shown = b""
        while b"Revise them?" not in shown:  # the interview holds the lock and waits for a line
            chunk = interview.stdout.read1(8192)
            assert chunk, shown
            shown += chunk
        result = runner.invoke(
            app, ["decide", str(docs / "invoice-ocr.answers.yaml"), "accepted", "--by", "x"]
        )
        assert result.exit_code == 2
        assert (
            f"`mlpdm interview` is working on this feature (pid {interview.pid} on {socket.gethostname()}"
            in (result.output)
        )
        assert (docs / "invoice-ocr.answers.yaml").read_bytes() == before
        render = runner.invoke(app, ["render", str(docs / "invoice-ocr.answers.yaml")])
        assert render.exit_code == 2 and "is working on this feature" in render.output
    finally:
        interview.stdin.close()
        interview.wait(timeout=60)
        interview.stdout.close()
    result = runner.invoke(app, ["decide", str(docs / "invoice-ocr.answers.yaml"), "accepted", "--by", "x"])
    assert result.exit_code == 0, result.output


class EditsMeanwhile(Typed):
    """Types the lines; before the last one, someone changes the answers file by hand."""

    def __init__(self, lines, path: Path, text: str):
        super().__init__(lines)
        self.path, self.text = path, text

    def read_line(self, prompt):
        if len(self.lines) == 1:
            self.path.write_text(self.text, encoding="utf-8")
        return super().read_line(prompt)


def test_an_interview_does_not_erase_what_changed_on_disk_meanwhile(tmp_path):
    q = build_questionnaire(MINI)
    answers = tmp_path / "mini.answers.yaml"
    session, _ = mini_session(tmp_path, [])
    session.prompter = EditsMeanwhile(["me", "y", "llm", "first", ""], answers, "# someone else's\n")
    with pytest.raises(UserError, match="changed on disk while this interview was running"):
        session.run("Mini")
    assert answers.read_text(encoding="utf-8") == "# someone else's\n"
    assert read_answers(tmp_path / "mini.draft.yaml", q, partial=True).answers["note"] == "first"


def test_a_revised_interview_keeps_the_comments_of_the_answers_file(tmp_path):
    q = build_questionnaire(MINI)
    session, _ = mini_session(tmp_path, ["me", "y", "llm", "first", ""])
    outcome = session.run("Mini")
    path = outcome.answers_path
    text = path.read_text(encoding="utf-8").replace("answers:\n", "answers:  # ours\n")
    path.write_text(text, encoding="utf-8")
    session, _ = mini_session(tmp_path, ["y", "3", "second", ""])  # revise, change answer 3, write
    session.run("Mini")
    after = path.read_text(encoding="utf-8")
    assert "answers:  # ours\n" in after and read_answers(path, q).answers["note"] == "second"


# -- file-system faults: one paragraph, exit 2 -----------------------------------------------


def test_dir_under_a_read_only_folder(tmp_path, runner):
    if os.geteuid() != 0:
        parent = tmp_path / "ro"
        parent.mkdir()
        parent.chmod(0o555)
        try:
            result = runner.invoke(app, ["interview", "X", "--dir", str(parent / "docs")], input="Me\n")
        finally:
            parent.chmod(0o755)
        assert result.exit_code == 2 and "permission denied" in result.output, result.output
        return
    if shutil.which("unshare") is None:
        pytest.skip("as root a folder is writable whatever its mode; needs unshare for a read-only mount")
    mount = tmp_path / "ro"
    mount.mkdir()
    script = (
        f"mount -t tmpfs -o ro,size=1m tmpfs {mount} && "
        f"exec {sys.executable} -m mlpdm interview X --dir {mount}/docs"
    )
    result = subprocess.run(
        ["unshare", "-m", "sh", "-c", script],
        input=b"Me\n",
        capture_output=True,
        timeout=60,
        cwd=tmp_path,
        env={**os.environ, **PINNED_ENV},
    )
    if b"Error:" not in result.stderr:  # unshare or mount refused here: mlpdm never ran
        pytest.skip(f"cannot make a read-only mount here: {result.stderr.decode()[:200]}")
    err = result.stderr.decode()
    assert result.returncode == 2 and "the file system is read-only" in err and "Traceback" not in err, err


def test_the_docs_folder_existing_as_a_file(tmp_path, runner, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "mlpdm.toml", 'docs_dir = "docs/briefs"\n')
    write(tmp_path / "docs" / "briefs", "not a folder\n")
    result = runner.invoke(app, ["interview", "X", "--owner", "Me"], input="")
    assert result.exit_code == 2 and "it exists and is not a folder" in result.output, result.output


def test_a_lock_that_is_a_folder(tmp_path, runner):
    (tmp_path / ".mlpdm" / "x.lock").mkdir(parents=True)
    result = runner.invoke(app, ["interview", "X", "--dir", str(tmp_path), "--owner", "Me"], input="")
    assert result.exit_code == 2 and "x.lock is not a regular file" in result.output, result.output


@pytest.mark.parametrize("command", ["render", "decide"])
@pytest.mark.parametrize("kind", ["scratch", "lock"])
def test_a_scratch_folder_or_lock_that_is_a_link_is_never_followed(tmp_path, runner, command, kind):
    # A committed link at `.mlpdm` or at the lock would take the lock and the temporary files
    # out of the confined docs folder, or truncate the file it points to.
    outside = tmp_path / "outside"
    outside.mkdir()
    victim = write(outside / "victim", "precious\n")
    docs = tmp_path / "docs"
    docs.mkdir()
    answers = Path(shutil.copy(EXAMPLE, docs))
    if kind == "scratch":
        (docs / ".mlpdm").symlink_to(outside)
    else:
        (docs / ".mlpdm").mkdir()
        (docs / ".mlpdm" / "invoice-ocr.lock").symlink_to(victim)
    before = answers.read_bytes()
    args = [str(answers)] if command == "render" else [str(answers), "accepted", "--by", "Aiko"]
    result = runner.invoke(app, [command, *args])
    expected = {"scratch": "it exists and is not a folder", "lock": "invoice-ocr.lock is not a regular file"}
    assert result.exit_code == 2 and expected[kind] in result.output, result.output
    assert victim.read_text(encoding="utf-8") == "precious\n" and list(outside.iterdir()) == [victim]
    assert answers.read_bytes() == before and not (docs / "invoice-ocr.md").exists()


@pytest.mark.parametrize("command", [["index"], ["check"], ["check", "--fix"]])
def test_the_index_path_a_folder(tmp_path, runner, command):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(EXAMPLE, docs)
    (docs / "README.md").mkdir()
    result = runner.invoke(app, [*command, str(docs)])
    if command == ["index"]:  # the page is the command's one job: it cannot be done
        assert result.exit_code == 2 and "README.md is not a regular file" in result.output, result.output
    else:  # one bad file is reported and the rest are still checked (and fixed)
        assert result.exit_code == 1 and "[index-not-regular]" in result.output, result.output
        assert ("[brief-missing]" in result.output) != ("--fix" in command), result.output
    assert (docs / "README.md").is_dir()


def test_a_full_disk_while_taking_the_lock_leaves_no_lock(tmp_path, runner, monkeypatch):
    real_write = os.write

    def full(fd, data):
        if os.readlink(f"/proc/self/fd/{fd}").endswith(".lock"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", full)
    result = runner.invoke(app, ["interview", "X", "--dir", str(tmp_path), "--owner", "Me"], input="")
    assert result.exit_code == 2 and "the disk is full" in result.output, result.output
    assert listing(tmp_path) == []  # and no empty .lock in .mlpdm


def test_a_nul_in_a_configured_path(tmp_path, runner, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "mlpdm.toml", 'docs_dir = "docs/\\u0000x"\n')
    for command in (["check"], ["interview", "X"], ["index"]):
        result = runner.invoke(app, command, input="")
        assert result.exit_code == 2 and "holds a NUL character" in result.output, result.output


def test_a_non_utf8_config_does_not_break_help_and_is_reported(tmp_path):
    (tmp_path / "mlpdm.toml").write_bytes(b'docs_dir = "caf\xe9"\n')
    helped = mlpdm("--help", cwd=tmp_path)
    assert helped.returncode == 0 and b"interview" in helped.stdout
    checked = mlpdm("check", cwd=tmp_path)
    assert checked.returncode == 2 and b"mlpdm.toml:1: not UTF-8 text" in checked.stderr


def fail_writing(monkeypatch, name: str) -> None:
    """The disk fills up just as the file called ``name`` is written."""
    import mlpdm.repo.files

    real = mlpdm.repo.files.atomic_write

    def atomic_write(path, text):
        if path.name == name:
            raise mlpdm.repo.files.write_error(path, OSError(errno.ENOSPC, "No space left on device"))
        return real(path, text)

    monkeypatch.setattr(mlpdm.repo.files, "atomic_write", atomic_write)


def test_decide_says_which_files_it_wrote_when_a_later_write_fails(tmp_path, runner, monkeypatch):
    path = hand_edited(tmp_path)
    fail_writing(monkeypatch, "invoice-ocr.md")
    result = runner.invoke(app, ["decide", str(path), "accepted", "--by", "Lead"])
    assert result.exit_code == 2
    out = " ".join(result.output.split())
    assert "only part of the update was written" in out and "Nothing was changed" not in out
    assert f"Written: {path}" in out and f"Left as they were: {path.with_name('invoice-ocr.md')}" in out
    assert "status: accepted" in path.read_text(encoding="utf-8")


def test_an_interview_says_which_files_it_wrote_when_a_later_write_fails(tmp_path, monkeypatch):
    fail_writing(monkeypatch, "mini.md")
    session, _ = mini_session(tmp_path, ["me", "y", "llm", "", ""])
    with pytest.raises(UserError) as info:
        session.run("Mini")
    message, hint = info.value.text("en")
    assert "Written: " + str(tmp_path / "mini.answers.yaml") in message
    assert "mlpdm render" in hint and (tmp_path / "mini.draft.yaml").exists()


# -- leftovers of killed runs ----------------------------------------------------------------


def test_stale_locks_and_temporary_files_are_removed_on_the_next_run(tmp_path, runner):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(EXAMPLE, docs)
    scratch = docs / ".mlpdm"
    scratch.mkdir()
    (scratch / ".gitignore").write_text("*\n", encoding="utf-8")
    dead = 2**22 + 4321  # above any pid this machine hands out
    host = files_module._HOST
    stale_tmp = scratch / f".invoice-ocr.md.{dead}.{host}.abcd1234.tmp"
    live_tmp = scratch / f".invoice-ocr.md.{os.getpid()}.{host}.abcd1234.tmp"
    for path in (stale_tmp, live_tmp):
        path.write_text("half a brief", encoding="utf-8")
    holder = {"command": "mlpdm interview", "pid": dead, "host": socket.gethostname(), "started": "x"}
    (scratch / "other-feature.lock").write_text(json.dumps(holder), encoding="utf-8")
    result = runner.invoke(app, ["render", str(docs / "invoice-ocr.answers.yaml")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in scratch.iterdir()) == [".gitignore", live_tmp.name]


def test_temporary_files_are_never_in_the_folder_itself(tmp_path, monkeypatch):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    seen: list[Path] = []
    real = Path.replace

    def replace(self, target):
        seen.append(self)
        return real(self, target)

    monkeypatch.setattr(Path, "replace", replace)
    atomic_write(tmp_path / "a.md", "text\n")
    assert seen and all(p.parent == tmp_path / ".mlpdm" for p in seen)
    # The scratch folder ignores itself: `git add .` never picks up what a killed run leaves.
    ignored = subprocess.run(["git", "check-ignore", "-q", str(seen[0])], cwd=tmp_path, check=False)
    assert ignored.returncode == 0


def test_a_second_writer_in_the_same_process_is_refused_too(tmp_path):
    files = FeatureFiles(tmp_path, "x")
    with (
        FeatureLock(files, command="mlpdm render"),
        pytest.raises(UserError, match="`mlpdm render` is working"),
    ):
        FeatureLock(files, command="mlpdm decide").__enter__()
