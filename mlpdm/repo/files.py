"""The file system: safe YAML reading with line numbers, atomic writes, the docs directory."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import secrets
import socket
import stat
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from mlpdm.core.questionnaire.model import SourceFile
from mlpdm.core.text.encoding import decode_utf8
from mlpdm.core.text.errors import Location, UserError
from mlpdm.core.text.yamlcore import SafeDumper, parse_yaml, safe_dump

__all__ = ["parse_yaml"]  # the reader lives in the core (pure, no I/O); re-exported for callers

MAX_YAML_BYTES = 2_000_000  # an answers file or questionnaire larger than this is a mistake
DEFAULT_DOCS_DIR = Path("docs") / "mlpdm"


def read_text(path: Path, *, what: str, shown: str | None = None) -> str:
    """Read a UTF-8 text file, turning every OS problem into a UserError that names the file.

    ``shown`` is the path as messages name it (default: ``path`` as given).
    """
    name = shown or str(path)
    try:
        data = _read_bytes(path, name)
    except FileNotFoundError:
        raise UserError.of(f"no_{what}_file", where=Location(name), path=name) from None
    except NotADirectoryError as exc:  # a file where a folder on the way should be
        raise UserError.of("cannot_read", where=Location(name), path=name, reason=exc.strerror) from None
    return _universal_newlines(decode_utf8(data, name))


def file_state(path: Path) -> str | None:
    """What ``path`` holds now (None when there is nothing), to compare before writing over it.

    Read as ``read_text`` reads (regular files only, the same limit), but bytes that are not
    UTF-8 are kept as lone surrogates instead of refused: any change at all shows.
    """
    try:
        data = _read_bytes(path, str(path))
    except (FileNotFoundError, NotADirectoryError):
        return None
    return _universal_newlines(data.decode("utf-8", "surrogateescape"))


def _read_bytes(path: Path, name: str) -> bytes:
    """The bytes of the regular file ``path``; other OS problems than its absence become UserErrors."""
    where = Location(name)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode):
            # A pipe would block the read forever, a device could be endless.
            raise UserError.of("not_regular_read", where=Location(str(path)), path=path)
        size = info.st_size
        if size > MAX_YAML_BYTES:
            raise UserError.of(
                "too_big", where=where, path=name, size=f"{size:,}", limit=f"{MAX_YAML_BYTES:,}"
            )
        return path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        raise  # nothing there: the callers differ on what that means
    except IsADirectoryError:
        raise UserError.of("is_a_directory", where=where, path=name) from None
    except PermissionError:
        raise UserError.of("read_denied", where=where, path=name) from None
    except OSError as exc:
        raise UserError.of("cannot_read", where=where, path=name, reason=exc.strerror) from None


def _universal_newlines(text: str) -> str:
    # As reading in text mode would give.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_yaml_file(path: Path, *, what: str) -> tuple[Any, SourceFile]:
    """Read and parse a YAML file (see ``parse_yaml``)."""
    return parse_yaml(read_text(path, what=what), str(path))


def dump_yaml(data: Any) -> str:
    """YAML for humans: keys in the given order, Unicode as is, long text as blocks."""
    return safe_dump(
        data,
        Dumper=_BlockDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )


_YAML11_BREAKS = re.compile("[\x85\u2028\u2029]")


class _BlockDumper(SafeDumper):
    """Writes multi-line strings as ``|`` blocks so hand-editing answers stays pleasant."""


def _str_representer(dumper: SafeDumper, value: str) -> Any:
    if _YAML11_BREAKS.search(value):
        # PyYAML would write NEL, LS or PS as they are, and its scanner (YAML 1.1) reads them
        # back as line breaks or folds them into spaces: escaped in double quotes they survive.
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_BlockDumper.add_representer(str, _str_representer)


SCRATCH_DIR = ".mlpdm"  # beside the files mlpdm writes: its locks and temporary files
_SCRATCH_IGNORE = "# mlpdm's locks and temporary files: never committed.\n*\n"
_HOST = hashlib.sha256(socket.gethostname().encode("utf-8", "surrogateescape")).hexdigest()[:8]
_FOREIGN_TMP_AGE = 24 * 3600  # a temporary file of another machine is stale after a day


def scratch_path(directory: Path) -> Path:
    """Where ``scratch_dir`` keeps its files for ``directory`` (without creating it)."""
    return directory / SCRATCH_DIR


def scratch_dir(directory: Path) -> Path:
    """The folder beside ``directory``'s files for locks and temporary files, created on demand.

    It ignores itself in git (a ``.gitignore`` of ``*`` inside, as ``.pytest_cache`` does), so
    what a killed run leaves there is never picked up by ``git add .``; a rename from it into
    ``directory`` stays on the same file system, so it is still atomic. It is made complete
    under a temporary name and renamed into place, so git never sees it without its
    ``.gitignore``, even when a run is killed while making it.
    """
    scratch = scratch_path(directory)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        if not scratch.exists():
            _make_scratch(scratch)
    except (FileExistsError, NotADirectoryError):
        blocked = next((p for p in (directory, *directory.parents, scratch) if _is_non_folder(p)), directory)
        raise UserError.of("not_a_folder", where=Location(str(blocked)), path=blocked) from None
    except OSError as exc:
        raise write_error(directory, exc) from None
    if not stat.S_ISDIR(os.lstat(scratch).st_mode):  # a symbolic link to somewhere else
        raise UserError.of("not_a_folder", where=Location(str(scratch)), path=scratch)
    return scratch


def _make_scratch(scratch: Path) -> None:
    building = scratch.with_name(f"{scratch.name}.{os.getpid()}.{_HOST}.{secrets.token_hex(4)}.tmp")
    building.mkdir()
    try:
        (building / ".gitignore").write_text(_SCRATCH_IGNORE, encoding="utf-8")
        building.rename(scratch)
    except OSError:
        with contextlib.suppress(OSError):
            (building / ".gitignore").unlink()
            building.rmdir()
        if not scratch.is_dir():  # another run made it meanwhile: that is as good
            raise


def sweep_scratch_builds(directory: Path) -> None:
    """Remove half-made scratch folders (see ``_make_scratch``) whose maker is gone."""
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(directory):
            if not entry.name.startswith(f"{SCRATCH_DIR}."):
                continue
            writer = _writer_of(entry.name)
            if writer is not None and entry.is_dir(follow_symlinks=False) and _stale(writer, entry, now):
                with contextlib.suppress(OSError):
                    for inner in os.scandir(entry.path):
                        Path(inner.path).unlink()
                    Path(entry.path).rmdir()


def _is_non_folder(path: Path) -> bool:
    try:
        return not stat.S_ISDIR(path.stat().st_mode)
    except OSError:
        return False


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see the old or the new file, never a mix.

    A temporary file in the scratch folder beside it (see ``scratch_dir``) is written, flushed
    to disk and renamed over the target; on any error the temporary file is removed and the
    old file is untouched. The temporary file's name carries the writer's process id, so one
    left by a killed run is recognised and removed later (``sweep_temporary``).
    """
    directory = path.parent
    # A rename replaces whatever has the name: as root, a device such as /dev/null would
    # become a regular file for every process. Only a regular file (or nothing) is replaced,
    # and never through a symbolic link.
    with contextlib.suppress(FileNotFoundError, NotADirectoryError):  # nothing there yet
        mode = os.lstat(path).st_mode
        if stat.S_ISLNK(mode):
            raise UserError.of("symlink", where=Location(str(path)), path=path)
        if not stat.S_ISREG(mode):
            raise UserError.of("not_regular", where=Location(str(path)), path=path)
    scratch = scratch_dir(directory)
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{path.name}.{os.getpid()}.{_HOST}.", suffix=".tmp", dir=scratch
        )
    except OSError as exc:
        raise write_error(path, exc) from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            tmp.chmod(0o644)  # mkstemp makes 0600; briefs are meant to be shared
        tmp.replace(path)
    except OSError as exc:
        _discard(tmp)
        raise write_error(path, exc) from None
    except BaseException:  # Ctrl-C or a signal mid-write: leave no temporary file behind
        _discard(tmp)
        raise
    _fsync_directory(directory)


def sweep_temporary(scratch: Path) -> None:
    """Remove temporary files whose writer is gone (killed mid-write); never a live one's."""
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(scratch):
            writer = _writer_of(entry.name)
            if writer is None:
                continue
            with contextlib.suppress(OSError):
                if _stale(writer, entry, now) and entry.is_file(follow_symlinks=False):
                    Path(entry.path).unlink()


def _stale(writer: tuple[int, str], entry: os.DirEntry[str], now: float) -> bool:
    pid, host = writer
    if host == _HOST:
        return not process_alive(pid)
    return now - entry.stat(follow_symlinks=False).st_mtime > _FOREIGN_TMP_AGE


def _writer_of(name: str) -> tuple[int, str] | None:
    # ".<name>.<pid>.<host>.<random>.tmp", as atomic_write and scratch_dir name them.
    if not (name.startswith(".") and name.endswith(".tmp")):
        return None
    parts = name.removesuffix(".tmp").rsplit(".", 3)
    if len(parts) != 4 or not parts[1].isdigit():
        return None
    return int(parts[1]), parts[2]


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine (one we may not signal counts)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:  # e.g. an id too large for the platform
        return False
    return True


def write_files(writes: Sequence[tuple[Path, str | None]], *, then: str) -> None:
    """Write (or, for None, remove) several files in order, saying exactly what happened.

    Each write is atomic. When one fails after others succeeded, the error names the files
    already written and those left as they were, and ``then`` (a hint) says what to do;
    when the first fails, nothing was changed and the error says so.
    """
    done: list[Path] = []
    for index, (path, text) in enumerate(writes):
        try:
            if text is None:
                _remove(path)
            else:
                atomic_write(path, text)
        except UserError as error:
            if not done:
                raise
            raise UserError.of(
                "partly_written",
                where=error.where,
                problem=error.msg(),
                written=", ".join(map(str, done)),
                left=", ".join(str(p) for p, _ in writes[index:]),
                then=then,
            ) from None
        done.append(path)


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        raise UserError.of(
            "cannot_remove", where=Location(str(path)), path=path, reason=_reason(exc)
        ) from None


def is_regular(path: Path) -> bool:
    """Whether ``path`` itself (not a link's target) is a regular file."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except (OSError, ValueError):
        return False


def regular_or_absent(path: Path) -> None:
    """Refuse a folder, device, pipe or socket at ``path`` (a link is followed); nothing there is fine.

    For a file that is both read and replaced (the index), refused before either happens.
    """
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        return
    except OSError as exc:
        raise UserError.of("cannot_read", where=Location(str(path)), path=path, reason=exc.strerror) from None
    if not stat.S_ISREG(mode):
        raise UserError.of("not_regular", where=Location(str(path)), path=path)


def is_stream(path: Path) -> bool:
    """Whether ``path`` is a character device or a pipe (such as /dev/null or /dev/stdout)."""
    try:
        mode = path.stat().st_mode
    except (OSError, ValueError):
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def write_output(path: Path, text: str) -> None:
    """Write a file the user named on the command line.

    A character device or pipe (``-o /dev/null``, a FIFO) is written in place: renaming over
    it would replace the device for every process on the machine. Anything else is written
    with ``atomic_write``, which replaces only regular files.
    """
    if not is_stream(path):
        atomic_write(path, text)
        return
    try:
        with path.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except OSError as exc:
        raise write_error(path, exc) from None


def _discard(tmp: Path) -> None:
    with contextlib.suppress(OSError):
        tmp.unlink()


def _fsync_directory(directory: Path) -> None:
    # Makes the rename itself durable; not possible on every platform, so best effort.
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _reason(exc: OSError) -> str:
    return {
        errno.ENOSPC: "the disk is full",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EROFS: "the file system is read-only",
        errno.EDQUOT: "the disk quota is exceeded",
    }.get(exc.errno or 0, exc.strerror or str(exc))  # OS wording; the message around it is translated


def write_error(path: Path, exc: OSError) -> UserError:
    """The one-paragraph error for an OS error while writing ``path``."""
    return UserError.of("cannot_write", where=Location(str(path)), path=path, reason=_reason(exc))


def iter_answers_files(directory: Path) -> Iterator[Path]:
    """Answers files directly in or below ``directory``, sorted for stable output."""
    yield from sorted(directory.rglob("*.answers.yaml"))
