"""How a brief on disk differs from what its answers render to now, and in which language it is."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

import yaml

from mlpdm.core.messages import t
from mlpdm.core.render import text_digest
from mlpdm.core.text import LANGUAGES

# The C build of the safe loader when PyYAML has one (it reads the same YAML, faster).
_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

BriefState = Literal["current", "missing", "stale", "outdated-render", "edited", "not-generated"]
# Only the rendered bytes decide "current". The digests a brief carries are read only to say
# why it differs, never to pass it: anyone can recompute them.


def split_front_matter(text: str) -> tuple[dict[str, Any] | None, str]:
    """The front matter (None when there is none or it is not YAML) and the body after it."""
    if not text.startswith("---\n"):
        return None, text
    end = text.find("\n---\n", 4)
    if end < 0:
        return None, text
    try:
        data = yaml.load(text[4:end], Loader=_SAFE_LOADER)
    except yaml.YAMLError:
        return None, text
    body = text[end + 5 :]
    return (data if isinstance(data, dict) else None), body.removeprefix("\n")


def brief_language(existing: str | None, default: str) -> str:
    """The language a brief or index on disk was rendered in, so it is rendered in it again.

    Its front matter's ``lang``; for a file from before mlpdm recorded it, the language whose
    brief or index title its ``title`` is; else ``default`` (the repository's configured language).
    """
    front, _ = split_front_matter(existing) if existing else (None, "")
    if not is_generated(front):
        return default
    assert front is not None
    if front.get("lang") in LANGUAGES:
        return str(front["lang"])
    feature = front.get("feature")
    for lang in LANGUAGES:
        titles = {t("index.title", lang)}
        if isinstance(feature, str):
            titles.add(t("brief.title", lang, feature=feature))
        if front.get("title") in titles:
            return lang
    return default


def is_generated(front: Mapping[str, Any] | None) -> bool:
    """Whether front matter says mlpdm wrote the file."""
    return bool(front) and front.get("generator") == "mlpdm"


@dataclass(frozen=True)
class Comparison:
    """How a brief on disk relates to a fresh rendering of its answers."""

    state: BriefState
    front: Mapping[str, Any] | None = None


def compare_brief(existing: str | None, fresh: str) -> Comparison:
    """Compare the brief on disk with what the answers render to now.

    - missing: no file; current: identical bytes (the only way to be current);
    - not-generated: the file is not an mlpdm brief (a person's file at that path);
    - edited: its body does not match the digest mlpdm wrote into it (edited by hand);
    - stale: the answers changed since it was rendered;
    - outdated-render: the same answers render differently now: the templates, questionnaire or
      mlpdm changed, or someone edited the brief and recomputed its digests. Either way it is
      not current, and ``check --fix`` renders it again.
    """
    if existing is None:
        return Comparison("missing")
    if existing == fresh:
        front, _ = split_front_matter(existing)
        return Comparison("current", front)
    front, body = split_front_matter(existing)
    if not is_generated(front):
        return Comparison("not-generated", front)
    assert front is not None
    if front.get("brief_digest") != text_digest(body):
        return Comparison("edited", front)
    fresh_front, _ = split_front_matter(fresh)
    if fresh_front is None or front.get("answers_digest") != fresh_front.get("answers_digest"):
        return Comparison("stale", front)
    return Comparison("outdated-render", front)
