"""The team's configuration: found by walking up to the repo root, each value with its source.

Looked up, nearest first, in ``mlpdm.toml`` (any repo) or ``[tool.mlpdm]`` in
``pyproject.toml``; the repo root is the first folder up from the current one that holds
either of those or ``.git``. Command-line options win over the file, which wins over the
defaults.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mlpdm.core.text.encoding import decode_utf8
from mlpdm.core.text.errors import Location, UserError
from mlpdm.core.text.languages import LANGUAGES
from mlpdm.repo.confine import confined, inside

CONFIG_FILE = "mlpdm.toml"
PYPROJECT = "pyproject.toml"

DEFAULTS: Mapping[str, Any] = {
    "docs_dir": "docs/mlpdm",
    "questionnaire": "default",
    "templates": None,
    "lang": None,
    "review_interval_months": 6,
    "index": "README.md",
}


@dataclass(frozen=True)
class Config:
    """Effective settings, each with where it came from."""

    root: Path
    file: Path | None
    values: Mapping[str, Any]
    sources: Mapping[str, str] = field(default_factory=dict)

    def get(self, key: str) -> Any:
        """A setting's value."""
        return self.values[key]

    @property
    def lang(self) -> str | None:
        """The team's language (None when the configuration names none)."""
        value = self.values.get("lang")
        return str(value) if value else None

    @property
    def docs_dir(self) -> Path:
        """The docs directory, absolute, inside the repository once symbolic links are followed."""
        return self._inside("docs_dir", self.root / self.values["docs_dir"])

    def index_for(self, docs: Path) -> Path:
        """The portfolio page of the docs folder ``docs``: a file inside that folder."""
        return confined(docs / self.values["index"], docs, setting="index", source=self._source("index"))

    @property
    def index_path(self) -> Path:
        """The portfolio page."""
        return self.index_for(self.docs_dir)

    def portfolio_of(self, folder: Path) -> Path:
        """The docs folder whose portfolio page lists the features in ``folder``.

        The configured docs folder when ``folder`` is in it (or below it), as `mlpdm check`
        finds them; else ``folder`` itself, as `mlpdm check FOLDER` would.
        """
        docs = self.docs_dir
        return docs if inside(folder, docs) else folder.resolve()

    def path_setting(self, key: str) -> Path | None:
        """A path setting resolved against the repo root (None when unset), confined to the repo."""
        value = self.values.get(key)
        return None if value is None else self._inside(key, self.root / value)

    def questionnaire_ref(self) -> str:
        """The questionnaire: an id, or a path resolved against the repo root (inside it)."""
        value = str(self.values["questionnaire"])
        if is_path_value(value):
            return str(self._inside("questionnaire", self.root / value))
        return value

    def _inside(self, key: str, path: Path) -> Path:
        # A value typed on the command line is the user's own choice; configured ones are confined.
        if self.sources.get(key) == "command line":
            return path
        return confined(path, self.root, setting=key, source=self._source(key))

    def _source(self, key: str) -> Path | None:
        return self.file if self.sources.get(key) not in (None, "default", "command line") else None

    def with_overrides(self, **overrides: Any) -> Config:
        """Command-line options on top of the file."""
        values = dict(self.values)
        sources = dict(self.sources)
        for key, value in overrides.items():
            if value is not None:
                values[key] = value
                sources[key] = "command line"
        return Config(self.root, self.file, values, sources)


def find_root(start: Path) -> tuple[Path, Path | None]:
    """The repo root and the config file in it (None when there is none)."""
    here = start.resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder, folder / CONFIG_FILE
        pyproject = folder / PYPROJECT
        # A [tool.mlpdm] table spells "mlpdm"; most pyproject.toml files need no parsing at all.
        if (
            pyproject.is_file()
            and _mentions_mlpdm(pyproject)
            and "mlpdm" in _read_toml(pyproject).get("tool", {})
        ):
            return folder, pyproject
        if (folder / ".git").exists():
            return folder, None
    return here, None


def load_config(start: Path | None = None) -> Config:
    """The effective configuration for the folder ``start`` (the current one by default)."""
    root, file = find_root(start or Path.cwd())
    values = dict(DEFAULTS)
    sources = {key: "default" for key in DEFAULTS}
    if file is not None:
        table = _read_toml(file)
        if file.name == PYPROJECT:
            table = table.get("tool", {}).get("mlpdm", {})
        label = f"{file.name}" if file.name == CONFIG_FILE else f"{file.name} [tool.mlpdm]"
        for key, value in _checked(table, file).items():
            values[key] = value
            sources[key] = label
    return Config(root, file, values, sources)


def _mentions_mlpdm(path: Path) -> bool:
    try:
        return b"mlpdm" in path.read_bytes()
    except OSError:
        return True  # let _read_toml report it


def _read_toml(path: Path) -> dict[str, Any]:
    # Imported here: `mlpdm --help` in a folder without configuration never needs it.
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib

    try:
        # Decoded here, not by tomllib: a byte that is not UTF-8 is then reported with its
        # line like any other file problem, and `mlpdm --help` still works.
        return tomllib.loads(decode_utf8(path.read_bytes(), str(path)))
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)
        raise UserError.of("bad_toml", where=Location(str(path), line), path=path, problem=str(exc)) from None
    except OSError as exc:
        raise UserError.of("cannot_read", where=Location(str(path)), path=path, reason=exc.strerror) from None


def _checked(table: Mapping[str, Any], file: Path) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in table.items():
        if key not in DEFAULTS:
            raise UserError.of(
                "unknown_setting",
                where=Location(str(file)),
                path=file,
                key=repr(key),
                known=", ".join(DEFAULTS),
            )
        if key == "review_interval_months":
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 60:
                raise UserError.of("bad_interval", where=Location(str(file)), path=file)
        elif key == "lang":
            if value not in LANGUAGES:
                raise UserError.of(
                    "bad_config_lang", where=Location(str(file)), path=file, known=", ".join(LANGUAGES)
                )
        elif not isinstance(value, str) or not value.strip():
            raise UserError.of("empty_setting", where=Location(str(file)), path=file, key=key)
        elif "\x00" in value:  # every setting left here names a file or folder (or a questionnaire)
            raise UserError.of("nul_in_setting", where=Location(str(file)), path=file, key=key)
        elif key in _PATHS and (key != "questionnaire" or is_path_value(value)) and _leaves(value):
            raise UserError.of("outside_repo", where=Location(str(file)), path=file, key=key)
        elif key == "index" and not value.endswith(".md"):
            # Anything else could name an answers file, the source of truth, or a draft.
            raise UserError.of("index_not_markdown", where=Location(str(file)), path=file, value=value)
        out[key] = value
    return out


_PATHS = ("docs_dir", "templates", "index", "questionnaire")


def is_path_value(value: str) -> bool:
    """Whether a questionnaire setting names a file rather than a shipped id."""
    return value.endswith((".yaml", ".yml")) or "/" in value or "\\" in value


def _leaves(value: str) -> bool:
    path = Path(value)
    return path.is_absolute() or ".." in path.parts or "\0" in value
