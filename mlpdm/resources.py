"""The one place that finds the packaged questionnaires and templates."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import cast

from jinja2 import BaseLoader, DictLoader

from mlpdm.core.errors import UserError
from mlpdm.core.questionnaire import Questionnaire, load_questionnaire
from mlpdm.files import load_yaml_file, parse_yaml

DEFAULT_QUESTIONNAIRE = "default"


def _data_dir(name: str) -> Traversable:
    # A built wheel carries the top-level folders inside the package (see pyproject.toml);
    # an editable install or a plain checkout reads them from the repository itself.
    packaged = resources.files("mlpdm") / "_data" / name
    if packaged.is_dir():
        return packaged
    return cast(Traversable, Path(__file__).resolve().parent.parent / name)


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
        raise UserError(
            f"no questionnaire named {qid!r}",
            hint=f"Available: {', '.join(sorted(available)) or 'none'}. "
            "To use your own file, pass its path (ending in .yaml).",
        )
    entry = available[qid]
    data, source = parse_yaml(entry.read_text(encoding="utf-8"), f"questionnaires/{entry.name}")
    return load_questionnaire(data, source)


def load_questionnaire_ref(ref: str) -> Questionnaire:
    """Load a questionnaire from a packaged id or a path to a YAML file."""
    if ref.endswith((".yaml", ".yml")) or "/" in ref or Path(ref).is_file():
        data, source = load_yaml_file(Path(ref), what="questionnaire")
        return load_questionnaire(data, source)
    return load_packaged_questionnaire(ref)


@lru_cache(maxsize=1)
def template_loader() -> BaseLoader:
    """A loader over the packaged templates, read once per process."""
    folder = _data_dir("templates")
    return DictLoader(
        {
            entry.name: entry.read_text(encoding="utf-8")
            for entry in folder.iterdir()
            if entry.name.endswith(".j2")
        }
    )
