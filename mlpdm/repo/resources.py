"""The one place that finds the packaged questionnaires and templates."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Iterator, MutableMapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from jinja2 import BaseLoader, ChoiceLoader, DictLoader, Environment, Template, TemplateNotFound
from jinja2.loaders import split_template_path

from mlpdm.core.questionnaire.model import Questionnaire, load_questionnaire
from mlpdm.core.text.encoding import decode_utf8, not_utf8
from mlpdm.core.text.errors import Location, UserError
from mlpdm.repo.cache import cache_dir, cache_key, cached, core_files, recall, remember, template_bytecode
from mlpdm.repo.confine import confined, inside
from mlpdm.repo.files import load_yaml_file, parse_yaml

if TYPE_CHECKING:  # importlib.resources.abc is new in Python 3.11; only the type is needed
    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable

DEFAULT_QUESTIONNAIRE = "default"


def _data_dir(name: str) -> Traversable:
    # A built wheel carries the top-level folders inside the package (see pyproject.toml);
    # an editable install or a plain checkout reads them from the repository itself.
    packaged = resources.files("mlpdm") / "_data" / name
    if packaged.is_dir():
        return packaged
    return cast("Traversable", Path(__file__).resolve().parents[2] / name)


def packaged_questionnaires() -> dict[str, Traversable]:
    """Packaged questionnaire files by id (their file stem)."""
    folder = _data_dir("questionnaires")
    return {
        entry.name.removesuffix(".yaml"): entry
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".yaml")
    }


@lru_cache(maxsize=8)
def load_packaged_questionnaire(qid: str = DEFAULT_QUESTIONNAIRE) -> Questionnaire:
    """Load a questionnaire shipped with mlpdm by id (parsed and validated once per process)."""
    available = packaged_questionnaires()
    if qid not in available:
        raise UserError.of("no_questionnaire", qid=qid, available=", ".join(sorted(available)) or "—")
    entry = available[qid]
    return validated_questionnaire(entry.read_text(encoding="utf-8"), f"questionnaires/{entry.name}")


def validated_questionnaire(text: str, shown: str) -> Questionnaire:
    """Parse and validate a questionnaire, or take the result from the user's cache."""

    def build() -> Questionnaire:
        return load_questionnaire(*parse_yaml(text, shown))

    # Everything that validates a questionnaire lives in mlpdm/core: its source is in the key.
    key = cache_key("questionnaire", shown + "\0" + text, core_files())
    questionnaire = cached("questionnaire", key, build, Questionnaire)
    _precompiled_conditions(questionnaire, key)
    return questionnaire


def _precompiled_conditions(questionnaire: Questionnaire, key: str) -> None:
    """Make the code of a cached questionnaire's conditions ready, from the cache when it has it.

    Generated once for every condition, when the cache has none: a later process evaluates
    them without generating code (over a hundred in a render), whichever it needs.
    """
    import jinja2

    from mlpdm.core.questionnaire import conditions

    kind, key = "conditions", f"{key}-{jinja2.__version__}"
    stored = recall(kind, key)
    if not isinstance(stored, dict):
        if cache_dir() is None:
            return  # nowhere to keep it: each condition is compiled when first evaluated
        stored = conditions.generated_code(_conditions_of(questionnaire))
        remember(kind, key, stored)
    conditions.PRECOMPILED.update(
        (source, entry)
        for source, entry in stored.items()
        if isinstance(source, str) and _is_precompiled(entry)
    )


def _is_precompiled(entry: Any) -> bool:
    """Whether a stored entry has the shape conditions.PRECOMPILED takes."""
    if not (isinstance(entry, tuple) and len(entry) == 3):
        return False
    names, constants, code = entry
    return (
        isinstance(names, frozenset)
        and all(isinstance(n, str) for n in names)
        and isinstance(constants, frozenset)
        and isinstance(code, bytes)
    )


def _conditions_of(questionnaire: Questionnaire) -> Iterator[str]:
    for section in questionnaire.sections:
        yield from (section.when or "", *(q.when or "" for q in section.questions))
    yield from (d.when for d in questionnaire.derived)
    for rule in questionnaire.rules:
        yield from (rule.when, *(tier.when for tier in rule.severity))


def is_path_ref(ref: str) -> bool:
    """Whether a questionnaire reference names a file rather than a shipped id."""
    return ref.endswith((".yaml", ".yml")) or "/" in ref


@lru_cache(maxsize=16)
def load_questionnaire_ref(ref: str, _depth: int = 0) -> Questionnaire:
    """Load a questionnaire from a packaged id or a path to a YAML file (once per process).

    A file with ``extends:`` is applied on top of the questionnaire it names (an id, or a path
    relative to the file).
    """
    if not is_path_ref(ref):
        return load_packaged_questionnaire(ref)
    from mlpdm.core.questionnaire.extend import (  # for a team's file, not the shipped ones
        extend,
        is_extension,
    )

    path = Path(ref)
    data, source = load_yaml_file(path, what="questionnaire")
    if not is_extension(data):
        return load_questionnaire(data, source)
    if _depth >= 5:
        raise UserError.of("extends_too_deep", path=path)
    return extend(load_questionnaire_ref(_base_ref(path, data), _depth + 1), data, source)


def extended_questionnaire(ref: str) -> Questionnaire | None:
    """The questionnaire the team's file ``ref`` extends (None when it extends none)."""
    from mlpdm.core.questionnaire.extend import is_extension

    if not is_path_ref(ref):
        return None
    path = Path(ref)
    data, _ = load_yaml_file(path, what="questionnaire")
    return load_questionnaire_ref(_base_ref(path, data)) if is_extension(data) else None


def _base_ref(path: Path, data: Any) -> str:
    """What a team's file names in ``extends:``, with a path made absolute."""
    base_ref = str(data["extends"])
    if is_path_ref(base_ref):
        # The base a team's file extends stays inside that file's repository.
        from mlpdm.repo.config import find_root

        base = confined(path.parent / base_ref, find_root(path.parent)[0], setting="extends", source=path)
        base_ref = str(base.resolve())
    return base_ref


def questionnaire_for(qid: str, configured: str | None) -> Questionnaire:
    """The questionnaire an answers file names: the team's configured one, else a shipped one."""
    if configured:
        team = load_questionnaire_ref(configured)
        if team.id == qid:
            return team
    available = packaged_questionnaires()
    if qid in available:
        return load_packaged_questionnaire(qid)
    raise UserError.of("no_questionnaire", qid=qid, available=", ".join(sorted(available)))


@lru_cache(maxsize=1)
def template_loader() -> BaseLoader:
    """A loader over the packaged templates, read once per process."""
    folder = _data_dir("templates")
    return _NamedLoader(
        {
            entry.name: entry.read_text(encoding="utf-8")
            for entry in folder.iterdir()
            if entry.name.endswith(".j2")
        }
    )


class _Bytecoded(BaseLoader):
    """A loader whose templates' compiled code is kept in the per-user cache (see mlpdm.repo.cache)."""

    def load(
        self, environment: Environment, name: str, globals: MutableMapping[str, Any] | None = None
    ) -> Template:
        """The template, compiled or taken compiled from the cache."""
        if environment.bytecode_cache is None:
            environment.bytecode_cache = template_bytecode()
        return super().load(environment, name, globals)


class _NamedLoader(_Bytecoded, DictLoader):
    """Packaged templates that keep their file names, so errors can say templates/brief.md.j2:12."""

    # DictLoader annotates its file name as always None; a loader may name one (BaseLoader's contract).
    def get_source(  # type: ignore[override]
        self, environment: Any, template: str
    ) -> tuple[str, str | None, Callable[[], bool]]:
        source, _, uptodate = super().get_source(environment, template)
        return source, f"templates/{template}", uptodate


@lru_cache(maxsize=4)
def template_loader_for(team_folder: Path | None) -> BaseLoader:
    """The team's templates (same file names) in front of the packaged ones."""
    if team_folder is None:
        return template_loader()
    if not team_folder.is_dir():
        raise UserError.of("no_templates_folder", path=team_folder)
    return ChoiceLoader([TeamTemplates(team_folder), template_loader()])


MAX_TEMPLATE_BYTES = 1_000_000  # a template larger than this is not a template


class TeamTemplates(_Bytecoded):
    """A team's templates folder, where only regular files of UTF-8 text are templates.

    The list of templates (which the render digest reads) leaves out everything else: a
    pipe, a device, a socket, a broken link, an image, a Latin-1 file, and a link that leads
    outside the folder (refused by name too, so `{% include %}` cannot reach it). A template
    asked for by name that is one of those is an error naming it. A file is opened only once stat
    says it is a regular file, and without blocking, so a pipe put there since is not waited on.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get_source(self, environment: Any, template: str) -> tuple[str, str | None, Callable[[], bool]]:
        """The template's text, file name and up-to-date check (TemplateNotFound when absent)."""
        path = self.folder.joinpath(*split_template_path(template))
        if path.exists() and not inside(path, self.folder):  # a link to /etc/passwd, say
            raise UserError.of(
                "escapes_repo",
                where=Location(str(path)),
                origin="",
                setting="templates",
                path=path,
                root=self.folder,
            )
        text, mtime = _template_text(path, template)

        def uptodate() -> bool:
            try:
                return path.stat().st_mtime == mtime
            except OSError:
                return False

        return text, str(path), uptodate

    def list_templates(self) -> list[str]:
        """The names of the files that are templates, sorted."""
        found = []
        # Links to folders are not followed: a loop, or a folder outside, stays out.
        for folder, _, names in os.walk(self.folder, followlinks=False):
            for name in names:
                path = Path(folder) / name
                template = path.relative_to(self.folder).as_posix()
                if not inside(path, self.folder):
                    continue  # leads outside the folder: never read
                try:
                    _template_text(path, template)
                except (TemplateNotFound, UserError):
                    continue  # not a template: ignored unless a render asks for it by name
                found.append(template)
        return sorted(found)


def _template_text(path: Path, template: str) -> tuple[str, float]:
    """The text of one team template and its modification time, or why it is none."""
    where = Location(str(path))
    try:
        info = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        if path.is_symlink():
            raise UserError.of("template_dangling", where=where, path=path) from None
        raise TemplateNotFound(template) from None
    except OSError as exc:
        raise UserError.of("cannot_read", where=where, path=path, reason=exc.strerror) from None
    if not stat.S_ISREG(info.st_mode):
        raise UserError.of("template_not_file", where=where, path=path)
    if info.st_size > MAX_TEMPLATE_BYTES:
        raise UserError.of(
            "too_big", where=where, path=path, size=f"{info.st_size:,}", limit=f"{MAX_TEMPLATE_BYTES:,}"
        )
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # replaced since the stat
                raise UserError.of("template_not_file", where=where, path=path)
            data = handle.read(MAX_TEMPLATE_BYTES + 1)
    except PermissionError:
        raise UserError.of("read_denied", where=where, path=path) from None
    except OSError as exc:
        raise UserError.of("cannot_read", where=where, path=path, reason=exc.strerror) from None
    text = decode_utf8(data, str(path))
    if "\0" in text:  # valid UTF-8, but binary
        raise not_utf8(data, data.index(b"\0"), str(path))
    # Line ends as a text-mode read gives them, which is what the render digest has always read.
    return text.replace("\r\n", "\n").replace("\r", "\n"), info.st_mtime
