"""Render a brief (Markdown or JSON) from answers and a verdict, through a sandboxed template."""

from __future__ import annotations

import json
import traceback
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

from jinja2 import BaseLoader, Environment, StrictUndefined, Template, TemplateError
from jinja2.sandbox import SecurityError

from mlpdm.core.answers.document import AnswersDoc
from mlpdm.core.answers.steps import compute_visibility
from mlpdm.core.brief.card import anchor, card_context
from mlpdm.core.brief.frontmatter import GENERATOR, seal, text_digest
from mlpdm.core.brief.sections import message, plan_context, whatif_context
from mlpdm.core.decision.diagram import mermaid
from mlpdm.core.decision.engine import OUTCOME_VERDICT, Finding, Verdict
from mlpdm.core.decision.whatif import what_would_change
from mlpdm.core.evaluation.planner import evaluation_plan
from mlpdm.core.questionnaire.model import OUTCOMES, UNSURE, Question, Questionnaire
from mlpdm.core.questionnaire.sandbox import TEMPLATE_LIMITS, BoundedSandbox, LimitError
from mlpdm.core.text.errors import UserError
from mlpdm.core.text.languages import pick
from mlpdm.core.text.markdown import (
    Md,
    code,
    escape_block,
    escape_cell,
    escape_inline,
    link,
    quote,
)
from mlpdm.core.text.messages import MESSAGES, t
from mlpdm.core.text.readable import display_value

BRIEF_TEMPLATE = "brief.md.j2"
VERDICT_MARK = {
    "no-go-risk": "🔴",
    "no-go-not-needed": "🔵",
    "not-ready": "🟠",
    "go-with-conditions": "🟡",
    "go": "🟢",
}


def answers_filename(slug: str) -> str:
    """The answers file's name for a slug."""
    return f"{slug}.answers.yaml"


# -- the context both formats are built from --------------------------------------------------


def brief_context(
    questionnaire: Questionnaire,
    doc: AnswersDoc,
    verdict: Verdict,
    lang: str,
    *,
    answers_link: str | None = None,
) -> dict[str, Any]:
    """Everything a brief shows, as plain data (also the JSON format's content).

    ``answers_link`` is the answers file's path relative to the brief (default: the file
    name, for a brief next to its answers).
    """
    visibility = compute_visibility(questionnaire, doc.answers)
    shown = {q.id for q in visibility.questions}
    applicable = {qid: doc.answers[qid] for qid in shown if qid in doc.answers}
    search = what_would_change(questionnaire, applicable, verdict)
    whatif = whatif_context(questionnaire, search, lang, applicable)
    findings = [_finding(questionnaire, f, i, verdict, lang) for i, f in enumerate(verdict.findings, 1)]
    for finding in findings:
        finding["lift"] = whatif["lifts"].get(finding["rule"], [])
    open_questions = [
        {
            "id": q.id,
            "label": q.label(lang),
            "prompt": pick(q.prompt, lang),
            "state": t("open.unsure" if _has_unsure(doc.answers.get(q.id)) else "open.blank", lang),
        }
        for q in visibility.questions
        if _is_open(q, doc.answers.get(q.id))
    ]
    # An "ML not needed" brief cites only what it shows: the findings that set the verdict.
    cited = verdict.deciding if verdict.id == "no-go-not-needed" else verdict.findings
    counts = {o: sum(1 for f in verdict.findings if f.outcome == o) for o in OUTCOMES}
    head = header_context(questionnaire, doc, verdict, lang)
    return {
        **head,
        "decision": {
            **head["decision"],
            "label": t(f"decision.{doc.status}", lang),
            "by": doc.decision.get("by", ""),
            "date": doc.decision.get("date", ""),
            "rationale": doc.decision.get("rationale", ""),
            "superseded_by": doc.decision.get("superseded_by", ""),
            "override": is_override(verdict.id, doc.status),
        },
        "answers_file": answers_filename(doc.slug),
        "answers_link": answers_link or answers_filename(doc.slug),
        "questionnaire": {**head["questionnaire"], "title": pick(questionnaire.title, lang)},
        "verdict": {
            **head["verdict"],
            "label": t(f"verdict.{verdict.id}", lang),
            "explain": t(f"verdict.{verdict.id}.explain", lang),
            "mark": VERDICT_MARK[verdict.id],
        },
        "counts": counts,
        "outcome_labels": {o: t(f"outcome.{o}.plural", lang) for o in OUTCOMES},
        "findings": findings,
        "answers": {q.id: display_value(q, doc.answers.get(q.id), lang) for q in visibility.questions},
        "values": {qid: doc.answers.get(qid) for qid in shown},
        "labels": {q.id: q.label(lang) for _, q in questionnaire.questions()},
        "sections": [
            {
                "id": section.id,
                "title": pick(section.title, lang),
                "rows": [
                    {
                        "id": q.id,
                        "label": q.label(lang),
                        "type": q.type,
                        "value": display_value(q, doc.answers.get(q.id), lang),
                    }
                    for q in questions
                ],
            }
            for section, questions in visibility.sections
        ],
        "open_questions": open_questions,
        "next_steps": [f for f in findings if f["outcome"] != "note"],
        "coverage": _coverage(questionnaire, visibility.questions, findings, lang),
        "sources": _cited_sources(questionnaire, cited, lang),
        "plan": plan_context(questionnaire, applicable, lang),
        "whatif": whatif,
        "diagram": mermaid(verdict, lang),
        "card": card_context(
            questionnaire,
            verdict,
            applicable,
            findings,
            search,
            evaluation_plan(applicable),
            open_questions,
            lang,
        ),
    }


def is_override(verdict_id: str, status: str) -> bool:
    """Whether the team's decision goes against the recommendation."""
    go = verdict_id in ("go", "go-with-conditions")
    return (status == "accepted" and not go) or (status == "rejected" and go)


def _has_unsure(value: Any) -> bool:
    return value == UNSURE or (isinstance(value, list) and UNSURE in value)


def _is_open(question: Question, value: Any) -> bool:
    if _has_unsure(value):
        return True
    return value in (None, []) and question.blank_means == "unknown"


def _finding(
    questionnaire: Questionnaire, finding: Finding, number: int, verdict: Verdict, lang: str
) -> dict[str, Any]:
    rule = finding.rule
    return {
        "number": f"F{number}",
        "anchor": anchor(f"F{number}"),
        "rule": rule.id,
        "outcome": finding.outcome,
        "outcome_label": t(f"outcome.{finding.outcome}", lang),
        "action_label": t(f"outcome.{finding.outcome}.action", lang),
        "deciding": OUTCOME_VERDICT.get(finding.outcome) == verdict.id,
        "title": pick(rule.title, lang),
        "message": pick(rule.message, lang),
        "action": pick(rule.action, lang),
        **_steps(pick(rule.action, lang)),
        "triggers": [
            {
                "id": trig.question_id,
                "label": questionnaire.question(trig.question_id).label(lang),
                "value": display_value(questionnaire.question(trig.question_id), trig.value, lang),
            }
            for trig in finding.triggers
        ],
        "points": [
            {"id": p, "title": pick(questionnaire.checklist_index[p].title, lang)} for p in rule.points
        ],
        "sources": [_source(questionnaire, s, lang) for s in rule.sources],
    }


def _steps(action: str) -> dict[str, Any]:
    """An action as a lead-in and its steps: a rule writes steps as lines that start with "- ".

    Four things to do chained in one sentence ("…し、…し、…し、…する") read better as a list;
    an action without such lines is all lead-in, and the brief prints it on one line.
    """
    lead, steps = [], []
    for line in action.splitlines():
        if line.startswith("- "):
            steps.append(line[2:].strip())
        else:
            lead.append(line.strip())
    return {"lead": " ".join(part for part in lead if part), "steps": steps}


def _coverage(
    questionnaire: Questionnaire, shown: tuple[Question, ...], findings: list[dict[str, Any]], lang: str
) -> list[dict[str, Any]]:
    rows = []
    for item in questionnaire.checklist:
        rows.append(
            {
                "id": item.id,
                "title": pick(item.title, lang),
                "questions": sum(1 for q in shown if item.id in q.points),
                "findings": [f["number"] for f in findings if any(p["id"] == item.id for p in f["points"])],
            }
        )
    return rows


def _source(questionnaire: Questionnaire, sid: str, lang: str) -> dict[str, str]:
    source = questionnaire.source_index[sid]
    return {"id": sid, "title": source.title_in(lang), "url": source.url}


def _cited_sources(
    questionnaire: Questionnaire, findings: tuple[Finding, ...], lang: str
) -> list[dict[str, str]]:
    seen: list[str] = []
    for finding in findings:
        for sid in finding.rule.sources:
            if sid not in seen:
                seen.append(sid)
    return [_source(questionnaire, s, lang) for s in seen]


# -- Markdown ------------------------------------------------------------------------------------


def _finalize(value: Any) -> str:
    # Every {{ expression }} passes through here: text is escaped unless mlpdm marked it Md.
    if value is None:
        return ""
    if isinstance(value, Md):
        return value
    return escape_inline(value)


@lru_cache(maxsize=8)
def environment(loader: BaseLoader) -> BoundedSandbox:
    """The sandboxed template environment: escaping on output, mlpdm's Markdown filters."""
    env = BoundedSandbox(
        limits=TEMPLATE_LIMITS,
        loader=loader,
        undefined=StrictUndefined,
        finalize=_finalize,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.add_filters(
        trusted_mermaid=Md,  # built by core/diagram.py from mlpdm's own labels only
        cell=escape_cell,
        block=escape_block,
        quote=quote,
        code=code,
        link=link,
        inline=lambda v: Md(escape_inline(v)),
    )
    return env


def select_template(env: Environment, name: str, lang: str) -> Template:
    """``brief.ja.md.j2`` for Japanese when a team provides one, else ``brief.md.j2``.

    The shipped templates take every word from the message catalogue, so one file serves both
    languages; a team that wants a different layout per language adds the localized file.
    """
    stem, _, rest = name.partition(".")
    return env.select_template([f"{stem}.{lang}.{rest}", name])


def header_context(
    questionnaire: Questionnaire, doc: AnswersDoc, verdict: Verdict, lang: str
) -> dict[str, Any]:
    """What the front matter is made of: the start of ``brief_context``, cheap to build."""
    return {
        "lang": lang,
        "feature": doc.feature,
        "slug": doc.slug,
        "owner": doc.meta.get("owner", ""),
        "date": doc.meta.get("date", ""),
        "review_by": doc.meta.get("review_by", ""),
        "decision": {"status": doc.status},
        "questionnaire": {
            "id": questionnaire.id,
            "version": doc.questionnaire_version,
            "base_version": doc.base_version,
        },
        "verdict": {"id": verdict.id},
        "top_reason": verdict.top.rule.id if verdict.top else None,
        "answers_digest": doc.digest(),
    }


# Messages only the command line shows: changing one must not make every brief stale. (Were a
# brief to use one, the golden briefs' guard in tests/test_examples.py would say so.)
_CLI_ONLY: tuple[str, ...]
_CLI_ONLY = ("help.", "check.", "error.", "config.", "interview.", "qn.", "stats.", "decide.", "render.")
_CLI_ONLY += ("problem.", "answer.")
_RENDER_DIGESTS: dict[tuple[int, int, str], tuple[Questionnaire, BaseLoader, str]] = {}


def render_digest(questionnaire: Questionnaire, loader: BaseLoader, lang: str) -> str:
    """A fingerprint of everything a brief is rendered with besides its answers.

    The questionnaire's content, every template the loader offers, the message catalogue
    (but for the command line's own messages), and the language. With the
    answers it keys the per-user cache of verified briefs (see ``checks.Checker``). Computed once
    per process for each.
    """
    key = (id(questionnaire), id(loader), lang)
    cached = _RENDER_DIGESTS.get(key)
    if cached is not None and cached[0] is questionnaire and cached[1] is loader:
        return cached[2]
    env = environment(loader)
    sources = [(name, loader.get_source(env, name)[0]) for name in sorted(loader.list_templates())]
    payload = json.dumps(
        [lang, questionnaire.model_dump(mode="json"), sources, _brief_messages()],
        sort_keys=True,
        ensure_ascii=False,
    )
    digest = text_digest(payload)
    _RENDER_DIGESTS[key] = (questionnaire, loader, digest)
    return digest


def _brief_messages() -> dict[str, dict[str, str]]:
    return {key: text for key, text in MESSAGES.items() if not key.startswith(_CLI_ONLY)}


def render_brief(
    questionnaire: Questionnaire,
    doc: AnswersDoc,
    verdict: Verdict,
    *,
    lang: str,
    loader: BaseLoader,
    template: str = BRIEF_TEMPLATE,
    answers_link: str | None = None,
) -> str:
    """The Markdown brief. Deterministic: the same inputs give the same bytes."""
    context = brief_context(questionnaire, doc, verdict, lang, answers_link=answers_link)
    body = render_template(loader, template, lang, context)
    body = body.strip("\n") + "\n"
    return seal(context, body).text() + "\n" + body


def render_template(loader: BaseLoader, name: str, lang: str, context: Mapping[str, Any]) -> str:
    """Render a (possibly team-provided) template in the sandbox; its mistakes become UserErrors.

    Every message names the template's file and, when known, the line.
    """
    env = environment(loader)
    try:
        return select_template(env, name, lang).render(**context, t=_catalogue(lang))
    except UserError:
        raise
    except LimitError as exc:
        raise UserError.of(
            f"template_{exc.kind}", place=_template_where(exc, name), limit=f"{exc.limit:,}"
        ) from None
    except _MessageError as exc:
        place = _template_where(exc, name)
        if exc.missing is None:
            raise UserError.of("template_no_message", place=place, key=exc.key) from None
        raise UserError.of("template_message_values", place=place, key=exc.key, name=exc.missing) from None
    except SecurityError as exc:
        raise UserError.of("template_forbidden", place=_template_where(exc, name), reason=str(exc)) from None
    except TemplateError as exc:
        raise UserError.of("template_broken", place=_template_where(exc, name), reason=str(exc)) from None
    except (OverflowError, RecursionError, MemoryError) as exc:
        # The sandbox stops huge ranges; deep recursion and memory hit Python's own limits.
        raise UserError.of(
            "template_runaway", place=_template_where(exc, name), reason=f"{type(exc).__name__}: {exc}"
        ) from None
    except Exception as exc:  # what a team's expression can raise: 1/0, 'a' + 1, int('x')...
        raise UserError.of(
            "template_failed", place=_template_where(exc, name), reason=f"{type(exc).__name__}: {exc}"
        ) from None


class _MessageError(Exception):
    """A template asked for a message mlpdm does not have, or left out one of its values."""

    def __init__(self, key: Any, missing: str | None = None) -> None:
        super().__init__(key)
        self.key = key
        self.missing = missing


def _catalogue(lang: str) -> Callable[..., Md]:
    """The ``t`` templates call: a catalogue message with its values escaped."""

    def text(key: Any, **params: Any) -> Md:
        if not isinstance(key, str) or key not in MESSAGES:
            raise _MessageError(key)
        try:
            return message(key, lang, **params)
        except KeyError as exc:
            raise _MessageError(key, str(exc.args[0])) from None

    return text


def _template_where(exc: BaseException, template: str) -> str:
    """file:line of the template where ``exc`` happened: its own, else its traceback's."""
    line = getattr(exc, "lineno", None)
    if line:
        return f"{getattr(exc, 'filename', None) or template}:{line}"
    # Jinja rewrites tracebacks so that template code shows as frames of the template file.
    frames = [
        f
        for f in traceback.extract_tb(exc.__traceback__)
        if not f.filename.endswith(".py") and not f.filename.startswith("<")
    ]
    return f"{frames[-1].filename}:{frames[-1].lineno}" if frames else template


def render_json(questionnaire: Questionnaire, doc: AnswersDoc, verdict: Verdict, *, lang: str) -> str:
    """The brief as data, for scripts and dashboards."""
    context = brief_context(questionnaire, doc, verdict, lang)
    data = {
        "generator": GENERATOR,
        "feature": context["feature"],
        "slug": context["slug"],
        "owner": context["owner"],
        "date": context["date"],
        "questionnaire": {"id": questionnaire.id, "version": questionnaire.version},
        "answers_digest": context["answers_digest"],
        "verdict": {"id": verdict.id, "label": context["verdict"]["label"]},
        "findings": [
            {
                "id": f["number"],
                "rule": f["rule"],
                "outcome": f["outcome"],
                "deciding": f["deciding"],
                "title": f["title"],
                "message": f["message"],
                "action": f["action"],
                "triggers": [
                    {"question": tr["id"], "value": doc.answers.get(tr["id"])} for tr in f["triggers"]
                ],
                "points": [p["id"] for p in f["points"]],
                "sources": [s["id"] for s in f["sources"]],
            }
            for f in context["findings"]
        ],
        "answers": dict(doc.answers),
        "open_questions": [q["id"] for q in context["open_questions"]],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
