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

import yaml

from mlpdm.core.errors import Location, UserError
from mlpdm.core.questionnaire import SourceFile

try:  # the C loader is several times faster; fall back to pure Python where it is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_YAML_BYTES = 2_000_000  # an answers file or questionnaire larger than this is a mistake
MAX_YAML_NODES = 200_000  # refuses alias "billion laughs" expansions before building them
MAX_YAML_DEPTH = 64
DEFAULT_DOCS_DIR = Path("docs") / "mlpdm"


def read_text(path: Path, *, what: str) -> str:
    """Read a UTF-8 text file, turning every OS problem into a UserError that names the file."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode):
            # A pipe would block the read forever, a device could be endless.
            raise UserError.of("not_regular_read", where=Location(str(path)), path=path)
        size = info.st_size
        if size > MAX_YAML_BYTES:
            raise UserError.of(
                "too_big", where=Location(str(path)), path=path, size=f"{size:,}", limit=f"{MAX_YAML_BYTES:,}"
            )
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError.of(f"no_{what}_file", where=Location(str(path)), path=path) from None
    except IsADirectoryError:
        raise UserError.of("is_a_directory", where=Location(str(path)), path=path) from None
    except PermissionError:
        raise UserError.of("read_denied", where=Location(str(path)), path=path) from None
    except UnicodeDecodeError as exc:
        raise UserError.of("not_utf8", where=Location(str(path)), path=path, byte=exc.start) from None
    except OSError as exc:
        raise UserError.of("cannot_read", where=Location(str(path)), path=path, reason=exc.strerror) from None


def parse_yaml(text: str, path: str) -> tuple[Any, SourceFile]:
    """Parse YAML with the safe loader only, and record the line of every mapping key and item.

    Raises UserError with file:line on a syntax error, on any tag that would construct a
    Python object, and on documents that are too large or too deeply nested.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, SourceFile(path, {})
        lines: dict[tuple[Any, ...], int] = {}
        _index_lines(node, (), lines, depth=0, budget=[MAX_YAML_NODES])
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or "invalid YAML"
        kind = "yaml_tag" if "constructor" in problem or "tag" in problem else "yaml_syntax"
        raise UserError.of(
            kind, where=Location(path, line), place=f"{path}:{line}" if line else path, problem=problem
        ) from None
    except yaml.YAMLError as exc:
        raise UserError.of("yaml_syntax", where=Location(path), place=path, problem=str(exc)) from None
    except _TooBig as exc:
        raise UserError.of(
            "yaml_too_big", where=Location(path, exc.line), place=f"{path}:{exc.line}", problem=str(exc)
        ) from None
    finally:
        loader.dispose()
    return data, SourceFile(path, lines)


class _TooBig(Exception):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


def _index_lines(
    node: yaml.Node,
    path: tuple[Any, ...],
    lines: dict[tuple[Any, ...], int],
    *,
    depth: int,
    budget: list[int],
) -> None:
    # Walks the node graph counting every visit, so aliases that multiply a subtree count
    # as often as they would be expanded; that is what bounds an alias bomb.
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooBig(
            f"more than {MAX_YAML_NODES:,} YAML nodes (after expanding aliases)", node.start_mark.line + 1
        )
    if depth > MAX_YAML_DEPTH:
        raise _TooBig(f"nested deeper than {MAX_YAML_DEPTH} levels", node.start_mark.line + 1)
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is None:
                continue
            lines.setdefault((*path, key), key_node.start_mark.line + 1)
            _index_lines(value_node, (*path, key), lines, depth=depth + 1, budget=budget)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _index_lines(item, (*path, index), lines, depth=depth + 1, budget=budget)


def load_yaml_file(path: Path, *, what: str) -> tuple[Any, SourceFile]:
    """Read and parse a YAML file (see ``parse_yaml``)."""
    return parse_yaml(read_text(path, what=what), str(path))


def dump_yaml(data: Any) -> str:
    """YAML for humans: keys in the given order, Unicode as is, long text as blocks."""
    return yaml.dump(
        data,
        Dumper=_BlockDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )


class _BlockDumper(yaml.SafeDumper):
    """Writes multi-line strings as ``|`` blocks so hand-editing answers stays pleasant."""


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
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
