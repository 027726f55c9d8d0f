"""A per-user cache of validated questionnaires and verified briefs, keyed by content.

Parsing and validating the default questionnaire (YAML, pydantic models, every condition)
costs about 80 ms on every start, for a file that changes only with mlpdm itself. The cache
keeps the validated object, keyed by everything the result depends on: the questionnaire's
text, mlpdm's version and the source of the modules that validate it, and the versions of
Python, pydantic and PyYAML. A changed key is a miss, never a stale hit.

The entries are pickles, so they are read only from a folder that belongs to the user and
that nobody else may write (the checks Jinja2's bytecode cache makes), and only files the
user owns. Anything unusual (no home, a read-only disk, a corrupt or foreign file) is a
miss: the questionnaire is validated as if there were no cache. MLPDM_CACHE_DIR moves the
folder; MLPDM_NO_CACHE=1 turns the cache off.

`mlpdm check` keeps here the digest of each brief it rendered, under a key of everything the
rendering depends on (answers text, questionnaire, templates, wording, language, mlpdm's code):
a brief whose bytes have that digest is what those inputs give, without rendering again. The
cache lives outside the repository, so nothing a pull request commits can vouch for a brief.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from jinja2.bccache import Bucket, BytecodeCache

T = TypeVar("T")
FORMAT = 1  # bump when what is stored changes shape


def cache_dir() -> Path | None:
    """The cache folder for this user, or None when caching is off or there is no home."""
    if os.environ.get("MLPDM_NO_CACHE", "") not in ("", "0"):
        return None
    configured = os.environ.get("MLPDM_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME")
    if base:
        return Path(base) / "mlpdm"
    try:
        return Path.home() / ".cache" / "mlpdm"
    except RuntimeError:  # no home directory can be found
        return None


def cache_key(kind: str, text: str, code: Iterable[Path]) -> str:
    """A key for ``text`` as understood by the modules in ``code``, on this Python."""
    import pydantic
    import yaml

    from mlpdm import __version__

    digest = hashlib.sha256()
    for part in (str(FORMAT), kind, __version__, sys.version, pydantic.VERSION, yaml.__version__, text):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    for path in code:
        with contextlib.suppress(OSError):
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def cached(kind: str, key: str, build: Callable[[], T], expected: type) -> T:
    """The value stored under ``key``, or ``build()``'s, stored for next time."""
    value = recall(kind, key)
    if isinstance(value, expected):
        return value  # type: ignore[return-value]
    value = build()  # a UserError from validation passes through and nothing is stored
    remember(kind, key, value)
    return value


def recall(kind: str, key: str) -> Any:
    """What was stored under ``key``, or None (no cache, a miss, anything unusual)."""
    folder = cache_dir()
    return None if folder is None else _read(folder, folder / f"{kind}-{key}.pickle")


def remember(kind: str, key: str, value: Any) -> None:
    """Store ``value`` under ``key`` when there is a private cache folder; else do nothing."""
    folder = cache_dir()
    if folder is not None:
        _write(folder, folder / f"{kind}-{key}.pickle", value)


class TemplateBytecode(BytecodeCache):
    """Jinja2's compiled templates in the cache folder, read and written like the pickles.

    A file's name is a digest of the template's name and text and of everything that
    compiles it, so a template edited, an upgrade or another Python is a miss, never a
    stale hit.
    """

    def __init__(self, salt: str) -> None:
        self.salt = salt

    def _path(self, folder: Path, bucket: Bucket) -> Path:
        digest = hashlib.sha256(f"{self.salt}\0{bucket.key}\0{bucket.checksum}".encode()).hexdigest()[:32]
        return folder / f"template-{digest}.bytecode"

    def load_bytecode(self, bucket: Bucket) -> None:
        """Fill ``bucket`` from the cache, if the cache has it (Jinja2 checks it again)."""
        folder = cache_dir()
        data = None if folder is None else _read_bytes(folder, self._path(folder, bucket))
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Store the code just compiled; a cache that cannot be written is only slower."""
        folder = cache_dir()
        if folder is not None:
            _write_bytes(folder, self._path(folder, bucket), bucket.bytecode_to_string())


@lru_cache(maxsize=1)
def template_bytecode() -> TemplateBytecode:
    """The bytecode cache for templates, salted with what turns a template into code."""
    import jinja2

    from mlpdm import __version__

    return TemplateBytecode(cache_key("templates", f"{__version__}\0{jinja2.__version__}", core_files()))


def code_files() -> list[Path]:
    """The modules of mlpdm itself: a key that covers them is a miss after any change to the code."""
    return sorted(Path(__file__).parents[1].rglob("*.py"))


@lru_cache(maxsize=1)
def core_files() -> tuple[Path, ...]:
    """The core's modules, in every sub-package: what parses questionnaires and runs templates."""
    return tuple(sorted((Path(__file__).parents[1] / "core").rglob("*.py")))


def _private(folder: Path) -> bool:
    # Ours, and writable by nobody else: otherwise someone could plant a pickle there.
    try:
        info = folder.stat()
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode) or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return False
    return not hasattr(os, "getuid") or info.st_uid == os.getuid()


def _read(folder: Path, path: Path) -> Any:
    data = _read_bytes(folder, path)
    if data is None:
        return None
    try:
        return pickle.loads(data)
    except Exception:  # truncated, from another version: all just a miss
        return None


def _read_bytes(folder: Path, path: Path) -> bytes | None:
    if not _private(folder):
        return None
    try:
        with path.open("rb") as handle:
            info = os.fstat(handle.fileno())
            if hasattr(os, "getuid") and info.st_uid != os.getuid():
                return None
            if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
                return None
            return handle.read()
    except OSError:  # missing or unreadable: a miss
        return None


def _write(folder: Path, path: Path, value: Any) -> None:
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return
    _write_bytes(folder, path, data)


def _write_bytes(folder: Path, path: Path, data: bytes) -> None:
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(folder):
            return
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=path.suffix)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            Path(tmp).replace(path)  # atomic: a reader sees the old file or the whole new one
        except BaseException:
            with contextlib.suppress(OSError):
                Path(tmp).unlink()
            raise
    except OSError:
        return  # a cache that cannot be written is only slower
