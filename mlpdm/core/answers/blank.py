"""The answers file `mlpdm new` writes: every question as a comment above an empty key.

A person fills it in an editor (checked as they type against the schema kept beside it, see
core/schema.py) and `mlpdm render` turns it into the brief. Everything is text in YAML
comments except the keys, so the file reads back as an answers file with no answers yet.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from mlpdm.core.answers.schema import modeline
from mlpdm.core.questionnaire.model import Question, Questionnaire, Section
from mlpdm.core.text.languages import pick
from mlpdm.core.text.linebreak import wrap_lines
from mlpdm.core.text.messages import t

WIDTH = 88  # of a comment's text, so the file reads well beside an editor's other panes


def blank_answers(questionnaire: Questionnaire, meta: Mapping[str, str], *, file_name: str, lang: str) -> str:
    """The text of a new answers file for the feature ``meta`` names, its comments in ``lang``."""
    q = questionnaire
    lines = [modeline(q.id).rstrip("\n")]
    lines += _comment(t("new.header", lang, feature=meta["feature"]), "")
    lines.append(f"#   mlpdm render {file_name}")
    lines += _comment(t("new.header_empty", lang), "")
    lines += ["questionnaire:", f"  id: {q.id}", f"  version: {q.version}"]
    if q.base_version is not None:
        lines.append(f"  base_version: {q.base_version}")
    lines.append("meta:")
    lines += [f"  {key}: {_quoted(value)}" for key, value in meta.items()]
    lines.append("answers:")
    for section in q.sections:
        lines.append("")
        lines.append(f"  # {'=' * 20} {t('new.section', lang, title=pick(section.title, lang))}")
        for question in section.questions:
            lines.append("")
            lines += _question(section, question, lang)
    return "\n".join(lines) + "\n"


def _question(section: Section, question: Question, lang: str) -> list[str]:
    pad = "  "
    need = t("new.required" if question.required else "new.optional", lang)
    lines = _comment(pick(question.prompt, lang) + t("p.paren", lang, text=need), pad)
    lines += _comment(t("new.why", lang, text=pick(question.help, lang)), pad)
    if question.example:
        lines += _comment(t("new.example", lang, text=pick(question.example, lang)), pad)
    conditions = [c for c in (section.when, question.when) if c]
    if conditions:
        condition = " and ".join(f"({c})" for c in conditions)
        lines += _comment(t("new.when", lang, condition=condition), pad)
    lines += _how(question, lang, pad)
    lines.append(f"{pad}{question.id}:")
    return lines


def _how(question: Question, lang: str, pad: str) -> list[str]:
    """How to write the answer: the choices with their labels, or the kind of value."""
    kind = question.type
    if kind in ("choice", "multi"):
        values = [c.value for c in question.choices]
        head = t("new.choices", lang) if kind == "choice" else t("new.multi", lang, first=values[0])
        lines = _comment(head, pad)
        for choice in question.choices:
            label = _visible(" ".join(pick(choice.label, lang).split()))
            lines.append(f"{pad}#   {choice.value}: {label}")
        if question.unsure:
            lines.append(f"{pad}#   unsure: {t('value.unsure', lang)}")
        return lines
    if kind == "yesno":
        unsure = t("new.type.unsure", lang) if question.unsure else ""
        return _comment(t("new.type.yesno", lang, unsure=unsure), pad)
    if kind == "number":
        low, high = (_fmt(v) if v is not None else None for v in (question.min, question.max))
        if low is not None and high is not None:
            bounds = t("new.type.bounds", lang, min=low, max=high)
        elif low is not None:
            bounds = t("new.type.min", lang, min=low)
        elif high is not None:
            bounds = t("new.type.max", lang, max=high)
        else:
            bounds = ""
        key = "new.type.integer" if question.integer else "new.type.number"
        return _comment(t(key, lang, bounds=bounds), pad)
    return _comment(t(f"new.type.{kind}", lang), pad)


# What YAML does not allow in a file (it refuses to read it), and what it reads as a line break
# (a comment would end there and the rest be read as data).
_UNWRITABLE = re.compile("[^\x09\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029]")


def _visible(text: str) -> str:
    """``text`` with what a YAML file cannot hold shown as ``<U+001B>``, as the terminal shows it."""
    return _UNWRITABLE.sub(lambda m: f"<U+{ord(m[0]):04X}>", text)


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar that reads back exactly as ``text``, whatever it holds."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + _UNWRITABLE.sub(lambda m: f"\\u{ord(m[0]):04x}", escaped) + '"'


def _comment(text: str, pad: str) -> list[str]:
    return [f"{pad}# {_visible(line)}".rstrip() for line in wrap_lines(text, WIDTH)]


def _fmt(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)
