"""The built package: a wheel and sdist that twine accepts, and data that works when installed.

A non-editable install from another directory must find the questionnaires and templates,
so this builds the wheel, installs it into a fresh virtual environment and runs it from
an empty folder.
"""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO

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


def test_installed_wheel_works_from_another_directory(dist, tmp_path):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    wheel = next(dist.glob("*.whl"))
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], check=True, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    mlpdm = env_dir / "bin" / "mlpdm"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(mlpdm), *args], cwd=elsewhere, capture_output=True, text=True, check=False)

    validated = run("questionnaire", "validate", "default")
    assert validated.returncode == 0, validated.stdout + validated.stderr
    example = REPO / "examples" / "invoice-ocr.answers.yaml"
    rendered = run("render", str(example), "-o", "-")
    assert rendered.returncode == 0, rendered.stderr
    assert "verdict: go\n" in rendered.stdout
    located = subprocess.run(
        [str(python), "-c", "import mlpdm.resources as r; print(r._data_dir('templates'))"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "site-packages" in located.stdout
