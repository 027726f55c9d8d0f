"""The repository's pre-commit hooks, run by the real pre-commit in a temporary git repo.

The hooks are the ones in this checkout's .pre-commit-hooks.yaml (entry, files, pass_filenames),
declared as `repo: local` hooks that call the installed mlpdm (`language: system`): pre-commit
then needs no network and no package index, and what is tested is exactly the hook definitions
a team gets, run against the code of this checkout.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from mlpdm import __version__
from tests.conftest import REPO

pytestmark = pytest.mark.slow

MANIFEST = REPO / ".pre-commit-hooks.yaml"
BIN = Path(sys.executable).parent  # where the installed `mlpdm` command is


def git(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "T",
        "GIT_AUTHOR_EMAIL": "t@x",
        "GIT_COMMITTER_NAME": "T",
        "GIT_COMMITTER_EMAIL": "t@x",
    }
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env=env, check=False)


def local_config() -> str:
    """A .pre-commit-config.yaml running every hook of the manifest with the installed mlpdm."""
    hooks = []
    for hook in yaml.safe_load(MANIFEST.read_text(encoding="utf-8")):
        assert hook["language"] == "python" and hook["entry"].startswith("mlpdm ")
        local = {k: hook[k] for k in ("id", "name", "entry", "files", "pass_filenames")}
        hooks.append({**local, "language": "system"})
    return yaml.safe_dump({"repos": [{"repo": "local", "hooks": hooks}]}, sort_keys=False)


@pytest.fixture
def team(tmp_path) -> Path:
    """A git repository with one answers file and its brief (no portfolio page yet), staged."""
    assert (BIN / "mlpdm").exists(), "mlpdm is not installed beside this Python"
    root = tmp_path / "team"
    docs = root / "docs" / "mlpdm"
    docs.mkdir(parents=True)
    assert git(root, "init", "-q").returncode == 0
    shutil.copy(REPO / "examples" / "invoice-ocr.answers.yaml", docs)
    mlpdm("render", "docs/mlpdm/invoice-ocr.answers.yaml", cwd=root)
    (root / ".pre-commit-config.yaml").write_text(local_config(), encoding="utf-8")
    git(root, "add", "-A")
    return root


def mlpdm(*args: str, cwd: Path) -> None:
    subprocess.run([str(BIN / "mlpdm"), *args], cwd=cwd, check=True, capture_output=True)


def run_hooks(team: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "PRE_COMMIT_HOME": str(team.parent / "pre-commit-home"),
        "NO_COLOR": "1",
        "PRE_COMMIT_COLOR": "never",
    }
    command = [sys.executable, "-m", "pre_commit", "run", "--all-files"]
    return subprocess.run(command, cwd=team, capture_output=True, text=True, env=env, check=False)


def status(output: str, name: str) -> str:
    """What pre-commit said of the hook called ``name``: Passed, Failed or Skipped."""
    line = next(line for line in output.splitlines() if line.startswith(name))
    return line.rsplit(".", 1)[-1].strip()


CHECK = "mlpdm check (briefs match their answers)"
INDEX = "mlpdm index (portfolio page)"


def test_the_manifest_is_valid_for_pre_commit():
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", str(MANIFEST)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_index_hook_fails_once_when_it_writes_the_page_then_passes(team):
    first = run_hooks(team)
    # A new page is not in `git diff`, so only the hook's own exit code can stop the commit.
    assert first.returncode == 1, first.stdout
    assert status(first.stdout, INDEX) == "Failed" and status(first.stdout, CHECK) == "Passed"
    assert "docs/mlpdm/README.md was not up to date and has been written" in first.stdout
    assert (team / "docs" / "mlpdm" / "README.md").is_file()
    git(team, "add", "-A")
    second = run_hooks(team)
    assert second.returncode == 0, second.stdout
    assert status(second.stdout, INDEX) == "Passed"


def test_a_stale_brief_refuses_the_commit_until_fixed(team):
    mlpdm("index", cwd=team)
    git(team, "add", "-A")
    assert run_hooks(team).returncode == 0
    answers = team / "docs" / "mlpdm" / "invoice-ocr.answers.yaml"
    answers.write_text(
        answers.read_text(encoding="utf-8").replace("kill_switch: 'yes'", "kill_switch: 'no'"),
        encoding="utf-8",
    )
    git(team, "add", "-A")
    refused = run_hooks(team)
    assert refused.returncode == 1
    assert status(refused.stdout, CHECK) == "Failed"
    assert "docs/mlpdm/invoice-ocr.md: error: brief is stale" in refused.stdout
    mlpdm("check", "--fix", cwd=team)
    git(team, "add", "-A")
    fixed = run_hooks(team)
    assert fixed.returncode == 0, fixed.stdout
    assert status(fixed.stdout, CHECK) == "Passed" and status(fixed.stdout, INDEX) == "Passed"


REV = re.compile(r"^\s*#?\s*rev:\s*(\S+)", re.MULTILINE)


@pytest.mark.parametrize("path", [".pre-commit-hooks.yaml", "docs/team.md"])
def test_the_documented_rev_is_the_tag_of_this_version(path):
    # The release commit is tagged v<__version__>; a rev naming any other tag would not exist.
    revs = REV.findall((REPO / path).read_text(encoding="utf-8"))
    assert revs, f"no rev: in {path}"
    assert set(revs) == {f"v{__version__}"}, revs
