"""Score mlpdm's verdicts against the calibration set of real, documented launch decisions.

    python -m tests.calibration.report            # print the table
    python -m tests.calibration.report --docs     # also rewrite docs/calibration.md

Each case in ``cases/`` is a pair: ``<slug>.answers.yaml`` (answered as the feature's candid
PM would have before launch) and ``<slug>.case.yaml`` (sources, the expert verdict with its
defensible alternatives and rationale, and the risk families an expert expects raised).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from mlpdm.core.answers.document import parse_answers_doc
from mlpdm.core.decision.engine import VERDICTS, Verdict, decide
from mlpdm.repo.files import load_yaml_file
from mlpdm.repo.resources import load_packaged_questionnaire

HERE = Path(__file__).parent
CASES = HERE / "cases"
DOCS = HERE.parent.parent / "docs" / "calibration.md"
NO_GO = ("no-go-risk", "no-go-not-needed")
GO = ("go-with-conditions", "go")
SHORT = {
    "no-go-risk": "NO-GO risk",
    "no-go-not-needed": "NO-GO not needed",
    "not-ready": "NOT READY",
    "go-with-conditions": "GO w/ cond.",
    "go": "GO",
}


@dataclass(frozen=True)
class Result:
    """One case scored: the expert's label, the tool's verdict and the risks raised."""

    slug: str
    case: dict[str, Any]
    verdict: Verdict
    expected: frozenset[str]
    raised: frozenset[str]  # expected families raised by any finding
    unexpected: frozenset[str]  # families raised at condition or worse that the expert did not name

    @property
    def expert(self) -> str:
        return str(self.case["expert"]["verdict"])

    @property
    def exact(self) -> bool:
        return self.verdict.id == self.expert

    @property
    def defensible(self) -> bool:
        return self.exact or self.verdict.id in (self.case["expert"].get("defensible") or [])

    @property
    def severe_miss(self) -> bool:
        """GO of any kind where the expert says NO-GO and does not call it defensible."""
        return self.verdict.id in GO and self.expert in NO_GO and not self.defensible


def families() -> dict[str, frozenset[str]]:
    """Risk family -> the rules that raise it."""
    data = yaml.safe_load((HERE / "families.yaml").read_text(encoding="utf-8"))
    return {family: frozenset(rules) for family, rules in data.items()}


def score(cases: Path = CASES) -> list[Result]:
    """Decide every case in ``cases`` with the shipped questionnaire; compare with its expert label."""
    questionnaire = load_packaged_questionnaire()
    fams = families()
    results = []
    for case_path in sorted(cases.glob("*.case.yaml")):
        slug = case_path.name.removesuffix(".case.yaml")
        case = yaml.safe_load(case_path.read_text(encoding="utf-8"))
        data, source = load_yaml_file(cases / f"{slug}.answers.yaml", what="answers file")
        doc = parse_answers_doc(data, questionnaire, source)
        verdict = decide(questionnaire, doc.answers)
        fired = {f.rule.id for f in verdict.findings}
        loud = {f.rule.id for f in verdict.findings if f.outcome != "note"}
        expected = frozenset(case["expert"].get("risks") or [])
        unknown = expected - set(fams)
        if unknown:
            raise SystemExit(f"{case_path}: unknown risk families {sorted(unknown)}")
        raised = frozenset(f for f in expected if fams[f] & fired)
        unexpected = frozenset(f for f, rules in fams.items() if f not in expected and rules & loud)
        results.append(Result(slug, case, verdict, expected, raised, unexpected))
    return results


def summary(results: list[Result]) -> dict[str, Any]:
    """The headline figures."""
    n = len(results)
    expected = sum(len(r.expected) for r in results)
    return {
        "cases": n,
        "exact": sum(r.exact for r in results),
        "defensible": sum(r.defensible for r in results),
        "severe_misses": [r.slug for r in results if r.severe_miss],
        "risks_expected": expected,
        "risks_raised": sum(len(r.raised) for r in results),
        "unexpected_per_case": sum(len(r.unexpected) for r in results) / n if n else 0.0,
    }


def _pct(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f}%)" if whole else "0/0"


def render(results: list[Result]) -> str:
    """The report as Markdown: figures, confusion matrix, then every case with its sources."""
    s = summary(results)
    lines = [
        f"- Cases: {s['cases']} "
        f"({sum(1 for r in results if not r.case.get('llm'))} without an LLM, "
        f"{sum(1 for r in results if str(r.case.get('country')) != 'US')} outside the US)",
        f"- Exact verdict: {_pct(s['exact'], s['cases'])}",
        f"- Defensible verdict: {_pct(s['defensible'], s['cases'])}",
        f"- Severe misses (GO of any kind where the expert says NO-GO): {len(s['severe_misses'])}"
        + (f" ({', '.join(s['severe_misses'])})" if s["severe_misses"] else ""),
        f"- Expected risks raised: {_pct(s['risks_raised'], s['risks_expected'])}",
        f"- Unexpected risks (condition or worse) per case: {s['unexpected_per_case']:.2f}",
        "",
        "Confusion matrix (rows: expert verdict; columns: mlpdm's verdict):",
        "",
        "| expert \\ mlpdm | " + " | ".join(SHORT[v] for v in VERDICTS) + " | total |",
        "|---|" + "---:|" * (len(VERDICTS) + 1),
    ]
    matrix = Counter((r.expert, r.verdict.id) for r in results)
    for row in VERDICTS:
        cells = [str(matrix[(row, col)] or "·") for col in VERDICTS]
        lines.append(
            f"| {SHORT[row]} | " + " | ".join(cells) + f" | {sum(matrix[(row, c)] for c in VERDICTS)} |"
        )
    lines += [
        "",
        "| case | country | LLM | expert | mlpdm | risks raised | sources |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        mark = "✓" if r.exact else ("≈" if r.defensible else "✗")
        sources = ", ".join(f"[{i + 1}]({src['url']})" for i, src in enumerate(r.case.get("sources") or []))
        llm = "yes" if r.case.get("llm") else "no"
        lines.append(
            f"| {r.case['title']} | {r.case.get('country', '')} | {llm} | {SHORT[r.expert]} "
            f"| {mark} {SHORT[r.verdict.id]} | {len(r.raised)}/{len(r.expected)} | {sources} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--docs", action="store_true", help="rewrite the generated part of docs/calibration.md"
    )
    parser.add_argument("--verbose", "-v", action="store_true", help="list each case's findings")
    parser.add_argument(
        "--cases", type=Path, default=CASES, help="a folder of cases to score instead (e.g. held out)"
    )
    args = parser.parse_args(argv)
    if args.docs and args.cases != CASES:
        parser.error("--docs documents the shipped cases only")
    results = score(args.cases)
    table = render(results)
    sys.stdout.write(table)
    if args.verbose:
        for r in results:
            missing = sorted(r.expected - r.raised)
            extra = sorted(r.unexpected)
            print(
                f"\n{r.slug}: expert {r.expert}, mlpdm {r.verdict.id}; missing {missing}; unexpected {extra}"
            )
            for f in r.verdict.findings:
                print(f"    {f.outcome:12} {f.rule.id}")
    if args.docs:
        text = DOCS.read_text(encoding="utf-8")
        start, end = "<!-- calibration:start -->", "<!-- calibration:end -->"
        head, _, rest = text.partition(start)
        _, _, tail = rest.partition(end)
        DOCS.write_text(f"{head}{start}\n{table}{end}{tail}", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
