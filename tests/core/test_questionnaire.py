"""Loading and validating questionnaires: the default one, and mistakes in a team's own."""

from __future__ import annotations

import textwrap

import pytest

from mlpdm.core.text.errors import UserError
from tests.conftest import MINI, build_questionnaire

TALK_POINTS = [f"T{i}" for i in range(1, 18)]


def test_default_questionnaire_covers_every_talk_point_with_questions_and_rules(default_q):
    assert [c.id for c in default_q.checklist] == TALK_POINTS
    for point in TALK_POINTS:
        questions = [q.id for q in default_q.question_index.values() if point in q.points]
        assert questions, f"no question covers {point}"
    covered_by_rules = {p for r in default_q.rules for p in r.points}
    # T1 (plain language) is a property of the whole tool, not a rule; every other point has one.
    assert set(TALK_POINTS) - covered_by_rules <= {"T1"}


def test_every_question_and_rule_cites_a_source(default_q):
    for question in default_q.question_index.values():
        assert question.sources, question.id
    for rule in default_q.rules:
        assert rule.sources, rule.id


def test_every_rule_outcome_is_represented(default_q):
    assert {r.outcome for r in default_q.rules} == {
        "blocker",
        "not-needed",
        "prerequisite",
        "condition",
        "note",
    }


def _problems(text: str) -> list[str]:
    with pytest.raises(UserError) as info:
        build_questionnaire(text)
    return [str(p) for p in info.value.problems]


def test_unknown_key_is_reported_with_its_line():
    text = MINI.replace(
        "        points: [T1]\n      - id: kind", "        hepl: x\n        points: [T1]\n      - id: kind"
    )
    line = textwrap.dedent(text).splitlines().index("        hepl: x") + 1
    problems = _problems(text)
    where = f"team.yaml:{line}: sections[0].questions[0].hepl"
    assert problems == [f"{where}: Extra inputs are not permitted — did you mean 'help'?"]


def test_condition_naming_an_unknown_question():
    problems = _problems(MINI.replace("when: \"uses_ml == 'yes'\"", "when: \"uses_mll == 'yes'\""))
    assert any("uses_mll" in p and "team.yaml:" in p for p in problems)


def test_condition_using_a_later_question_is_rejected():
    problems = _problems(MINI.replace("when: \"uses_ml == 'yes'\"", "when: \"note == 'x'\""))
    assert any("not answered yet" in p for p in problems)


def test_condition_with_a_syntax_error():
    problems = _problems(MINI.replace("when: \"kind == 'llm'\"", 'when: "kind == "'))
    assert any("not a valid expression" in p for p in problems)


def test_condition_reaching_for_python_internals_is_rejected():
    problems = _problems(MINI.replace("when: \"kind == 'llm'\"", 'when: "kind.__class__"'))
    assert any("private attribute" in p for p in problems)


def test_unknown_checklist_point_and_source():
    text = MINI.replace('    points: [T1]\n"""', "")
    problems = _problems(
        text.replace(
            "        points: [T1]\n      - id: kind",
            "        points: [T9]\n        sources: [NOPE]\n      - id: kind",
        )
    )
    assert any("unknown checklist point 'T9'" in p for p in problems)
    assert any("unknown source 'NOPE'" in p for p in problems)


def test_duplicate_question_ids():
    problems = _problems(MINI.replace("- id: note", "- id: kind"))
    assert any("already used" in p for p in problems)


def test_choice_question_without_choices():
    problems = _problems(MINI.replace("        type: choice\n", "        type: text\n"))
    assert any("takes no choices" in p for p in problems)


def test_all_problems_are_listed_at_once():
    broken = MINI.replace("when: \"uses_ml == 'yes'\"", 'when: "nope"').replace(
        "when: \"kind == 'llm'\"", 'when: "also_nope"'
    )
    assert len(_problems(broken)) >= 2


def test_missing_translation_is_reported_when_a_language_is_declared():
    problems = _problems(MINI.replace("version: 1", "version: 1\nlanguages: [en, ja]"))
    assert any("no ja translation" in p for p in problems)


def test_terms_for_finds_glossary_entries_in_help(default_q):
    question = default_q.question("error_balance")
    terms = {t.term["en"] for t in default_q.terms_for(question, "en")}
    assert {"Precision", "Recall"} <= terms


def test_an_unknown_jinja_test_is_refused_when_loading():
    # Code is generated only when a condition first runs, so this must be caught earlier.
    from mlpdm.core.questionnaire.conditions import ConditionError, compile_condition

    with pytest.raises(ConditionError, match="unknown test 'frobnicated'"):
        compile_condition("audience is frobnicated")
