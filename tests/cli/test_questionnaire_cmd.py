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


def test_validate_lists_structure_and_reference_problems_together(runner, tmp_path):
    # A question of the wrong shape no longer hides the unknown names and points elsewhere.
    broken = (
        MINI.replace("type: choice", "type: chioce")
        .replace("when: \"kind == 'llm'\"", "when: \"kind == 'llm' and nope\"")
        .replace("        required: false\n", "        required: false\n        hepl: x\n")
        .replace("        points: [T1]\nrules:", "        points: [T1]\n        sources: [NIST]\nrules:")
    )
    path = write(tmp_path / "team.yaml", broken)
    result = runner.invoke(app, ["questionnaire", "validate", str(path)])
    assert result.exit_code == 2
    assert "(4 problems)" in result.output, result.output
    lines = broken.splitlines()
    for fragment, said in (
        ("type: chioce", "(got 'chioce') — did you mean 'choice'?"),
        ("hepl: x", "hepl: Extra inputs are not permitted — did you mean 'help'?"),
        ("sources: [NIST]", "unknown source 'NIST' — add it under 'sources:'"),
        ("and nope", "uses 'nope', which is not a question or derived value"),
    ):
        line = next(n for n, text in enumerate(lines, start=1) if fragment in text)
        assert f"{path}:{line}: " in result.output and said in result.output, (fragment, result.output)
        assert any(f"{path}:{line}: " in out and said in out for out in result.output.splitlines())
