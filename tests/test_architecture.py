"""The layout is the architecture: docs/architecture.md names every module, imports flow one way.

A newcomer finds every part from that page, so a module added, removed or renamed without it
fails here; and a module that imports against the direction of the layers fails too.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "mlpdm"
DOC = ROOT / "docs" / "architecture.md"
# Lower layers never import higher ones: the core is pure, the repository and the terminal are
# shells around it, and the command line sits on top.
LAYERS = ["core", "repo", "terminal", "cli"]


def _documented() -> dict[str, set[str]]:
    """Module names listed in each folder's table of the page."""
    text = DOC.read_text(encoding="utf-8")
    found: dict[str, set[str]] = {}
    for match in re.finditer(
        r"^[^\n|]*\(`(mlpdm(?:/[a-z_]+)*)/`\):\n\n(.*?)(?:\n\n|\Z)", text, flags=re.M | re.S
    ):
        found[match.group(1)] = set(re.findall(r"^\| `([a-z_]+\.py)` \|", match.group(2), flags=re.M))
    return found


def _folders() -> dict[str, set[str]]:
    """Every package folder with modules of its own, and its modules."""
    folders: dict[str, set[str]] = {}
    for init in PACKAGE.rglob("__init__.py"):
        modules = {p.name for p in init.parent.glob("*.py") if p.name not in ("__init__.py", "__main__.py")}
        if modules:
            folders[init.parent.relative_to(ROOT).as_posix()] = modules
    return folders


def test_every_module_is_on_the_architecture_page_and_nothing_else():
    documented, actual = _documented(), _folders()
    assert set(documented) == set(actual), (
        f"folders without a table: {sorted(set(actual) - set(documented))}, "
        f"tables of folders that are gone: {sorted(set(documented) - set(actual))}"
    )
    for folder, names in documented.items():
        assert names == actual[folder], (
            f"{folder}/: missing from docs/architecture.md {sorted(actual[folder] - names)}, "
            f"listed but gone {sorted(names - actual[folder])}"
        )


def test_every_package_says_what_it_holds():
    for init in PACKAGE.rglob("__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and "\n" not in doc.strip(), f"{init.relative_to(ROOT)}: no one-line docstring"


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, mlpdm sub-package) of every import of mlpdm in a module, at any depth."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module] + (
                [f"{node.module}.{a.name}" for a in node.names] if node.module == "mlpdm" else []
            )
        for name in names:
            parts = name.split(".")
            if parts[0] == "mlpdm" and len(parts) > 1 and parts[1] in LAYERS:
                found.append((node.lineno, parts[1]))
    return found


@pytest.mark.parametrize("layer", LAYERS)
def test_imports_point_down_the_layers(layer):
    allowed = set(LAYERS[: LAYERS.index(layer) + 1])
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for line, target in _imports(path):
            assert target in allowed, (
                f"{path.relative_to(ROOT)}:{line} imports mlpdm.{target} from mlpdm.{layer}"
            )


def test_no_relative_imports():
    # Absolute imports keep every reference greppable by its dotted name.
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            assert not (isinstance(node, ast.ImportFrom) and node.level), (
                f"{path.relative_to(ROOT)}:{node.lineno}"
            )
