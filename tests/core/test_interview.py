"""The interview state machine: skip logic, back, progress, resume."""

from __future__ import annotations

import pytest

from mlpdm.core.answers.steps import Interview, applicable_answers, visible_questions


def ids(state: Interview) -> list[str]:
    return [q.id for q in state.visibility().questions]


def test_starts_at_the_first_question_and_counts_progress(mini_q):
    state = Interview.start(mini_q)
    step = state.current()
    assert step.question.id == "uses_ml"
    assert (step.answered, step.total) == (0, 2)  # "kind" is hidden until uses_ml is yes
    assert (step.section_number, step.section_count) == (1, 1)


def test_conditional_question_appears_only_when_relevant(mini_q):
    state = Interview.start(mini_q).answer("no")
    assert state.current().question.id == "note"
    state = Interview.start(mini_q).answer("yes")
    assert state.current().question.id == "kind"
    assert state.current().total == 3


def test_back_returns_to_the_previous_visible_question_and_keeps_answers(mini_q):
    state = Interview.start(mini_q).answer("yes").answer("llm")
    assert state.current().question.id == "note"
    back = state.back()
    assert back.current().question.id == "kind"
    assert back.current().current == "llm"  # the earlier answer is offered again
    assert back.back().current().question.id == "uses_ml"
    assert back.back().back().position == "uses_ml"  # already at the first question


def test_later_answers_are_kept_while_hidden_and_return_when_visible_again(mini_q):
    state = Interview.start(mini_q).answer("yes").answer("llm").answer("hello")
    assert state.finished
    # Going back and switching ML off hides "kind" but does not forget it.
    state = state.goto("uses_ml").answer("no", then="unanswered")
    assert "kind" not in ids(state)
    assert state.saved_answers() == {"uses_ml": "no", "note": "hello"}
    assert state.answers["kind"] == "llm"
    state = state.goto("uses_ml").answer("yes", then="unanswered")
    assert state.saved_answers() == {"uses_ml": "yes", "kind": "llm", "note": "hello"}


def test_review_edit_jumps_to_newly_relevant_questions(mini_q):
    state = Interview.start(mini_q).answer("no").answer(None)
    assert state.finished and state.position is None
    state = state.goto("uses_ml").answer("yes", then="unanswered")
    assert state.position == "kind"


def test_resume_starts_at_the_first_unanswered_question(mini_q):
    state = Interview.start(mini_q, {"uses_ml": "yes"})
    assert state.current().question.id == "kind"
    assert state.current().answered == 1


def test_blank_optional_answer_counts_as_asked(mini_q):
    state = Interview.start(mini_q, {"uses_ml": "no", "note": None})
    assert state.finished
    assert state.saved_answers() == {"uses_ml": "no", "note": None}


def test_back_from_the_review_goes_to_the_last_question(mini_q):
    state = Interview.start(mini_q).answer("no").answer("x")
    assert state.back().position == "note"


def test_goto_refuses_a_hidden_question(mini_q):
    with pytest.raises(ValueError):
        Interview.start(mini_q).goto("kind")


def test_applicable_answers_drop_hidden_ones(mini_q):
    assert applicable_answers(mini_q, {"uses_ml": "no", "kind": "llm"}) == {"uses_ml": "no"}


def test_default_questionnaire_shortest_and_longest_paths(default_q):
    from tests.core.scenarios import CLEAN

    short = {"simpler_alternative": "fully"}
    assert len(visible_questions(default_q, short)) < 15
    assert len(visible_questions(default_q, CLEAN)) > 45
