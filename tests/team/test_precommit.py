"""The repository's own pre-commit hook, run by the real pre-commit in a temporary git repo."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow


def git(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "T",
        "GIT_AUTHOR_EMAIL": "t@x",
        "GIT_COMMITTER_NAME": "T",
        "GIT_COMMITTER_EMAIL": "t@x",
    }
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env=env, check=False)


def test_stale_brief_refuses_the_commit_until_fixed(tmp_path):
    team = tmp_path / "team"
    docs = team / "docs" / "mlpdm"
    docs.mkdir(parents=True)
    assert git(team, "init", "-q").returncode == 0
    shutil.copy(REPO / "examples" / "invoice-ocr.answers.yaml", docs)
    mlpdm = [sys.executable, "-m", "mlpdm"]
    subprocess.run([*mlpdm, "check", "--fix"], cwd=team, check=True, capture_output=True)
    (team / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {REPO}\n    rev: HEAD\n    hooks:\n      - id: mlpdm-check\n", encoding="utf-8"
    )
    git(team, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    # try-repo runs the hook definitions of this repository (with uncommitted changes too).
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "mlpdm-check", "--all-files"]
    clean = subprocess.run(command, cwd=team, capture_output=True, text=True, env=env, check=False)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    answers = docs / "invoice-ocr.answers.yaml"
    answers.write_text(
        answers.read_text(encoding="utf-8").replace("kill_switch: 'yes'", "kill_switch: 'no'"),
        encoding="utf-8",
    )
    git(team, "add", "-A")
    refused = subprocess.run(command, cwd=team, capture_output=True, text=True, env=env, check=False)
    assert refused.returncode != 0
    assert "docs/mlpdm/invoice-ocr.md: error: brief is stale" in refused.stdout
    subprocess.run([*mlpdm, "check", "--fix"], cwd=team, check=True, capture_output=True)
    git(team, "add", "-A")
    fixed = subprocess.run(command, cwd=team, capture_output=True, text=True, env=env, check=False)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
