"""A team repository in a temporary folder: git root, docs/mlpdm, rendered example briefs."""

from __future__ import annotations

import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

from mlpdm.cli.app import app
from tests.conftest import REPO

TEAM_QUESTIONNAIRE = """\
id: acme
version: 2
extends: default
sections:
  - id: acme_security
    after: privacy
    title: {en: "Acme security review"}
    questions:
      - id: security_review
        type: yesno
        since: 2
        prompt: {en: "Has the Acme security team reviewed the design?"}
        help: {en: "Acme policy SEC-12 requires it before launch."}
        points: [T15]
overrides:
  questions:
    kpi: {help: {en: "Acme: pick the KPI from the quarterly OKR sheet."}}
rules:
  - id: acme-security-review
    outcome: prerequisite
    when: "security_review in ['no', 'unsure']"
    title: {en: "No Acme security review"}
    message: {en: "Acme requires a security review before launch."}
    action: {en: "Book the review with the security team."}
    points: [T15]
disable_rules: [learn-and-share]
"""


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    """A git repository with two answers files and their briefs, as the current folder."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    docs = root / "docs" / "mlpdm"
    docs.mkdir(parents=True)
    for name in ("invoice-ocr", "refund-agent"):
        shutil.copy(REPO / "examples" / f"{name}.answers.yaml", docs)
    monkeypatch.chdir(root)
    return root


def git(root: Path, *args: str) -> str:
    """git with no dependence on the user's configuration (no name or e-mail needed)."""
    done = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


@pytest.fixture
def git_repo(tmp_path, monkeypatch, runner) -> Path:
    """A real git repository on branch main: two answers files and their briefs, committed."""
    root = tmp_path / "repo"
    (root / "docs" / "mlpdm").mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    for name in ("invoice-ocr", "refund-agent"):
        shutil.copy(REPO / "examples" / f"{name}.answers.yaml", root / "docs" / "mlpdm")
    # Enough invoices labelled for the bar in both groups: the feature starts as a GO, which the
    # tests' changes then move.
    edit(root / "docs" / "mlpdm" / "invoice-ocr.answers.yaml", "eval_size: 1200", "eval_size: 1400")
    monkeypatch.chdir(root)
    assert runner.invoke(app, ["check", "--fix"]).exit_code == 0
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "briefs")
    return root


@pytest.fixture
def rendered(repo, runner) -> Path:
    """The repo with every brief rendered and the index written."""
    result = runner.invoke(app, ["check", "--fix"])
    assert result.exit_code == 0, result.output
    return repo


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path
