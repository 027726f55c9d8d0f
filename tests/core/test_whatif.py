"""What would change the verdict: every promise is checked by re-evaluating the rules."""

from __future__ import annotations

import pytest

from mlpdm.core.decision.engine import VERDICTS, decide
from mlpdm.core.decision.whatif import apply, what_would_change
from mlpdm.core.questionnaire.model import OUTCOMES
from mlpdm.repo.resources import load_packaged_questionnaire
from mlpdm.repo.workspace import read_answers
from tests.conftest import REPO
from tests.core.scenarios import FIRES, with_changes

EXAMPLES = sorted((REPO / "examples").glob("*.answers.yaml"))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_promises_hold_on_every_example(example):
    q = load_packaged_questionnaire()
    answers = dict(read_answers(example, q).answers)
    verdict = decide(q, answers)
    whatif = what_would_change(q, answers, verdict)
    for lift in whatif.lifts:
        after = decide(q, apply(answers, lift.changes))
        # Lifted: gone, or down to a milder severity than the one it had.
        assert all(
            OUTCOMES.index(f.outcome) > OUTCOMES.index(lift.outcome)
            for f in after.findings
            if f.rule.id == lift.rule_id
        )
        assert after.id == lift.verdict
    if whatif.target is not None:
        reached = decide(q, apply(answers, whatif.target_changes))
        assert reached.id == whatif.target
        assert VERDICTS.index(reached.id) > VERDICTS.index(verdict.id)


@pytest.mark.parametrize(
    "rule_id",
    sorted(
        r
        for r, changes in FIRES.items()
        if r not in {"simpler-solution-suffices", "ml-poor-fit", "no-ml-strength"}
    ),
)
def test_promises_hold_for_every_blocker_and_prerequisite(default_q, rule_id):
    answers = with_changes(FIRES[rule_id])
    verdict = decide(default_q, answers)
    whatif = what_would_change(default_q, answers, verdict)
    for lift in whatif.lifts:
        after = decide(default_q, apply(answers, lift.changes)).findings
        assert all(
            OUTCOMES.index(f.outcome) > OUTCOMES.index(lift.outcome)
            for f in after
            if f.rule.id == lift.rule_id
        )


def test_refund_agent_lifts_by_requiring_approval_not_by_wishing_inputs_away():
    q = load_packaged_questionnaire()
    answers = dict(read_answers(REPO / "examples" / "refund-agent.answers.yaml", q).answers)
    whatif = what_would_change(q, answers, decide(q, answers))
    lift = whatif.for_rule("injection-can-act")
    # The cheapest realistic safeguard first: approval above a limit, not of every refund.
    assert [(c.question_id, c.new) for c in lift.changes] == [("action_approval", "high_impact")]
    assert whatif.target == "go-with-conditions"


def test_facts_and_goals_are_never_changed(default_q):
    # The pilot falls short of the bar: lowering the bar (a goal) must not be suggested.
    answers = with_changes(FIRES["launch-bar-missed"])
    whatif = what_would_change(default_q, answers, decide(default_q, answers))
    changed = {c.question_id for lift in whatif.lifts for c in lift.changes}
    assert "launch_target" not in changed
    lift = whatif.for_rule("launch-bar-missed")
    assert [c.question_id for c in lift.changes] == ["pilot_correct"]
    # The smallest number of right answers that clears the bar, no more: one fewer still
    # leaves the pilot short of it or not clearly above it (a move, not a lift).
    needed = lift.changes[0].new
    one_less = {**answers, "pilot_correct": needed - 1}
    ids = {f.rule.id for f in decide(default_q, one_less).findings}
    assert ids & {"launch-bar-missed", "launch-bar-uncertain"}
    assert not {f.rule.id for f in decide(default_q, {**answers, "pilot_correct": needed}).findings} & {
        "launch-bar-missed",
        "launch-bar-uncertain",
    }


def test_unsure_is_lifted_by_a_decision_only_when_every_answer_is_as_good(default_q):
    answers = with_changes(FIRES["legal-basis-unconfirmed"])
    lift = what_would_change(default_q, answers, decide(default_q, answers)).for_rule(
        "legal-basis-unconfirmed"
    )
    # "No" would lift "unconfirmed" but trigger a blocker, so the advice names "yes".
    assert [(c.question_id, c.new, c.any_answer) for c in lift.changes] == [("legal_basis", "yes", False)]


def test_go_and_conditions_have_nothing_to_lift(default_q):
    answers = with_changes(FIRES["no-fallback"])
    whatif = what_would_change(default_q, answers, decide(default_q, answers))
    assert whatif.lifts == () and whatif.target is None


def test_an_overloaded_review_is_lifted_by_fewer_outputs_per_reviewer(default_q):
    # 800 outputs a day is a glance each: the fix is more reviewers, not a different label
    # for the same review.
    answers = with_changes(
        {
            "oversight": "review_each",
            "review_time": "minutes",
            "reviewer_load": 800,
            "error_cost": "money",
            "reversibility": "irreversible",
        }
    )
    verdict = decide(default_q, answers)
    assert verdict.id == "no-go-risk"
    lift = what_would_change(default_q, answers, verdict).for_rule("unreviewed-severe-harm")
    assert [(c.question_id, c.new) for c in lift.changes] == [("reviewer_load", 360)]
    assert decide(default_q, apply(answers, lift.changes)).id != "no-go-risk"
