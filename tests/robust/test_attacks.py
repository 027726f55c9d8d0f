"""Attacks on the installed package, as someone with write access to a pull request, a team
questionnaire, a templates folder or the configuration would try them (docs/security.md).

mlpdm is built into a wheel and installed, not editable, into a folder of its own; every
command runs in a fresh process from a temporary repository. Each attack must be refused with
a clear message (exit 2, or exit 1 where `check` reports a problem), with nothing read or
written outside that repository.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.robust.test_bounds import RULE

pytestmark = pytest.mark.slow

DOCS = "docs/mlpdm"
SECRET = "root:x:0:0:the secret line\n"


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """mlpdm's wheel, installed (not editable) into a folder used as the only mlpdm on the path."""
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(REPO)],
        check=True,
        capture_output=True,
    )
    target = tmp_path_factory.mktemp("site")
    wheel = next(dist.glob("*.whl"))
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    return target


@pytest.fixture
def repo(tmp_path) -> Path:
    """A repository with two features rendered, and a secret and a victim file outside it."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    docs = root / DOCS
    docs.mkdir(parents=True)
    for name in ("invoice-ocr", "refund-agent"):
        shutil.copy(REPO / "examples" / f"{name}.answers.yaml", docs)
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    (tmp_path / "victim").mkdir()
    (tmp_path / "victim" / "notes.txt").write_text("precious\n", encoding="utf-8")
    return root


def mlpdm(installed: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(installed), "NO_COLOR": "1", "COLUMNS": "200", "LANG": "C.UTF-8"}
    env["MLPDM_CACHE_DIR"] = str(cwd.parent / "cache")
    return subprocess.run(
        [sys.executable, "-m", "mlpdm", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def outside_untouched(repo: Path) -> None:
    outside = repo.parent
    assert (outside / "secret.txt").read_text(encoding="utf-8") == SECRET
    assert (outside / "victim" / "notes.txt").read_text(encoding="utf-8") == "precious\n"
    assert sorted(p.name for p in (outside / "victim").iterdir()) == ["notes.txt"]


def test_the_package_under_test_is_the_installed_one(installed, repo):
    result = subprocess.run(
        [sys.executable, "-c", "import mlpdm; print(mlpdm.__file__)"],
        cwd=repo,  # as every command below runs
        env={**os.environ, "PYTHONPATH": str(installed)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.startswith(str(installed))


def forge(brief: Path, old: str, new: str) -> None:
    text = brief.read_text(encoding="utf-8").replace(old, new)
    body = text.split("\n---\n", 1)[1].removeprefix("\n")
    digest = "sha256:" + hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]
    brief.write_text(re.sub(r"\n  brief: .*\n", f"\n  brief: {digest}\n", text, count=1), encoding="utf-8")


def test_1_a_forged_brief_fails_check_and_the_index_tells_the_truth(installed, repo):
    assert mlpdm(installed, repo, "check", "--fix").returncode == 0
    brief = repo / DOCS / "refund-agent.md"
    forge(brief, "verdict: no-go-risk\n", "verdict: go\n")
    forge(brief, "🔴 NO-GO", "🟢 GO")
    result = mlpdm(installed, repo, "check", "--fail-on", "no-go-risk")
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{DOCS}/refund-agent.md: error: brief is stale" in result.stdout
    index = mlpdm(installed, repo, "index", "-o", "-").stdout
    assert "NO-GO" in next(line for line in index.splitlines() if "refund-agent.md" in line)


@pytest.mark.parametrize(
    "setting",
    [
        'index = "../../../victim/notes.txt"',
        'index = "../../../victim/notes.md"',
        "index = {absolute!r}",
        'index = "invoice-ocr.answers.yaml"',
        'questionnaire = "../secret.txt"',
        'questionnaire = "{secret}"',
        'templates = "../victim"',
    ],
)
def test_2_a_configured_path_outside_the_repository_is_refused(installed, repo, setting):
    absolute = str(repo.parent / "victim" / "new.md")
    line = setting.format(absolute=absolute, secret=repo.parent / "secret.txt")
    (repo / "mlpdm.toml").write_text(line.replace("'", '"') + "\n", encoding="utf-8")
    answers = (repo / DOCS / "invoice-ocr.answers.yaml").read_text(encoding="utf-8")
    result = mlpdm(installed, repo, "check", "--fix", "--force")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "mlpdm.toml" in result.stderr and "Traceback" not in result.stderr
    assert "the secret line" not in result.stdout + result.stderr
    outside_untouched(repo)
    assert (repo / DOCS / "invoice-ocr.answers.yaml").read_text(encoding="utf-8") == answers


def test_2_a_configured_path_through_a_symlink_out_of_the_repository_is_refused(installed, repo):
    (repo / "team").symlink_to(repo.parent / "victim")
    shutil.copy(REPO / "questionnaires" / "default.yaml", repo.parent / "victim" / "q.yaml")
    (repo / "mlpdm.toml").write_text('questionnaire = "team/q.yaml"\n', encoding="utf-8")
    result = mlpdm(installed, repo, "check")
    assert result.returncode == 2 and "leads outside the repository" in result.stderr, result.stderr
    (repo / "mlpdm.toml").write_text('templates = "team"\n', encoding="utf-8")
    result = mlpdm(installed, repo, "check")
    assert result.returncode == 2 and "leads outside the repository" in result.stderr, result.stderr


def test_2_an_index_named_like_a_brief_does_not_overwrite_it(installed, repo):
    assert mlpdm(installed, repo, "check", "--fix").returncode == 0
    brief = (repo / DOCS / "invoice-ocr.md").read_text(encoding="utf-8")
    (repo / "mlpdm.toml").write_text('index = "invoice-ocr.md"\n', encoding="utf-8")
    result = mlpdm(installed, repo, "check", "--fix", "--force")
    assert result.returncode == 1 and "the configured index is the brief of a feature" in result.stdout
    assert (repo / DOCS / "invoice-ocr.md").read_text(encoding="utf-8") == brief


def test_2_a_committed_symlink_for_the_docs_folder_is_not_written_through(installed, repo):
    shutil.rmtree(repo / "docs")
    (repo / "docs").symlink_to(repo.parent / "victim")
    (repo.parent / "victim" / "mlpdm").mkdir()
    shutil.copy(REPO / "examples" / "invoice-ocr.answers.yaml", repo.parent / "victim" / "mlpdm")
    result = mlpdm(installed, repo, "check", "--fix", "--force")
    assert result.returncode == 2 and "leads outside the repository" in result.stderr, result.stderr
    written = sorted(p.name for p in (repo.parent / "victim" / "mlpdm").iterdir())
    assert written == ["invoice-ocr.answers.yaml"]


def test_2_an_answers_file_linked_to_a_secret_is_not_read(installed, repo):
    (repo / DOCS / "s.answers.yaml").symlink_to(repo.parent / "secret.txt")
    result = mlpdm(installed, repo, "check", "--fix")
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{DOCS}/s.answers.yaml: error: leads outside the repository" in result.stdout
    assert "the secret line" not in result.stdout + result.stderr
    assert (repo / DOCS / "invoice-ocr.md").is_file()  # the other features went on


def test_2_a_template_linked_outside_cannot_be_included(installed, repo):
    templates = repo / "team-templates"
    templates.mkdir()
    (templates / "pw").symlink_to(repo.parent / "secret.txt")
    (templates / "pw.j2").symlink_to(repo.parent / "secret.txt")
    brief = (REPO / "templates" / "brief.md.j2").read_text(encoding="utf-8")
    (templates / "brief.md.j2").write_text("{% include 'pw.j2' %}\n" + brief, encoding="utf-8")
    (repo / "mlpdm.toml").write_text('templates = "team-templates"\n', encoding="utf-8")
    result = mlpdm(installed, repo, "render", f"{DOCS}/invoice-ocr.answers.yaml", "-o", "-")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "pw.j2" in result.stderr and "Traceback" not in result.stderr
    assert "the secret line" not in result.stdout + result.stderr


def test_3_a_device_or_pipe_given_as_output_is_written_in_place(installed, repo):
    answers = f"{DOCS}/invoice-ocr.answers.yaml"
    if os.geteuid() == 0:  # a private null device: a failure here harms no other process
        target = repo.parent / "null"
        os.mknod(target, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        result = mlpdm(installed, repo, "render", answers, "-o", str(target))
        assert result.returncode == 0, result.stderr
        assert stat.S_ISCHR(os.lstat(target).st_mode)
    pipe = repo.parent / "pipe"
    os.mkfifo(pipe)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_text(encoding="utf-8")), daemon=True)
    reader.start()
    result = mlpdm(installed, repo, "render", answers, "-o", str(pipe))
    reader.join(timeout=60)
    assert result.returncode == 0, result.stderr
    assert received and "generator: mlpdm" in received[0]
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)


@pytest.mark.parametrize(
    "when",
    ["(kpi|join(kpi)|length) > 5", "(" * 500 + "kpi" + ")" * 500, "not " * 5000 + "kpi"],
    ids=["join-blow-up", "deep-brackets", "deep-not"],
)
def test_7_a_team_condition_that_would_run_away_is_refused_with_its_line(installed, repo, when):
    (repo / "acme.yaml").write_text(RULE.format(when=when), encoding="utf-8")
    (repo / "mlpdm.toml").write_text('questionnaire = "acme.yaml"\n', encoding="utf-8")
    answers = repo / DOCS / "invoice-ocr.answers.yaml"
    text = answers.read_text(encoding="utf-8").replace(
        "  id: default\n  version: 2", "  id: acme\n  version: 1\n  base_version: 2", 1
    )
    answers.write_text(text.replace("kpi: ", "kpi: " + "x" * 19_000 + " ", 1), encoding="utf-8")
    out = repo.parent / "out.md"
    result = mlpdm(installed, repo, "render", f"{DOCS}/invoice-ocr.answers.yaml", "-o", str(out))
    assert result.returncode == 2, result.stdout + result.stderr
    assert "acme.yaml:" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    ("expression", "said"),
    [("'a'|center(1000000000)", "built a value of more than"), ("1/0", "ZeroDivisionError")],
    ids=["huge-string", "division-by-zero"],
)
def test_7_a_team_template_that_would_run_away_is_refused_with_its_line(installed, repo, expression, said):
    templates = repo / "team-templates"
    templates.mkdir()
    brief = (REPO / "templates" / "brief.md.j2").read_text(encoding="utf-8")
    (templates / "brief.md.j2").write_text("{{ " + expression + " }}\n" + brief, encoding="utf-8")
    (repo / "mlpdm.toml").write_text('templates = "team-templates"\n', encoding="utf-8")
    out = repo.parent / "out.md"
    result = mlpdm(installed, repo, "render", f"{DOCS}/invoice-ocr.answers.yaml", "-o", str(out))
    assert result.returncode == 2, result.stdout + result.stderr
    assert "brief.md.j2:1" in result.stderr and said in result.stderr
    assert not out.exists()
