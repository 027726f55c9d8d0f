"""The calibration set: real launch decisions, scored against expert reviewers.

Fails on any severe miss, when a headline figure falls below the one documented in
docs/calibration.md, when that file is stale, and when the set loses its breadth.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
import yaml

from mlpdm.core.answers.document import parse_answers_doc
from mlpdm.core.decision.engine import VERDICTS
from mlpdm.repo.files import load_yaml_file
from mlpdm.repo.resources import load_packaged_questionnaire
from tests.calibration.report import CASES, DOCS, families, render, score, summary

RESULTS = score()
SUMMARY = summary(RESULTS)
CASE_FILES = sorted(CASES.glob("*.case.yaml"))


def _documented(label: str) -> tuple[int, int]:
    """A figure as docs/calibration.md states it: "<label>: N/M"."""
    match = re.search(rf"{re.escape(label)}: (\d+)/(\d+)", DOCS.read_text(encoding="utf-8"))
    assert match, f"docs/calibration.md states no {label!r}"
    return int(match.group(1)), int(match.group(2))


def test_no_severe_miss():
    assert SUMMARY["severe_misses"] == [], "GO of some kind where the expert says NO-GO"


@pytest.mark.parametrize(
    ("label", "key", "whole"),
    [
        ("Exact verdict", "exact", "cases"),
        ("Defensible verdict", "defensible", "cases"),
        ("Expected risks raised", "risks_raised", "risks_expected"),
    ],
)
def test_figures_hold_what_the_docs_promise(label, key, whole):
    part, total = _documented(label)
    assert SUMMARY[key] / SUMMARY[whole] >= part / total, f"{label} fell below {part}/{total}"


def test_the_docs_show_the_current_table():
    text = DOCS.read_text(encoding="utf-8")
    table = text.split("<!-- calibration:start -->\n", 1)[1].split("<!-- calibration:end -->", 1)[0]
    assert table == render(RESULTS), "run `python -m tests.calibration.report --docs` and review the diff"


def test_the_set_is_broad():
    expert = Counter(r.expert for r in RESULTS)
    assert len(RESULTS) >= 30
    assert all(expert[v] >= 5 for v in VERDICTS), expert
    assert sum(1 for r in RESULTS if not r.case.get("llm")) >= 10
    assert sum(1 for r in RESULTS if str(r.case.get("country")) != "US") * 3 >= len(RESULTS)


@pytest.mark.parametrize("case_path", CASE_FILES, ids=lambda p: p.name.removesuffix(".case.yaml"))
def test_every_case_is_complete_and_sourced(case_path):
    case = yaml.safe_load(case_path.read_text(encoding="utf-8"))
    for key in ("title", "organisation", "year", "country", "sources", "pitch", "expert", "outcome"):
        assert case.get(key) not in (None, ""), f"{case_path.name}: no {key}"
    assert len(case["sources"]) >= 2 and all(s["url"].startswith("http") for s in case["sources"])
    expert = case["expert"]
    assert expert["verdict"] in VERDICTS and set(expert.get("defensible") or []) <= set(VERDICTS)
    assert expert.get("rationale") and set(expert.get("risks") or []) <= set(families())
    # The answers file is complete for today's questionnaire (no "outdated" leniency).
    slug = case_path.name.removesuffix(".case.yaml")
    questionnaire = load_packaged_questionnaire()
    data, source = load_yaml_file(CASES / f"{slug}.answers.yaml", what="answers file")
    assert data["questionnaire"]["version"] == questionnaire.version
    parse_answers_doc(data, questionnaire, source)


def test_every_risk_family_names_existing_rules():
    rules = {r.id for r in load_packaged_questionnaire().rules}
    for family, members in families().items():
        assert members <= rules, f"{family}: unknown rules {sorted(members - rules)}"
