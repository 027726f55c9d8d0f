"""Options every command shares (language, colour), resolved once from flags and environment."""

from __future__ import annotations

import os
from dataclasses import dataclass

import typer

from mlpdm.core.text import LANGUAGES, normalize_lang


@dataclass(frozen=True)
class Settings:
    """What the global options decided."""

    lang: str = "en"


def language_from_environment(environ: dict[str, str] | None = None) -> str:
    """The language the locale asks for: LC_ALL, then LC_MESSAGES, then LANG."""
    env = os.environ if environ is None else environ
    for key in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(key)
        if value:
            return normalize_lang(value)
    return "en"


def check_lang(value: str | None) -> str | None:
    """Validate --lang."""
    if value is not None and value not in LANGUAGES:
        raise typer.BadParameter(f"{value!r} is not supported; choose one of: {', '.join(LANGUAGES)}")
    return value


def settings(ctx: typer.Context) -> Settings:
    """The settings stored by the main callback (defaults when a command runs alone in tests)."""
    root = ctx.find_root()
    obj = root.obj
    return obj if isinstance(obj, Settings) else Settings(lang=language_from_environment())
