"""The portfolio page: every brief in the docs directory with its verdict and decision."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from jinja2 import BaseLoader

from mlpdm.core.answers.document import AnswersDoc
from mlpdm.core.brief.frontmatter import index_block
from mlpdm.core.brief.render import VERDICT_MARK, is_override, render_template
from mlpdm.core.decision.engine import VERDICTS, Verdict
from mlpdm.core.text.languages import LocalizedText, pick
from mlpdm.core.text.messages import t

INDEX_TEMPLATE = "index.md.j2"


@dataclass(frozen=True)
class Entry:
    """One brief on the portfolio page: only what the page shows of it.

    Holding 10,000 full answers and verdicts until the page is written costs a couple of
    hundred megabytes; this costs a few hundred bytes a brief.
    """

    slug: str
    feature: str
    owner: str
    date: str
    review_by: str
    status: str
    verdict: str
    reason: LocalizedText | None  # the title of the rule named as the main reason

    @classmethod
    def of(cls, doc: AnswersDoc, verdict: Verdict) -> Entry:
        """The entry of a brief rendered from ``doc`` with ``verdict``."""
        return cls(
            slug=doc.slug,
            feature=doc.feature,
            owner=doc.meta.get("owner", ""),
            date=doc.meta.get("date", ""),
            review_by=doc.meta.get("review_by", ""),
            status=doc.status,
            verdict=verdict.id,
            reason=verdict.top.rule.title if verdict.top else None,
        )


def render_index(entries: Sequence[tuple[Entry, str]], *, lang: str, loader: BaseLoader) -> str:
    """The portfolio page of ``entries``, each with its brief's path relative to the page.

    Deterministic: sorted by slug, no clock.
    """
    rows = []
    for entry, link in sorted(entries, key=lambda pair: pair[0].slug):
        rows.append(
            {
                "feature": entry.feature,
                "link": link,
                "owner": entry.owner,
                "date": entry.date,
                "review_by": entry.review_by,
                "verdict": f"{VERDICT_MARK[entry.verdict]} {t(f'verdict.{entry.verdict}', lang)}",
                "decision": t(f"decision.{entry.status}", lang)
                + (f" ⚠ {t('brief.override', lang)}" if is_override(entry.verdict, entry.status) else ""),
                "reason": pick(entry.reason, lang),
            }
        )
    counts = Counter(entry.verdict for entry, _ in entries)
    totals = [
        {"id": v, "label": t(f"verdict.{v}", lang), "mark": VERDICT_MARK[v], "count": counts.get(v, 0)}
        for v in VERDICTS
    ]
    body = render_template(
        loader, INDEX_TEMPLATE, lang, {"rows": rows, "totals": totals, "total": len(entries)}
    )
    return index_block(briefs=len(entries), lang=lang) + "\n" + body.strip("\n") + "\n"
