"""A JSON Schema (draft 2020-12) of a questionnaire's answers file, for editors to check as you type.

Built from the questionnaire model alone: the same top-level keys, meta and decision keys the
answers reader accepts (core/answers.py), and one property per question with its type, its
choices and their labels, and when it is asked. The schema is a little stricter than the
reader where the reader forgives (``1,200`` for a number), so an editor nudges a person
towards the form mlpdm itself writes; everything mlpdm writes is valid against it.
"""

from __future__ import annotations

import json
import re
from typing import Any

from mlpdm.core.answers.coerce import MAX_TEXT
from mlpdm.core.answers.document import DATE_PATTERN, DECISION_KEYS, DECISION_STATUSES, META_KEYS
from mlpdm.core.questionnaire.model import Question, Questionnaire, Section
from mlpdm.core.text.languages import pick
from mlpdm.core.text.messages import t
from mlpdm.core.text.slug import MAX_SLUG

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_SUFFIX = ".schema.json"
# The first line of an answers file: the YAML language server (VS Code's YAML extension and
# others) reads it and checks the file against the schema kept beside it.
MODELINE_PREFIX = "# yaml-language-server:"
_MODELINE = re.compile(r"^#\s*yaml-language-server:")


def schema_name(questionnaire_id: str) -> str:
    """The schema file's name, kept in the folder of the answers files it describes."""
    return f"{questionnaire_id}{SCHEMA_SUFFIX}"


def modeline(questionnaire_id: str) -> str:
    """The first line of an answers file, pointing editors at the schema beside it."""
    return f"{MODELINE_PREFIX} $schema=./{schema_name(questionnaire_id)}\n"


def has_modeline(text: str) -> bool:
    """Whether an answers file's first line is a YAML language server directive."""
    return bool(_MODELINE.match(text))


def with_modeline(text: str, questionnaire_id: str) -> str:
    """``text`` with the schema line as its first line (replacing an older one; nothing else changes)."""
    line = modeline(questionnaire_id)
    if has_modeline(text):
        rest = text.split("\n", 1)[1] if "\n" in text else ""
        return line + rest
    return line + text


def answers_schema(questionnaire: Questionnaire, lang: str = "en") -> dict[str, Any]:
    """The JSON Schema of an answers file for ``questionnaire``, its texts in ``lang``."""
    q = questionnaire
    ref: dict[str, Any] = {
        "id": {"const": q.id, "description": t("schema.questionnaire_id", lang)},
        "version": {
            "type": "integer",
            "minimum": 1,
            "maximum": q.version,
            "description": t("schema.questionnaire_version", lang, version=q.version),
        },
    }
    if q.base_version is not None:
        ref["base_version"] = {"type": "integer", "minimum": 1, "maximum": q.base_version}
    date = {"type": "string", "pattern": DATE_PATTERN.pattern, "format": "date"}
    meta: dict[str, Any] = {
        key: {"type": "string", "description": t(f"schema.meta.{key}", lang)} for key in META_KEYS
    }
    meta["feature"]["minLength"] = 1
    meta["slug"].update({"minLength": 1, "maxLength": MAX_SLUG})
    for key in ("date", "review_by"):
        meta[key].update(date)
    decision: dict[str, Any] = {
        key: {"type": "string", "description": t(f"schema.decision.{key}", lang)} for key in DECISION_KEYS
    }
    decision["status"]["enum"] = list(DECISION_STATUSES)
    decision["date"].update(date)
    return {
        "$schema": DRAFT,
        "title": t("schema.title", lang, title=pick(q.title, lang), id=q.id, version=q.version),
        "description": t("schema.description", lang, id=q.id),
        "type": "object",
        "required": ["questionnaire", "meta"],
        "additionalProperties": False,
        "properties": {
            "questionnaire": _object(ref, ["id", "version"], t("schema.questionnaire", lang)),
            "meta": _object(meta, ["feature", "slug"], t("schema.meta", lang)),
            "decision": _object(decision, [], t("schema.decision", lang), nullable=True),
            "answers": _object(
                {question.id: _question(section, question, lang) for section, question in q.questions()},
                [],
                t("schema.answers", lang),
                nullable=True,
            ),
        },
    }


def schema_text(schema: dict[str, Any]) -> str:
    """The schema as written to disk: stable, readable JSON with a final newline."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def _object(
    properties: dict[str, Any], required: list[str], description: str, *, nullable: bool = False
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": ["object", "null"] if nullable else "object",
        "description": description,
        "properties": properties,
        "additionalProperties": False,  # a misspelt key is an error, as it is for mlpdm
    }
    if required:
        out["required"] = required
    return out


def _question(section: Section, question: Question, lang: str) -> dict[str, Any]:
    """One answer: its type, allowed values and the texts an editor shows on hover."""
    parts = [pick(question.prompt, lang), pick(question.help, lang)]
    conditions = [c for c in (section.when, question.when) if c]
    if conditions:
        parts.append(t("schema.asked_when", lang, condition=" and ".join(f"({c})" for c in conditions)))
    if not question.required:
        parts.append(t("schema.optional", lang))
    out: dict[str, Any] = {"title": question.label(lang), "description": "\n\n".join(parts)}
    out.update(_type(question, lang))
    return out


def _type(question: Question, lang: str) -> dict[str, Any]:
    kind = question.type
    if kind in ("text", "longtext"):
        return {"type": ["string", "null"], "maxLength": MAX_TEXT}
    if kind == "list":
        return {"type": ["array", "null"], "items": {"type": "string", "maxLength": MAX_TEXT}}
    if kind == "number":
        out: dict[str, Any] = {"type": ["integer" if question.integer else "number", "null"]}
        if question.min is not None:
            out["minimum"] = _number(question.min)
        if question.max is not None:
            out["maximum"] = _number(question.max)
        return out
    values, labels = _values(question, lang)
    if kind == "multi":
        return {
            "type": ["array", "null"],
            "items": {"enum": values, "markdownEnumDescriptions": labels},
            "uniqueItems": True,
            "minItems": 1,
        }
    if "yes" in values and "no" in values:
        # mlpdm reads a bare yes/no as true/false (YAML 1.1 style) and takes it for the answer.
        values, labels = (
            [*values, True, False],
            [*labels, labels[values.index("yes")], labels[values.index("no")]],
        )
    # One value (or nothing); an editor lists the values with their labels to pick from.
    return {"enum": [*values, None], "markdownEnumDescriptions": [*labels, t("value.none", lang)]}


def _values(question: Question, lang: str) -> tuple[list[Any], list[str]]:
    if question.type == "yesno":
        pairs = [("yes", t("value.yes", lang)), ("no", t("value.no", lang))]
    else:
        pairs = [(c.value, pick(c.label, lang)) for c in question.choices]
    if question.unsure:
        pairs.append(("unsure", t("value.unsure", lang)))
    return [v for v, _ in pairs], [label for _, label in pairs]


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value
