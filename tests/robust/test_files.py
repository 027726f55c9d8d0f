"""Files: slugs stay inside, links are not followed, failures leave the old files intact."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
import threading

import pytest

from mlpdm.cli.app import app
from mlpdm.core.text.errors import UserError
from mlpdm.core.text.slug import slugify
from mlpdm.repo.files import atomic_write
from mlpdm.repo.workspace import FeatureFiles, FeatureLock
from tests.conftest import REPO, listing

EXAMPLE = REPO / "examples" / "invoice-ocr.answers.yaml"


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd",
        "/etc/passwd",
        "..",
        ".",
        "a/../../b",
        "C:\\Windows\\system32",
        "con",
        "NUL.txt",
        "a∕b",
        "a⁄b",
        "a／b",
        "．．／．．",
        "\u202e/etc",
        "\x00evil",
        "~/.ssh/id_rsa",
        "$(rm -rf /)",
        "a\nb",
    ],
)
def test_slugs_never_leave_the_docs_directory(tmp_path, name):
    files = FeatureFiles(tmp_path / "docs", slugify(name))
    for path in (files.answers, files.brief, files.draft):
        assert path.resolve().parent == (tmp_path / "docs").resolve()
        assert "/" not in path.name and not path.name.startswith(".")


def test_a_hand_made_slug_that_escapes_is_refused(tmp_path):
    with pytest.raises(UserError, match="cannot be used as a file name"):
        FeatureFiles(tmp_path, "../evil")


def test_a_symlink_at_the_target_is_not_followed(tmp_path, runner):
    outside = tmp_path / "outside.md"
    outside.write_text("precious\n", encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    link = docs / "invoice-ocr.md"
    link.symlink_to(outside)
    result = runner.invoke(app, ["render", str(EXAMPLE), "-o", str(link), "--force"])
    assert result.exit_code == 2 and "symbolic link" in result.output
    assert outside.read_text(encoding="utf-8") == "precious\n" and link.is_symlink()


@pytest.mark.parametrize("force", [[], ["--force"]], ids=["plain", "force"])
def test_a_pipe_or_device_given_as_output_is_written_in_place(tmp_path, runner, force):
    # `-o /dev/null` or a pipe the user names is written into, never renamed over: as root (as in
    # many CI containers) a rename would replace the device with a file for every process.
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text(encoding="utf-8")), daemon=True)
    reader.start()
    result = runner.invoke(app, ["render", str(EXAMPLE), "-o", str(pipe), *force])
    reader.join(timeout=60)
    assert result.exit_code == 0, result.output
    assert received and received[0].startswith("---\n") and "generator: mlpdm" in received[0]
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)
    if os.geteuid() == 0:  # a private null device, so a failure here harms nothing else
        null = tmp_path / "null"
        os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        for command in (["render", str(EXAMPLE)], ["index", str(tmp_path)]):
            result = runner.invoke(app, [*command, "-o", str(null), *force])
            assert result.exit_code == 0, result.output
            assert stat.S_ISCHR(os.lstat(null).st_mode)
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_pipe_or_device_in_the_docs_folder_is_never_opened_nor_replaced(tmp_path, runner):
    # A brief's place holds a pipe: `check --fix` must neither block on it nor rename over it.
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(EXAMPLE, docs)
    brief = docs / "invoice-ocr.md"
    os.mkfifo(brief)
    shutil.copy(REPO / "examples" / "refund-agent.answers.yaml", docs)
    result = runner.invoke(app, ["check", str(docs), "--fix", "--force"])
    assert result.exit_code == 1, result.output
    assert "pipe, device or folder is in the brief's place" in result.output
    assert stat.S_ISFIFO(os.lstat(brief).st_mode)
    assert (docs / "refund-agent.md").is_file()  # the other feature went on


def test_a_folder_at_the_target_is_refused(tmp_path):
    folder = tmp_path / "brief.md"
    folder.mkdir()
    with pytest.raises(UserError, match="not a regular file"):
        atomic_write(folder, "text")
    assert folder.is_dir()


def test_a_full_disk_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "x.md"
    target.write_text("old\n", encoding="utf-8")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(UserError, match="the disk is full") as info:
        atomic_write(target, "new\n" * 1000)
    assert "previous version of the file" in (info.value.hint or "")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert listing(tmp_path) == ["x.md"]


def test_an_unwritable_directory_is_a_clear_error(tmp_path, monkeypatch, runner):
    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    result = runner.invoke(app, ["render", str(EXAMPLE), "-o", str(tmp_path / "x.md")])
    assert result.exit_code == 2 and "permission denied" in result.output and "Traceback" not in result.output


def test_a_read_only_file_system_through_the_interview_keeps_answers(tmp_path, monkeypatch):
    target = tmp_path / "a.yaml"
    target.write_text("kept\n", encoding="utf-8")
    monkeypatch.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(OSError(errno.EROFS, "Read-only")))
    monkeypatch.setattr(
        "pathlib.Path.replace", lambda *a: (_ for _ in ()).throw(OSError(errno.EROFS, "Read-only"))
    )
    with pytest.raises(UserError, match="read-only"):
        atomic_write(target, "new\n")
    assert target.read_text(encoding="utf-8") == "kept\n"
    assert listing(tmp_path) == ["a.yaml"]


def test_two_writers_on_one_feature_are_refused(tmp_path):
    files = FeatureFiles(tmp_path, "invoice-ocr")
    with FeatureLock(files):
        with pytest.raises(UserError) as info, FeatureLock(files, command="mlpdm decide"):
            pass
        assert f"pid {os.getpid()}" in info.value.message
        assert "`mlpdm interview` is working on this feature" in info.value.message
    assert listing(tmp_path) == []


def test_a_lock_file_left_by_a_killed_process_is_taken_over(tmp_path):
    import json
    import socket

    files = FeatureFiles(tmp_path, "invoice-ocr")
    lock = tmp_path / ".mlpdm" / "invoice-ocr.lock"
    lock.parent.mkdir()
    holder = {
        "command": "mlpdm interview",
        "pid": 2**22 + 12345,
        "host": socket.gethostname(),
        "started": "x",
    }
    lock.write_text(json.dumps(holder), encoding="utf-8")
    with FeatureLock(files):
        assert json.loads(lock.read_text(encoding="utf-8"))["pid"] == os.getpid()
    assert not lock.exists()
