"""git as a source of files: the repository's root, and files as a commit holds them."""

from __future__ import annotations

from pathlib import Path


def repository_root(start: Path) -> Path | None:
    """The folder holding ``.git`` at or above ``start`` (None outside a repository).

    Found without running git, so `check --format github` names files from the root GitHub
    uses for annotations even where git is not installed.
    """
    here = start.resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return None
