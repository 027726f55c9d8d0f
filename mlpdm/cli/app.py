"""The mlpdm command line: global options and the one error boundary for every command."""

from __future__ import annotations

import importlib
import os
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
from mlpdm.core.text.errors import UserError
from mlpdm.core.text.messages import t
from mlpdm.terminal.sanitize import emit

# Command name -> (module, attribute). A command's module is imported only when that command
# runs or shows its help, so `mlpdm --version` and `mlpdm --help` load none of them.
COMMANDS: dict[str, tuple[str, str]] = {
    "interview": ("mlpdm.cli.interview", "interview"),
    "render": ("mlpdm.cli.render", "render"),
    "check": ("mlpdm.cli.check", "check"),
    "index": ("mlpdm.cli.check", "index"),
    "diff": ("mlpdm.cli.diff", "diff"),
    "decide": ("mlpdm.cli.decide", "decide"),
    "new": ("mlpdm.cli.new", "new"),
    "schema": ("mlpdm.cli.schema", "schema"),
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
    completing = False  # set while answering the shell: parameters then get their completers
    typed: Sequence[str] = ()  # the words before the one being completed

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **kwargs: Any,
    ) -> Any:
        # Help texts are set here, once the arguments (and so --lang) are known. The
        # configuration read for that is handed on, so a command does not read it again.
        argv = _shell_values(sys.argv[1:] if args is None else list(args))
        self.config = config_or_none()
        self.help_lang = help_language(argv, self.config)
        localize(self, self.help_lang)
        try:
            result = super().main(
                argv,
                prog_name,
                complete_var,
                standalone_mode=False,
                windows_expand_args=windows_expand_args,
                **kwargs,
            )
        except UserError as error:  # from an eager option such as --show-completion, before any command
            if not standalone_mode:
                raise
            from mlpdm.terminal.console import make_console, print_user_error

            print_user_error(make_console(stderr=True), error, self.help_lang)
            sys.exit(ExitCode.BAD_INPUT)
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

    def shell_complete(self, ctx: Any, incomplete: str) -> list[Any]:
        """Command names with their summaries, from the catalogue, without importing any command."""
        from mlpdm.cli.completion import item

        found = [
            item(name, summary(("mlpdm", name), self.help_lang))
            for name in COMMANDS
            if name.startswith(incomplete)
        ]
        if incomplete.startswith("-"):
            for param in self.get_params(ctx):
                if getattr(param, "param_type_name", "") == "option" and not getattr(param, "hidden", False):
                    text = getattr(param, "help", None)
                    found += [item(opt, text) for opt in param.opts if opt.startswith(incomplete)]
        return found

    def _main_shell_completion(self, ctx_args: Any, prog_name: str, complete_var: str | None = None) -> None:
        # Typer answers in its own dialect; mlpdm speaks click's (see mlpdm/cli/completion.py), which
        # is imported only when the shell asks.
        instruction = os.environ.get(complete_var or f"_{prog_name}_COMPLETE".replace("-", "_").upper())
        if not instruction:
            return
        from mlpdm.cli.completers import attach
        from mlpdm.cli.completion import run, typed

        # The words typed so far stand for the command line: its --lang sets the language of
        # the candidates' help, and a completer can read a value click could not parse yet.
        self.completing = True
        self.typed = typed(instruction)[0]
        self.help_lang = help_language(self.typed, self.config)
        localize(self, self.help_lang)
        attach(self, self.help_lang)
        sys.exit(run(self, ctx_args, prog_name, instruction))

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
        if self.completing:
            from mlpdm.cli.completers import attach

            attach(command, self.help_lang)
        return command

    def invoke(self, ctx: Any) -> Any:
        # Nested, so that a Ctrl-C while an error is being printed is reported as one too.
        try:
            try:
                return super().invoke(ctx)
            except UserError as error:
                from mlpdm.terminal.console import make_console, print_user_error

                current = ctx.obj if isinstance(ctx.obj, Settings) else Settings()
                lang = current.lang_for_errors()
                print_user_error(make_console(stderr=True), error, lang)
                raise typer.Exit(ExitCode.BAD_INPUT) from None
        except KeyboardInterrupt:
            from mlpdm.terminal.console import make_console

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


def _version(ctx: typer.Context, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        emit(f"mlpdm {__version__}")
        raise typer.Exit()


# The completion options take an optional shell: `--show-completion` alone means the shell
# mlpdm runs in. Click has no optional values, so the bare option is given an empty one.
_SHELL_OPTIONS = ("--install-completion", "--show-completion")


def _shell_values(argv: list[str]) -> list[str]:
    if not any(arg in _SHELL_OPTIONS for arg in argv):
        return argv
    out: list[str] = []
    for i, arg in enumerate(argv):
        if arg in COMMANDS:  # a command's own arguments follow: left as they are
            return out + argv[i:]
        following = argv[i + 1] if i + 1 < len(argv) else None
        bare = arg in _SHELL_OPTIONS and (following is None or following.startswith("-"))
        out.append(f"{arg}=" if bare else arg)
    return out


def _show_completion(ctx: typer.Context, value: str | None) -> None:
    if value is None or ctx.resilient_parsing:
        return
    from mlpdm.cli.completion import choose_shell, script

    emit(script(choose_shell(value), ctx.find_root().info_name or "mlpdm"), nl=False)
    raise typer.Exit()


def _install_completion(ctx: typer.Context, value: str | None) -> None:
    if value is None or ctx.resilient_parsing:
        return
    from mlpdm.cli.completion import choose_shell, install

    shell = choose_shell(value)
    target, rc, changed = install(shell, ctx.find_root().info_name or "mlpdm")
    lang = getattr(ctx.command, "help_lang", "en")
    emit(t("completion.installed", lang, shell=shell, path=target))
    if rc is not None:
        emit(t("completion.rc_added" if changed else "completion.rc_kept", lang, path=rc))
    emit(t("completion.restart", lang))
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
    install_completion: Annotated[
        str | None,
        typer.Option(
            "--install-completion",
            metavar="[bash|zsh|fish]",
            callback=_install_completion,
            is_eager=True,
        ),
    ] = None,
    show_completion: Annotated[
        str | None,
        typer.Option(
            "--show-completion",
            metavar="[bash|zsh|fish]",
            callback=_show_completion,
            is_eager=True,
        ),
    ] = None,
) -> None:
    """Global options."""
    ctx.obj = Settings(lang_flag=lang, _config=getattr(ctx.command, "config", None))


def main(prog_name: str | None = None) -> None:
    """Console-script entry point."""
    app(prog_name=prog_name or "mlpdm")


__all__ = ["app", "main"]
