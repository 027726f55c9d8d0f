"""Options every command shares, and the team configuration, resolved once per run."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import typer

from mlpdm.core.text.languages import LANGUAGES, resolve_language
from mlpdm.core.text.messages import t
from mlpdm.repo.config import Config, load_config


@dataclass
class Settings:
    """The global options, and the configuration loaded on first use."""

    lang_flag: str | None = None
    command_lang: str | None = None  # a subcommand's own --lang, recorded as it is parsed
    _config: Config | None = field(default=None, repr=False)

    def config(self) -> Config:
        """The configuration for the current folder (loaded once)."""
        if self._config is None:
            self._config = load_config()
        return self._config

    def lang(self, command_flag: str | None = None) -> str:
        """A command's --lang, then the global --lang, then the config, then the locale."""
        # The configuration is loaded only when no flag names the language.
        return command_flag or self.command_lang or self.lang_flag or user_language(self.config())[0]

    def lang_for_errors(self) -> str:
        """The language for an error message, without loading a configuration that may be broken."""
        return user_language(self._config, self.command_lang or self.lang_flag)[0]


def check_lang(ctx: typer.Context, value: str | None) -> str | None:
    """Validate --lang, and remember a subcommand's so its errors are in that language too."""
    if value is not None and value not in LANGUAGES:
        lang = user_language(None)[0]
        raise typer.BadParameter(t("error.unknown_lang", lang, value=repr(value), known=", ".join(LANGUAGES)))
    if value is not None and ctx.parent is not None:
        settings(ctx).command_lang = value
    return value


def user_language(config: Config | None, flag: str | None = None) -> tuple[str, str]:
    """The language of this run's messages and its source: the flag, the config, the locale."""
    return resolve_language(
        flag,
        configured=config.lang if config else None,
        configured_in=config.sources.get("lang", "config") if config else "config",
        environ=os.environ,
    )


def repository_language(config: Config) -> str:
    """The repository's language (the configuration's ``lang``, else English).

    Files kept for the whole team, such as the schema beside the answers and a new brief or
    page, are in it, whoever runs the command: otherwise every run in another language would
    rewrite them.
    """
    return resolve_language(configured=config.lang)[0]


def settings(ctx: typer.Context) -> Settings:
    """The settings stored by the main callback (fresh ones when a command runs alone)."""
    root = ctx.find_root()
    if not isinstance(root.obj, Settings):
        root.obj = Settings()
    return root.obj
