"""Put the help texts of one language into the command tree before any help is shown.

Help is read from the command objects when it is formatted, so replacing the texts on the
built tree (rather than at import) lets one process serve either language, as the tests and
`--lang ja --help` need. Subcommands loaded later are localized as they load.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mlpdm.cli.helpfmt import HELP_OPTIONS, HelpContext
from mlpdm.cli.settings import user_language
from mlpdm.core.text.errors import UserError
from mlpdm.core.text.languages import LANGUAGES
from mlpdm.core.text.messages import MESSAGES, t
from mlpdm.repo.config import Config, load_config


def help_language(argv: Sequence[str], config: Config | None) -> str:
    """The language for help and usage errors: --lang on the command line, then config, then locale."""
    flag = None
    for i, arg in enumerate(argv):
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else arg.partition("=")[2]
        if (arg == "--lang" or arg.startswith("--lang=")) and value in LANGUAGES:
            flag = value
            break
    return user_language(config, flag)[0]


def config_or_none() -> Config | None:
    """The configuration, or None when it is broken (the command that needs it reports that)."""
    try:
        return load_config()
    except UserError:
        return None


def localize(command: Any, lang: str, path: tuple[str, ...] = ("mlpdm",)) -> None:
    """Set the help of ``command``, its parameters and its loaded subcommands in ``lang``."""
    command.help = t(_command_key(path), lang)
    # A group lists its commands by their first paragraph, whole and wrapped, not cut at 45
    # characters mid-sentence as click would.
    command.short_help = summary(path, lang)
    command.context_class = HelpContext
    for param in command.params:
        param.help = t(_param_key(path, param.name), lang)
    option = command.get_help_option(HelpContext(command, help_option_names=HELP_OPTIONS))
    if option is not None:
        option.help = t("help.option.help", lang)
    for name, sub in getattr(command, "commands", {}).items():
        localize(sub, lang, (*path, name))


def summary(path: tuple[str, ...], lang: str) -> str:
    """A command's help up to its first blank line: what a command list shows of it."""
    return t(_command_key(path), lang).split("\n\n")[0]


def help_keys(command: Any, path: tuple[str, ...] = ("mlpdm",)) -> list[str]:
    """Every catalogue key the command tree's help is taken from (for the translation test)."""
    keys = [_command_key(path)]
    keys += [_param_key(path, param.name) for param in command.params]
    if hasattr(command, "list_commands"):
        ctx = HelpContext(command)
        for name in sorted(command.list_commands(ctx)):
            keys += help_keys(command.get_command(ctx, name), (*path, name))
    return keys


def _command_key(path: tuple[str, ...]) -> str:
    return "help." + ".".join(path)


def _param_key(path: tuple[str, ...], name: str | None) -> str:
    specific = f"{_command_key(path)}.{name}"
    return specific if specific in MESSAGES else f"help.param.{name}"
