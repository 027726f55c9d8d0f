"""The questionnaire model (sections, questions, derived values, rules) and its validation."""

from __future__ import annotations

import copy
import difflib
import keyword
import re
import types
import typing
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    field_validator,
    model_validator,
)

from mlpdm.core.answers.coerce import AnswerError, coerce_answer
from mlpdm.core.questionnaire.conditions import BUILTIN_NAMES, Condition, ConditionError, compile_condition
from mlpdm.core.text.errors import Location, Msg, Problem, UserError
from mlpdm.core.text.languages import LANGUAGES, pick
from mlpdm.core.text.markdown import LINK_SCHEMES, is_allowed_link

ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
QuestionType = Literal["text", "longtext", "yesno", "choice", "multi", "number", "list"]
Outcome = Literal["blocker", "not-needed", "prerequisite", "condition", "note"]
OUTCOMES: tuple[str, ...] = ("blocker", "not-needed", "prerequisite", "condition", "note")
UNSURE = "unsure"
YESNO_VALUES: tuple[str, ...] = ("yes", "no")

# Jinja names that would shadow a question id in a condition.
_RESERVED = frozenset({"and", "or", "not", "in", "is", "if", "else", "loop", *BUILTIN_NAMES})


class Invalid(ValueError):
    """A value a validator refuses, and what to do about it (the catalogue's ``fix.<key>``)."""

    def __init__(self, message: str, fix: str, **params: Any) -> None:
        super().__init__(message)
        self.fix = Msg(f"fix.{fix}", tuple(params.items()))


def _check_id(value: str) -> str:
    if not ID_PATTERN.match(value) or keyword.iskeyword(value) or value in _RESERVED:
        raise Invalid(f"{value!r} is not a usable id", "id")
    return value


def _check_text(value: dict[str, str]) -> dict[str, str]:
    unknown = sorted(set(value) - set(LANGUAGES))
    if unknown:
        raise Invalid(f"unknown language(s) {unknown}", "languages_known", known=", ".join(LANGUAGES))
    if not (value.get("en") or "").strip():
        raise Invalid("an English text ('en') is required", "add_en")
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
    """A public reference that questions and rules cite.

    The title is one string, or one per language for a source whose official title is in
    another language than English (a Japanese guideline is cited by its Japanese title).
    """

    id: str
    title: str | Text
    url: str

    @field_validator("title")
    @classmethod
    def _title(cls, value: str | Text) -> str | Text:
        return value if isinstance(value, str) else _check_text(value)

    def title_in(self, lang: str) -> str:
        """The title to show in ``lang``."""
        return self.title if isinstance(self.title, str) else pick(self.title, lang)


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
            raise Invalid(f"{value!r} is not a usable choice value", "choice_value")
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
        # Repeated choice values are a cross-check (check_questionnaire), to name the repeat's line.
        if self.type in ("choice", "multi") and len(self.choices) < 2:
            raise Invalid(f"a {self.type} question needs at least two choices", "more_choices")
        if self.type not in ("choice", "multi") and self.choices:
            raise Invalid(f"a {self.type} question takes no choices", "no_choices")
        if UNSURE in (c.value for c in self.choices):
            raise Invalid(f"a choice may not be named {UNSURE!r}", "unsure_choice")
        if self.unsure and self.type not in ("choice", "yesno"):
            raise Invalid("'unsure' is offered only on yesno and choice questions", "remove", key="unsure")
        if self.type != "number" and (
            self.min is not None or self.max is not None or self.integer or self.at_most is not None
        ):
            raise Invalid("min, max, integer and at_most apply to number questions only", "number_only")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise Invalid("min is greater than max", "swap")
        if any(c.exclusive for c in self.choices) and self.type != "multi":
            raise Invalid("'exclusive' applies to multi questions only", "multi_only")
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
            raise Invalid(f"{value!r} is not a usable rule id", "dash_id")
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
            raise Invalid(f"{value!r} is not a usable questionnaire id", "dash_id")
        return value

    @field_validator("languages")
    @classmethod
    def _langs(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = sorted(set(value) - set(LANGUAGES))
        if unknown or "en" not in value:
            raise Invalid(
                f"languages must include 'en' and be among {list(LANGUAGES)}",
                "languages",
                known=", ".join(LANGUAGES),
            )
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
        found, _ = self.question_closure(names, reasons_only=reasons_only)
        return tuple(sorted(found, key=self.order.__getitem__))

    def question_closure(
        self, names: frozenset[str] | set[str], *, reasons_only: bool = False
    ) -> tuple[frozenset[str], frozenset[str]]:
        """The question ids behind ``names``, following derived values, and the other names.

        The other names are neither a question nor a derived value (functions, constants).
        """
        seen: set[str] = set()
        stack = list(names)
        found: set[str] = set()
        unknown: set[str] = set()
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
            else:
                unknown.add(name)
        return frozenset(found), frozenset(unknown)


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

    def origin(self, loc: tuple[Any, ...]) -> tuple[Any, ...] | None:
        """Where ``loc`` of the validated structure is written in the file (None: nowhere in it)."""
        return tuple(loc)

    def listing(self) -> str:
        """What to pass to `mlpdm questionnaire show` for the ids a problem may use."""
        return self.path

    def locate(self, loc: tuple[Any, ...]) -> Location:
        """The line of ``loc`` or of its nearest parent that has one."""
        return self.line_of(self.origin(loc) or ())

    def line_of(self, key: tuple[Any, ...]) -> Location:
        """The line of the file's own ``key`` or of its nearest parent that has one."""
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
    model, problems = checked_questionnaire(data, source)
    if problems or model is None:
        raise _invalid(source.path, problems)
    for loc, expr in _conditions(model):
        model._places.setdefault(expr, source.locate(loc))
    return model


def checked_questionnaire(data: Any, source: SourceFile) -> tuple[Questionnaire | None, tuple[Problem, ...]]:
    """The questionnaire ``data`` describes, and every problem in it.

    A part that does not fit the model is reported, then replaced by a valid stand-in that
    keeps its id, conditions and citations, so that the cross-checks still run on the rest:
    one run lists every mistake. With problems, the model only served to find them.
    """
    problems: list[Problem] = []
    current = data
    for attempt in range(3):  # the first pass finds every problem; later ones only repair
        try:
            model = Questionnaire.model_validate(current)
            break
        except ValidationError as exc:
            errors = _meaningful(exc.errors())
            if attempt == 0:
                problems.extend(_pydantic_problems(Questionnaire, errors, source))
            current = _repaired(current, [tuple(err["loc"]) for err in errors])
    else:
        return None, tuple(problems)
    problems.extend(check_questionnaire(model, source))
    return model, tuple(problems)


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


def _pydantic_problems(model: type[BaseModel], errors: list[Any], source: SourceFile) -> tuple[Problem, ...]:
    """Pydantic's errors as problems: the path and line in the file, and what to do."""
    problems = []
    for err in errors:
        loc = tuple(err["loc"])
        shown = source.origin(loc)
        problem = Problem(_pydantic_message(err, loc if shown is None else shown), source.locate(loc))
        problems.append(problem.advise(_pydantic_fix(model, err)))
    return tuple(problems)


def _invalid(path: str, problems: tuple[Problem, ...]) -> UserError:
    count = len(problems)
    # In the order of the file, whichever check found them.
    ordered = sorted(problems, key=lambda p: (p.where.line or 0) if p.where else 0)
    return UserError(
        f"{path} is not a valid questionnaire ({count} problem{'s' if count != 1 else ''})",
        hint="Fix each problem listed, then run `mlpdm questionnaire validate` again.",
        problems=tuple(ordered),
    )


def _dotted(loc: tuple[Any, ...]) -> str:
    """A place in a file as ``sections[0].questions[2].prompt``."""
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")


def _pydantic_message(err: Mapping[str, Any], loc: tuple[Any, ...]) -> str:
    path = _dotted(loc)
    msg = str(err["msg"]).removeprefix("Value error, ")
    given = err.get("input")
    if err["type"] in ("literal_error", "enum", "int_parsing", "string_type", "bool_parsing") and isinstance(
        given, str | int | float
    ):
        msg += f" (got {given!r})"
    return f"{path}: {msg}" if path else msg


# pydantic's "Input should be a valid …", and what to write instead.
_TYPE_FIXES = (
    (("dict_", "model_", "mapping_"), "mapping"),
    (("list_", "tuple_", "set_"), "list"),
    (("string_",), "text"),
    (("int_", "float_"), "number"),
    (("bool_",), "bool"),
)
_BOUND_ERRORS = ("greater_than", "greater_than_equal", "less_than", "less_than_equal")


def _pydantic_fix(model: type[BaseModel], err: Mapping[str, Any]) -> Msg | None:
    """What to do about one of pydantic's errors."""
    kind, loc = err["type"], tuple(err["loc"])
    given = err.get("input")
    if kind == "value_error":
        return getattr((err.get("ctx") or {}).get("error"), "fix", None)
    if kind == "missing":
        return Msg("fix.missing", (("key", repr(loc[-1]) if loc else "?"),))
    if kind == "extra_forbidden":
        known = _fields_at(model, loc[:-1])
        return suggestion(str(loc[-1]), known, otherwise="extra_known") if known else Msg("fix.extra")
    if kind == "literal_error" and isinstance(given, str):
        expected = re.findall(r"'([^']*)'", str((err.get("ctx") or {}).get("expected", "")))
        close = difflib.get_close_matches(given, expected, n=1, cutoff=0.75)
        return Msg("fix.did_you_mean", (("close", repr(close[0])),)) if close else Msg("fix.literal")
    if kind == "too_short":
        return Msg("fix.too_short", (("count", (err.get("ctx") or {}).get("min_length", 1)),))
    if kind in _BOUND_ERRORS:
        return Msg("fix.bound")
    for kinds, fix in _TYPE_FIXES:
        if kind.startswith(kinds):
            return Msg(f"fix.{fix}")
    return Msg("fix.value")


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The keys the model allows at ``loc`` (empty when it is not a model's mapping)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            return []
        current = _model_in(fields[part].annotation)
    return sorted(getattr(current, "model_fields", {}))


def _model_in(annotation: Any) -> Any:
    """The model class inside an annotation such as ``tuple[Section, ...]`` or ``Overrides | None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        if arg is not Ellipsis and arg is not types.NoneType and (found := _model_in(arg)) is not None:
            return found
    return None


def suggestion(name: str, known: Collection[str], *, otherwise: str = "one_of", **params: Any) -> Msg:
    """What to write instead of ``name``: the closest of ``known``, else the list of them.

    ``otherwise`` names the catalogue's ``fix.<key>`` for when nothing is close; it is given
    ``known`` (and ``params``).
    """
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.75)
    if close:
        return Msg("fix.did_you_mean", (("close", repr(close[0])),))
    return Msg(f"fix.{otherwise}", (("known", ", ".join(known)), *params.items()))


# -- standing in for a part that does not validate ---------------------------------------------

_PLACEHOLDER = {lang: "…" for lang in LANGUAGES}
_ITEM_LISTS = ("checklist", "sources", "glossary", "derived", "rules", "review_sooner")
_TOP_STAND_INS: dict[str, Any] = {
    "id": "x",
    "version": 1,
    "title": _PLACEHOLDER,
    "description": _PLACEHOLDER,
    "languages": ["en"],
    **{key: [] for key in _ITEM_LISTS if key != "checklist"},
}


def _repaired(data: Any, locs: list[tuple[Any, ...]]) -> Any:
    """``data`` with each part that ``locs`` point into replaced by a stand-in.

    Nothing is left out, so every other part keeps its place and its problems their lines.
    """
    if not isinstance(data, Mapping):
        return data
    fixed = copy.deepcopy(dict(data))
    checklist = fixed.get("checklist")
    points = [c.get("id") for c in checklist if isinstance(c, Mapping)] if isinstance(checklist, list) else []
    point = next((p for p in points if isinstance(p, str)), "T1")
    for loc in locs:
        _repair(fixed, loc, point)
    return fixed


def _repair(fixed: dict[str, Any], loc: tuple[Any, ...], point: str) -> None:
    if not loc:
        return
    key, items = loc[0], fixed.get(loc[0])
    if len(loc) >= 2 and isinstance(loc[1], int) and isinstance(items, list) and loc[1] < len(items):
        index = loc[1]
        if key == "sections" and len(loc) >= 4 and loc[2] == "questions" and isinstance(loc[3], int):
            questions = items[index].get("questions") if isinstance(items[index], Mapping) else None
            if isinstance(questions, list) and loc[3] < len(questions):
                questions[loc[3]] = _stand_in("question", questions[loc[3]], point, f"{index}_{loc[3]}")
                return
        items[index] = _stand_in(key, items[index], point, str(index))
    elif key in _TOP_STAND_INS:
        fixed[key] = copy.deepcopy(_TOP_STAND_INS[key])
    elif key not in ("checklist", "sections"):  # without those two there is nothing to check
        fixed.pop(key, None)


def _usable_id(value: Any) -> bool:
    try:
        _check_id(value)
    except (Invalid, TypeError):
        return False
    return True


def _strings(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) for v in value)


def _stand_in(kind: str, item: Any, point: str, tag: str) -> dict[str, Any]:
    """A valid item in place of ``item``, keeping what others refer to: its id and conditions."""
    item = item if isinstance(item, Mapping) else {}
    ident = item.get("id")
    when = {"when": item["when"]} if isinstance(item.get("when"), str) else {}
    # What it cites is kept too, so an unknown checklist point or source is still reported.
    cited = {key: item[key] for key in ("points", "sources") if _strings(item.get(key))}
    cited.setdefault("points", [point])
    if kind in ("question", "sections", "derived") and not _usable_id(ident):
        ident = f"unnamed_{tag}_"
    if kind == "question":
        kind_of = (
            item.get("type")
            if item.get("type") in ("text", "longtext", "yesno", "number", "list")
            else "text"
        )
        origin = {"origin": item["origin"]} if item.get("origin") in ("own", "base") else {}
        texts = {"prompt": _PLACEHOLDER, "help": _PLACEHOLDER}
        return {"id": ident, "type": kind_of, **texts, **cited, "required": False, **origin, **when}
    if kind == "sections":
        questions = item.get("questions")
        if not isinstance(questions, list) or not questions:
            questions = [_stand_in("question", None, point, f"{tag}_0")]
        return {"id": ident, "title": _PLACEHOLDER, "questions": questions, **when}
    if kind == "derived":
        return {"id": ident, "when": "false", **when}
    if kind == "rules":
        if not (isinstance(ident, str) and re.match(r"^[a-z][a-z0-9-]*$", ident)):
            ident = f"unnamed-{tag}-"
        tiers = item.get("severity") if isinstance(item.get("severity"), list) else []
        kept = [
            {"when": tier["when"], "outcome": "note"}
            for tier in tiers
            if isinstance(tier, Mapping) and isinstance(tier.get("when"), str)
        ]
        texts = {"title": _PLACEHOLDER, "message": _PLACEHOLDER, "action": _PLACEHOLDER}
        return {
            "id": ident,
            "outcome": "note",
            "when": "false",
            **when,
            "severity": kept,
            **texts,
            **cited,
        }
    ident = ident if isinstance(ident, str) else f"unnamed_{tag}_"
    if kind == "checklist":
        return {"id": ident, "title": _PLACEHOLDER, "summary": _PLACEHOLDER}
    if kind == "sources":
        url = item.get("url") if isinstance(item.get("url"), str) else "https://example.org"
        return {"id": ident, "title": "…", "url": url}
    if kind == "review_sooner":
        return {"months": 1, "reason": _PLACEHOLDER, "when": "false", **when}
    return {"term": _PLACEHOLDER, "definition": _PLACEHOLDER}  # a glossary entry


def check_questionnaire(model: Questionnaire, source: SourceFile) -> Iterator[Problem]:
    """Cross-checks pydantic cannot express: ids, references, conditions, languages."""
    yield from _check_unique_ids(model, source)
    yield from _check_choices(model, source)
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
            problem = Problem(f"{kind} id {ident!r} is already used by a {seen[ident]}", source.locate(loc))
            yield problem.advise(Msg("fix.other_id"))
        seen[ident] = kind
    groups: tuple[tuple[str, tuple[Section | Rule, ...]], ...] = (
        ("sections", model.sections),
        ("rules", model.rules),
    )
    for group, items in groups:
        ids: set[str] = set()
        for i, item in enumerate(items):
            if item.id in ids:
                problem = Problem(f"duplicate id {item.id!r} in {group}", source.locate((group, i, "id")))
                yield problem.advise(Msg("fix.other_id"))
            ids.add(item.id)


def _check_choices(model: Questionnaire, source: SourceFile) -> Iterator[Problem]:
    for si, qi, question in _indexed_questions(model):
        seen: set[str] = set()
        for ci, choice in enumerate(question.choices):
            if choice.value in seen:
                where = source.locate(("sections", si, "questions", qi, "choices", ci, "value"))
                problem = Problem.of("choice_twice", where, value=repr(choice.value), qid=repr(question.id))
                yield problem.advise(Msg("fix.unique_choice"))
            seen.add(choice.value)


def _check_references(model: Questionnaire, source: SourceFile) -> Iterator[Problem]:
    points = model.checklist_index
    sources = model.source_index
    owners: list[tuple[tuple[str, ...], tuple[str, ...], tuple[Any, ...]]] = []
    for si, qi, question in _indexed_questions(model):
        owners.append((question.points, question.sources, ("sections", si, "questions", qi)))
    for ri, rule in enumerate(model.rules):
        owners.append((rule.points, rule.sources, ("rules", ri)))
    for owner_points, owner_sources, loc in owners:
        for i, p in enumerate(owner_points):
            if p not in points:
                problem = Problem(f"unknown checklist point {p!r}", source.locate((*loc, "points", i)))
                yield problem.advise(suggestion(p, list(points)))
        for i, s in enumerate(owner_sources):
            if s not in sources:
                problem = Problem(f"unknown source {s!r}", source.locate((*loc, "sources", i)))
                fix = suggestion(s, list(sources), otherwise="add_source_or") if sources else None
                yield problem.advise(fix or Msg("fix.add_source"))


def _indexed_questions(model: Questionnaire) -> Iterator[tuple[int, int, Question]]:
    for si, section in enumerate(model.sections):
        for qi, question in enumerate(section.questions):
            yield si, qi, question


def _compile(expr: str, loc: tuple[Any, ...], source: SourceFile) -> tuple[Condition | None, Problem | None]:
    try:
        return compile_condition(expr), None
    except ConditionError as exc:
        return None, Problem(str(exc), source.locate(loc), exc.msg, Msg("fix.condition"))


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
            yield from _check_gate(
                section.when, ("sections", si, "when"), first_of_section, known, model, source
            )
        for qi, question in enumerate(section.questions):
            if question.when:
                loc = ("sections", si, "questions", qi, "when")
                yield from _check_gate(question.when, loc, order[question.id], known, model, source)
        first_of_section += len(section.questions)
    late: list[tuple[tuple[Any, ...], str, str]] = [
        (("rules", ri, "when"), f"rule {rule.id!r}", rule.when) for ri, rule in enumerate(model.rules)
    ]
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
                ).advise(_name_fix(name, model, source))
        if problem:
            yield problem


def _name_fix(name: str, model: Questionnaire, source: SourceFile) -> Msg:
    """What to write instead of an unknown name in a condition."""
    names = [*model.question_index, *model.derived_index]
    return suggestion(name, names, otherwise="show", path=source.listing())


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
                    ).advise(_name_fix(name, model, source))
                )
            else:
                latest = max(latest, pos)
        positions[derived.id] = latest
    return positions


def _check_gate(
    expr: str, loc: tuple[Any, ...], position: int, known: Any, model: Questionnaire, source: SourceFile
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
            ).advise(_name_fix(name, model, source))
        elif pos >= position:
            yield Problem(
                f"condition uses {name!r}, which is not answered yet at this point "
                "(a condition may only use earlier questions)",
                source.locate(loc),
            ).advise(Msg("fix.earlier", (("name", repr(name)),)))


def _check_at_most(model: Questionnaire, source: SourceFile) -> Iterator[Problem]:
    for si, qi, question in _indexed_questions(model):
        if question.at_most is None:
            continue
        other = model.question_index.get(question.at_most)
        loc = source.locate(("sections", si, "questions", qi, "at_most"))
        fix = Msg("fix.at_most", (("qid", repr(question.id)),))
        if other is None or other.type != "number":
            yield Problem(f"at_most of {question.id!r} must name a number question", loc).advise(fix)
        elif model.order[other.id] >= model.order[question.id]:
            yield Problem(f"at_most of {question.id!r} must name an earlier question", loc).advise(fix)


def _check_defaults(model: Questionnaire, source: SourceFile) -> Iterator[Problem]:
    for si, qi, question in _indexed_questions(model):
        if question.default is None:
            continue
        try:
            coerce_answer(question, question.default)
        except AnswerError as exc:
            yield Problem(
                f"default of {question.id!r} is not a valid answer: {exc.message}",
                source.locate(("sections", si, "questions", qi, "default")),
            ).advise(Msg("fix.default"))


def _check_languages(model: Questionnaire, source: SourceFile) -> Iterator[Problem]:
    wanted = set(model.languages)
    if wanted == {"en"}:
        return
    for loc, text in _texts(model):
        missing = sorted(wanted - {k for k, v in text.items() if v and v.strip()})
        if missing:
            fix = Msg("fix.translate", (("missing", ", ".join(missing)),))
            message = f"{_dotted(source.origin(loc) or loc)}: text has no {', '.join(missing)} translation"
            yield Problem(message, source.locate(loc)).advise(fix)


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
