"""What a person types, turned into answers or commands."""

from __future__ import annotations

import pytest

from mlpdm.core.answers.coerce import AnswerError
from mlpdm.core.answers.inputs import Answer, Back, Help, interpret


def q(default_q, qid):
    return default_q.question(qid)


@pytest.mark.parametrize("typed", ["?", "help", "？"])
def test_help(default_q, typed):
    assert interpret(q(default_q, "audience"), [typed], None) == Help()


@pytest.mark.parametrize("typed", ["<", "back", " < "])
def test_back(default_q, typed):
    assert interpret(q(default_q, "audience"), [typed], None) == Back()


@pytest.mark.parametrize(
    ("typed", "value"),
    [("2", "business"), ("business", "business"), ("Consumers or the general public", "consumers")],
)
def test_single_choice_by_number_value_or_label(default_q, typed, value):
    assert interpret(q(default_q, "audience"), [typed], None) == Answer(value)


def test_single_choice_not_sure_is_the_last_number(default_q):
    question = q(default_q, "simpler_alternative")
    assert interpret(question, ["5"], None) == Answer("unsure")
    assert interpret(question, ["not sure"], None) == Answer("unsure")


def test_single_choice_out_of_range(default_q):
    with pytest.raises(AnswerError, match="not one of the choices"):
        interpret(q(default_q, "audience"), ["9"], None)


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("1,3", ["language", "personalisation"]),
        ("1-3", ["language", "recognition", "personalisation"]),
        ("1 3", ["language", "personalisation"]),
        ("3, 1", ["language", "personalisation"]),
        ("language,generation", ["language", "generation"]),
        ("１，３", ["language", "personalisation"]),
    ],
)
def test_multiple_choice(default_q, typed, value):
    assert interpret(q(default_q, "ai_strengths"), [typed], None) == Answer(value)


def test_multiple_choice_exclusive_option_cannot_be_combined(default_q):
    with pytest.raises(AnswerError, match="cannot be combined"):
        interpret(q(default_q, "ai_strengths"), ["1,7"], None)


def test_multiple_choice_bad_range(default_q):
    with pytest.raises(AnswerError, match="outside"):
        interpret(q(default_q, "ai_strengths"), ["2-12"], None)


@pytest.mark.parametrize(
    ("typed", "value"), [("y", "yes"), ("No", "no"), ("u", "unsure"), ("1", "yes"), ("3", "unsure")]
)
def test_yes_no(default_q, typed, value):
    assert interpret(q(default_q, "uses_llm"), [typed], None) == Answer(value)


def test_yes_no_rejects_other_words(default_q):
    with pytest.raises(AnswerError, match="yes or no"):
        interpret(q(default_q, "uses_llm"), ["maybe"], None)


@pytest.mark.parametrize(("typed", "value"), [("1,200", 1200), ("300", 300), ("１２", 12)])
def test_number(default_q, typed, value):
    assert interpret(q(default_q, "daily_volume"), [typed], None) == Answer(value)


@pytest.mark.parametrize(
    ("typed", "message"), [("-5", "at least 0"), ("2.5", "whole number"), ("lots", "not a number")]
)
def test_number_rejected(default_q, typed, message):
    with pytest.raises(AnswerError, match=message):
        interpret(q(default_q, "daily_volume"), [typed], None)


def test_number_upper_bound(default_q):
    with pytest.raises(AnswerError, match="at most 10000"):
        interpret(q(default_q, "error_ratio"), ["20000"], None)


def test_long_text_keeps_lines(default_q):
    result = interpret(q(default_q, "worst_case"), ["First line", "  second line  "], None)
    assert result == Answer("First line\n  second line")


def test_list_items(default_q):
    result = interpret(
        q(default_q, "segments"), ["Older users", "", "Handwritten forms", "Older users"], None
    )
    assert result == Answer(["Older users", "Handwritten forms"])


def test_short_text_joins_lines(default_q):
    assert interpret(q(default_q, "kpi"), ["  Minutes per invoice  "], None) == Answer("Minutes per invoice")


def test_enter_keeps_the_current_answer(default_q):
    assert interpret(q(default_q, "audience"), [""], "internal") == Answer("internal")


def test_enter_skips_an_optional_question_and_is_refused_for_a_required_one(default_q):
    assert interpret(q(default_q, "baseline"), [""], None) == Answer(None)
    with pytest.raises(AnswerError, match="needed"):
        interpret(q(default_q, "audience"), [""], None)


def test_dash_clears_an_optional_answer(default_q):
    assert interpret(q(default_q, "baseline"), ["-"], "Old baseline") == Answer(None)
    with pytest.raises(AnswerError):
        interpret(q(default_q, "worst_case"), ["-"], "Something")


# -- the same yes / no / not sure words at every such question --------------------------------

SAID = [
    *(("yes", word) for word in ["y", "Yes", "YES", "ｙ", "はい", "うん"]),
    *(("no", word) for word in ["n", "No", "ｎｏ", "いいえ", "いや"]),
    *(("unsure", word) for word in ["u", "not sure", "Don’t know", "わからない", "分かりません"]),
]


@pytest.mark.parametrize(("value", "typed"), SAID)
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_yes_no_words_mean_the_same_on_a_yes_no_question_and_on_a_choice_of_yes_and_no(
    default_q, value, typed, lang
):
    # uses_llm is a yes/no question; legal_basis a choice whose values are yes, no and not sure.
    for qid in ("uses_llm", "legal_basis"):
        assert interpret(q(default_q, qid), [typed], None, lang) == Answer(value), qid


def test_a_no_on_a_choice_without_no_is_not_taken_for_not_sure(default_q):
    # "n" starts "Not sure", but a person typing it means no, which this question does not offer.
    with pytest.raises(AnswerError, match="not one of the choices"):
        interpret(q(default_q, "data_destination"), ["n"], None)


# -- a choice by the start of its name ---------------------------------------------------------


@pytest.mark.parametrize(
    ("qid", "typed", "value"),
    [
        ("audience", "cons", "consumers"),  # the start of the value and of the label
        ("audience", "INT", "internal"),  # case does not matter
        ("data_destination", "business", "business_api"),  # the start of a value with _
        ("simpler_alternative", "m", "mostly"),
        ("audience", "自社", "internal"),  # the start of the Japanese label
        ("personal_data", "conf", ["confidential"]),
        ("personal_data", "pers, conf", ["identifiers", "confidential"]),  # each item of a multi
    ],
)
def test_a_choice_by_an_unambiguous_start_of_its_value_or_label(default_q, qid, typed, value):
    assert interpret(q(default_q, qid), [typed], None, "ja" if typed == "自社" else "en") == Answer(value)


def test_an_ambiguous_start_says_which_choices_it_could_be(default_q):
    with pytest.raises(AnswerError) as caught:
        interpret(q(default_q, "personal_data"), ["1, c"], None)
    assert caught.value.text("en") == (
        "“c” could be 4 Data about children, 5 Confidential business data; "
        "type more of the name, or its number"
    )
    with pytest.raises(AnswerError) as caught:
        interpret(q(default_q, "personal_data"), ["c"], None, "ja")
    assert "4 子どもに関するデータ、5 社外秘の事業データ" in caught.value.text("ja")
