"""Is a brief on disk what its answers render to now? Front matter, digests and the verdict."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from jinja2 import BaseLoader

from mlpdm.core.answers import DECISION_STATUSES, AnswersDoc
from mlpdm.core.decision import VERDICTS, Verdict
from mlpdm.core.errors import Problem, UserError
from mlpdm.core.questionnaire import Questionnaire, SourceFile
from mlpdm.core.render import front_matter_data, header_context, render_digest, text_digest
from mlpdm.core.yamlcore import parse_yaml

BriefState = Literal["current", "missing", "stale", "outdated-render", "edited", "not-generated"]
# The front matter fields mlpdm writes as text (see render.front_matter_data).
_TEXT_FIELDS = (
    "title",
    "feature",
    "slug",
    "top_reason",
    "owner",
    "date",
    "review_by",
    "answers_digest",
    "answers_file_digest",
    "render_digest",
    "brief_digest",
    "file_digest",
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

    The fields must have the types mlpdm writes, so that nothing that reads them later
    (the index, `check`) meets a list where it expects a verdict.
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
    return tuple(problems)


def sealed_front_matter(text: str) -> dict[str, Any] | None:
    """The front matter of an mlpdm brief whose ``file_digest`` matches the whole file, else None.

    Such a brief is, byte for byte, what mlpdm wrote: nothing in its front matter or body was
    changed since, so the front matter's fields can be believed.
    """
    marker = "\nfile_digest: "
    end = text.find("\n---\n\n")
    if not text.startswith("---\n") or end < 0:
        return None
    at = text.rfind(marker, 0, end + 1)
    if at < 0 or text.find("\n", at + 1) != end:  # the seal is the last field
        return None
    if text[at + len(marker) : end] != text_digest(text[: at + 1] + text[end + 1 :]):
        return None
    front, _ = split_front_matter(text)
    return front if is_generated(front) else None


def is_current(
    existing: str,
    questionnaire: Questionnaire,
    doc: AnswersDoc,
    verdict: Verdict,
    *,
    lang: str,
    loader: BaseLoader,
) -> bool:
    """Whether ``existing`` is what ``render_brief`` would write now, without rendering.

    True only when its front matter holds exactly the values these answers, this verdict and
    this render digest give, including the digest of its own body: then the body is the one
    mlpdm rendered from the same answers with the same questionnaire, templates and language.
    Any doubt (a hand edit, a changed template, older front matter) answers False, and the
    caller renders and compares in full. The file digest (the seal) and the answers file's
    digest are left out: an answers file changed only in layout or comments still has a
    current brief.
    """
    front, body = split_front_matter(existing)
    if front is None or "file_digest" not in front:
        return False
    recorded = {k: v for k, v in front.items() if k not in ("file_digest", "answers_file_digest")}
    expected = front_matter_data(
        header_context(questionnaire, doc, verdict, lang),
        body,
        render_digest=render_digest(questionnaire, loader, lang),
    )
    return bool(recorded == expected)


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

    - missing: no file; current: identical bytes;
    - not-generated: the file is not an mlpdm brief (a person's file at that path);
    - edited: its body no longer matches the digest mlpdm wrote into it (edited by hand);
    - stale: the answers changed since it was rendered;
    - outdated-render: same answers, but the templates or questionnaire texts changed.
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
