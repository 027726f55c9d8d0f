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
        size = path.stat().st_size
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


_YAML11_BREAKS = re.compile("[\x85\u2028\u2029]")


class _BlockDumper(yaml.SafeDumper):
    """Writes multi-line strings as ``|`` blocks so hand-editing answers stays pleasant."""


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    if _YAML11_BREAKS.search(value):
        # PyYAML would write NEL, LS or PS as they are, and its reader (YAML 1.1) reads them
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
