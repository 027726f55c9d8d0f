"""What starting mlpdm costs: `--version` and `--help` load no command, and help reads well."""

from __future__ import annotations

import subprocess
import sys

import pytest

from mlpdm.cli.app import app
from mlpdm.core.text.linebreak import cell_width

HEAVY = ("pydantic", "jinja2", "rich", "yaml", "mlpdm.core.questionnaire.model", "mlpdm.repo.checks")
PROBE = """
import sys
from mlpdm.cli.app import main
sys.argv = ["mlpdm", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
loaded = sorted({m.split(".")[0] if not m.startswith("mlpdm") else m for m in sys.modules})
print("LOADED", " ".join(loaded), file=sys.stderr)
"""


def loaded_modules(*args: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True)
    line = next(x for x in done.stderr.splitlines() if x.startswith("LOADED "))
    return set(line.split()[1:])


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["--lang", "ja", "--help"]], ids=" ".join)
def test_version_and_help_load_no_command(args):
    # Each of these would add tens of milliseconds to every `--help` and pre-commit run.
    loaded = loaded_modules(*args)
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_a_command_loads_what_it_needs():
    assert "mlpdm.core.questionnaire.model" in loaded_modules("questionnaire", "list")


def test_japanese_help_fits_the_terminal(runner):
    result = runner.invoke(app, ["--lang", "ja", "interview", "--help"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert max(cell_width(line) for line in lines) <= 80
    assert any("インタビュー" in line for line in lines)


def test_usage_errors_speak_the_help_language(runner):
    result = runner.invoke(app, ["--lang", "ja", "check", "--no-such-option"])
    assert result.exit_code == 2
    assert "使い方：mlpdm check" in result.output
    assert "'mlpdm check -h' でヘルプを表示できます。" in result.output
    assert "エラー：" in result.output and "Traceback" not in result.output
    english = runner.invoke(app, ["check", "--no-such-option"])
    assert english.exit_code == 2 and "Try 'mlpdm check -h' for help." in english.output


def test_the_command_list_comes_from_the_catalogue(runner):
    result = runner.invoke(app, ["--help"])
    assert "Commands:" in result.output and "Options:" in result.output
    for name in ("interview", "render", "check", "index", "decide", "config", "questionnaire", "stats"):
        assert f"\n  {name} " in result.output


def test_a_group_lists_its_commands_by_their_whole_first_sentence(runner):
    result = runner.invoke(app, ["questionnaire", "--help"])
    listed = result.output.split("Commands:", 1)[1]
    assert "rules." in listed and "..." not in listed


@pytest.mark.parametrize(
    ("args", "asks_git"), [(["--owner", "Ana"], False), ([], True)], ids=["owner", "none"]
)
def test_git_is_asked_for_the_owner_only_when_none_is_given(runner, tmp_path, monkeypatch, args, asks_git):
    import mlpdm.cli.interview

    asked: list[bool] = []

    def git_user_name() -> str:
        asked.append(True)
        return "Git User"

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(mlpdm.cli.interview, "git_user_name", git_user_name)
    result = runner.invoke(app, ["interview", "Invoice OCR", *args], input="")  # ends at once
    assert "Traceback" not in result.output
    assert bool(asked) is asks_git
