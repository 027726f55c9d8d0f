"""A value the command line cannot take is named in mlpdm's words, never in pydantic's."""

from __future__ import annotations

import pytest

from mlpdm.cli.app import app


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["decide", "x.answers.yaml", "maybe"],
            "Error: status: “maybe” is not accepted; use one of accepted, rejected, superseded, draft",
        ),
        (
            ["render", "x.answers.yaml", "--format", "pdf"],
            "Error: --format: “pdf” is not accepted; use one of md, json",
        ),
        (["check", "--format", "xml"], "Error: --format: “xml” is not accepted; use one of text, json"),
        (["stats", "interval", "abc", "10"], "Error: correct: “abc” is not a whole number"),
        (["stats", "interval", "5", "10", "-c", "lots"], "Error: --confidence: “lots” is not a number"),
        (["stats", "interval", "5", "0"], "Error: total: must be at least 1"),
    ],
)
def test_a_value_that_does_not_fit_says_what_is_accepted(runner, args, message):
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Value error" not in result.output and "Input should be" not in result.output


def test_in_japanese(runner):
    result = runner.invoke(app, ["--lang", "ja", "decide", "x.answers.yaml", "maybe"])
    assert result.exit_code == 2
    expected = (
        "status：「maybe」は指定できません。accepted, rejected, superseded, draft のどれかを指定してください"
    )
    assert f"エラー：{expected}" in result.output
