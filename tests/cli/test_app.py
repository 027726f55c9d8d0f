"""The command line as a whole: help, version, entry points."""

from __future__ import annotations

import subprocess
import sys

import pytest

from mlpdm import __version__
from mlpdm.cli.app import app

COMMANDS = [
    ["interview"],
    ["render"],
    ["diff"],
    ["questionnaire"],
    ["questionnaire", "list"],
    ["questionnaire", "show"],
    ["questionnaire", "validate"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help(runner, command):
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


@pytest.mark.parametrize(
    "command", [["interview"], ["render"], ["diff"], ["questionnaire", "validate"]], ids=" ".join
)
def test_help_shows_an_example(runner, command):
    assert "Example: mlpdm" in runner.invoke(app, [*command, "--help"]).output


def test_version(runner):
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"mlpdm {__version__}"


def test_no_arguments_shows_help(runner):
    result = runner.invoke(app, [])
    assert "interview" in result.output and "render" in result.output


def test_python_dash_m_and_console_script():
    out = subprocess.run(
        [sys.executable, "-m", "mlpdm", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == f"mlpdm {__version__}"
    helped = subprocess.run(
        [sys.executable, "-m", "mlpdm", "--help"], capture_output=True, text=True, check=True
    )
    assert "python -m mlpdm" in helped.stdout
