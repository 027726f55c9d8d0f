"""Put the help texts of one language into the command tree before typer shows any help.

Typer reads help from the command objects when it formats them, so replacing the texts on
the built tree (rather than at import) lets one process serve either language, as the tests
and `--lang ja --help` need.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import typer
from rich.markup import escape

from mlpdm.config import Config, language, load_config
from mlpdm.core.errors import UserError
from mlpdm.core.messages import MESSAGES, t
from mlpdm.core.text import LANGUAGES

# typer.rich_utils module constants and the catalogue keys that replace them.
_TYPER_WORDS = {
    "ARGUMENTS_PANEL_TITLE": "help.ui.arguments",
    "OPTIONS_PANEL_TITLE": "help.ui.options",
    "COMMANDS_PANEL_TITLE": "help.ui.commands",
    "DEFAULT_STRING": "help.ui.default",
    "REQUIRED_LONG_STRING": "help.ui.required",
    "ERRORS_PANEL_TITLE": "help.ui.error",
    "RICH_HELP": "help.ui.try_help",
}


def help_language(argv: Sequence[str], config: Config | None) -> str:
    """The language for help and usage errors: --lang on the command line, then config, then locale."""
    for i, arg in enumerate(argv):
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else arg.partition("=")[2]
        if (arg == "--lang" or arg.startswith("--lang=")) and value in LANGUAGES:
            return value
    return language(config, None)[0]


def config_or_none() -> Config | None:
    """The configuration, or None when it is broken (the command that needs it reports that)."""
    try:
        return load_config()
    except UserError:
        return None


def localize(command: Any, lang: str) -> None:
    """Set the help of ``command``, its parameters and subcommands in ``lang``."""
    _walk(command, ("mlpdm",), lang)
    rich_utils = sys.modules.get("typer.rich_utils")
    if lang != "en" and rich_utils is None:
        import typer.rich_utils as rich_utils
    if rich_utils is not None:
        for name, key in _TYPER_WORDS.items():
            setattr(rich_utils, name, t(key, lang))
        _fold_long_words(rich_utils)


def _fold_long_words(rich_utils: Any) -> None:
    # Rich wraps only at spaces and typer's help tables cut a longer "word" with "…"; a
    # Japanese sentence has no spaces, so without folding most of it would be cut off.
    make = getattr(rich_utils, "_make_rich_text", None)
    if make is None or getattr(make, "_mlpdm_folds", False):
        return

    def folding(**kwargs: Any) -> Any:
        text = make(**kwargs)
        if hasattr(text, "overflow"):
            text.overflow = "fold"
        return text

    folding._mlpdm_folds = True  # type: ignore[attr-defined]
    rich_utils._make_rich_text = folding


def help_keys(command: Any, path: tuple[str, ...] = ("mlpdm",)) -> list[str]:
    """Every catalogue key the command tree's help is taken from (for the translation test)."""
    keys = [_command_key(path)]
    keys += [_param_key(path, param.name) for param in command.params]
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        keys += help_keys(sub, (*path, name))
    return keys


def _walk(command: Any, path: tuple[str, ...], lang: str) -> None:
    command.help = _text(_command_key(path), lang)
    for param in command.params:
        param.help = _text(_param_key(path, param.name), lang)
    option = command.get_help_option(typer.Context(command))
    if option is not None:
        option.help = _text("help.option.help", lang)
    for name, sub in getattr(command, "commands", {}).items():
        _walk(sub, (*path, name), lang)


def _text(key: str, lang: str) -> str:
    # Typer reads help as Rich markup; "[tool.mlpdm]" must stay text, not vanish as a tag.
    return escape(t(key, lang))


def _command_key(path: tuple[str, ...]) -> str:
    return "help." + ".".join(path)


def _param_key(path: tuple[str, ...], name: str | None) -> str:
    specific = f"{_command_key(path)}.{name}"
    return specific if specific in MESSAGES else f"help.param.{name}"
