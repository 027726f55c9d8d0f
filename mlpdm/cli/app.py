"""The mlpdm command line: global options and the one error boundary for every command."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from mlpdm import __version__
from mlpdm.cli.exit_codes import ExitCode
from mlpdm.cli.localize import config_or_none, help_language, localize
from mlpdm.cli.settings import Settings, check_lang
from mlpdm.console import make_console, print_user_error
from mlpdm.core.errors import UserError
from mlpdm.core.messages import t


class _Boundary(TyperGroup):
    """Turns a UserError from any command into a one-paragraph message and exit code 2.

    Anything else is a bug: it keeps its traceback and gets a request to report it.
    """

    def main(self, args: Sequence[str] | None = None, *pos: Any, **kwargs: Any) -> Any:
        # Help texts are set here, once the arguments (and so --lang) are known. The
        # configuration read for that is handed on, so a command does not read it again.
        self.config = config_or_none()
        localize(self, help_language(sys.argv[1:] if args is None else list(args), self.config))
        return super().main(args, *pos, **kwargs)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except UserError as error:
            current = ctx.obj if isinstance(ctx.obj, Settings) else Settings()
            lang = current.lang_for_errors()
            print_user_error(make_console(stderr=True), error, lang)
            raise typer.Exit(ExitCode.BAD_INPUT) from None
        except KeyboardInterrupt:
            current = ctx.obj if isinstance(ctx.obj, Settings) else Settings()
            make_console(stderr=True).print(t("error.interrupted", current.lang_for_errors()))
            raise typer.Exit(ExitCode.BAD_INPUT) from None


app = typer.Typer(
    cls=_Boundary,
    name="mlpdm",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"mlpdm {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    ctx: typer.Context,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            callback=check_lang,
        ),
    ] = None,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True)] = False,
) -> None:
    """Global options."""
    ctx.obj = Settings(lang_flag=lang, _config=getattr(ctx.command, "config", None))


def _register() -> None:
    # Imported here so `mlpdm --version` does not pay for loading every command.
    from mlpdm.cli import check, config_cmd, decide, interview, questionnaire, render, stats

    app.command(name="interview")(interview.interview)
    app.command(name="render")(render.render)
    app.command(name="check")(check.check)
    app.command(name="index")(check.index)
    app.command(name="decide")(decide.decide)
    app.command(name="config")(config_cmd.config)
    app.add_typer(questionnaire.app, name="questionnaire")
    app.add_typer(stats.app, name="stats")


_register()


def main(prog_name: str | None = None) -> None:
    """Console-script entry point."""
    app(prog_name=prog_name or "mlpdm")


__all__ = ["app", "main"]
