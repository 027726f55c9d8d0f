"""docs/architecture.md names every module, and only modules that exist.

A newcomer finds every part from that page, so a module added, removed or renamed without it
fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "architecture.md"
FOLDERS = {"Commands": "mlpdm/cli", "Shells": "mlpdm", "Core": "mlpdm/core"}


def _documented() -> dict[str, set[str]]:
    """Module names listed in each table of the page, by folder."""
    text = DOC.read_text(encoding="utf-8")
    found: dict[str, set[str]] = {}
    for heading, folder in FOLDERS.items():
        table = text.split(f"\n{heading} (`{folder}/`):", 1)[1].split("\n\n", 2)[1]
        found[folder] = set(re.findall(r"^\| `([a-z_]+\.py)` \|", table, flags=re.M))
    return found


def _modules(folder: str) -> set[str]:
    return {p.name for p in (ROOT / folder).glob("*.py") if p.name not in ("__init__.py", "__main__.py")}


def test_every_module_is_on_the_architecture_page_and_nothing_else():
    for folder, names in _documented().items():
        assert names, f"no module table for {folder}/"
        assert names == _modules(folder), (
            f"{folder}/: missing from docs/architecture.md {sorted(_modules(folder) - names)}, "
            f"listed but gone {sorted(names - _modules(folder))}"
        )
