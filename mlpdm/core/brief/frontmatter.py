"""A brief's YAML front matter: written, parsed, sealed with digests, and never trusted.

The one place that knows the ``---`` block at the top of a brief or portfolio page. What CI
scripts and dashboards read is written here; what `mlpdm check` reads of it only words *why*
a brief differs. Only the rendered bytes make a brief current: anyone can recompute a digest
or write ``generator: mlpdm``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from mlpdm.core.answers.document import DECISION_STATUSES
from mlpdm.core.decision.engine import VERDICTS
from mlpdm.core.questionnaire.model import SourceFile
from mlpdm.core.text.errors import Problem, UserError
from mlpdm.core.text.languages import LANGUAGES
from mlpdm.core.text.markdown import show_bidi
from mlpdm.core.text.messages import t
from mlpdm.core.text.yamlcore import parse_yaml, safe_dump

GENERATOR = "mlpdm"
# How much of a file is read to find its front matter: a block holds the feature's name twice
# and its owner, which no limit keeps short, so this is generous.
HEAD_BYTES = 65536
# The order a person reading the raw file (or its diff) wants: what was decided first, the
# bookkeeping last, with both digests folded into one entry so they change on one line each.
FRONT_MATTER_KEYS = (
    "title",
    "verdict",
    "top_reason",
    "status",
    "owner",
    "date",
    "review_by",
    "questionnaire",
    "feature",
    "slug",
    "lang",
    "generator",
    "digests",
)
# The fields mlpdm writes as text; the last two are the digests of briefs from before they
# were folded into ``digests``.
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


def text_digest(text: str) -> str:
    """A short fingerprint of a text: what seals a brief's body and answers."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class QuestionnaireRef:
    """The questionnaire a brief was rendered with."""

    id: str
    version: int
    base_version: int | None = None


@dataclass(frozen=True)
class FrontMatter:
    """A brief's front matter, typed. Read from a file, a field of the wrong type is None."""

    title: str | None = None
    verdict: str | None = None
    top_reason: str | None = None
    status: str | None = None
    owner: str | None = None
    date: str | None = None
    review_by: str | None = None
    questionnaire: QuestionnaireRef | None = None
    feature: str | None = None
    slug: str | None = None
    lang: str | None = None
    generator: str | None = None
    answers_digest: str | None = None  # the seal: the answers it was rendered from
    body_digest: str | None = None  # and its body

    @property
    def generated(self) -> bool:
        """Whether it says mlpdm wrote the file (a claim: anyone can write it)."""
        return self.generator == GENERATOR

    @property
    def language(self) -> str | None:
        """The language it was rendered in, so it is rendered in it again (None: not known).

        Its ``lang``; for a file from before mlpdm recorded it, the language whose brief or
        index title its ``title`` is.
        """
        if not self.generated:
            return None
        if self.lang in LANGUAGES:
            return self.lang
        for lang in LANGUAGES:
            titles = {t("index.title", lang)}
            if self.feature is not None:
                titles.add(t("brief.title", lang, feature=self.feature))
            if self.title in titles:
                return lang
        return None

    def data(self) -> dict[str, Any]:
        """The fields as written, in the order of FRONT_MATTER_KEYS (None left out)."""
        ref = self.questionnaire
        questionnaire: dict[str, Any] | None = None
        if ref is not None:
            questionnaire = {"id": ref.id, "version": ref.version}
            if ref.base_version is not None:
                questionnaire["base_version"] = ref.base_version
        data = {
            "title": self.title,
            "verdict": self.verdict,
            "top_reason": self.top_reason,
            "status": self.status,
            "owner": self.owner,
            "date": self.date,
            "review_by": self.review_by,
            "questionnaire": questionnaire,
            "feature": self.feature,
            "slug": self.slug,
            "lang": self.lang,
            "generator": self.generator,
            "digests": {"answers": self.answers_digest, "brief": self.body_digest},
        }
        return {k: v for k, v in data.items() if v is not None}

    def text(self) -> str:
        """The YAML block, ``---`` to ``---``."""
        return block(self.data())

    @classmethod
    def of(cls, front: Mapping[str, Any]) -> FrontMatter:
        """The typed record of a parsed block (a field of the wrong type becomes None)."""
        answers, body = _digests(front)
        return cls(
            title=_text(front.get("title")),
            verdict=_text(front.get("verdict")),
            top_reason=_text(front.get("top_reason")),
            status=_text(front.get("status")),
            owner=_text(front.get("owner")),
            date=_text(front.get("date")),
            review_by=_text(front.get("review_by")),
            questionnaire=_questionnaire(front.get("questionnaire")),
            feature=_text(front.get("feature")),
            slug=_text(front.get("slug")),
            lang=_text(front.get("lang")),
            generator=_text(front.get("generator")),
            answers_digest=_text(answers),
            body_digest=_text(body),
        )


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


# -- writing and sealing -----------------------------------------------------------------------


def block(data: Mapping[str, Any]) -> str:
    """A front matter block of ``data``, in its order: the one writer of the ``---`` lines."""
    fields = safe_dump(dict(data), sort_keys=False, allow_unicode=True, default_flow_style=False, width=1000)
    return "---\n" + fields + "---\n"


def seal(context: Mapping[str, Any], body: str) -> FrontMatter:
    """The front matter of a brief rendered from ``context`` with ``body``.

    ``top_reason`` is the id of the rule named as the main reason; ``lang`` the language it is
    rendered in (check renders it in that language again); the digests fingerprint the
    answers it was rendered from and its body. Briefs before this layout had them as
    ``answers_digest`` and ``brief_digest``.
    """
    ref = context["questionnaire"]
    # Bidi controls are shown as in the body, "(U+202E)", so a page title reads as stored.
    feature = show_bidi(context["feature"])
    return FrontMatter(
        title=t("brief.title", context["lang"], feature=feature),
        verdict=context["verdict"]["id"],
        top_reason=context["top_reason"],
        status=context["decision"]["status"],
        owner=show_bidi(context["owner"]),
        date=context["date"],
        review_by=context["review_by"] or None,
        questionnaire=QuestionnaireRef(ref["id"], ref["version"], ref.get("base_version")),
        feature=feature,
        slug=context["slug"],
        lang=context["lang"],
        generator=GENERATOR,
        answers_digest=context["answers_digest"],
        body_digest=text_digest(body),
    )


def index_block(*, briefs: int, lang: str) -> str:
    """The portfolio page's front matter."""
    return block({"title": t("index.title", lang), "briefs": briefs, "lang": lang, "generator": GENERATOR})


# -- parsing -----------------------------------------------------------------------------------


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


def split_front_matter(text: str) -> tuple[dict[str, Any] | None, str]:
    """The front matter (None when there is none or it is not valid YAML) and the body after it."""
    try:
        front, _, body = parse_front_matter(text, "")
    except UserError:
        return None, text
    return front, body


def read(text: str | None) -> tuple[FrontMatter | None, str]:
    """The typed front matter of a file's text (None when it has none) and the body after it."""
    if text is None:
        return None, ""
    front, body = split_front_matter(text)
    return (None if front is None else FrontMatter.of(front)), body


def says_generated(text: str) -> bool:
    """Whether a file's front matter (or the start of it) says mlpdm wrote the file."""
    front, _ = read(text)
    return front is not None and front.generated


def is_feature_brief(text: str) -> bool:
    """Whether a file's front matter says it is a feature's brief mlpdm wrote (it names a slug)."""
    front, _ = split_front_matter(text)
    return front is not None and FrontMatter.of(front).generated and "slug" in front


def recorded_language(text: str | None) -> str | None:
    """The language a brief or index on disk says it was rendered in (None: not known)."""
    front, _ = read(text)
    return None if front is None else front.language


def front_matter_problems(text: str, path: str) -> tuple[Problem, ...]:
    """What is wrong with the front matter of a file that says mlpdm wrote it (nothing if it does not).

    The fields must have the types mlpdm writes: such a brief is reported, not rendered over
    without ``--force`` (someone edited it, and nobody can tell what else they meant).
    """
    try:
        front, source, _ = parse_front_matter(text, path)
    except UserError as error:
        return (error.as_problem(),)
    if front is None or source is None or front.get("generator") != GENERATOR:
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
    if "questionnaire" in front and _questionnaire(front.get("questionnaire")) is None:
        problems.append(Problem.of("front_questionnaire", source.locate(("questionnaire",))))
    folded = front.get("digests")
    if "digests" in front and not (
        isinstance(folded, Mapping) and all(isinstance(folded.get(k, ""), str) for k in ("answers", "brief"))
    ):
        problems.append(Problem.of("front_digests", source.locate(("digests",))))
    return tuple(problems)


def _questionnaire(ref: Any) -> QuestionnaireRef | None:
    """The questionnaire a block names, when it has the shape mlpdm writes."""
    valid = (
        isinstance(ref, Mapping)
        and isinstance(ref.get("id"), str)
        and all(
            isinstance(ref.get(k), int) and not isinstance(ref.get(k), bool) and ref[k] >= 1
            for k in ("version", *(("base_version",) if "base_version" in ref else ()))
        )
    )
    return QuestionnaireRef(ref["id"], ref["version"], ref.get("base_version")) if valid else None


def _digests(front: Mapping[str, Any]) -> tuple[Any, Any]:
    """The answers and body digests a block records (None for one it lacks).

    ``digests: {answers, brief}``; in a brief rendered before they were folded together,
    ``answers_digest`` and ``brief_digest``.
    """
    folded = front.get("digests")
    if isinstance(folded, Mapping):
        return folded.get("answers"), folded.get("brief")
    return front.get("answers_digest"), front.get("brief_digest")


# -- trusting ----------------------------------------------------------------------------------

BriefState = Literal["current", "missing", "stale", "outdated-render", "edited", "not-generated"]


def compare_brief(existing: str | None, fresh: str) -> BriefState:
    """How the brief on disk relates to what its answers render to now.

    - missing: no file; current: identical bytes (the only way to be current);
    - not-generated: the file is not an mlpdm brief (a person's file at that path);
    - edited: its body does not match the digest mlpdm wrote into it (edited by hand);
    - stale: the answers changed since it was rendered;
    - outdated-render: the same answers render differently now: the templates, questionnaire or
      mlpdm changed, or someone edited the brief and recomputed its digests. Either way it is
      not current, and ``check --fix`` renders it again.

    The seal a brief carries is read only to say why it differs, never to pass it.
    """
    if existing is None:
        return "missing"
    if existing == fresh:
        return "current"
    front, body = read(existing)
    if front is None or not front.generated:
        return "not-generated"
    if front.body_digest != text_digest(body):
        return "edited"
    fresh_front, _ = read(fresh)
    if fresh_front is None or front.answers_digest != fresh_front.answers_digest:
        return "stale"
    # Also a brief in an earlier layout of the front matter: its answers did not change, but
    # mlpdm now writes it differently, so it is reported stale and check --fix rewrites it.
    return "outdated-render"
