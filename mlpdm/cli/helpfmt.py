"""The words and layout of --help and of usage errors, in the chosen language, without Rich.

Typer's Rich help costs about 80 ms of imports (Markdown, syntax highlighting, tracebacks)
on every `--help`, and its panel titles can only be changed by patching module constants.
Click's plain layout, with the headings from the catalogue and lines measured in terminal
cells (a Japanese character takes two), is quick to show and ours to word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import Enum
from typing import Any, cast

import typer

from mlpdm.cli.exit_codes import ExitCode
from mlpdm.core.text.linebreak import cell_width, wrap_lines
from mlpdm.core.text.messages import t
from mlpdm.terminal.sanitize import emit

# Click's English headings and the catalogue keys that replace them.
_HEADINGS = {"Arguments": "help.ui.arguments", "Options": "help.ui.options", "Commands": "help.ui.commands"}
_DEFAULT = re.compile(r"\[default: (.*?)\]")
_Base: Any = typer.Context.formatter_class
HELP_OPTIONS = ["-h", "--help"]


class HelpFormatter(_Base):
    """Click's help layout with headings in ``lang`` and wrapping by terminal cells."""

    lang = "en"

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        """The usage line, prefixed with the catalogue's word for "Usage"."""
        super().write_usage(prog, args, t("help.ui.usage", self.lang) if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        """A section heading such as "Options", in the help language."""
        key = _HEADINGS.get(heading)
        word = t(key, self.lang) if key else heading
        self.write(
            " " * self.current_indent + t("p.labelled", self.lang, label=word, text="").rstrip() + "\n"
        )

    def write_text(self, text: str) -> None:
        """A paragraph of help, wrapped at spaces or between Japanese characters."""
        indent = " " * self.current_indent
        self.write(
            "\n".join(indent + line if line else "" for line in wrap_lines(text, self.width - len(indent)))
        )
        self.write("\n")

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        """Two columns (option and its help), the second wrapped by cells."""
        rows = [(first, self._localized(second)) for first, second in rows]
        first_col = min(max((cell_width(first) for first, _ in rows), default=0), col_max) + col_spacing
        indent = " " * self.current_indent
        hang = " " * (first_col + self.current_indent)
        for first, second in rows:
            self.write(indent + first)
            if not second:
                self.write("\n")
                continue
            if cell_width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - cell_width(first)))
            else:
                self.write("\n" + hang)
            lines = wrap_lines(second, max(self.width - first_col - self.current_indent, 10))
            self.write(("\n" + hang).join(lines) + "\n")

    def _localized(self, text: str) -> str:
        text = _DEFAULT.sub(lambda m: t("help.ui.default", self.lang, value=m.group(1)), text)
        return text.replace("[required]", t("help.ui.required", self.lang))


class HelpContext(typer.Context):
    """A context whose help is laid out by HelpFormatter in the language the run chose."""

    formatter_class = HelpFormatter

    def make_formatter(self) -> Any:
        """A formatter that knows the help language (kept on the root command)."""
        # formatter_class above makes it one of ours; click's annotation names its own class.
        formatter = cast(HelpFormatter, super().make_formatter())
        formatter.lang = getattr(self.find_root().command, "help_lang", "en")
        return formatter


def usage_error_text(error: Any, lang: str) -> str:
    """What a usage error prints: the usage line, where to find help, and the error itself."""
    parts = []
    ctx = getattr(error, "ctx", None)
    if ctx is not None:
        parts.append(ctx.get_usage())
        if ctx.command.get_help_option(ctx) is not None:
            command = f"{ctx.command_path} {ctx.help_option_names[0]}"
            parts.append(t("help.ui.try_help", lang, command=command) + "\n")
    message = _bad_value(error, lang) or error.format_message().replace("Value error, ", "")
    parts.append(t("help.ui.error", lang, message=message))
    return "\n".join(parts)


# What typer's value checks report (in pydantic's words), as the catalogue says it.
_BAD_VALUE = {
    "int_parsing": "help.ui.not_whole",
    "float_parsing": "help.ui.not_number",
    "greater_than_equal": "help.ui.at_least",
    "less_than_equal": "help.ui.at_most",
}


def _bad_value(error: Any, lang: str) -> str | None:
    """A value typer could not take for a parameter, in the catalogue's words (None: not one)."""
    param = getattr(error, "param", None)
    problems = getattr(error.__cause__, "errors", None)
    if param is None or not callable(problems):
        return None
    try:
        problem = problems()[0]
    except (IndexError, TypeError, ValueError):
        return None
    opts = getattr(param, "opts", None) or [param.name]
    name = opts[0]
    given = problem.get("input")
    choices = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    if isinstance(choices, type) and issubclass(choices, Enum):
        allowed = ", ".join(str(member.value) for member in choices)
        return t("help.ui.bad_choice", lang, param=name, value=given, choices=allowed)
    key = _BAD_VALUE.get(problem.get("type", ""))
    if key is None:
        return None
    limit = next(iter((problem.get("ctx") or {}).values()), "")
    return t(key, lang, param=name, value=given, limit=limit)


# click's base class for the errors it reports itself (typer re-exports only some of them).
_ClickException: type = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")


def show_click_error(error: BaseException, lang: str) -> int | None:
    """Print one of click's own errors in ``lang`` and return its exit code; None for any other."""
    if isinstance(error, typer.Abort):
        if isinstance(error.__cause__, KeyboardInterrupt):
            # Ctrl-C outside a command's own handling (while arguments are parsed, or while an
            # error is printed): click turns it into Abort; it is still a Ctrl-C, exit 130.
            emit(t("error.interrupted", lang), err=True)
            return int(ExitCode.INTERRUPTED)
        emit(t("help.ui.aborted", lang), err=True)
        return 1
    if not isinstance(error, _ClickException):
        return None
    if type(error).__name__ == "NoArgsIsHelpError":  # `mlpdm` alone: the help, as click shows it
        emit(error.ctx.get_help(), err=True)  # type: ignore[attr-defined]
    else:
        emit(usage_error_text(error, lang), err=True)
    return int(getattr(error, "exit_code", 2))
