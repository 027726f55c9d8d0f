"""What changed between two versions of a docs folder's answers files, decided by mlpdm on both sides.

The input is each answers file as parsed and decided (or why it could not be) at a base version
and now; nothing a brief says about itself is read. The output is what a reviewer needs in a
pull request: for each feature whose verdict, top reason, team decision or findings changed,
before → after and the answers behind the change; new and deleted features; features whose
answers changed but not what mlpdm concludes from them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from mlpdm.core.answers.document import AnswersDoc
from mlpdm.core.brief.render import VERDICT_MARK
from mlpdm.core.decision.engine import Verdict
from mlpdm.core.questionnaire.model import Questionnaire
from mlpdm.core.text.languages import pick
from mlpdm.core.text.markdown import code, escape_fragment, escape_inline
from mlpdm.core.text.messages import t
from mlpdm.core.text.readable import display_value

Kind = Literal["changed", "new", "deleted", "answers"]


@dataclass(frozen=True)
class Side:
    """One answers file as one version holds it: decided, or the reason it could not be."""

    questionnaire: Questionnaire | None = None
    doc: AnswersDoc | None = None
    verdict: Verdict | None = None
    problem: str | None = None  # in words, when the file could not be read or decided

    @classmethod
    def decided(cls, questionnaire: Questionnaire, doc: AnswersDoc, verdict: Verdict) -> Side:
        """A file that parsed, with the verdict mlpdm decides for it."""
        return cls(questionnaire, doc, verdict)

    @classmethod
    def broken(cls, problem: str) -> Side:
        """A file that could not be read, parsed or decided."""
        return cls(problem=problem)


@dataclass(frozen=True)
class Outcome:
    """What mlpdm concludes from one side, in words: what the comparison compares."""

    verdict: str | None  # the verdict id; None when the file could not be read
    top: str | None  # the rule id of the top reason
    top_title: str
    status: str
    findings: Mapping[str, tuple[str, str]]  # rule id -> (outcome, title)
    problem: str | None


@dataclass(frozen=True)
class AnswerChange:
    """One answer that differs: the question's label and both answers as a person reads them."""

    question: str
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class FeatureChange:
    """One answers file that differs between the two versions."""

    path: str
    feature: str
    kind: Kind
    before: Outcome | None
    after: Outcome | None
    answers: tuple[AnswerChange, ...] = ()

    @property
    def added(self) -> tuple[tuple[str, str], ...]:
        """Findings only after: (outcome, title)."""
        return _only(self.after, self.before)

    @property
    def removed(self) -> tuple[tuple[str, str], ...]:
        """Findings only before: (outcome, title)."""
        return _only(self.before, self.after)

    @property
    def regraded(self) -> tuple[tuple[str, str, str], ...]:
        """Findings on both sides with another outcome: (title, outcome before, outcome after)."""
        if self.before is None or self.after is None:
            return ()
        return tuple(
            (title, self.before.findings[rid][0], outcome)
            for rid, (outcome, title) in self.after.findings.items()
            if rid in self.before.findings and self.before.findings[rid][0] != outcome
        )

    def as_dict(self) -> dict[str, Any]:
        """For --format json."""
        return {
            "path": self.path,
            "feature": self.feature,
            "kind": self.kind,
            "before": _outcome_dict(self.before),
            "after": _outcome_dict(self.after),
            "findings_added": [{"outcome": o, "title": title} for o, title in self.added],
            "findings_removed": [{"outcome": o, "title": title} for o, title in self.removed],
            "findings_regraded": [{"title": ti, "before": b, "after": a} for ti, b, a in self.regraded],
            "answers": [
                {"question": a.question, "label": a.label, "before": a.before, "after": a.after}
                for a in self.answers
            ],
        }


def _only(side: Outcome | None, other: Outcome | None) -> tuple[tuple[str, str], ...]:
    if side is None or other is None:
        return ()
    return tuple(pair for rid, pair in side.findings.items() if rid not in other.findings)


def _outcome_dict(outcome: Outcome | None) -> dict[str, Any] | None:
    if outcome is None:
        return None
    return {
        "verdict": outcome.verdict,
        "top_reason": outcome.top,
        "status": outcome.status,
        "problem": outcome.problem,
    }


def outcome_of(side: Side, lang: str) -> Outcome:
    """What mlpdm concludes from ``side``, in ``lang``."""
    if side.verdict is None or side.doc is None:
        return Outcome(None, None, "", "", {}, side.problem or "")
    top = side.verdict.top
    findings = {f.rule.id: (f.outcome, pick(f.rule.title, lang)) for f in side.verdict.findings}
    title = pick(top.rule.title, lang) if top else ""
    return Outcome(side.verdict.id, top.rule.id if top else None, title, side.doc.status, findings, None)


def _same(a: Outcome, b: Outcome) -> bool:
    return (a.verdict, a.top, a.status, a.problem, {k: v[0] for k, v in a.findings.items()}) == (
        b.verdict,
        b.top,
        b.status,
        b.problem,
        {k: v[0] for k, v in b.findings.items()},
    )


def answer_changes(before: Side, after: Side, lang: str) -> tuple[AnswerChange, ...]:
    """Every answer that differs, in questionnaire order, as a person reads it."""
    if before.doc is None or after.doc is None:
        return ()
    questionnaire = after.questionnaire or before.questionnaire
    assert questionnaire is not None
    index = questionnaire.question_index
    old, new = before.doc.answers, after.doc.answers
    ids = [qid for qid in index if qid in old or qid in new]
    ids += sorted(qid for qid in {*old, *new} if qid not in index)  # not in this questionnaire
    changes = []
    for qid in ids:
        if old.get(qid) == new.get(qid):
            continue
        question = index.get(qid)
        if question is None:
            label, shown = (
                qid,
                [str(v) if v is not None else t("value.none", lang) for v in (old.get(qid), new.get(qid))],
            )
        else:
            label = question.label(lang)
            shown = [display_value(question, v, lang) for v in (old.get(qid), new.get(qid))]
        changes.append(AnswerChange(qid, label, shown[0], shown[1]))
    return tuple(changes)


def compare(before: Mapping[str, Side], after: Mapping[str, Side], lang: str) -> tuple[FeatureChange, ...]:
    """Every answers file that differs, by path: changed outcome, new, deleted, or answers only."""
    changes = []
    for path in sorted({*before, *after}):
        old, new = before.get(path), after.get(path)
        feature = _feature(new) or _feature(old) or path
        if old is None:
            assert new is not None
            changes.append(FeatureChange(path, feature, "new", None, outcome_of(new, lang)))
            continue
        if new is None:
            changes.append(FeatureChange(path, feature, "deleted", outcome_of(old, lang), None))
            continue
        was, now = outcome_of(old, lang), outcome_of(new, lang)
        answers = answer_changes(old, new, lang)
        if not _same(was, now):
            changes.append(FeatureChange(path, feature, "changed", was, now, answers))
        elif answers:
            changes.append(FeatureChange(path, feature, "answers", was, now, answers))
    return tuple(changes)


def _feature(side: Side | None) -> str:
    return side.doc.feature if side is not None and side.doc is not None else ""


# -- Markdown ------------------------------------------------------------------------------


def _verdict(outcome: Outcome, lang: str) -> str:
    if outcome.verdict is None:
        return t("diff.unreadable", lang, problem=escape_fragment(outcome.problem))
    return f"{VERDICT_MARK[outcome.verdict]} {t(f'verdict.{outcome.verdict}', lang)}"


def _top(outcome: Outcome, lang: str) -> str:
    return escape_fragment(outcome.top_title) if outcome.top else t("diff.no_reason", lang)


def _status(outcome: Outcome, lang: str) -> str:
    return t(f"decision.{outcome.status}", lang)


def _arrow(lang: str, label: str, before: str, after: str) -> str:
    return "- " + t("diff.arrow", lang, label=label, before=before, after=after)


def _finding(lang: str, outcome: str, title: str) -> str:
    return f"  - {t(f'outcome.{outcome}', lang)} — {escape_fragment(title)}"


def _section(change: FeatureChange, lang: str) -> list[str]:
    before, after = change.before, change.after
    assert before is not None and after is not None
    lines = [f"### {escape_inline(change.feature)}", "", code(change.path), ""]
    if before.verdict != after.verdict or before.problem != after.problem:
        lines.append(_arrow(lang, t("diff.verdict", lang), _verdict(before, lang), _verdict(after, lang)))
    else:
        lines.append(
            "- " + t("diff.unchanged", lang, label=t("diff.verdict", lang), value=_verdict(after, lang))
        )
    if before.top != after.top and before.verdict is not None and after.verdict is not None:
        lines.append(_arrow(lang, t("diff.top_reason", lang), _top(before, lang), _top(after, lang)))
    if before.status != after.status and before.verdict is not None and after.verdict is not None:
        lines.append(_arrow(lang, t("diff.decision", lang), _status(before, lang), _status(after, lang)))
    for key, items in (("diff.added", change.added), ("diff.removed", change.removed)):
        if items:
            lines.append(f"- {t(key, lang)}")
            lines += [_finding(lang, outcome, title) for outcome, title in items]
    if change.regraded:
        lines.append(f"- {t('diff.regraded', lang)}")
        lines += [
            "  - "
            + t(
                "diff.arrow",
                lang,
                label=escape_fragment(title),
                before=t(f"outcome.{b}", lang),
                after=t(f"outcome.{a}", lang),
            )
            for title, b, a in change.regraded
        ]
    lines += ["", *_answers(change, lang)]
    return lines


def _answers(change: FeatureChange, lang: str) -> list[str]:
    if not change.answers:
        return []
    lines = [f"**{t('diff.answers', lang)}**", ""]
    for item in change.answers:
        before = t("p.quoted", lang, text=escape_fragment(item.before))
        after = t("p.quoted", lang, text=escape_fragment(item.after))
        lines.append(_arrow(lang, escape_fragment(item.label), before, after))
    return [*lines, ""]


def base_text(ref: str, commit: str, *, merge_base_of: str | None, lang: str) -> str:
    """The base version as a reader knows it: the ref given, or the default, and its short commit."""
    short = code(commit[:7])
    if merge_base_of is not None:
        return f"{t('diff.base_default', lang, branch=code(merge_base_of))} ({short})"
    return f"{code(ref)} ({short})" if ref != commit else short


def render_changes(changes: tuple[FeatureChange, ...], *, base: str, docs: str, lang: str) -> str:
    """The changes as Markdown for a job summary or a pull-request comment.

    ``base`` is the base version as Markdown (see ``base_text``); ``docs`` the folder compared.
    """
    if not changes:
        return t("diff.nothing", lang, docs=code(docs), base=base) + "\n"
    lines = [f"## {t('diff.title', lang)}", "", t("diff.intro", lang, docs=code(docs), base=base), ""]
    for change in changes:
        if change.kind == "changed":
            lines += _section(change, lang)
    for kind in ("new", "deleted"):
        listed = [c for c in changes if c.kind == kind]
        if not listed:
            continue
        lines += [f"### {t(f'diff.{kind}', lang)}", ""]
        for change in listed:
            outcome = change.after if kind == "new" else change.before
            assert outcome is not None
            reason = t("diff.top_inline", lang, reason=_top(outcome, lang)) if outcome.top else ""
            lines.append(f"- {_name(change)}: {_verdict(outcome, lang)}{reason}")
        lines.append("")
    same = [c for c in changes if c.kind == "answers"]
    if same:
        lines += [f"### {t('diff.same_outcome', lang)}", ""]
        for change in same:
            assert change.after is not None
            lines += [f"{_name(change)}: {_verdict(change.after, lang)}", "", *_answers(change, lang)[2:]]
    return "\n".join(lines).rstrip("\n") + "\n"


def _name(change: FeatureChange) -> str:
    return f"**{escape_fragment(change.feature)}** ({code(change.path)})"
