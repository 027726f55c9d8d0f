"""`mlpdm diff` on a real git repository: before → after for every verdict a change moves."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from mlpdm.cli.app import app
from tests.conftest import REPO
from tests.team.conftest import edit, git

DOCS = "docs/mlpdm"
INVOICE = f"{DOCS}/invoice-ocr.answers.yaml"


@pytest.fixture
def repo(git_repo: Path) -> Path:
    return git_repo


def diff(runner, *args: str):
    return runner.invoke(app, ["diff", *args])


def test_a_changed_answer_shows_the_verdict_before_and_after(repo, runner):
    edit(repo / INVOICE, "kill_switch: 'yes'", "kill_switch: 'no'")
    result = diff(runner)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    section = lines[lines.index("### Invoice OCR") :]
    assert section[:12] == [
        "### Invoice OCR",
        "",
        f"`{INVOICE}`",
        "",
        "- **Verdict:** 🟢 GO → 🟡 GO WITH CONDITIONS",
        "- **Top reason:** (none) → No way to switch it off quickly",
        "- **Findings added:**",
        "  - Condition — No way to switch it off quickly",
        "",
        "**Answers changed**",
        "",
        "- **Switch-off / rollback:** “Yes” → “No”",
    ]
    assert "Autonomous refund agent" not in result.output  # unchanged features are not listed


def test_the_verdict_written_in_a_brief_is_never_believed(repo, runner):
    # A base whose brief claims another verdict: diff decides from the answers, both sides.
    brief = repo / DOCS / "invoice-ocr.md"
    edit(brief, "verdict: go\n", "verdict: no-go-risk\n")
    git(repo, "commit", "-q", "-am", "forged brief")
    edit(repo / INVOICE, "kill_switch: 'yes'", "kill_switch: 'no'")
    result = diff(runner, "--base", "HEAD")
    assert "- **Verdict:** 🟢 GO → 🟡 GO WITH CONDITIONS" in result.output
    assert "NO-GO" not in result.output.split("### Invoice OCR")[1]


def test_nothing_changed_is_one_line(repo, runner):
    head = git(repo, "rev-parse", "HEAD")
    result = diff(runner)
    assert result.exit_code == 0
    assert result.output == (
        f"mlpdm: no answers file under `{DOCS}` changed since "
        f"the merge-base of HEAD and `main` (`{head[:7]}`).\n"
    )


def test_a_branch_is_compared_with_where_it_left_the_default_branch(repo, runner):
    git(repo, "checkout", "-q", "-b", "feature")
    edit(repo / INVOICE, "kill_switch: 'yes'", "kill_switch: 'no'")
    git(repo, "commit", "-q", "-am", "no switch-off")
    # Committed on the branch, so HEAD has it: the default base is still main's commit.
    assert "🟢 GO → 🟡 GO WITH CONDITIONS" in diff(runner).output
    assert "no answers file" in diff(runner, "--base", "HEAD").output


def test_new_and_deleted_features_are_listed_as_such(repo, runner):
    shutil.copy(REPO / "examples" / "support-reply-drafts.answers.yaml", repo / DOCS)
    (repo / DOCS / "refund-agent.answers.yaml").unlink()
    result = diff(runner)
    assert result.exit_code == 0, result.output
    text = result.output
    assert (
        "### New features\n\n- **Support reply drafts** (`docs/mlpdm/support-reply-drafts.answers.yaml`): "
        in text
    )
    assert "🟡 GO WITH CONDITIONS; top reason: Untrusted content plus access to internal data" in text
    assert (
        "### Deleted features\n\n"
        "- **Autonomous refund agent** (`docs/mlpdm/refund-agent.answers.yaml`): 🔴 NO-GO" in text
    )


def test_answers_that_change_nothing_mlpdm_concludes_are_listed_apart(repo, runner):
    edit(repo / INVOICE, "daily_volume: 300", "daily_volume: 400")
    text = diff(runner).output
    assert "### Answers changed, same verdict, reason, decision and findings" in text
    assert "- **Outputs per day:** “300” → “400”" in text
    assert "**Verdict:**" not in text


def test_a_team_decision_and_a_broken_file_are_changes(repo, runner):
    assert runner.invoke(app, ["decide", INVOICE, "accepted", "--by", "Aiko"]).exit_code == 0
    edit(repo / DOCS / "refund-agent.answers.yaml", "kill_switch: 'yes'", "kill_switch: 'maybe'")
    text = diff(runner).output
    assert "- **Team decision:** draft (not decided yet) → accepted" in text
    assert "- **Verdict:** 🔴 NO-GO — unacceptable risk as designed → cannot be read (" in text
    assert "got 'maybe'" in text


def test_an_answer_is_shown_literally_never_as_markup(repo, runner):
    edit(repo / INVOICE, "  baseline: 4 minutes", "  baseline: <b>**4**</b> | minutes")
    text = diff(runner).output
    assert r"“\<b\>\*\*4\*\*\</b\> \| minutes per invoice" in text


def test_json_has_the_same_changes(repo, runner):
    edit(repo / INVOICE, "kill_switch: 'yes'", "kill_switch: 'no'")
    data = json.loads(diff(runner, "--format", "json").stdout)
    assert data["commit"] == git(repo, "rev-parse", "HEAD")
    (change,) = data["changes"]
    assert (change["before"]["verdict"], change["after"]["verdict"]) == ("go", "go-with-conditions")
    assert change["answers"][0]["question"] == "kill_switch"


def test_japanese(repo, runner):
    edit(repo / INVOICE, "kill_switch: 'yes'", "kill_switch: 'no'")
    text = diff(runner, "--lang", "ja").output
    assert "- **判定**：🟢 GO → 🟡 条件付き GO" in text


def test_an_unknown_base_is_a_clear_error(repo, runner):
    result = diff(runner, "--base", "no-such-branch")
    assert result.exit_code == 2
    assert (
        "--base 'no-such-branch': no commit, branch or tag of that name in this repository" in result.output
    )
    assert "Traceback" not in result.output
    # Never read as one of git's options.
    assert diff(runner, "--base", "--output=/tmp/x").exit_code == 2


def test_outside_a_git_repository(tmp_path, runner, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = diff(runner)
    assert result.exit_code == 2
    assert "is not inside a git repository" in result.output


def test_without_git(repo, runner, monkeypatch):
    monkeypatch.setenv("PATH", str(repo / "nowhere"))
    result = diff(runner)
    assert result.exit_code == 2
    assert "git was not found" in result.output


def test_a_repository_without_commits(tmp_path, runner, monkeypatch):
    git(tmp_path, "init", "-q")
    monkeypatch.chdir(tmp_path)
    result = diff(runner)
    assert result.exit_code == 2 and "has no commit yet" in result.output


def test_without_a_default_branch_the_base_is_head(repo, runner):
    git(repo, "branch", "-m", "main", "trunk")  # neither main nor master, and no origin
    git(repo, "checkout", "-q", "-b", "feature")
    edit(repo / INVOICE, "kill_switch: 'yes'", "kill_switch: 'no'")
    git(repo, "commit", "-q", "-am", "committed")  # part of HEAD: not a change against HEAD
    assert "no answers file" in diff(runner).output
    edit(repo / INVOICE, "daily_volume: 300", "daily_volume: 400")
    head = git(repo, "rev-parse", "--short=7", "HEAD")
    assert f"compared with `HEAD` (`{head}`)" in diff(runner).output
