"""A team's questionnaire that extends another: add, override and switch off, without copying.

An extension file has ``extends: <id or path>`` and, all optional: new ``sections``, new
``questions`` placed into existing sections, ``overrides`` of existing questions, sections
and rules by id, new ``rules`` and ``derived`` values, ``disable_rules``, and extra
``sources``, ``glossary`` and ``review_sooner`` entries. The result is validated like any
questionnaire.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from mlpdm.core.errors import Problem
from mlpdm.core.questionnaire import (
    Questionnaire,
    SourceFile,
    _compile,
    _invalid,
    link_problem,
    load_questionnaire,
    translated_languages,
    validated,
)


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


def is_extension(data: Any) -> bool:
    """Whether a loaded questionnaire file extends another."""
    return isinstance(data, Mapping) and "extends" in data


def extend(base: Questionnaire, data: Mapping[str, Any], source: SourceFile) -> Questionnaire:
    """Apply an extension to ``base``; every problem is reported with the team file's path."""
    ext = validated(Extension, data, source)
    # The team's conditions are compiled here, where their lines are still known.
    conditions = list(_conditions(data))
    problems = tuple(p for loc, expr in conditions if (p := _compile(expr, loc, source)[1]))
    if problems:
        raise _invalid(source.path, problems)
    merged = _merge(base, ext, source)
    if ext.languages is None:
        # Undeclared: promise only what every text actually has, so a team that adds an
        # English-only question is not failed for the base's Japanese, and `--lang ja`
        # still shows the base's translations (pick() falls back per text).
        merged["languages"] = ["en"]
    # Locations in the merged file are not lines of any file; problems name the path only.
    model = load_questionnaire(merged, SourceFile(f"{source.path} (extending {base.id!r})", {}))
    if ext.languages is None:
        model = model.model_copy(update={"languages": translated_languages(model)})
    model._places.update(base._places)
    model._places.update((expr, source.locate(loc)) for loc, expr in conditions)
    return model


def _conditions(data: Any) -> Iterator[tuple[tuple[Any, ...], str]]:
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


def _merge(base: Questionnaire, ext: Extension, source: SourceFile) -> dict[str, Any]:
    data = base.model_dump(mode="json", exclude_none=True)  # lists, so items can be inserted
    problems: list[Problem] = []
    for section in data["sections"]:
        for question in section["questions"]:
            question["origin"] = "base"
    data.update(id=ext.id, version=ext.version, base_id=base.id, base_version=base.version)
    for key in ("title", "description", "languages"):
        value = getattr(ext, key)
        if value is not None:
            data[key] = value
    for key in ("sources", "glossary", "derived", "review_sooner"):
        data[key] = [*data.get(key, []), *getattr(ext, key)]
    # Checked here too: the merged questionnaire's problems have no line numbers.
    for index, entry in enumerate(ext.sources):
        problem = link_problem(entry.get("url"), source.locate(("sources", index, "url")))
        if problem:
            problems.append(problem)
    _apply_overrides(data, ext, source, problems)
    _place_questions(data, ext, source, problems)
    _place_sections(data, ext, source, problems)
    _replace_rules(data, ext, source, problems)
    if problems:
        raise _invalid(source.path, tuple(problems))
    return data


def _place_questions(
    data: dict[str, Any], ext: Extension, source: SourceFile, problems: list[Problem]
) -> None:
    sections = {s["id"]: s for s in data["sections"]}
    for index, placed in enumerate(ext.questions):
        target = sections.get(placed.section)
        if target is None:
            where = source.locate(("questions", index, "section"))
            problems.append(Problem(f"no section {placed.section!r} to add a question to", where))
            continue
        ids = [q["id"] for q in target["questions"]]
        if placed.after is not None and placed.after not in ids:
            where = source.locate(("questions", index, "after"))
            problems.append(Problem(f"no question {placed.after!r} in section {placed.section!r}", where))
            continue
        position = ids.index(placed.after) + 1 if placed.after is not None else len(ids)
        target["questions"].insert(position, dict(placed.question))


def _place_sections(
    data: dict[str, Any], ext: Extension, source: SourceFile, problems: list[Problem]
) -> None:
    for index, section in enumerate(ext.sections):
        after = section.get("after")
        new = {k: v for k, v in section.items() if k != "after"}
        order = [s["id"] for s in data["sections"]]
        if after is not None and after not in order:
            where = source.locate(("sections", index, "after"))
            problems.append(Problem(f"no section {after!r} to place {new.get('id')!r} after", where))
            continue
        data["sections"].insert(order.index(after) + 1 if after is not None else len(order), new)


def _replace_rules(data: dict[str, Any], ext: Extension, source: SourceFile, problems: list[Problem]) -> None:
    known = {r["id"] for r in data["rules"]}
    for index, rule_id in enumerate(ext.disable_rules):
        if rule_id not in known:
            problems.append(
                Problem(f"no rule {rule_id!r} to disable", source.locate(("disable_rules", index)))
            )
    disabled = set(ext.disable_rules)
    data["rules"] = [r for r in data["rules"] if r["id"] not in disabled] + list(ext.rules)


def _apply_overrides(
    data: dict[str, Any], ext: Extension, source: SourceFile, problems: list[Problem]
) -> None:
    questions = {q["id"]: q for s in data["sections"] for q in s["questions"]}
    groups = (
        ("questions", questions),
        ("sections", {s["id"]: s for s in data["sections"]}),
        ("rules", {r["id"]: r for r in data["rules"]}),
    )
    for group, items in groups:
        for item_id, fields in getattr(ext.overrides, group).items():
            target = items.get(item_id)
            if target is None:
                problems.append(
                    Problem(
                        f"no {group[:-1]} {item_id!r} to override",
                        source.locate(("overrides", group, item_id)),
                    )
                )
                continue
            if "id" in fields or "questions" in fields:
                problems.append(
                    Problem(
                        f"overrides may not change the id or the questions of {item_id!r}",
                        source.locate(("overrides", group, item_id)),
                    )
                )
                continue
            for key, value in fields.items():
                # Texts merge by language, so overriding only "en" keeps the "ja" text.
                if isinstance(value, Mapping) and isinstance(target.get(key), Mapping) and key != "choices":
                    target[key] = {**target[key], **value}
                else:
                    target[key] = value
