"""Confinement: every path that configuration names stays inside the repository."""

from __future__ import annotations

from pathlib import Path

from mlpdm.core.text.errors import Location, UserError


def inside(path: Path, root: Path) -> bool:
    """Whether ``path``, with every symbolic link on the way resolved, is ``root`` or lies under it."""
    try:
        resolved, base = path.resolve(), root.resolve()
    except (OSError, RuntimeError, ValueError):  # a link loop, a NUL: not provably inside
        return False
    return resolved == base or base in resolved.parents


def confined(path: Path, root: Path, *, setting: str, source: Path | None = None) -> Path:
    """``path`` if it stays inside the repository ``root`` once links are followed, else a UserError.

    Every path mlpdm reads or writes because of configuration goes through here, so a setting
    such as ``index = "../../victim"`` or a committed symlink to outside cannot reach out.
    """
    if not inside(path, root):
        raise UserError.of(
            "escapes_repo",
            where=Location(str(source)) if source else None,
            origin=f"{source}: " if source else "",
            setting=setting,
            path=path,
            root=root,
        )
    return path
