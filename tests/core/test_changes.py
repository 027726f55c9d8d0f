"""The comparison of two versions of the answers files, and its Markdown (pure, no git)."""

from __future__ import annotations

from mlpdm.core.answers.document import parse_answers_doc
from mlpdm.core.brief.changes import FeatureChange, Outcome, Side, compare, render_changes
from mlpdm.core.decision.engine import decide
from mlpdm.repo.files import load_yaml_file
from tests.conftest import REPO


def side(default_q, **answers) -> Side:
    data, source = load_yaml_file(REPO / "examples" / "invoice-ocr.answers.yaml", what="answers")
    # Enough invoices labelled for the bar in both groups: a GO to start from.
    data["answers"].update({"eval_size": 1400, **answers})
    doc = parse_answers_doc(data, default_q, source)
    return Side.decided(default_q, doc, decide(default_q, doc.answers))


def test_the_same_answers_are_no_change(default_q):
    assert compare({"a": side(default_q)}, {"a": side(default_q)}, "en") == ()
    broken = Side.broken("bad")
    assert compare({"a": broken}, {"a": broken}, "en") == ()


def test_a_file_that_became_unreadable_is_a_change(default_q):
    (change,) = compare({"a": side(default_q)}, {"a": Side.broken("line 3: bad")}, "en")
    assert change.kind == "changed" and change.after is not None and change.after.verdict is None
    text = render_changes((change,), base="`main`", docs="docs", lang="en")
    assert "- **Verdict:** 🟢 GO → cannot be read (line 3: bad)" in text


def test_a_finding_with_another_outcome_is_shown_before_and_after():
    before = Outcome("go-with-conditions", "r", "Risky", "draft", {"r": ("condition", "Risky")}, None)
    after = Outcome("no-go-risk", "r", "Risky", "draft", {"r": ("blocker", "Risky")}, None)
    change = FeatureChange("docs/a.answers.yaml", "A", "changed", before, after)
    assert change.regraded == (("Risky", "condition", "blocker"),)
    assert change.added == () and change.removed == ()
    text = render_changes((change,), base="`main`", docs="docs", lang="en")
    assert "- **Findings with another outcome:**\n  - **Risky:** Condition → Blocker" in text
    assert "**Top reason:**" not in text  # the same rule is still the top reason


def test_answers_are_listed_in_questionnaire_order(default_q):
    old = side(default_q)
    new = side(default_q, kill_switch="no", audience="consumers")
    (change,) = compare({"a": old}, {"a": new}, "en")
    assert [a.question for a in change.answers] == ["audience", "kill_switch"]
