"""The composite GitHub Action (action.yml): its steps run as a runner would run them.

Each `run:` step is run with bash as GitHub runs it (``bash --noprofile --norc -eo pipefail``),
its `env:` filled in from the inputs, ``GITHUB_STEP_SUMMARY`` a file, in a real git repository.
Steps that use other actions (setup-python) and the install step are not run: the tests use
the installed mlpdm, which is what the install step provides.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from tests.conftest import REPO
from tests.team.conftest import edit, git

ACTION = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
INVOICE = "docs/mlpdm/invoice-ocr.answers.yaml"


def expand(value: str, inputs: dict[str, str]) -> str:
    """``${{ inputs.x }}`` as its value; any other expression is empty, as on a run without a pull request."""
    return EXPRESSION.sub(lambda m: inputs.get(m.group(1).removeprefix("inputs."), ""), value)


def holds(condition: str, inputs: dict[str, str], failed: bool) -> bool:
    """The few step conditions the action uses: always(), success() and inputs.x == 'v', joined by &&."""
    terms = [term.strip() for term in EXPRESSION.sub(r"\1", condition).split("&&")]
    result = True if any(term == "always()" for term in terms) else not failed
    for term in terms:
        match = re.fullmatch(r"inputs\.([\w-]+) == '([^']*)'", term)
        if match:
            result = result and inputs.get(match.group(1)) == match.group(2)
        else:
            assert term in ("always()", "success()"), f"the test cannot evaluate {term!r}"
    return result


@dataclass
class Run:
    failed: bool
    output: dict[str, str]
    summary: str


def run_action(root: Path, tmp_path: Path, **given: str) -> Run:
    inputs = {name: expand(str(spec.get("default", "")), {}) for name, spec in ACTION["inputs"].items()}
    inputs.update(given)
    summary = tmp_path / "summary.md"
    summary.write_text("", encoding="utf-8")
    failed, output = False, {}
    for step in ACTION["runs"]["steps"]:
        if "uses" in step or "pip install" in step["run"]:
            continue
        if not holds(step.get("if", "success()"), inputs, failed):
            continue
        env = {
            **os.environ,
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
            "GITHUB_STEP_SUMMARY": str(summary),
            "GITHUB_ACTION_PATH": str(REPO),
            "NO_COLOR": "1",
            "LC_ALL": "C.UTF-8",
            **{key: expand(str(value), inputs) for key, value in step.get("env", {}).items()},
        }
        script = tmp_path / "step.sh"
        script.write_text(step["run"], encoding="utf-8")
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
        )
        output[step["name"]] = done.stdout + done.stderr
        failed = failed or done.returncode != 0
    return Run(failed, output, summary.read_text(encoding="utf-8"))


def test_the_action_installs_mlpdm_from_its_own_checkout():
    steps = ACTION["runs"]["steps"]
    assert ACTION["runs"]["using"] == "composite"
    assert {"python-version", "directory", "check-args", "base", "summary"} <= set(ACTION["inputs"])
    install = next(s for s in steps if "run" in s and "pip install" in s["run"])
    assert '"$GITHUB_ACTION_PATH"' in install["run"]
    # No input is pasted into a script, where a value could become shell code.
    assert all("${{" not in s["run"] for s in steps if "run" in s)


def test_a_failed_check_fails_the_job_and_the_summary_is_still_written(git_repo, tmp_path):
    git(git_repo, "checkout", "-q", "-b", "feature")
    edit(git_repo / INVOICE, "kill_switch: 'yes'", "kill_switch: 'no'")  # the brief is now stale
    run = run_action(git_repo, tmp_path, base="main")
    assert run.failed
    assert (
        "::error file=docs/mlpdm/invoice-ocr.answers.yaml,line=1,title=mlpdm brief-stale::"
        "docs/mlpdm/invoice-ocr.md: brief is stale: its answers changed since it was rendered"
    ) in run.output["mlpdm check"].splitlines()
    assert "- **Verdict:** 🟢 GO → 🟡 GO WITH CONDITIONS" in run.summary
    assert "- **Switch-off / rollback:** “Yes” → “No”" in run.summary


def test_a_clean_change_passes_with_its_summary(git_repo, tmp_path):
    run = run_action(git_repo, tmp_path, base="main", **{"check-args": "--fail-on no-go-not-needed"})
    assert not run.failed, run.output
    assert run.summary.startswith("mlpdm: no answers file under `docs/mlpdm` changed since `main`")


def test_check_args_reach_the_check(git_repo, tmp_path):
    run = run_action(git_repo, tmp_path, base="main", **{"check-args": "--fail-on no-go-risk"})
    assert run.failed
    assert "title=mlpdm verdict-fail-on::verdict is no-go-risk (--fail-on)" in run.output["mlpdm check"]


def test_a_base_that_cannot_be_read_is_a_warning_not_a_failure(git_repo, tmp_path):
    run = run_action(git_repo, tmp_path, base="origin/not-fetched")
    assert not run.failed, run.output
    assert "::warning title=mlpdm diff::" in run.output["mlpdm diff into the job summary"]
    assert "--base 'origin/not-fetched': no commit, branch or tag of that name" in run.summary


def test_the_summary_can_be_switched_off(git_repo, tmp_path):
    run = run_action(git_repo, tmp_path, base="main", summary="false")
    assert not run.failed and run.summary == ""
