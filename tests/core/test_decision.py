"""The decision engine over the default questionnaire: every rule, and the verdict precedence."""

from __future__ import annotations

import pytest

from mlpdm.core.answers.coerce import coerce_answer
from mlpdm.core.answers.steps import visible_questions
from mlpdm.core.decision.engine import OUTCOME_VERDICT, VERDICTS, decide
from tests.core.scenarios import CLEAN, DROP, FIRES, with_changes


def _assert_complete(q, answers):
    """Every applicable required question has an answer, and every answer fits its question."""
    for question in visible_questions(q, answers):
        if question.required:
            assert answers.get(question.id) is not None, f"{question.id} unanswered"
        assert coerce_answer(question, answers.get(question.id)) == answers.get(question.id)


def test_clean_baseline_is_go_with_no_findings(default_q):
    _assert_complete(default_q, CLEAN)
    verdict = decide(default_q, CLEAN)
    assert verdict.id == "go"
    assert verdict.findings == ()


def test_every_rule_has_a_scenario(default_q):
    assert {r.id for r in default_q.rules} == set(FIRES)


@pytest.mark.parametrize("rule_id", sorted(FIRES))
def test_rule_fires_on_its_scenario(default_q, rule_id):
    answers = with_changes(FIRES[rule_id])
    _assert_complete(default_q, answers)
    verdict = decide(default_q, answers)
    fired = {f.rule.id: f for f in verdict.findings}
    assert rule_id in fired
    outcome = fired[rule_id].outcome
    # The verdict is at least as strong as this finding's outcome (set by its severity tiers).
    if outcome in OUTCOME_VERDICT:
        assert VERDICTS.index(verdict.id) <= VERDICTS.index(OUTCOME_VERDICT[outcome])
    # The finding names the answers behind it, and they are among the changed ones.
    trigger_ids = {trig.question_id for trig in fired[rule_id].triggers}
    changed = {k for k, v in FIRES[rule_id].items() if v is not DROP}
    assert trigger_ids & changed


def test_findings_are_ordered_by_strength(default_q):
    answers = with_changes({**FIRES["no-owner"], **FIRES["unreviewed-severe-harm"], **FIRES["no-fallback"]})
    outcomes = [f.outcome for f in decide(default_q, answers).findings]
    assert outcomes == sorted(
        outcomes, key=["blocker", "not-needed", "prerequisite", "condition", "note"].index
    )


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({**FIRES["unreviewed-severe-harm"], **FIRES["simpler-solution-suffices"]}, "no-go-risk"),
        ({**FIRES["simpler-solution-suffices"], **FIRES["no-kpi"]}, "no-go-not-needed"),
        ({**FIRES["no-kpi"], **FIRES["output-used-downstream"]}, "not-ready"),
        ({**FIRES["output-used-downstream"], **FIRES["learn-and-share"]}, "go-with-conditions"),
        (FIRES["learn-and-share"], "go"),
    ],
)
def test_verdict_precedence(default_q, changes, expected):
    verdict = decide(default_q, with_changes(changes))
    assert verdict.id == expected
    assert all(f.outcome != "note" for f in verdict.deciding)


def test_all_findings_are_listed_not_only_the_deciding_one(default_q):
    answers = with_changes({**FIRES["unreviewed-severe-harm"], **FIRES["simpler-solution-suffices"]})
    verdict = decide(default_q, answers)
    ids = {f.rule.id for f in verdict.findings}
    assert {"unreviewed-severe-harm", "simpler-solution-suffices"} <= ids
    assert [f.rule.id for f in verdict.deciding] == ["unreviewed-severe-harm"]


def test_unsure_is_never_a_blocker_but_a_fact_to_find_out(default_q):
    # Not knowing whether harm can be undone is riskier than knowing it can, but only a
    # design known to be unacceptable blocks: the unknown makes it NOT READY.
    base = {"oversight": "auto", "error_cost": "money"}
    assert decide(default_q, with_changes({**base, "reversibility": "irreversible"})).id == "no-go-risk"
    unsure = decide(default_q, with_changes({**base, "reversibility": "unsure"}))
    assert unsure.id == "not-ready"
    assert unsure.top is not None and unsure.top.rule.id == "unreviewed-severe-harm"
    assert decide(default_q, with_changes({**base, "reversibility": "costly"})).id == "go-with-conditions"


def test_ml_clearly_not_needed_cuts_the_review_short(default_q):
    answers = {
        "user_problem": "Staff cannot find answers in the help pages.",
        "audience": "internal",
        "need_evidence": "research",
        "current_process": "software",
        "baseline": "40% of searches find nothing",
        "simpler_alternative": "fully",
        "alternative": "Better keyword search with synonyms",
    }
    shown = [q.id for q in visible_questions(default_q, answers)]
    assert "oversight" not in shown and "kpi" not in shown and "uses_llm" not in shown
    assert "revisit_signal" in shown
    verdict = decide(default_q, answers)
    assert verdict.id == "no-go-not-needed"
    # Prerequisites about questions that were never asked do not appear.
    assert {f.outcome for f in verdict.findings} == {"not-needed"}


def test_triggers_include_blank_answers_that_made_a_rule_fire(default_q):
    verdict = decide(default_q, with_changes(FIRES["no-owner"]))
    finding = next(f for f in verdict.findings if f.rule.id == "no-owner")
    assert [(t.question_id, t.value) for t in finding.triggers] == [("owner", None)]


def test_hidden_answers_do_not_trigger_rules(default_q):
    # An answer left in the file for a question that no longer applies is ignored.
    answers = with_changes({"uses_llm": "no", "grounding": "none", "facts_matter": "yes"})
    ids = {f.rule.id for f in decide(default_q, answers).findings}
    assert "hallucination-ungrounded" not in ids
