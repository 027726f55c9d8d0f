"""A team's questionnaire that extends another: add, override and switch off, without copying.

An extension file has ``extends: <id or path>`` and, all optional: new ``sections``, new
``questions`` placed into existing sections, ``overrides`` of existing questions, sections
and rules by id, new ``rules`` and ``derived`` values, ``disable_rules``, and extra
``sources``, ``glossary`` and ``review_sooner`` entries. The result is validated like any
questionnaire.

Every problem is reported in one run, at the line of the team's own file that causes it:
a part of the wrong shape is left out, a part that does not validate is replaced by a
stand-in, so the checks still run on the rest. Each part of the merged questionnaire
remembers where in the team's file it came from; the problems found in the merged
questionnaire are traced back through that.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from mlpdm.core.questionnaire.model import (
    Questionnaire,
    SourceFile,
    _compile,
    _conditions,
    _invalid,
    _meaningful,
    _pydantic_problems,
    checked_questionnaire,
    link_problem,
    suggestion,
    translated_languages,
)
from mlpdm.core.text.errors import Location, Msg, Problem


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class PlacedQuestion(_Model):
    """A new question for an existing section."""

    section: str
    after: str | None = None
    question: dict[str, Any]


class Overrides(_Model):
    """Fields to replace on existing items, by id."""

    questions: dict[str, dict[str, Any]] = Field(default_factory=dict)
    sections: dict[str, dict[str, Any]] = Field(default_factory=dict)
    rules: dict[str, dict[str, Any]] = Field(default_factory=dict)


class Extension(_Model):
    """The shape of an extension file."""

    id: str
    version: int = Field(ge=1)
    extends: str
    title: dict[str, str] | None = None
    description: dict[str, str] | None = None
    languages: list[str] | None = None
    sources: list[dict[str, Any]] = Field(default_factory=list)
    glossary: list[dict[str, Any]] = Field(default_factory=list)
    sections: list[dict[str, Any]] = Field(default_factory=list)
    questions: list[PlacedQuestion] = Field(default_factory=list)
    derived: list[dict[str, Any]] = Field(default_factory=list)
    rules: list[dict[str, Any]] = Field(default_factory=list)
    overrides: Overrides = Field(default_factory=Overrides)
    disable_rules: list[str] = Field(default_factory=list)
    review_sooner: list[dict[str, Any]] = Field(default_factory=list)


_LISTS = (
    "sources",
    "glossary",
    "sections",
    "questions",
    "derived",
    "rules",
    "disable_rules",
    "review_sooner",
)
_STAND_INS = {"id": "x", "version": 1, "extends": "x"}  # only to read on; never returned


def is_extension(data: Any) -> bool:
    """Whether a loaded questionnaire file extends another."""
    return isinstance(data, Mapping) and "extends" in data


@dataclass(frozen=True)
class TracedSource(SourceFile):
    """The team's file as seen from a structure built from it: each place traced back to its key."""

    trace: Callable[[tuple[Any, ...]], tuple[Any, ...] | None] = tuple
    # A place of the base that no key of the team's file made: shown at the `extends:` line.
    fallback: tuple[Any, ...] = ("extends",)
    base: str = ""  # the questionnaire extended, as `mlpdm questionnaire show` takes it

    def listing(self) -> str:
        """The questionnaire extended: the ids a problem may use are in it (or in this file)."""
        return self.base or self.path

    def origin(self, loc: tuple[Any, ...]) -> tuple[Any, ...] | None:
        """The key of the team's file that ``loc`` came from, if any."""
        return self.trace(tuple(loc))

    def locate(self, loc: tuple[Any, ...]) -> Location:
        """The line in the team's file that ``loc`` came from."""
        found = self.origin(loc)
        return self.line_of(self.fallback if found is None else found)


def extend(base: Questionnaire, data: Mapping[str, Any], source: SourceFile) -> Questionnaire:
    """Apply an extension to ``base``; raise UserError listing every problem, each at its line."""
    conditions = list(_written_conditions(data))
    # Compiled where they are written, so even a condition inside a part that does not
    # validate is checked.
    problems = [p for loc, expr in conditions if (p := _compile(expr, loc, source)[1])]
    ext, kept = _read_extension(data, source, problems, somewhere=base.sections[-1].id)
    shown = _shown_ref(ext.extends, source.path)
    read = TracedSource(source.path, source.lines, kept.origin, base=shown)
    origins = _Origins()
    merged = _merge(base, ext, read, origins, problems)
    if ext.languages is None:
        # Undeclared: promise only what every text actually has, so a team that adds an
        # English-only question is not failed for the base's Japanese, and `--lang ja`
        # still shows the base's translations (pick() falls back per text).
        merged["languages"] = ["en"]
    traced = TracedSource(
        source.path, source.lines, lambda loc: _then(origins.trace(loc), kept.origin), base=shown
    )
    model, found = checked_questionnaire(merged, traced)
    problems.extend(found)
    if problems or model is None:
        # A condition that does not compile is found both where it is written and in the merge.
        unique: dict[tuple[Location | None, str], Problem] = {}
        for problem in problems:
            unique.setdefault((problem.where, problem.message), problem)
        raise _invalid(source.path, tuple(unique.values()))
    if ext.languages is None:
        model = model.model_copy(update={"languages": translated_languages(model)})
    model._places.update(base._places)
    model._places.update((expr, source.locate(loc)) for loc, expr in conditions)
    for loc, expr in _conditions(model):
        model._places.setdefault(expr, traced.locate(loc))
    return model


def _shown_ref(extends: str, path: str) -> str:
    """The extended questionnaire as a command run beside the team's file names it."""
    if not extends.endswith((".yaml", ".yml")) and "/" not in extends:
        return extends  # a shipped id
    return posixpath.normpath(posixpath.join(posixpath.dirname(path), extends))


def _then(
    loc: tuple[Any, ...] | None, step: Callable[[tuple[Any, ...]], tuple[Any, ...]]
) -> tuple[Any, ...] | None:
    return None if loc is None else step(loc)


def _written_conditions(data: Any) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Every ``when`` in an extension file, with its place (rules, questions, overrides...)."""
    stack: list[tuple[tuple[Any, ...], Any]] = [((), data)]
    while stack:
        loc, node = stack.pop()
        if isinstance(node, Mapping):
            for key, value in node.items():
                if key == "when" and isinstance(value, str):
                    yield (*loc, key), value
                else:
                    stack.append(((*loc, key), value))
        elif isinstance(node, list):
            stack.extend(((*loc, i), item) for i, item in enumerate(node))


# -- reading the file: a part of the wrong shape is reported and left out ----------------------


@dataclass
class _Kept:
    """The items of each list of the team's file that were read, by their index in the file."""

    indices: dict[str, list[int]] = field(default_factory=dict)

    def drop(self, key: str, dropped: set[int], length: int) -> None:
        current = self.indices.get(key, list(range(length)))
        self.indices[key] = [index for i, index in enumerate(current) if i not in dropped]

    def origin(self, loc: tuple[Any, ...]) -> tuple[Any, ...]:
        """The place in the file of ``loc`` in the extension as read."""
        if len(loc) >= 2 and loc[0] in self.indices and isinstance(loc[1], int):
            return (loc[0], self.indices[loc[0]][loc[1]], *loc[2:])
        return loc


def _read_extension(
    data: Mapping[str, Any], source: SourceFile, problems: list[Problem], *, somewhere: str
) -> tuple[Extension, _Kept]:
    current: dict[str, Any] = dict(data)
    kept = _Kept()
    for attempt in range(3):  # the first pass finds every problem; later ones only leave out
        try:
            return Extension.model_validate(current), kept
        except ValidationError as exc:
            errors = _meaningful(exc.errors())
            if attempt == 0:
                problems.extend(_pydantic_problems(Extension, errors, source))
            current = _pruned(current, [tuple(err["loc"]) for err in errors], kept, somewhere)
    return Extension.model_validate(_STAND_INS), kept


def _pruned(data: dict[str, Any], locs: list[tuple[Any, ...]], kept: _Kept, somewhere: str) -> dict[str, Any]:
    """``data`` without the parts ``locs`` point into: a list item, an override, a key.

    A new question whose placing is unreadable is placed ``somewhere`` instead, so that the
    question itself is still checked and the conditions that use it find it.
    """
    out = dict(data)
    dropped: dict[str, set[int]] = {}
    for loc in locs:
        key = loc[0]
        value = out.get(key)
        if key in _LISTS and len(loc) >= 2 and isinstance(loc[1], int) and isinstance(value, list):
            if (
                key == "questions"
                and len(loc) >= 3
                and loc[2] != "question"
                and isinstance(value[loc[1]], Mapping)
            ):
                out[key] = value = list(value)
                placed = {k: v for k, v in value[loc[1]].items() if k != loc[2]}
                value[loc[1]] = placed if loc[2] != "section" else {**placed, "section": somewhere}
            else:
                dropped.setdefault(key, set()).add(loc[1])
        elif key == "overrides" and len(loc) >= 2 and isinstance(value, Mapping):
            groups = out[key] = dict(value)
            if len(loc) >= 3 and isinstance(groups.get(loc[1]), Mapping):
                groups[loc[1]] = {k: v for k, v in groups[loc[1]].items() if k != loc[2]}
            else:
                groups.pop(loc[1], None)
        elif key in _STAND_INS:
            out[key] = _STAND_INS[key]
        else:
            out.pop(key, None)
    for key, indices in dropped.items():
        kept.drop(key, indices, len(out[key]))
        out[key] = [item for i, item in enumerate(out[key]) if i not in indices]
    return out


# -- merging: each part remembers where in the extension it came from -------------------------


class _Origins:
    """Where each part of the merged questionnaire came from in the extension.

    Parts are noted by identity while merging (a team's section, question, rule or entry,
    and each overridden field); once merged, their places are read off the whole.
    """

    def __init__(self) -> None:
        self.data: Any = None
        self._items: dict[int, tuple[Any, ...]] = {}
        self._fields: dict[tuple[int, Any], tuple[Any, ...]] = {}
        self._alive: list[Any] = []  # keeps the noted objects, so that their ids stay theirs

    def item(self, obj: Any, loc: tuple[Any, ...]) -> None:
        self._items[id(obj)] = loc
        self._alive.append(obj)

    def field(self, obj: Any, key: Any, loc: tuple[Any, ...]) -> None:
        self._fields[(id(obj), key)] = loc
        self._alive.append(obj)

    @cached_property
    def _table(self) -> dict[tuple[Any, ...], tuple[Any, ...]]:
        table: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        stack: list[tuple[tuple[Any, ...], Any]] = [((), self.data)]
        while stack:
            loc, node = stack.pop()
            if isinstance(node, dict | list) and id(node) in self._items:
                table[loc] = self._items[id(node)]
                continue  # everything inside follows by the same path
            if isinstance(node, dict):
                for key, value in node.items():
                    if (id(node), key) in self._fields:
                        place = (*loc, key)  # named: the checker takes a starred subscript for 3.11 syntax
                        table[place] = self._fields[(id(node), key)]
                    else:
                        stack.append(((*loc, key), value))
            elif isinstance(node, list):
                stack.extend(((*loc, i), item) for i, item in enumerate(node))
        return table

    def trace(self, loc: tuple[Any, ...]) -> tuple[Any, ...] | None:
        """The place in the extension that ``loc`` of the merged questionnaire came from."""
        for length in range(len(loc), 0, -1):
            found = self._table.get(loc[:length])
            if found is not None:
                return (*found, *loc[length:])
        return None


def _merge(
    base: Questionnaire, ext: Extension, source: SourceFile, origins: _Origins, problems: list[Problem]
) -> dict[str, Any]:
    data = base.model_dump(mode="json", exclude_none=True)  # lists, so items can be inserted
    origins.data = data
    for section in data["sections"]:
        for question in section["questions"]:
            question["origin"] = "base"
    data.update(id=ext.id, version=ext.version, base_id=base.id, base_version=base.version)
    for key in ("id", "version"):
        origins.field(data, key, (key,))
    for key in ("title", "description", "languages"):
        value = getattr(ext, key)
        if value is not None:
            data[key] = value
            origins.field(data, key, (key,))
    for key in ("sources", "glossary", "derived", "review_sooner"):
        added = getattr(ext, key)
        for index, entry in enumerate(added):
            origins.item(entry, (key, index))
        data[key] = [*data.get(key, []), *added]
    # Checked here too: these URLs are written in the team's file.
    for index, entry in enumerate(ext.sources):
        problem = link_problem(entry.get("url"), source.locate(("sources", index, "url")))
        if problem:
            problems.append(problem)
    _apply_overrides(data, ext, source, origins, problems)
    _place_questions(data, ext, source, origins, problems)
    _place_sections(data, ext, source, origins, problems)
    _replace_rules(data, ext, source, origins, problems)
    return data


def _place_questions(
    data: dict[str, Any], ext: Extension, source: SourceFile, origins: _Origins, problems: list[Problem]
) -> None:
    sections = {s["id"]: s for s in data["sections"]}
    for index, placed in enumerate(ext.questions):
        target = sections.get(placed.section)
        if target is None:
            where = source.locate(("questions", index, "section"))
            problem = Problem(f"no section {placed.section!r} to add a question to", where)
            problems.append(problem.advise(suggestion(placed.section, list(sections))))
            target = data["sections"][-1]  # placed somewhere, so its own checks still run
        ids = [q["id"] for q in target["questions"]]
        if placed.after is not None and placed.after not in ids:
            where = source.locate(("questions", index, "after"))
            problem = Problem(f"no question {placed.after!r} in section {target['id']!r}", where)
            problems.append(problem.advise(suggestion(placed.after, ids)))
        position = ids.index(placed.after) + 1 if placed.after in ids else len(ids)
        question = dict(placed.question)
        origins.item(question, ("questions", index, "question"))
        target["questions"].insert(position, question)


def _place_sections(
    data: dict[str, Any], ext: Extension, source: SourceFile, origins: _Origins, problems: list[Problem]
) -> None:
    for index, section in enumerate(ext.sections):
        after = section.get("after")
        new = {k: v for k, v in section.items() if k != "after"}
        origins.item(new, ("sections", index))
        order = [s["id"] for s in data["sections"]]
        if after is not None and after not in order:
            where = source.locate(("sections", index, "after"))
            problem = Problem(f"no section {after!r} to place {new.get('id')!r} after", where)
            problems.append(problem.advise(suggestion(str(after), order)))
        data["sections"].insert(order.index(after) + 1 if after in order else len(order), new)


def _replace_rules(
    data: dict[str, Any], ext: Extension, source: SourceFile, origins: _Origins, problems: list[Problem]
) -> None:
    known = [r["id"] for r in data["rules"]]
    for index, rule_id in enumerate(ext.disable_rules):
        if rule_id not in known:
            problem = Problem(f"no rule {rule_id!r} to disable", source.locate(("disable_rules", index)))
            problems.append(
                problem.advise(suggestion(rule_id, known, otherwise="show", path=source.listing()))
            )
    for index, rule in enumerate(ext.rules):
        origins.item(rule, ("rules", index))
    disabled = set(ext.disable_rules)
    data["rules"] = [r for r in data["rules"] if r["id"] not in disabled] + list(ext.rules)


def _apply_overrides(
    data: dict[str, Any], ext: Extension, source: SourceFile, origins: _Origins, problems: list[Problem]
) -> None:
    questions = {q["id"]: q for s in data["sections"] for q in s["questions"]}
    groups = (
        ("questions", questions),
        ("sections", {s["id"]: s for s in data["sections"]}),
        ("rules", {r["id"]: r for r in data["rules"]}),
    )
    for group, items in groups:
        for item_id, fields in getattr(ext.overrides, group).items():
            place = ("overrides", group, item_id)
            target = items.get(item_id)
            if target is None:
                problem = Problem(f"no {group[:-1]} {item_id!r} to override", source.locate(place))
                problems.append(
                    problem.advise(suggestion(item_id, list(items), otherwise="show", path=source.listing()))
                )
                continue
            fixed = [key for key in ("id", "questions") if key in fields]
            if fixed:
                problem = Problem(
                    f"overrides may not change the id or the questions of {item_id!r}",
                    source.locate((*place, fixed[0])),
                )
                problems.append(problem.advise(Msg("fix.override_fixed")))
                continue
            for key, value in fields.items():
                # Texts merge by language, so overriding only "en" keeps the "ja" text.
                if isinstance(value, Mapping) and isinstance(target.get(key), Mapping) and key != "choices":
                    target[key] = {**target[key], **value}
                else:
                    target[key] = value
                origins.field(target, key, (*place, key))
