"""The decision card: what a reviewer reads first, at the top of the brief, as plain data.

Everything here is computed from what the brief already knows (findings, the what-if search,
the evaluation plan); the template only lays it out. The card stays short on purpose: at most
three reasons, one line each, and a checklist of finding titles that link to the findings.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from mlpdm.core.brief.sections import kpi_values, message
from mlpdm.core.decision.engine import Finding, Verdict
from mlpdm.core.decision.whatif import WhatIf
from mlpdm.core.evaluation.planner import EvaluationPlan
from mlpdm.core.questionnaire.conditions import compile_condition
from mlpdm.core.questionnaire.model import UNSURE, Questionnaire
from mlpdm.core.text.markdown import Md, escape_fragment
from mlpdm.core.text.messages import t
from mlpdm.core.text.readable import display_value, number, percent

REASONS = 3  # the "at most three most severe reasons"
CHECKLIST = 8  # with three reasons and five changes the card still fits one screen; the rest are linked
OPEN = 8  # open questions named in the card; all of them are listed below it
ANSWER_CHARS = 80  # an answer quoted in a one-line reason is cut here (the full one is below)


def anchor(number_: str) -> str:
    """The anchor of a finding's heading: ``finding-f1`` for F1 (see finding.md.j2)."""
    return f"finding-{number_.lower()}"


def card_context(
    questionnaire: Questionnaire,
    verdict: Verdict,
    answers: Mapping[str, Any],
    findings: Sequence[Mapping[str, Any]],
    whatif: WhatIf,
    plan: EvaluationPlan,
    open_questions: Sequence[Mapping[str, Any]],
    lang: str,
) -> dict[str, Any]:
    """The card's parts: reasons, the launch checklist, what to build instead, key numbers."""
    not_needed = verdict.id == "no-go-not-needed"
    deciding = [(f, d) for f, d in zip(verdict.findings, findings, strict=True) if d["deciding"]]
    # An "ML not needed" brief lists no steps that harden the ML it advises against.
    steps = [] if not_needed else [d for d in findings if d["outcome"] != "note"]
    return {
        "reasons": [
            {**_item(d), "behind": _behind(questionnaire, f, whatif, answers, lang)}
            for f, d in deciding[:REASONS]
        ],
        "checklist": [_item(d) for d in steps[:CHECKLIST]],
        "more": len(steps) - CHECKLIST if len(steps) > CHECKLIST else 0,
        "instead": _instead(answers, lang) if not_needed else [],
        "numbers": [] if not_needed else _numbers(questionnaire, answers, plan, lang),
        "open": [q["label"] + t("p.paren", lang, text=q["state"]) for q in open_questions[:OPEN]],
        "open_more": max(len(open_questions) - OPEN, 0),
    }


def _item(finding: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "number": finding["number"],
        "title": finding["title"],
        "outcome_label": finding["outcome_label"],
        "anchor": anchor(finding["number"]),
    }


def _behind(
    questionnaire: Questionnaire, finding: Finding, whatif: WhatIf, answers: Mapping[str, Any], lang: str
) -> str | None:
    """The one answer behind a finding, as “Label: “value””.

    The answer whose change lifts it when the what-if search found one; otherwise the first
    of those the rule itself reads (not the ones that only set its severity), passing over
    yes/no gates such as "Uses an LLM" when the rule reads a more telling answer.
    """
    lift = whatif.for_rule(finding.rule.id)
    triggers = [trigger.question_id for trigger in finding.triggers]
    if lift is not None and lift.changes:
        qid = lift.changes[0].question_id
    else:
        own = set(questionnaire.underlying_questions(compile_condition(finding.rule.when).names))
        ranked = sorted(
            triggers,
            key=lambda q: (q not in own, questionnaire.question(q).type == "yesno", triggers.index(q)),
        )
        if not ranked:
            return None
        qid = ranked[0]
    question = questionnaire.question(qid)
    value = display_value(question, answers.get(qid), lang)
    if len(value) > ANSWER_CHARS:
        value = value[: ANSWER_CHARS - 1].rstrip() + "…"
    return t("p.labelled", lang, label=question.label(lang), text=t("p.quoted", lang, text=value))


def _given(answers: Mapping[str, Any], qid: str) -> bool:
    return answers.get(qid) not in (None, "", [], UNSURE)


def _instead(answers: Mapping[str, Any], lang: str) -> list[tuple[str, str]]:
    missing = t("plan.kpi.missing", lang)
    return [
        (
            t("brief.instead.approach", lang),
            answers["alternative"] if _given(answers, "alternative") else missing,
        ),
        (
            t("brief.instead.revisit", lang),
            answers["revisit_signal"] if _given(answers, "revisit_signal") else missing,
        ),
    ]


def _numbers(
    questionnaire: Questionnaire, answers: Mapping[str, Any], plan: EvaluationPlan, lang: str
) -> list[tuple[str, Md]]:
    """Key numbers, only those answered.

    The KPI today and its target, the launch bar, the evaluation set against what the plan
    needs, and a pilot's interval against the bar.
    """
    kpi = kpi_values(questionnaire, answers, lang)
    rows: list[tuple[str, Md]] = []
    if kpi["kpi"] is not None:
        today, target = kpi["today"], kpi["target"]
        form = "today_target" if today and target else "today" if today else "target" if target else "only"
        rows.append(
            (
                t("plan.kpi.kpi", lang),
                message(f"card.kpi.{form}", lang, kpi=kpi["kpi"], today=today, target=target),
            )
        )
    if kpi["bar"] is not None:
        rows.append((t("plan.kpi.bar", lang), Md(escape_fragment(kpi["bar"]))))
    evaluation = _evaluation(questionnaire, answers, plan, lang)
    if evaluation:
        rows.append((t("card.eval", lang), Md(t("p.sep", lang).join(evaluation))))
    check = plan.launch
    if check is not None:
        bar_pct = number(check.target_pct) if check.target_pct is not None else ""
        rows.append(
            (
                t("card.pilot", lang),
                message(
                    "card.pilot.result",
                    lang,
                    correct=number(check.correct),
                    total=number(check.total),
                    low=percent(check.interval.low),
                    high=percent(check.interval.high),
                    outcome=message(f"card.pilot.{check.outcome}", lang, target=bar_pct),
                ),
            )
        )
    return rows


def _evaluation(
    questionnaire: Questionnaire, answers: Mapping[str, Any], plan: EvaluationPlan, lang: str
) -> list[Md]:
    parts: list[Md] = []
    size = answers.get("eval_size")
    ready = (
        display_value(questionnaire.question("eval_ready"), answers["eval_ready"], lang)
        if "eval_ready" in questionnaire.question_index and _given(answers, "eval_ready")
        else None
    )
    if isinstance(size, int | float):
        parts.append(message("card.eval.size", lang, size=number(size)))
        if ready:
            parts[-1] = Md(parts[-1] + message("p.paren", lang, text=ready))
    elif ready:
        parts.append(Md(escape_fragment(ready)))
    sample = plan.sample
    if sample is not None:
        bar = number(sample.bar_pct) if sample.bar_pct is not None else ""
        if sample.bar_cannot:
            parts.append(message("card.eval.cannot", lang, bar=bar))
        else:
            key = "card.eval.needed.bar" if sample.bar_total is not None else "card.eval.needed"
            parts.append(
                message(key, lang, total=number(sample.total), margin=number(sample.margin_pct), bar=bar)
            )
    return parts
