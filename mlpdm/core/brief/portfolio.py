"""The portfolio page: every brief in the docs directory with its verdict and decision."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from jinja2 import BaseLoader

from mlpdm.core.answers.document import AnswersDoc
from mlpdm.core.brief.frontmatter import index_block
from mlpdm.core.brief.render import VERDICT_MARK, is_override, render_template
from mlpdm.core.decision.engine import VERDICTS, Verdict
from mlpdm.core.text.languages import pick
from mlpdm.core.text.messages import t

INDEX_TEMPLATE = "index.md.j2"


@dataclass(frozen=True)
class Entry:
    """One brief on the portfolio page."""

    doc: AnswersDoc
    verdict: Verdict
    brief_link: str  # path of the brief relative to the index page


def for_index(doc: AnswersDoc, verdict: Verdict) -> tuple[AnswersDoc, Verdict]:
    """Only what the index shows of a brief: its meta and decision, the verdict, one finding.

    Holding 10,000 full answers and verdicts until the index is written costs a couple of
    hundred megabytes; this costs a few hundred bytes a brief.
    """
    return replace(doc, answers={}), Verdict(verdict.id, (verdict.top,) if verdict.top else ())


def render_index(entries: Sequence[Entry], *, lang: str, loader: BaseLoader) -> str:
    """The portfolio page. Deterministic: sorted by slug, no clock."""
    rows = []
    for entry in sorted(entries, key=lambda e: e.doc.slug):
        top = entry.verdict.top
        rows.append(
            {
                "feature": entry.doc.feature,
                "link": entry.brief_link,
                "owner": entry.doc.meta.get("owner", ""),
                "date": entry.doc.meta.get("date", ""),
                "review_by": entry.doc.meta.get("review_by", ""),
                "verdict": f"{VERDICT_MARK[entry.verdict.id]} {t(f'verdict.{entry.verdict.id}', lang)}",
                "decision": t(f"decision.{entry.doc.status}", lang)
                + (
                    f" ⚠ {t('brief.override', lang)}"
                    if is_override(entry.verdict.id, entry.doc.status)
                    else ""
                ),
                "reason": pick(top.rule.title, lang) if top else "",
            }
        )
    counts = Counter(e.verdict.id for e in entries)
    totals = [
        {"id": v, "label": t(f"verdict.{v}", lang), "mark": VERDICT_MARK[v], "count": counts.get(v, 0)}
        for v in VERDICTS
    ]
    body = render_template(
        loader, INDEX_TEMPLATE, lang, {"rows": rows, "totals": totals, "total": len(entries)}
    )
    return index_block(briefs=len(entries), lang=lang) + "\n" + body.strip("\n") + "\n"
