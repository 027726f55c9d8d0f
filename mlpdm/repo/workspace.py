"""A feature's files in the docs directory: the answers, the brief and the interview draft."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import json
import os
import socket
import stat
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mlpdm.core.answers.document import AnswersDoc, parse_answers_doc
from mlpdm.core.answers.schema import answers_schema, schema_name, schema_text, with_modeline
from mlpdm.core.brief.frontmatter import GENERATOR, HEAD_BYTES, says_generated
from mlpdm.core.questionnaire.model import Questionnaire
from mlpdm.core.text.errors import Location, UserError
from mlpdm.core.text.slug import is_valid_slug
from mlpdm.repo.files import (
    atomic_write,
    dump_yaml,
    file_state,
    is_regular,
    load_yaml_file,
    process_alive,
    scratch_dir,
    scratch_path,
    sweep_scratch_builds,
    sweep_temporary,
    write_error,
    write_files,
)

ANSWERS_SUFFIX = ".answers.yaml"
DRAFT_SUFFIX = ".draft.yaml"


@dataclass(frozen=True)
class FeatureFiles:
    """Where one feature's files live."""

    directory: Path
    slug: str

    def __post_init__(self) -> None:
        if not is_valid_slug(self.slug):
            raise UserError.of("bad_slug", slug=self.slug)

    @property
    def answers(self) -> Path:
        """The answers file: the single source of truth."""
        return self.directory / f"{self.slug}{ANSWERS_SUFFIX}"

    @property
    def brief(self) -> Path:
        """The rendered brief."""
        return self.directory / f"{self.slug}.md"

    @property
    def draft(self) -> Path:
        """Answers of an unfinished interview, saved after every answer."""
        return self.directory / f"{self.slug}{DRAFT_SUFFIX}"

    @classmethod
    def for_answers(cls, path: Path, slug: str) -> FeatureFiles:
        """The files that belong with an answers file."""
        return cls(path.parent, slug)

    @classmethod
    def named_by(cls, answers: Path) -> FeatureFiles:
        """The files that belong with an answers file, by its name (a UserError if that is no slug)."""
        return cls(answers.parent, cls.slug_of(answers))

    @staticmethod
    def slug_of(answers: Path) -> str:
        """The slug an answers file's name gives (``<slug>.answers.yaml``), valid or not."""
        return answers.name.removesuffix(ANSWERS_SUFFIX)


def answers_text(doc: AnswersDoc, *, brief_name: str, draft: bool = False) -> str:
    """The answers file as written to disk: a short header comment, then plain YAML.

    An answers file's first line points editors at the schema kept beside it (see
    ``keep_schema``); a draft has no such line, since nobody is meant to edit it.
    """
    if draft:
        header = (
            "# mlpdm: an unfinished interview, saved after every answer.\n"
            "# Resume it with `mlpdm interview` and the same feature name.\n"
        )
    else:
        header = (
            f"# mlpdm answers: the source of truth for {brief_name}.\n"
            "# Edit the answers here, then run `mlpdm render` on this file to update the brief.\n"
        )
    text = header + dump_yaml(doc.to_mapping())
    return text if draft else with_modeline(text, doc.questionnaire_id)


def keep_schema(directory: Path, questionnaire: Questionnaire, lang: str) -> UserError | None:
    """Write ``questionnaire``'s schema into ``directory`` unless it is current there already.

    Called once the feature's own files are written: the schema only helps editors, so a
    failure here is returned for a warning (`mlpdm check` reports it, `check --fix` writes
    it), never raised. Whatever is in its place and is not a regular file (a link, a folder)
    is left alone.
    """
    path = directory / schema_name(questionnaire.id)
    text = schema_text(answers_schema(questionnaire, lang))
    if os.path.lexists(path) and not is_regular(path):
        return None
    try:
        if file_state(path) != text:
            atomic_write(path, text)
    except UserError as error:
        return error
    return None


def read_answers(path: Path, questionnaire: Questionnaire, *, partial: bool = False) -> AnswersDoc:
    """Load and validate an answers file (a draft may lack required answers)."""
    data, source = load_yaml_file(path, what="answers")
    return parse_answers_doc(data, questionnaire, source, partial=partial)


def write_answers(path: Path, doc: AnswersDoc, *, brief_name: str, draft: bool = False) -> None:
    """Write an answers file atomically."""
    atomic_write(path, answers_text(doc, brief_name=brief_name, draft=draft))


def is_generated_brief(path: Path) -> bool:
    """Whether ``path`` is missing or holds output mlpdm wrote (so it may be replaced).

    A Markdown brief says ``generator: mlpdm`` in its front matter, as `mlpdm check` reads it,
    a JSON one has a ``"generator": "mlpdm"`` key; anything else is treated as a person's file.
    """
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return False  # a device, pipe or folder: never opened (a pipe would block) nor replaced
        with path.open("rb") as handle:
            data = handle.read(HEAD_BYTES)
    except (FileNotFoundError, NotADirectoryError):
        return True
    except OSError as exc:
        raise UserError.of("cannot_read", where=Location(str(path)), path=path, reason=exc.strerror) from None
    # A byte that is not UTF-8 does not make it a person's file: reading it says what is wrong.
    head = data.decode("utf-8", errors="replace")
    return says_generated(head) or (head.lstrip().startswith("{") and f'"generator": "{GENERATOR}"' in head)


class FeatureLock:
    """One writer per feature: every command that writes a feature's files holds this lock.

    The lock is an advisory ``flock`` on ``<scratch>/<slug>.lock`` (see files.scratch_dir), so
    the system releases it when its holder ends in any way, SIGKILL included; the file names
    the holder (command, process, machine, start) for the message a second writer gets.
    Taking a lock also removes what killed runs left in the scratch folder: lock files nobody
    holds and temporary files whose writer is gone.
    """

    def __init__(self, files: FeatureFiles, *, command: str = "mlpdm interview") -> None:
        self.files = files
        self.command = command
        self.path = scratch_path(files.directory) / f"{files.slug}.lock"
        self._fd: int | None = None

    def __enter__(self) -> FeatureLock:
        scratch = scratch_dir(self.files.directory)
        for _ in range(_LOCK_ATTEMPTS):
            fd = self._open()
            try:
                if _try_flock(fd) and _same_file(fd, self.path):
                    break
            except OSError:  # no locks on this file system (some network mounts)
                os.close(fd)
                raise UserError.of("lock_failed", where=Location(str(self.path)), lock=self.path) from None
            os.close(fd)
            holder = self._holder()
            if holder is not None and not _gone(holder):
                raise UserError.of(
                    "lock_held",
                    where=Location(str(self.path)),
                    lock=self.path,
                    command=str(holder["command"]),
                    pid=str(holder["pid"]),
                    host=str(holder["host"]),
                    started=str(holder["started"]),
                )
            # The holder is just writing its name, or another run's sweep holds a stale lock
            # for a moment: try again shortly.
            time.sleep(_LOCK_PAUSE)
        else:
            raise UserError.of("lock_failed", where=Location(str(self.path)), lock=self.path)
        self._fd = fd
        try:
            self._write_holder(fd)
        except BaseException:
            self._release()
            raise
        sweep_temporary(scratch)
        sweep_scratch_builds(self.files.directory)
        _sweep_locks(scratch, keep=self.path)
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._release()

    def _open(self) -> int:
        try:
            mode = os.lstat(self.path).st_mode
        except FileNotFoundError:
            mode = None
        except OSError as exc:
            raise write_error(self.path, exc) from None
        if mode is not None and not stat.S_ISREG(mode):
            raise UserError.of("lock_not_file", where=Location(str(self.path)), lock=self.path)
        try:
            return os.open(self.path, os.O_RDWR | os.O_CREAT | _NOFOLLOW, 0o644)
        except OSError as exc:
            raise write_error(self.path, exc) from None

    def _write_holder(self, fd: int) -> None:
        holder = {
            "command": self.command,
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "started": dt.datetime.now().isoformat(timespec="seconds"),
        }
        data = json.dumps(holder, ensure_ascii=False).encode("utf-8", "surrogateescape")
        try:
            os.ftruncate(fd, 0)
            if os.write(fd, data) != len(data):
                raise OSError(errno.ENOSPC, "short write")
        except OSError as exc:
            raise write_error(self.path, exc) from None

    def _holder(self) -> dict[str, Any] | None:
        """Who holds the lock, once the holder has written it (None before that)."""
        try:  # read as every file is: a pipe put there is refused, never opened
            data = json.loads(file_state(self.path) or "")
        except ValueError:
            return None
        if not isinstance(data, dict) or not {"command", "pid", "host", "started"} <= set(data):
            return None
        return data

    def _release(self) -> None:
        if self._fd is None:
            return
        # Removed while still held: a process that opened the old file finds it gone (see
        # _same_file) instead of taking a lock on a file nobody else can see.
        with contextlib.suppress(OSError):
            if _same_file(self._fd, self.path):
                self.path.unlink()
        with contextlib.suppress(OSError):
            os.close(self._fd)
        self._fd = None


_LOCK_ATTEMPTS = 50
_LOCK_PAUSE = 0.01
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _try_flock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as exc:
        if exc.errno in (errno.EAGAIN, errno.EACCES):
            return False
        raise
    return True


def _same_file(fd: int, path: Path) -> bool:
    try:
        mine, there = os.fstat(fd), os.lstat(path)
    except OSError:
        return False
    return (mine.st_dev, mine.st_ino) == (there.st_dev, there.st_ino)


def _sweep_locks(scratch: Path, *, keep: Path) -> None:
    """Remove lock files of other features whose holder is gone (nobody holds their flock)."""
    with contextlib.suppress(OSError):
        for entry in os.scandir(scratch):
            if not entry.name.endswith(".lock") or entry.path == str(keep):
                continue
            with contextlib.suppress(OSError):
                if not entry.is_file(follow_symlinks=False):
                    continue
                fd = os.open(entry.path, os.O_RDWR | _NOFOLLOW)
                try:
                    if _try_flock(fd) and _same_file(fd, Path(entry.path)):
                        Path(entry.path).unlink()
                finally:
                    os.close(fd)


def _gone(holder: dict[str, Any]) -> bool:
    """Whether the process a lock file names has ended (only knowable on this machine)."""
    pid = holder.get("pid")
    return holder.get("host") == socket.gethostname() and isinstance(pid, int) and not process_alive(pid)


# -- writers that refuse to overwrite what changed under them -----------------------------------


def ensure_unchanged(path: Path, seen: str | None, *, key: str = "changed_on_disk", **params: Any) -> None:
    """Refuse to write over ``path`` when it no longer holds what this command read from it."""
    if file_state(path) != seen:
        raise UserError.of(key, where=Location(str(path)), path=path, **params)


def locked_write(
    files: FeatureFiles,
    command: str,
    writes: list[tuple[Path, str | None]],
    *,
    seen: Mapping[Path, str | None],
    then: str,
) -> None:
    """Under the feature's lock, check that nothing in ``seen`` changed, then write ``writes``."""
    with FeatureLock(files, command=command):
        for path, text in seen.items():
            ensure_unchanged(path, text)
        write_files(writes, then=then)
