"""Answers files: coercion of hand-edited values, validation with locations, the digest."""

from __future__ import annotations

import textwrap

import pytest

from mlpdm.core.answers.coerce import AnswerError, coerce_answer
from mlpdm.core.answers.document import AnswersDoc, parse_answers_doc
from mlpdm.core.text.errors import UserError
from mlpdm.repo.files import parse_yaml
from tests.core.scenarios import CLEAN


def parse(default_q, text, **kw):
    data, source = parse_yaml(textwrap.dedent(text), "x.answers.yaml")
    return parse_answers_doc(data, default_q, source, **kw)


def test_yaml_booleans_become_yes_and_no(default_q):
    assert coerce_answer(default_q.question("uses_llm"), True) == "yes"
    assert coerce_answer(default_q.question("uses_llm"), False) == "no"


def test_single_value_for_a_multi_question_becomes_a_list(default_q):
    assert coerce_answer(default_q.question("regions"), "japan") == ["japan"]


def test_multi_answers_are_put_in_questionnaire_order_without_duplicates(default_q):
    assert coerce_answer(default_q.question("regions"), ["us", "japan", "us"]) == ["japan", "us"]


@pytest.mark.parametrize(
    ("qid", "value", "message"),
    [
        ("audience", "aliens", "not one of the choices"),
        ("daily_volume", "many", "not a number"),
        ("daily_volume", True, "expected a number"),
        ("regions", {"a": 1}, "expected a list"),
        ("kpi", ["a"], "expected text"),
        ("kpi", "x" * 20_001, "limit is 20,000"),
    ],
)
def test_values_that_do_not_fit(default_q, qid, value, message):
    with pytest.raises(AnswerError, match=message):
        coerce_answer(default_q.question(qid), value)


def test_invalid_answers_file_lists_every_problem_with_its_line(default_q):
    text = """\
    questionnaire: {id: default, version: 2}
    meta: {feature: X, slug: x}
    answers:
      audience: aliens
      not_a_question: 1
      daily_volume: many
    """
    with pytest.raises(UserError) as info:
        parse(default_q, text)
    problems = [str(p) for p in info.value.problems]
    assert problems == [
        "x.answers.yaml:4: audience: 'aliens' is not one of the choices (internal, business, consumers)",
        "x.answers.yaml:5: unknown question id 'not_a_question'",
        "x.answers.yaml:6: daily_volume: 'many' is not a number",
    ]


def test_missing_required_answers_are_reported(default_q):
    text = """\
    questionnaire: {id: default, version: 2}
    meta: {feature: X, slug: x}
    answers:
      audience: internal
    """
    with pytest.raises(UserError) as info:
        parse(default_q, text)
    assert any("required question 'user_problem' has no answer" in str(p) for p in info.value.problems)
    # A draft may be partial.
    assert parse(default_q, text, partial=True).answers == {"audience": "internal"}


def test_wrong_shape_and_meta(default_q):
    with pytest.raises(UserError, match="not an answers file"):
        parse(default_q, "- a\n- b\n")
    with pytest.raises(UserError) as info:
        parse(
            default_q, "questionnaire: default\nmeta: {feature: X, slug: x, colour: red, date: yesterday}\n"
        )
    problems = " | ".join(str(p) for p in info.value.problems)
    assert "'questionnaire' must be a mapping" in problems
    assert "unknown meta key 'colour'" in problems
    assert "meta 'date' must look like" in problems


def test_digest_changes_with_any_answer_and_not_with_key_order(default_q):
    doc = AnswersDoc("default", 1, {"feature": "X", "slug": "x"}, dict(CLEAN))
    same = AnswersDoc("default", 1, {"slug": "x", "feature": "X"}, dict(reversed(list(CLEAN.items()))))
    other = AnswersDoc("default", 1, {"feature": "X", "slug": "x"}, {**CLEAN, "owner": "Someone else"})
    assert doc.digest() == same.digest() != other.digest()
    assert doc.digest().startswith("sha256:")
