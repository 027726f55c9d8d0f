"""Shell completion for bash, zsh and fish: the scripts, the protocol they speak, installing them.

The protocol is click's: the script sets ``_MLPDM_COMPLETE`` to ``<shell>_complete`` with the
words typed so far in ``COMP_WORDS`` and the index of the word being completed in
``COMP_CWORD``, and mlpdm prints one candidate per line (``<shell>_source`` prints the script
itself). Typer's own scripts speak a different dialect and need shell detection at start-up;
these need neither. Only a run that completes, prints or installs a script imports this module.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import re
import shlex
from collections.abc import Callable, MutableMapping
from pathlib import Path
from typing import Any

import typer

from mlpdm.core.text.errors import Location, UserError

SHELLS = ("bash", "zsh", "fish")
_NO_DETECTION = "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION"  # typer's switch, honoured the same

# click's scripts (BSD-3-Clause, Pallets), so a candidate's type asks the shell to complete paths
# itself. bash needs 4.4 or newer for `nosort`.
_BASH = """\
%(func)s() {
    local IFS=$'\\n'
    local response

    response=$(env COMP_WORDS="${COMP_WORDS[*]}" COMP_CWORD=$COMP_CWORD \
%(var)s=bash_complete $1)

    for completion in $response; do
        IFS=',' read type value <<< "$completion"

        if [[ $type == 'dir' ]]; then
            COMPREPLY=()
            compopt -o dirnames
        elif [[ $type == 'file' ]]; then
            COMPREPLY=()
            compopt -o default
        elif [[ $type == 'plain' ]]; then
            COMPREPLY+=($value)
        fi
    done

    return 0
}

%(func)s_setup() {
    complete -o nosort -F %(func)s %(prog)s
}

%(func)s_setup;
"""

_ZSH = """\
#compdef %(prog)s

%(func)s() {
    local -a completions
    local -a completions_with_descriptions
    local -a response
    (( ! $+commands[%(prog)s] )) && return 1

    response=("${(@f)$(env COMP_WORDS="${words[*]}" COMP_CWORD=$((CURRENT-1)) \
%(var)s=zsh_complete %(prog)s)}")

    for type key descr in ${response}; do
        if [[ "$type" == "plain" ]]; then
            if [[ "$descr" == "_" ]]; then
                completions+=("$key")
            else
                completions_with_descriptions+=("$key":"$descr")
            fi
        elif [[ "$type" == "dir" ]]; then
            _path_files -/
        elif [[ "$type" == "file" ]]; then
            _path_files -f
        fi
    done

    if [ -n "$completions_with_descriptions" ]; then
        _describe -V unsorted completions_with_descriptions -U
    fi

    if [ -n "$completions" ]; then
        compadd -U -V unsorted -a completions
    fi
}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
    # autoload from fpath, call function directly
    %(func)s "$@"
else
    # eval/source/. command, register function for later
    compdef %(func)s %(prog)s
fi
"""

# One line per candidate, "type,value" and a tab before its help; split at the first comma only,
# so a value or help with a comma stays whole.
_FISH = """\
function %(func)s;
    set -l response (env %(var)s=fish_complete COMP_WORDS=(commandline -cp) \
COMP_CWORD=(commandline -t) %(prog)s);

    for completion in $response;
        set -l metadata (string split -m 1 "," $completion);

        if test $metadata[1] = "dir";
            __fish_complete_directories $metadata[2];
        else if test $metadata[1] = "file";
            __fish_complete_path $metadata[2];
        else if test $metadata[1] = "plain";
            echo $metadata[2];
        end;
    end;
end;

complete --no-files --command %(prog)s --arguments "(%(func)s)";
"""

_SCRIPTS = {"bash": _BASH, "zsh": _ZSH, "fish": _FISH}


def script(shell: str, prog_name: str = "mlpdm") -> str:
    """The completion script for ``shell``, to be sourced or installed."""
    func = "_" + re.sub(r"\W", "", prog_name.replace("-", "_"), flags=re.ASCII) + "_completion"
    return _SCRIPTS[shell] % {"func": func, "var": complete_var(prog_name), "prog": prog_name}


def complete_var(prog_name: str) -> str:
    """The environment variable that carries the completion instruction."""
    return f"_{prog_name}_COMPLETE".replace("-", "_").upper()


def _click(module: str) -> Any:
    """A module of the click typer runs on (vendored in newer typer releases, a package before)."""
    core = next(c for c in typer.Context.__mro__ if c.__name__ == "Context" and c is not typer.Context)
    return importlib.import_module(core.__module__.rsplit(".", 1)[0] + "." + module)


def item(value: str, help: str | None = None, kind: str = "plain") -> Any:
    """One candidate; ``kind`` "file" or "dir" asks the shell to complete paths itself."""
    return _click("shell_completion").CompletionItem(value, type=kind, help=help)


# -- the protocol -------------------------------------------------------------------------------


def run(cli: Any, ctx_args: MutableMapping[str, Any], prog_name: str, instruction: str) -> int:
    """Answer one completion instruction (``bash_complete``, ``zsh_source``…); the exit code."""
    shell, _, action = instruction.partition("_")
    if shell not in SHELLS or action not in ("source", "complete"):
        from mlpdm.core.text.messages import t
        from mlpdm.terminal.sanitize import emit

        lang = getattr(cli, "help_lang", "en")
        emit(t("completion.bad_instruction", lang, var=complete_var(prog_name), value=instruction), err=True)
        return 1
    if action == "source":
        _print(script(shell, prog_name))
        return 0
    args, incomplete = _words(shell)
    try:
        items = candidates(cli, ctx_args, prog_name, args, incomplete)
    except Exception:  # a completion never breaks the prompt: no candidates instead
        items = []
    if items:
        _print("\n".join(_FORMATS[shell](i) for i in items))
    return 0


def candidates(
    cli: Any, ctx_args: MutableMapping[str, Any], prog_name: str, args: list[str], incomplete: str
) -> list[Any]:
    """What completes ``incomplete`` after ``args``: click's own resolution of the command line."""
    completion = _click("shell_completion")
    ctx = completion._resolve_context(cli, dict(ctx_args), prog_name, args)
    obj, incomplete = completion._resolve_incomplete(ctx, args, incomplete)
    return list(obj.shell_complete(ctx, incomplete) or [])


def typed(instruction: str) -> tuple[list[str], str]:
    """The words before the one being completed, and that word (nothing for another instruction)."""
    shell, _, action = instruction.partition("_")
    return _words(shell) if shell in SHELLS and action == "complete" else ([], "")


def _words(shell: str) -> tuple[list[str], str]:
    split = _click("shell_completion").split_arg_string
    words = split(os.environ.get("COMP_WORDS", ""))
    if shell == "fish":  # fish passes the word being completed itself, and it ends the line too
        incomplete = os.environ.get("COMP_CWORD", "")
        incomplete = split(incomplete)[0] if incomplete else ""
        args = words[1:]
        if incomplete and args and args[-1] == incomplete:
            args.pop()
        return args, incomplete
    try:
        cword = int(os.environ.get("COMP_CWORD", ""))
    except ValueError:
        cword = len(words)
    return words[1:cword], words[cword] if cword < len(words) else ""


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def _bash(i: Any) -> str:
    return f"{i.type},{i.value}"


def _zsh(i: Any) -> str:
    help_ = _one_line(i.help) or "_"
    # _describe splits a value from its help at the first unescaped colon; compadd takes it as is.
    value = i.value.replace(":", r"\:") if help_ != "_" else i.value
    return f"{i.type}\n{value}\n{help_}"


def _fish(i: Any) -> str:
    help_ = _one_line(i.help)
    return f"{i.type},{i.value}\t{help_}" if help_ else f"{i.type},{i.value}"


_FORMATS: dict[str, Callable[[Any], str]] = {"bash": _bash, "zsh": _zsh, "fish": _fish}


def _print(text: str) -> None:
    from mlpdm.terminal.sanitize import emit

    emit(text)


# -- which shell --------------------------------------------------------------------------------


def choose_shell(value: str) -> str:
    """The shell named by ``value`` ("" for the one mlpdm runs in); a UserError if none fits."""
    if value:
        if value not in SHELLS:
            raise UserError.of("completion_shell", shell=repr(value), shells=", ".join(SHELLS))
        return value
    found = None if os.environ.get(_NO_DETECTION) else _detect()
    if found is None:
        raise UserError.of("completion_no_shell", shells=", ".join(SHELLS))
    if found not in SHELLS:
        raise UserError.of("completion_other_shell", shell=found, shells=", ".join(SHELLS))
    return found


def _detect() -> str | None:
    """The shell among this process's parents (through /proc or ps), or None."""
    try:
        import shellingham

        name, _ = shellingham.detect_shell()
    except Exception:  # no shell among the parents, no /proc and no ps: nothing detected
        return None
    return str(name).lower() or None


# -- installing ---------------------------------------------------------------------------------


def install(shell: str, prog_name: str = "mlpdm") -> tuple[Path, Path | None, bool]:
    """Write the script where ``shell`` finds it; (script, rc file or None, whether rc changed).

    bash and zsh need one line in their rc file (added once, never twice); fish loads
    completions from its folder by the command's name and needs none.
    """
    home = Path.home()
    rc: Path | None = None
    line = ""
    if shell == "bash":
        target = home / ".bash_completions" / f"{prog_name}.sh"
        rc = home / ".bashrc"
        quoted = shlex.quote(str(target))
        line = f"[ -f {quoted} ] && . {quoted}  # {prog_name} completion"
    elif shell == "zsh":
        target = home / ".zfunc" / f"_{prog_name}"
        rc = Path(os.environ.get("ZDOTDIR") or home) / ".zshrc"
        line = "fpath+=~/.zfunc; autoload -Uz compinit; compinit"
    else:
        config = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config")
        target = config / "fish" / "completions" / f"{prog_name}.fish"
    _write_script(target, script(shell, prog_name))
    changed = _add_line(rc, line) if rc is not None else False
    return target, rc, changed


def _write_script(target: Path, text: str) -> None:
    from mlpdm.repo.files import atomic_write, scratch_path, write_error

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_error(target.parent, exc) from None
    scratch = scratch_path(target.parent)
    had_scratch = scratch.exists()
    atomic_write(target, text)
    if not had_scratch:  # the folder atomic_write needed is not left among the user's own files
        with contextlib.suppress(OSError):
            (scratch / ".gitignore").unlink()
            scratch.rmdir()


def _add_line(rc: Path, line: str) -> bool:
    """Append ``line`` to the rc file unless it is there; whether it was added.

    Appended in place, not replaced: an rc file is often a link into a dotfiles repository,
    and one short appended line never loses what the file holds.
    """
    from mlpdm.repo.files import write_error

    try:
        existing = rc.read_text(encoding="utf-8", errors="surrogateescape") if rc.exists() else ""
    except OSError as exc:
        raise UserError.of("cannot_read", where=Location(str(rc)), path=rc, reason=exc.strerror) from None
    if line in existing.splitlines():
        return False
    lead = "\n" if existing and not existing.endswith("\n") else ""
    try:
        with rc.open("a", encoding="utf-8") as handle:
            handle.write(f"{lead}{line}\n")
    except OSError as exc:
        raise write_error(rc, exc) from None
    return True
