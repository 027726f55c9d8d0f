"""Conditions and templates cannot reach Python internals or run away."""

from __future__ import annotations

import pytest

from mlpdm.cli.app import app
from mlpdm.core.questionnaire.conditions import ConditionError, compile_condition
from tests.conftest import MINI, REPO, build_questionnaire, write

ESCAPES = [
    "kind.__class__",
    "kind.__class__.__mro__[1].__subclasses__()",
    "kind['__class__']",
    "cycler.__init__.__globals__",
    "lipsum.__globals__['os']",
    "range(10**9) | length",
    "10 ** 10 ** 10",
    "'a' * 1000000000",
    "[1] * 1000000000",
    "kind.lower()",
    "kind | center(1000000000)",
    "kind | format('%s')",
    "namespace(x=1)",
]


@pytest.mark.parametrize("expr", ESCAPES)
def test_dangerous_conditions_are_refused_before_running(expr):
    with pytest.raises(ConditionError):
        compile_condition(expr)


@pytest.mark.parametrize("expr", ESCAPES[:4])
def test_a_questionnaire_with_one_names_file_and_line(expr, runner, tmp_path):
    text = MINI.replace("when: \"kind == 'llm'\"", f'when: "{expr}"')
    path = write(tmp_path / "team.yaml", text)
    result = runner.invoke(app, ["questionnaire", "validate", str(path)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    line = text.splitlines().index(f'    when: "{expr}"') + 1
    assert f"{path}:{line}:" in result.output


def test_valid_conditions_still_work():
    q = build_questionnaire(MINI)
    assert q.rules[0].when == "kind == 'llm'"
    assert compile_condition("labels_needed('recall', 5, 90, 2, 3) > 100").evaluate({})


TEMPLATES = {
    "internals": ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "sandbox forbids"),
    "globals": ("{{ lipsum.__globals__ }}", "sandbox forbids"),
    "huge range": ("{% for i in range(10**9) %}{{ i }}{% endfor %}", "ran away: OverflowError"),
    "recursion": ("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}", "ran away: RecursionError"),
    "huge repeat": ("{{ [1] * 1000000000 }}", "built a value of more than 10,000,000"),
    "huge power": ("{{ 10 ** 10 ** 10 }}", "sandbox forbids"),
    "syntax": ("{% for %}", "template"),
}


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_team_templates_cannot_escape_or_run_away(name, runner, tmp_path, monkeypatch):
    source, message = TEMPLATES[name]
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    write(repo / "tpl" / "brief.md.j2", "# line one\n" + source + "\n")
    write(repo / "mlpdm.toml", 'templates = "tpl"\n')
    monkeypatch.chdir(repo)
    out = repo / "brief.md"
    result = runner.invoke(
        app, ["render", str(REPO / "examples" / "invoice-ocr.answers.yaml"), "-o", str(out)]
    )
    assert result.exit_code == 2, result.output
    assert message in result.output and "Traceback" not in result.output
    if name != "syntax":
        assert "brief.md.j2:2" in result.output
    assert not out.exists()
