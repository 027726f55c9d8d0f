"""The built package: a wheel and sdist that twine accepts, and data that works when installed.

A non-editable install from another directory must find the questionnaires and templates,
so this builds the wheel, installs it into a fresh virtual environment and runs it from
an empty folder.
"""

from __future__ import annotations

import re
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO, answers_yaml
from tests.core.scenarios import CLEAN

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(REPO)],
        check=True,
        capture_output=True,
    )
    return out


def test_wheel_carries_questionnaires_and_templates(dist):
    wheel = next(dist.glob("*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "mlpdm/_data/questionnaires/default.yaml" in names
    assert "mlpdm/_data/templates/brief.md.j2" in names
    assert not any(name.startswith("tests/") for name in names)


def test_twine_accepts_the_distributions(dist):
    result = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, dist.iterdir())],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def installed(dist, tmp_path_factory) -> Path:
    """The bin folder of a fresh virtual environment with the wheel installed (not editable)."""
    env_dir = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=True).create(env_dir)
    wheel = next(dist.glob("*.whl"))
    pip = [str(env_dir / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)]
    subprocess.run(pip, check=True, capture_output=True)
    return env_dir / "bin"


def test_installed_wheel_works_from_another_directory(installed, tmp_path):
    python = installed / "python"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    mlpdm = installed / "mlpdm"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(mlpdm), *args], cwd=elsewhere, capture_output=True, text=True, check=False)

    validated = run("questionnaire", "validate", "default")
    assert validated.returncode == 0, validated.stdout + validated.stderr
    example = REPO / "examples" / "invoice-ocr.answers.yaml"
    rendered = run("render", str(example), "-o", "-")
    assert rendered.returncode == 0, rendered.stderr
    assert "verdict: go-with-conditions\n" in rendered.stdout
    located = subprocess.run(
        [str(python), "-c", "import mlpdm.repo.resources as r; print(r._data_dir('templates'))"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "site-packages" in located.stdout


def test_installed_package_shows_hostile_content_and_links_safely(installed, tmp_path):
    # Items 4-6 of the trust issue, on the installed package: a committed file name that
    # writes the clipboard (OSC 52) and reverses text, a team questionnaire whose source URL is
    # `javascript&colon;`, and a feature name with a bidi override.
    repo = tmp_path / "repo"
    docs = repo / "docs" / "mlpdm"
    docs.mkdir(parents=True)
    (repo / ".git").mkdir()
    name = "n\x1b]52;c;aGk=\x07\x1b[2J\x9b31m\u202e"
    (docs / f"{name}.answers.yaml").write_text(answers_yaml(CLEAN, slug="other"), encoding="utf-8")
    feature = "Invoice \u202eFDP.exe"
    (docs / "bidi.answers.yaml").write_text(
        answers_yaml(CLEAN, feature=feature, slug="bidi"), encoding="utf-8"
    )
    team = {"id": "acme", "version": 1, "extends": "default"}
    team["sources"] = [{"id": "x", "title": "X", "url": "javascript&colon;alert(1)"}]
    (repo / "team.yaml").write_text(yaml.safe_dump(team, sort_keys=False), encoding="utf-8")

    def run(*args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run([str(installed / "mlpdm"), *args], cwd=repo, capture_output=True, check=False)

    raw = re.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u202a-\\u202e\\u2066-\\u2069\\u200e\\u200f\\u061c]")
    checked = run("check")
    out, err = checked.stdout.decode(), checked.stderr.decode()
    assert checked.returncode == 1 and "^[]52;c;aGk=^G^[[2J<9b>31m<U+202E>.answers.yaml" in out, out + err
    assert not raw.search(out) and not raw.search(err)
    validated = run("questionnaire", "validate", "team.yaml")
    assert validated.returncode == 2
    assert (
        "team.yaml:7: source URL 'javascript&colon;alert(1)' may not be a link" in validated.stderr.decode()
    )
    rendered = run("render", "docs/mlpdm/bidi.answers.yaml")
    assert rendered.returncode == 0, rendered.stderr
    brief = (docs / "bidi.md").read_text(encoding="utf-8")
    assert "\u202e" not in brief and "feature: Invoice (U+202E)FDP.exe\n" in brief
