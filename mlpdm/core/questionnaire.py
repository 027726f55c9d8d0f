"""The questionnaire model (sections, questions, derived values, rules) and its validation."""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Literal, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_validator,
)

from mlpdm.core.conditions import BUILTIN_NAMES, Condition, ConditionError, compile_condition
from mlpdm.core.errors import Location, Problem, UserError
from mlpdm.core.markdown import LINK_SCHEMES, is_allowed_link
from mlpdm.core.text import LANGUAGES, pick

ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
QuestionType = Literal["text", "longtext", "yesno", "choice", "multi", "number", "list"]
Outcome = Literal["blocker", "not-needed", "prerequisite", "condition", "note"]
OUTCOMES: tuple[str, ...] = ("blocker", "not-needed", "prerequisite", "condition", "note")
UNSURE = "unsure"
YESNO_VALUES: tuple[str, ...] = ("yes", "no")

# Jinja names that would shadow a question id in a condition.
_RESERVED = frozenset({"and", "or", "not", "in", "is", "if", "else", "loop", *BUILTIN_NAMES})


def _check_id(value: str) -> str:
    if not ID_PATTERN.match(value) or keyword.iskeyword(value) or value in _RESERVED:
        raise ValueError(
            f"{value!r} is not a usable id: use lower-case letters, digits and '_', "
            "starting with a letter, and not a Python or Jinja keyword"
        )
    return value


def _check_text(value: dict[str, str]) -> dict[str, str]:
    unknown = sorted(set(value) - set(LANGUAGES))
    if unknown:
        raise ValueError(f"unknown language(s) {unknown}; use {list(LANGUAGES)}")
    if not (value.get("en") or "").strip():
        raise ValueError("an English text ('en') is required")
    return value


class _Model(BaseModel):
    # Frozen declarations; a typo in a key is an error, not silently ignored.
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False, defer_build=True)


Text = dict[str, str]


class ChecklistItem(_Model):
    """A point of the checklist (the talk's T1..T17 in the default questionnaire)."""

    id: str
    title: Text
    summary: Text

    _text = field_validator("title", "summary")(_check_text)


class Source(_Model):
    """A public reference that questions and rules cite."""

    id: str
    title: str
    url: str


class GlossaryEntry(_Model):
    """A term explained in plain words."""

    term: Text
    definition: Text

    _text = field_validator("term", "definition")(_check_text)


class Choice(_Model):
    """One option of a choice or multi question."""

    value: str
    label: Text
    exclusive: bool = False  # for multi: cannot be combined with other options ("none")

    _text = field_validator("label")(_check_text)

    @field_validator("value")
    @classmethod
    def _value(cls, value: str) -> str:
        # Values appear in conditions as string literals, so 'none' or 'no' are fine here.
        if not re.match(r"^[a-z0-9][a-z0-9_]*$", value):
            raise ValueError(f"{value!r} is not a usable choice value: use lower-case letters, digits, '_'")
        return value


class Question(_Model):
    """One question of the interview."""

    id: str
    type: QuestionType
    prompt: Text
    short: Text | None = None  # label for tables and the review screen
    help: Text  # "why this matters", in plain words
    example: Text | None = None
    points: tuple[str, ...] = Field(min_length=1)
    sources: tuple[str, ...] = ()
    choices: tuple[Choice, ...] = ()
    unsure: bool = False  # offer "not sure"; rules treat it as the riskier answer
    required: bool = True
    default: Any = None
    min: float | None = None
    max: float | None = None
    integer: bool = False
    at_most: str | None = None  # number questions: may not exceed the answer to this earlier question
    # Whether changing this answer is a design choice the team can make. Facts of the
    # situation and goals (the cost of an error, the launch bar) are not levers: "what would
    # change the verdict" never suggests lowering a bar or wishing the risk away.
    lever: bool = True
    # What a blank optional answer means: "unknown" makes it an open question in the brief;
    # "not_applicable" (e.g. "if you have pilot results") does not.
    blank_means: Literal["unknown", "not_applicable"] = "unknown"
    # Versions of this questionnaire in which the question was added and last changed in a way
    # that needs a new answer; `mlpdm check` and `interview --update` use them.
    since: int = Field(default=1, ge=1)
    changed: int | None = Field(default=None, ge=1)
    origin: Literal["own", "base"] = "own"  # set when a team questionnaire extends another
    when: str | None = None

    _id = field_validator("id")(_check_id)
    _text = field_validator("prompt", "help")(_check_text)

    @field_validator("short", "example")
    @classmethod
    def _optional_text(cls, value: Text | None) -> Text | None:
        return None if value is None else _check_text(value)

    @model_validator(mode="after")
    def _consistent(self) -> Question:
        if self.type in ("choice", "multi") and len(self.choices) < 2:
            raise ValueError(f"a {self.type} question needs at least two choices")
        if self.type not in ("choice", "multi") and self.choices:
            raise ValueError(f"a {self.type} question takes no choices")
        values = [c.value for c in self.choices]
        if len(values) != len(set(values)):
            raise ValueError("choice values must be unique")
        if UNSURE in values:
            raise ValueError(f"use 'unsure: true' instead of a choice named {UNSURE!r}")
        if self.unsure and self.type not in ("choice", "yesno"):
            raise ValueError("'unsure' is offered only on yesno and choice questions")
        if self.type != "number" and (
            self.min is not None or self.max is not None or self.integer or self.at_most is not None
        ):
            raise ValueError("min, max, integer and at_most apply to number questions only")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError("min is greater than max")
        if any(c.exclusive for c in self.choices) and self.type != "multi":
            raise ValueError("'exclusive' applies to multi questions only")
        return self

    def allowed_values(self) -> tuple[str, ...]:
        """The stored values a yesno or choice question accepts (with "unsure" if offered)."""
        base = YESNO_VALUES if self.type == "yesno" else tuple(c.value for c in self.choices)
        return (*base, UNSURE) if self.unsure else base

    def choice(self, value: str) -> Choice | None:
        """The choice with this value, if any."""
        return next((c for c in self.choices if c.value == value), None)

    def label(self, lang: str) -> str:
        """The short label for tables (the prompt when no short label is given)."""
        return pick(self.short or self.prompt, lang)


class Section(_Model):
    """A group of questions asked together."""

    id: str
    title: Text
    intro: Text | None = None
    when: str | None = None
    questions: tuple[Question, ...] = Field(min_length=1)

    _id = field_validator("id")(_check_id)
    _text = field_validator("title")(_check_text)


class Derived(_Model):
    """A named value computed from answers (e.g. ``llm``), usable in conditions and rules."""

    id: str
    when: str
    description: str = ""
    # False for gates such as "the ML design is reviewed at all": true for every finding,
    # so naming the answers behind it as a reason would only add noise.
    in_reasons: bool = True

    _id = field_validator("id")(_check_id)


class ReviewRule(_Model):
    """Review a brief sooner when a condition holds (e.g. an unpinned LLM model)."""

    when: str
    months: int = Field(ge=1, le=60)
    reason: Text

    _text = field_validator("reason")(_check_text)


class Tier(_Model):
    """One step of a rule's severity: when this also holds, the finding has this outcome."""

    when: str
    outcome: Outcome


class Rule(_Model):
    """A decision rule: when its condition holds, it adds a finding with an outcome.

    The outcome scales with the stakes: the first ``severity`` tier whose condition holds
    sets it; when none does (or there are none), ``outcome`` applies.
    """

    id: str
    outcome: Outcome
    when: str
    severity: tuple[Tier, ...] = ()
    title: Text
    message: Text
    action: Text  # what to do: the mitigation, the way to lift it, or what to build instead
    points: tuple[str, ...] = Field(min_length=1)
    sources: tuple[str, ...] = ()

    _text = field_validator("title", "message", "action")(_check_text)

    @field_validator("id")
    @classmethod
    def _rule_id(cls, value: str) -> str:
        if not re.match(r"^[a-z][a-z0-9-]*$", value):
            raise ValueError(f"{value!r} is not a usable rule id: use lower-case letters, digits, '-'")
        return value


class Questionnaire(_Model):
    """A whole questionnaire: checklist, sections of questions, derived values and rules."""

    id: str
    version: int = Field(ge=1)
    title: Text
    description: Text
    languages: tuple[str, ...] = ("en",)
    checklist: tuple[ChecklistItem, ...] = Field(min_length=1)
    sources: tuple[Source, ...] = ()
    glossary: tuple[GlossaryEntry, ...] = ()
    sections: tuple[Section, ...] = Field(min_length=1)
    derived: tuple[Derived, ...] = ()
    rules: tuple[Rule, ...] = ()
    review_sooner: tuple[ReviewRule, ...] = ()
    base_id: str | None = None  # set when this questionnaire extends another
    base_version: int | None = None
    # Where each condition's text was written, so a condition failing while it runs names
    # its file and line (set by load_questionnaire and extend).
    _places: dict[str, Location] = PrivateAttr(default_factory=dict)

    @field_validator("id")
    @classmethod
    def _qid(cls, value: str) -> str:
        if not re.match(r"^[a-z][a-z0-9-]*$", value):
            raise ValueError(f"{value!r} is not a usable questionnaire id")
        return value

    @field_validator("languages")
    @classmethod
    def _langs(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = sorted(set(value) - set(LANGUAGES))
        if unknown or "en" not in value:
            raise ValueError(f"languages must include 'en' and be among {list(LANGUAGES)}")
        return value

    # -- lookups ---------------------------------------------------------------------------
    def questions(self) -> Iterator[tuple[Section, Question]]:
        """Every question with its section, in interview order."""
        for section in self.sections:
            for question in section.questions:
                yield section, question

    @cached_property
    def question_index(self) -> Mapping[str, Question]:
        """Questions by id."""
        return {q.id: q for _, q in self.questions()}

    @cached_property
    def order(self) -> Mapping[str, int]:
        """Position of each question in interview order."""
        return {q.id: i for i, (_, q) in enumerate(self.questions())}

    @cached_property
    def derived_index(self) -> Mapping[str, Derived]:
        """Derived values by id."""
        return {d.id: d for d in self.derived}

    @cached_property
    def rule_index(self) -> Mapping[str, Rule]:
        """Rules by id."""
        return {r.id: r for r in self.rules}

    @cached_property
    def checklist_index(self) -> Mapping[str, ChecklistItem]:
        """Checklist items by id."""
        return {c.id: c for c in self.checklist}

    @cached_property
    def source_index(self) -> Mapping[str, Source]:
        """Sources by id."""
        return {s.id: s for s in self.sources}

    def place_of(self, condition: str) -> Location | None:
        """Where the condition ``condition`` was written, when known."""
        return self._places.get(condition)

    def question(self, qid: str) -> Question:
        """The question with this id (KeyError if none)."""
        return self.question_index[qid]

    def terms_for(self, question: Question, lang: str) -> tuple[GlossaryEntry, ...]:
        """Glossary entries whose term appears in the question's prompt, help or choices."""
        text = " ".join(
            [pick(question.prompt, lang), pick(question.help, lang)]
            + [pick(c.label, lang) for c in question.choices]
        ).lower()
        found = []
        for entry in self.glossary:
            names = re.split(r"[/()]", pick(entry.term, lang))
            if any(_mentions(text, name.strip().lower()) for name in names if name.strip()):
                found.append(entry)
        return tuple(found)

    def underlying_questions(self, names: frozenset[str], *, reasons_only: bool = False) -> tuple[str, ...]:
        """Question ids behind ``names``, following derived values, in interview order.

        With ``reasons_only``, derived values marked ``in_reasons: false`` are not followed.
        """
        seen: set[str] = set()
        stack = list(names)
        found: set[str] = set()
        while stack:
            name = stack.pop()
            if name in seen:
                continue
            seen.add(name)
            if name in self.question_index:
                found.add(name)
            elif name in self.derived_index:
                derived = self.derived_index[name]
                if derived.in_reasons or not reasons_only:
                    stack.extend(compile_condition(derived.when).names)
        return tuple(sorted(found, key=self.order.__getitem__))


def _mentions(text: str, term: str) -> bool:
    # Word boundaries for Latin text; plain containment for scripts without spaces.
    if term.isascii():
        return re.search(rf"(?<![a-z]){re.escape(term)}(?![a-z])", text) is not None
    return term in text


# -- loading -----------------------------------------------------------------------------------

LineMap = Mapping[tuple[Any, ...], int]


@dataclass(frozen=True)
class SourceFile:
    """Where a mapping came from, for error locations: a path and the line of each node."""

    path: str
    lines: LineMap

    def locate(self, loc: tuple[Any, ...]) -> Location:
        """The line of ``loc`` or of its nearest parent that has one."""
        key = tuple(loc)
        while key and key not in self.lines:
            key = key[:-1]
        return Location(self.path, self.lines.get(key))


def load_questionnaire(data: Any, source: SourceFile) -> Questionnaire:
    """Build and fully validate a questionnaire; raise UserError listing every problem."""
    if not isinstance(data, Mapping):
        raise UserError(
            f"{source.path} is not a questionnaire: expected a mapping at the top level",
            where=Location(source.path, 1),
            hint="A questionnaire starts with keys such as 'id:', 'version:' and 'sections:'.",
        )
    model = validated(Questionnaire, data, source)
    problems = tuple(check_questionnaire(model, source))
    if problems:
        raise _invalid(source.path, problems)
    for loc, expr in _conditions(model):
        model._places.setdefault(expr, source.locate(loc))
    return model


def _conditions(model: Questionnaire) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Every condition with where it sits in the file."""
    for si, section in enumerate(model.sections):
        if section.when:
            yield ("sections", si, "when"), section.when
        for qi, question in enumerate(section.questions):
            if question.when:
                yield ("sections", si, "questions", qi, "when"), question.when
    for di, derived in enumerate(model.derived):
        yield ("derived", di, "when"), derived.when
    for ri, rule in enumerate(model.rules):
        yield ("rules", ri, "when"), rule.when
        for ti, tier in enumerate(rule.severity):
            yield ("rules", ri, "severity", ti, "when"), tier.when
    for i, review in enumerate(model.review_sooner):
        yield ("review_sooner", i, "when"), review.when


def _meaningful(errors: list[Any]) -> list[Any]:
    # pydantic also reports "too short" for a list whose items failed; that is noise.
    def shadowed(err: Any) -> bool:
        loc = err["loc"]
        return err["type"] == "too_short" and any(
            o is not err and o["loc"][: len(loc)] == loc for o in errors
        )

    return [err for err in errors if not shadowed(err)]


ModelT = TypeVar("ModelT", bound=BaseModel)


def validated(model: type[ModelT], data: Any, source: SourceFile) -> ModelT:
    """``model`` built from ``data``; pydantic's errors become one UserError with file:line."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = tuple(
            Problem(_pydantic_message(err), source.locate(err["loc"])) for err in _meaningful(exc.errors())
        )
        raise _invalid(source.path, problems) from None


def _invalid(path: str, problems: tuple[Problem, ...]) -> UserError:
    count = len(problems)
    return UserError(
        f"{path} is not a valid questionnaire ({count} problem{'s' if count != 1 else ''})",
        hint="Fix each problem listed, then run `mlpdm questionnaire validate` again.",
        problems=problems,
    )


def _pydantic_message(err: Mapping[str, Any]) -> str:
    path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in err["loc"]).lstrip(".")
    msg = str(err["msg"]).removeprefix("Value error, ")
    given = err.get("input")
    if err["type"] in ("literal_error", "enum", "int_parsing", "string_type", "bool_parsing") and isinstance(
        given, str | int | float
    ):
        msg += f" (got {given!r})"
    return f"{path}: {msg}" if path else msg


def check_questionnaire(model: Questionnaire, source: SourceFile) -> Iterator[Problem]:
    """Cross-checks pydantic cannot express: ids, references, conditions, languages."""
    yield from _check_unique_ids(model, source)
    yield from _check_references(model, source)
    yield from _check_conditions(model, source)
    yield from _check_defaults(model, source)
    yield from _check_at_most(model, source)
    yield from _check_languages(model, source)
    for index, entry in enumerate(model.sources):
        problem = link_problem(entry.url, source.locate(("sources", index, "url")))
        if problem:
            yield problem


def link_problem(url: object, where: Location) -> Problem | None:
    """A source URL a brief could not link to (javascript:, data:, ...), or None when it can."""
    if not isinstance(url, str) or is_allowed_link(url):
        return None
    return Problem.of("unsafe_link", where, url=repr(url), allowed=", ".join(LINK_SCHEMES))


def _check_unique_ids(model: Questionnaire, source: SourceFile) -> Iterator[Problem]:
    seen: dict[str, str] = {}
    places: list[tuple[str, str, tuple[Any, ...]]] = []
    for si, section in enumerate(model.sections):
        places.append((section.id, "section", ("sections", si, "id")))
        for qi, question in enumerate(section.questions):
            places.append((question.id, "question", ("sections", si, "questions", qi, "id")))
    for di, derived in enumerate(model.derived):
        places.append((derived.id, "derived value", ("derived", di, "id")))
    for ident, kind, loc in places:
        if kind == "section":
            continue  # section ids live in their own namespace
        if ident in seen:
            yield Problem(f"{kind} id {ident!r} is already used by a {seen[ident]}", source.locate(loc))
        seen[ident] = kind
    for group, items in (("sections", model.sections), ("rules", model.rules)):
        ids: set[str] = set()
        for i, item in enumerate(items):
            if item.id in ids:
                yield Problem(f"duplicate id {item.id!r} in {group}", source.locate((group, i, "id")))
            ids.add(item.id)


def _check_references(model: Questionnaire, source: SourceFile) -> Iterator[Problem]:
    points = model.checklist_index
    sources = model.source_index
    owners: list[tuple[tuple[str, ...], tuple[str, ...], tuple[Any, ...]]] = []
    for si, qi, question in _indexed_questions(model):
        owners.append((question.points, question.sources, ("sections", si, "questions", qi)))
    for ri, rule in enumerate(model.rules):
        owners.append((rule.points, rule.sources, ("rules", ri)))
    for owner_points, owner_sources, loc in owners:
        for p in owner_points:
            if p not in points:
                yield Problem(f"unknown checklist point {p!r}", source.locate((*loc, "points")))
        for s in owner_sources:
            if s not in sources:
                yield Problem(f"unknown source {s!r}", source.locate((*loc, "sources")))


def _indexed_questions(model: Questionnaire) -> Iterator[tuple[int, int, Question]]:
    for si, section in enumerate(model.sections):
        for qi, question in enumerate(section.questions):
            yield si, qi, question


def _compile(expr: str, loc: tuple[Any, ...], source: SourceFile) -> tuple[Condition | None, Problem | None]:
    try:
        return compile_condition(expr), None
    except ConditionError as exc:
        return None, Problem(str(exc), source.locate(loc), exc.msg)


def _check_conditions(model: Questionnaire, source: SourceFile) -> Iterator[Problem]:
    problems: list[Problem] = []
    derived_pos = _derived_positions(model, source, problems)
    yield from problems
    order = model.order

    def known(name: str) -> int | None:
        return order.get(name, derived_pos.get(name))

    first_of_section = 0
    for si, section in enumerate(model.sections):
        if section.when:
            yield from _check_gate(section.when, ("sections", si, "when"), first_of_section, known, source)
        for qi, question in enumerate(section.questions):
            if question.when:
                loc = ("sections", si, "questions", qi, "when")
                yield from _check_gate(question.when, loc, order[question.id], known, source)
        first_of_section += len(section.questions)
    late = [(("rules", ri, "when"), f"rule {rule.id!r}", rule.when) for ri, rule in enumerate(model.rules)]
    late += [
        (("rules", ri, "severity", ti, "when"), f"rule {rule.id!r} severity", tier.when)
        for ri, rule in enumerate(model.rules)
        for ti, tier in enumerate(rule.severity)
    ]
    late += [(("review_sooner", i, "when"), "review rule", r.when) for i, r in enumerate(model.review_sooner)]
    for loc, what, expr in late:
        cond, problem = _compile(expr, loc, source)
        for name in sorted(cond.names if cond else ()):
            if known(name) is None:
                yield Problem(
                    f"{what} uses {name!r}, which is not a question or derived value", source.locate(loc)
                )
        if problem:
            yield problem


def _derived_positions(model: Questionnaire, source: SourceFile, problems: list[Problem]) -> dict[str, int]:
    """Each derived value's "position": the latest question it depends on.

    A derived value may use questions and earlier derived values, and a `when` may only
    use it after every question it depends on has been asked.
    """
    order = model.order
    positions: dict[str, int] = {}
    for di, derived in enumerate(model.derived):
        loc = ("derived", di, "when")
        cond, problem = _compile(derived.when, loc, source)
        if problem:
            problems.append(problem)
            continue
        latest = -1
        for name in sorted(cond.names if cond else ()):
            pos = order.get(name, positions.get(name))
            if pos is None:
                problems.append(
                    Problem(
                        f"derived value {derived.id!r} uses {name!r}, which is neither a question "
                        "nor an earlier derived value",
                        source.locate(loc),
                    )
                )
            else:
                latest = max(latest, pos)
        positions[derived.id] = latest
    return positions


def _check_gate(
    expr: str, loc: tuple[Any, ...], position: int, known: Any, source: SourceFile
) -> Iterator[Problem]:
    cond, problem = _compile(expr, loc, source)
    if problem:
        yield problem
        return
    assert cond is not None
    for name in sorted(cond.names):
        pos = known(name)
        if pos is None:
            yield Problem(
                f"condition uses {name!r}, which is not a question or derived value", source.locate(loc)
            )
        elif pos >= position:
            yield Problem(
                f"condition uses {name!r}, which is not answered yet at this point "
                "(a condition may only use earlier questions)",
                source.locate(loc),
            )


def _check_at_most(model: Questionnaire, source: SourceFile) -> Iterator[Problem]:
    for si, qi, question in _indexed_questions(model):
        if question.at_most is None:
            continue
        other = model.question_index.get(question.at_most)
        loc = source.locate(("sections", si, "questions", qi, "at_most"))
        if other is None or other.type != "number":
            yield Problem(f"at_most of {question.id!r} must name a number question", loc)
        elif model.order[other.id] >= model.order[question.id]:
            yield Problem(f"at_most of {question.id!r} must name an earlier question", loc)


def _check_defaults(model: Questionnaire, source: SourceFile) -> Iterator[Problem]:
    # Imported here: answers.py depends on this module for the model types.
    from mlpdm.core.answers import AnswerError, coerce_answer

    for si, qi, question in _indexed_questions(model):
        if question.default is None:
            continue
        try:
            coerce_answer(question, question.default)
        except AnswerError as exc:
            yield Problem(
                f"default of {question.id!r} is not a valid answer: {exc.message}",
                source.locate(("sections", si, "questions", qi, "default")),
            )


def _check_languages(model: Questionnaire, source: SourceFile) -> Iterator[Problem]:
    wanted = set(model.languages)
    if wanted == {"en"}:
        return
    for loc, text in _texts(model):
        missing = sorted(wanted - {k for k, v in text.items() if v and v.strip()})
        if missing:
            yield Problem(f"text has no {', '.join(missing)} translation", source.locate(loc))


def translated_languages(model: Questionnaire) -> tuple[str, ...]:
    """The supported languages in which every user-facing text of ``model`` exists."""
    texts = [text for _, text in _texts(model)]
    return tuple(
        lang
        for lang in LANGUAGES
        if lang == "en" or all((text.get(lang) or "").strip() for text in texts if text)
    )


def _texts(model: Questionnaire) -> Iterator[tuple[tuple[Any, ...], Text]]:
    """Every user-facing text with its location, for the translation check."""
    yield ("title",), model.title
    yield ("description",), model.description
    for i, item in enumerate(model.checklist):
        yield ("checklist", i, "title"), item.title
        yield ("checklist", i, "summary"), item.summary
    for i, entry in enumerate(model.glossary):
        yield ("glossary", i, "term"), entry.term
        yield ("glossary", i, "definition"), entry.definition
    for si, section in enumerate(model.sections):
        yield ("sections", si, "title"), section.title
        if section.intro:
            yield ("sections", si, "intro"), section.intro
        for qi, q in enumerate(section.questions):
            base = ("sections", si, "questions", qi)
            for key in ("prompt", "short", "help", "example"):
                value = getattr(q, key)
                if value:
                    yield (*base, key), value
            for ci, choice in enumerate(q.choices):
                yield (*base, "choices", ci, "label"), choice.label
    for ri, rule in enumerate(model.rules):
        for key in ("title", "message", "action"):
            yield ("rules", ri, key), getattr(rule, key)
    for i, review in enumerate(model.review_sooner):
        yield ("review_sooner", i, "reason"), review.reason
