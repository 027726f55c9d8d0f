"""`mlpdm questionnaire list | show | validate`."""

from __future__ import annotations

from mlpdm.cli.app import app
from tests.conftest import MINI, REPO, write


def test_list(runner, default_q):
    result = runner.invoke(app, ["questionnaire", "list"])
    assert result.exit_code == 0
    assert "default" in result.output and str(len(default_q.question_index)) in result.output


def test_show(runner):
    result = runner.invoke(app, ["questionnaire", "show", "default"])
    assert result.exit_code == 0
    assert "simpler_alternative" in result.output and "unreviewed-severe-harm" in result.output


def test_validate_the_shipped_file(runner):
    result = runner.invoke(app, ["questionnaire", "validate", str(REPO / "questionnaires" / "default.yaml")])
    assert result.exit_code == 0, result.output
    assert "is valid" in result.output and "T1–T17" in result.output


def test_validate_a_team_file(runner, tmp_path):
    path = write(tmp_path / "team.yaml", MINI)
    result = runner.invoke(app, ["questionnaire", "validate", str(path)])
    assert result.exit_code == 0 and "3 questions" in result.output


def test_validate_lists_problems_and_exits_2(runner, tmp_path):
    broken = MINI.replace("type: choice", "type: chioce").replace("outcome: condition", "outcome: maybe")
    path = write(tmp_path / "team.yaml", broken)
    result = runner.invoke(app, ["questionnaire", "validate", str(path)])
    assert result.exit_code == 2
    assert "is not a valid questionnaire (2 problems)" in result.output
    assert f"{path}:" in result.output and "chioce" in result.output and "maybe" in result.output
    assert "Traceback" not in result.output


def test_validate_unknown_id(runner):
    result = runner.invoke(app, ["questionnaire", "validate", "nope"])
    assert result.exit_code == 2 and "Available: default" in result.output
