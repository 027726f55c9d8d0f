"""How a brief on disk differs from what its answers render to now, and in which language it is."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from mlpdm.core.answers.document import DECISION_STATUSES
from mlpdm.core.brief.render import text_digest
from mlpdm.core.decision.engine import VERDICTS
from mlpdm.core.questionnaire.model import SourceFile
from mlpdm.core.text.errors import Problem, UserError
from mlpdm.core.text.languages import LANGUAGES
from mlpdm.core.text.messages import t
from mlpdm.core.text.yamlcore import parse_yaml

BriefState = Literal["current", "missing", "stale", "outdated-render", "edited", "not-generated"]
# Only the rendered bytes decide "current". The digests a brief carries are read only to say
# why it differs, never to pass it: anyone can recompute them.
# The front matter fields mlpdm writes as text (see render.front_matter_data); the last two
# are the digests of briefs from before they were folded into ``digests``.
_TEXT_FIELDS = (
    "title",
    "feature",
    "slug",
    "top_reason",
    "owner",
    "date",
    "review_by",
    "lang",
    "answers_digest",
    "brief_digest",
)


def split_front_matter(text: str) -> tuple[dict[str, Any] | None, str]:
    """The front matter (None when there is none or it is not valid YAML) and the body after it."""
    try:
        front, _, body = parse_front_matter(text, "")
    except UserError:
        return None, text
    return front, body


def parse_front_matter(text: str, path: str) -> tuple[dict[str, Any] | None, SourceFile | None, str]:
    """The front matter with the line of each field, and the body after it.

    None when the text has no front matter block or its YAML is not a mapping; a UserError
    with ``path`` and the line when the block is not valid YAML.
    """
    if not text.startswith("---\n"):
        return None, None, text
    end = text.find("\n---\n", 4)
    if end < 0:
        return None, None, text
    data, source = parse_yaml(text[4:end], path, first_line=2)  # the block starts on line 2
    body = text[end + 5 :].removeprefix("\n")
    return (data, source, body) if isinstance(data, dict) else (None, None, body)


def front_matter_problems(text: str, path: str) -> tuple[Problem, ...]:
    """What is wrong with the front matter of a file that says mlpdm wrote it (nothing if it does not).

    The fields must have the types mlpdm writes: such a brief is reported, not rendered over
    without ``--force`` (someone edited it, and nobody can tell what else they meant).
    """
    try:
        front, source, _ = parse_front_matter(text, path)
    except UserError as error:
        return (error.as_problem(),)
    if front is None or source is None or not is_generated(front):
        return ()
    problems = [
        Problem.of("front_text", source.locate((key,)), key=repr(key))
        for key in _TEXT_FIELDS
        if key in front and not isinstance(front[key], str)
    ]
    for key, known in (("verdict", VERDICTS), ("status", DECISION_STATUSES)):
        value = front.get(key)
        if key in front and (not isinstance(value, str) or value not in known):
            problems.append(
                Problem.of("front_choice", source.locate((key,)), key=repr(key), known=", ".join(known))
            )
    ref = front.get("questionnaire")
    ref_ok = (
        isinstance(ref, Mapping)
        and isinstance(ref.get("id"), str)
        and all(
            isinstance(ref.get(k), int) and not isinstance(ref.get(k), bool) and ref[k] >= 1
            for k in ("version", *(("base_version",) if "base_version" in ref else ()))
        )
    )
    if "questionnaire" in front and not ref_ok:
        problems.append(Problem.of("front_questionnaire", source.locate(("questionnaire",))))
    folded = front.get("digests")
    if "digests" in front and not (
        isinstance(folded, Mapping) and all(isinstance(folded.get(k, ""), str) for k in ("answers", "brief"))
    ):
        problems.append(Problem.of("front_digests", source.locate(("digests",))))
    return tuple(problems)


def digests(front: Mapping[str, Any]) -> tuple[Any, Any]:
    """The answers and body digests a brief records (None for one it lacks).

    ``digests: {answers, brief}``; in a brief rendered before they were folded together,
    ``answers_digest`` and ``brief_digest``.
    """
    folded = front.get("digests")
    if isinstance(folded, Mapping):
        return folded.get("answers"), folded.get("brief")
    return front.get("answers_digest"), front.get("brief_digest")


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
    return front is not None and front.get("generator") == "mlpdm"


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
    answers_digest, brief_digest = digests(front)
    if brief_digest != text_digest(body):
        return Comparison("edited", front)
    fresh_front, _ = split_front_matter(fresh)
    if fresh_front is None or answers_digest != digests(fresh_front)[0]:
        return Comparison("stale", front)
    # Also a brief in an earlier layout of the front matter: its answers did not change, but
    # mlpdm now writes it differently, so it is reported stale and check --fix rewrites it.
    return Comparison("outdated-render", front)
