"""The file system: safe YAML reading with line numbers, atomic writes, the docs directory."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mlpdm.core.encoding import decode_utf8
from mlpdm.core.errors import Location, UserError
from mlpdm.core.questionnaire import SourceFile
from mlpdm.core.yamlcore import SafeDumper, parse_yaml, safe_dump

__all__ = ["parse_yaml"]  # the reader lives in the core (pure, no I/O); re-exported for callers

MAX_YAML_BYTES = 2_000_000  # an answers file or questionnaire larger than this is a mistake
DEFAULT_DOCS_DIR = Path("docs") / "mlpdm"


def read_text(path: Path, *, what: str, shown: str | None = None) -> str:
    """Read a UTF-8 text file, turning every OS problem into a UserError that names the file.

    ``shown`` is the path as messages name it (default: ``path`` as given).
    """
    name = shown or str(path)
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
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError.of(f"no_{what}_file", where=where, path=name) from None
    except IsADirectoryError:
        raise UserError.of("is_a_directory", where=where, path=name) from None
    except PermissionError:
        raise UserError.of("read_denied", where=where, path=name) from None
    except OSError as exc:
        raise UserError.of("cannot_read", where=where, path=name, reason=exc.strerror) from None
    # Universal newlines, as reading in text mode would give.
    return decode_utf8(data, name).replace("\r\n", "\n").replace("\r", "\n")


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


class _BlockDumper(SafeDumper):
    """Writes multi-line strings as ``|`` blocks so hand-editing answers stays pleasant."""


def _str_representer(dumper: SafeDumper, value: str) -> Any:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_BlockDumper.add_representer(str, _str_representer)


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see the old or the new file, never a mix.

    A temporary file in the same directory is written, flushed to disk and renamed over
    the target; on any error the temporary file is removed and the old file is untouched.
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
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise _write_error(path, exc) from None
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
        raise _write_error(path, exc) from None
    except BaseException:  # Ctrl-C or a signal mid-write: leave no temporary file behind
        _discard(tmp)
        raise
    _fsync_directory(directory)


def is_regular(path: Path) -> bool:
    """Whether ``path`` itself (not a link's target) is a regular file."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except (OSError, ValueError):
        return False


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
        raise _write_error(path, exc) from None


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


def _write_error(path: Path, exc: OSError) -> UserError:
    reason = {
        errno.ENOSPC: "the disk is full",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EROFS: "the file system is read-only",
        errno.EDQUOT: "the disk quota is exceeded",
    }.get(exc.errno or 0, exc.strerror or str(exc))  # OS wording; the message around it is translated
    return UserError.of("cannot_write", where=Location(str(path)), path=path, reason=reason)


def iter_answers_files(directory: Path) -> Iterator[Path]:
    """Answers files directly in or below ``directory``, sorted for stable output."""
    yield from sorted(directory.rglob("*.answers.yaml"))
