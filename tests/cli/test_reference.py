"""docs/cli.md, the command-line reference, is generated from the code and never drifts from it.

After an intended change to a command or its help, regenerate it with
    python -m mlpdm.cli.reference > docs/cli.md
(or MLPDM_UPDATE_GOLDEN=1 python -m pytest tests/cli/test_reference.py) and review the diff.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import typer

from mlpdm.cli.app import COMMANDS, app
from mlpdm.cli.reference import reference

PAGE = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def test_the_reference_page_is_what_the_code_says():
    text = reference()
    if os.environ.get("MLPDM_UPDATE_GOLDEN") == "1":
        PAGE.write_text(text, encoding="utf-8")
    assert PAGE.read_text(encoding="utf-8") == text, "run `python -m mlpdm.cli.reference > docs/cli.md`"


def test_every_command_and_option_is_on_the_page():
    page = PAGE.read_text(encoding="utf-8")
    root = typer.main.get_command(app)
    ctx = typer.Context(root)
    for name in COMMANDS:
        assert f"## `mlpdm {name}`" in page, name
        command = root.get_command(ctx, name)
        for param in command.params:
            if getattr(param, "hidden", False):
                continue
            for flag in getattr(param, "opts", []):
                if flag.startswith("-"):
                    assert flag in page, f"mlpdm {name} {flag}"


def test_the_module_writes_the_page_as_a_script(tmp_path):
    command = [sys.executable, "-m", "mlpdm.cli.reference"]
    result = subprocess.run(command, capture_output=True, text=True, check=True, cwd=tmp_path)
    assert result.stdout == reference()
