"""The incremental what-if search finds exactly what re-deciding every trial from scratch finds."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlpdm.core.answers.steps import applicable_answers
from mlpdm.core.decision.engine import decide
from mlpdm.core.decision.whatif import IncrementalSearch, what_would_change
from mlpdm.core.questionnaire.model import Question
from mlpdm.repo.resources import load_packaged_questionnaire
from mlpdm.repo.workspace import read_answers
from tests.conftest import MINI, REPO, build_questionnaire
from tests.core.scenarios import CLEAN, FIRES, with_changes

Q = load_packaged_questionnaire()
EXAMPLES = sorted((REPO / "examples").glob("*.answers.yaml"))
BASES: list[dict[str, Any]] = [
    CLEAN,
    *(with_changes(changes) for changes in FIRES.values()),
    *(dict(read_answers(path, Q).answers) for path in EXAMPLES),
]
QUESTIONS = [q for _, q in Q.questions()]
PROPERTY = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
DROPPED = object()


def values_for(question: Question) -> st.SearchStrategy[Any]:
    """Answers a user could give to the question, blanks and placeholders included."""
    blank = st.sampled_from([None, DROPPED])
    if question.type in ("choice", "yesno"):
        return st.one_of(blank, st.sampled_from(question.allowed_values()))
    if question.type == "multi":
        values = [c.value for c in question.choices]
        return st.one_of(blank, st.lists(st.sampled_from(values), unique=True, max_size=len(values)))
    if question.type == "number":
        return st.one_of(blank, st.integers(0, 20_000), st.floats(0, 100, allow_nan=False))
    if question.type == "list":
        return st.one_of(
            blank, st.lists(st.sampled_from(["Tickets in English", "tbd", "Returns"]), max_size=3)
        )
    return st.one_of(blank, st.sampled_from(["tbd", "n/a", "A real answer", "", "Reviewed weekly"]))


@st.composite
def answers(draw: st.DrawFn) -> dict[str, Any]:
    """An example or scenario's answers with a few of them changed, as a revision would."""
    out = dict(draw(st.sampled_from(BASES)))
    for question in draw(st.lists(st.sampled_from(QUESTIONS), max_size=4, unique_by=lambda q: q.id)):
        value = draw(values_for(question))
        if value is DROPPED:
            out.pop(question.id, None)
        else:
            out[question.id] = value
    return out


@PROPERTY
@given(answers())
def test_the_incremental_search_finds_what_the_plain_one_finds(drawn):
    applicable = applicable_answers(Q, drawn)
    verdict = decide(Q, applicable)
    assert what_would_change(Q, applicable, verdict) == what_would_change(
        Q, applicable, verdict, incremental=False
    )


@PROPERTY
@given(answers(), st.lists(answers(), min_size=1, max_size=6))
def test_each_re_decision_is_the_plain_decision(first, trials):
    # The first answers are what later ones are compared with; trials differ in any way.
    search = IncrementalSearch(Q)
    for drawn in [first, *trials, first]:
        assert search.decide(drawn) == decide(Q, drawn)
        assert search.visible(drawn) == {q.id for q in applicable_questions(drawn)}


def applicable_questions(drawn: dict[str, Any]) -> list[Question]:
    from mlpdm.core.answers.steps import visible_questions

    return list(visible_questions(Q, drawn))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_every_example_gets_the_same_search(example):
    applicable = applicable_answers(Q, read_answers(example, Q).answers)
    verdict = decide(Q, applicable)
    plain = what_would_change(Q, applicable, verdict, incremental=False)
    assert what_would_change(Q, applicable, verdict) == plain


# A rule reading only a question that another answer shows or hides, and one telling True
# from 1 (rules come last in MINI, so these are appended to its rules).
EDGES = (
    MINI.replace(
        "      - id: note\n",
        """      - id: size
        type: number
        required: false
        prompt: {en: How many?}
        help: {en: Because.}
        points: [T1]
      - id: note
""",
    )
    + """  - id: kind-open
    outcome: condition
    when: "kind is none"
    title: {en: Open}
    message: {en: The kind is open.}
    action: {en: Decide it.}
    points: [T1]
  - id: size-flag
    outcome: condition
    when: "size is sameas true"
    title: {en: A flag}
    message: {en: A flag instead of a number.}
    action: {en: Give a number.}
    points: [T1]
"""
)


def test_a_question_hidden_since_is_no_longer_a_reason():
    q = build_questionnaire(EDGES)
    search = IncrementalSearch(q)
    first = {"uses_ml": "yes"}  # the kind is asked and blank: a reason the rule fired
    assert search.decide(first) == decide(q, first)
    hidden = {"uses_ml": "no"}  # the kind is hidden: still blank, but no longer a reason
    assert search.decide(hidden) == decide(q, hidden)
    assert [t.question_id for t in search.decide(hidden).findings[0].triggers] == []


def test_true_is_not_taken_for_one():
    # True == 1 in Python: a search that compared answers by value alone would reuse the
    # verdict of one for the other.
    q = build_questionnaire(EDGES)
    search = IncrementalSearch(q)
    one = {"uses_ml": "no", "size": 1}
    assert search.decide(one) == decide(q, one)
    flag = {"uses_ml": "no", "size": True}
    assert search.decide(flag) == decide(q, flag)
    assert "size-flag" in {f.rule.id for f in search.decide(flag).findings}
