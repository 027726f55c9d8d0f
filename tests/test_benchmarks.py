"""The benchmark's own parts still work: synthetic answers that mlpdm accepts, and the floor."""

from __future__ import annotations

import subprocess
import sys

import yaml

from mlpdm.cli.app import app
from tests.conftest import REPO

BENCH = REPO / "benchmarks"


def test_synthetic_answers_are_valid_varied_and_seeded(tmp_path, runner, monkeypatch):
    for name in ("a", "b"):
        subprocess.run([sys.executable, str(BENCH / "synth.py"), str(tmp_path / name), "12"], check=True)
    docs = tmp_path / "a" / "docs" / "mlpdm"
    files = sorted(docs.glob("*.answers.yaml"))
    assert len(files) == 12
    same_seed = tmp_path / "b" / "docs" / "mlpdm" / files[0].name
    assert files[0].read_text(encoding="utf-8") == same_seed.read_text(encoding="utf-8")

    monkeypatch.chdir(tmp_path / "a")
    fixed = runner.invoke(app, ["check", "--fix", str(docs)])
    assert fixed.exit_code == 0, fixed.output  # every synthetic file is a valid answers file
    verdicts = {
        yaml.safe_load(p.read_text(encoding="utf-8").split("---")[1])["verdict"] for p in docs.glob("f*.md")
    }
    assert len(verdicts) >= 2
    assert runner.invoke(app, ["check", str(docs)]).exit_code == 0

    floor = subprocess.run(
        [sys.executable, str(BENCH / "floor.py"), str(docs)], capture_output=True, text=True, check=True
    )
    assert "12 files compared" in floor.stderr
