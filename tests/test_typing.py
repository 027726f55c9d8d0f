"""The package type-checks: mypy, configured in pyproject.toml, finds no error in mlpdm."""

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("mypy") is None,
    reason="mypy is not installed (it comes with the test extra: pip install -e '.[test]')",
)


def test_mypy_finds_no_error_in_the_package() -> None:
    # The interpreter running the tests, so the checker sees the same installed packages and stubs.
    result = subprocess.run(
        [sys.executable, "-m", "mypy"],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    # Every module was checked: the configuration's `files` still names the whole package.
    checked = re.search(r"no issues found in (\d+) source files", output)
    assert checked, output
    assert int(checked.group(1)) == len(list((ROOT / "mlpdm").rglob("*.py")))
