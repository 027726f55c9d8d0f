"""The mlpdm command line: global options and the one error boundary for every command."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from mlpdm import __version__
from mlpdm.cli.exit_codes import ExitCode
from mlpdm.cli.helpfmt import HELP_OPTIONS, HelpContext, show_click_error
from mlpdm.cli.localize import config_or_none, help_language, localize, summary
from mlpdm.cli.settings import Settings, check_lang
from mlpdm.core.errors import UserError
from mlpdm.core.messages import t
from mlpdm.terminal import emit

# Command name -> (module, attribute). A command's module is imported only when that command
# runs or shows its help, so `mlpdm --version` and `mlpdm --help` load none of them.
COMMANDS: dict[str, tuple[str, str]] = {
    "interview": ("mlpdm.cli.interview", "interview"),
    "render": ("mlpdm.cli.render", "render"),
    "check": ("mlpdm.cli.check", "check"),
    "index": ("mlpdm.cli.check", "index"),
    "decide": ("mlpdm.cli.decide", "decide"),
    "config": ("mlpdm.cli.config_cmd", "config"),
    "questionnaire": ("mlpdm.cli.questionnaire", "app"),
    "stats": ("mlpdm.cli.stats", "app"),
}


class _Boundary(TyperGroup):
    """The root command: loads subcommands on demand and is the one error boundary.

    A UserError from any command becomes a one-paragraph message and exit code 2; a usage
    error is shown in the help language. Anything else is a bug: it keeps its traceback.
    """

    context_class = HelpContext
    help_lang = "en"
    config: Any = None

    def main(
        self, args: Sequence[str] | None = None, *pos: Any, standalone_mode: bool = True, **kwargs: Any
    ) -> Any:
        # Help texts are set here, once the arguments (and so --lang) are known. The
        # configuration read for that is handed on, so a command does not read it again.
        self.config = config_or_none()
        self.help_lang = help_language(sys.argv[1:] if args is None else list(args), self.config)
        localize(self, self.help_lang)
        try:
            result = super().main(args, *pos, standalone_mode=False, **kwargs)
        except Exception as error:
            code = show_click_error(error, self.help_lang) if standalone_mode else None
            if code is None:
                raise
            sys.exit(code)
        if not standalone_mode:
            return result
        sys.exit(result if isinstance(result, int) else 0)

    def list_commands(self, ctx: Any) -> list[str]:
        """Every command name, in the order the help lists them."""
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        """The command called ``cmd_name``, importing its module the first time it is needed."""
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            self.commands[cmd_name] = self._load(cmd_name)
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The command list, from the catalogue, without importing any command."""
        rows = [(name, summary(("mlpdm", name), self.help_lang)) for name in COMMANDS]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def _load(self, name: str) -> Any:
        module, attribute = COMMANDS[name]
        target = getattr(importlib.import_module(module), attribute)
        if not isinstance(target, typer.Typer):
            single = typer.Typer(rich_markup_mode=None, add_completion=False)
            single.command(name=name)(target)
            target = single
        command = typer.main.get_command(target)
        command.name = name
        localize(command, self.help_lang, ("mlpdm", name))
        return command

    def invoke(self, ctx: Any) -> Any:
        # Nested, so that a Ctrl-C while an error is being printed is reported as one too.
        try:
            try:
                return super().invoke(ctx)
            except UserError as error:
                from mlpdm.console import make_console, print_user_error

                current = ctx.obj if isinstance(ctx.obj, Settings) else Settings()
                lang = current.lang_for_errors()
                print_user_error(make_console(stderr=True), error, lang)
                raise typer.Exit(ExitCode.BAD_INPUT) from None
        except KeyboardInterrupt:
            from mlpdm.console import make_console

            current = ctx.obj if isinstance(ctx.obj, Settings) else Settings()
            make_console(stderr=True).print(t("error.interrupted", current.lang_for_errors()))
            raise typer.Exit(ExitCode.INTERRUPTED) from None


app = typer.Typer(
    cls=_Boundary,
    name="mlpdm",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": HELP_OPTIONS},
)


def _version(value: bool) -> None:
    if value:
        emit(f"mlpdm {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    ctx: typer.Context,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar="<en|ja>",
            callback=check_lang,
        ),
    ] = None,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True)] = False,
) -> None:
    """Global options."""
    ctx.obj = Settings(lang_flag=lang, _config=getattr(ctx.command, "config", None))


def main(prog_name: str | None = None) -> None:
    """Console-script entry point."""
    app(prog_name=prog_name or "mlpdm")


__all__ = ["app", "main"]
