"""What the shell offers for each parameter's value, by the parameter's name in the commands.

Attached to the command tree only while completing (``attach``), so an ordinary run imports
nothing of it. Each completer reads folder listings and the catalogue, never an answers file:
a Tab must answer at once. Choices (``--format``, a decision's status) complete from their
choices by themselves; free text and numbers (``--owner``, ``--by``, counts) offer nothing.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from mlpdm.cli.completion import SHELLS, item
from mlpdm.core.text.languages import LANGUAGES
from mlpdm.core.text.messages import t

ANSWERS = ".answers.yaml"
DRAFT = ".draft.yaml"


def attach(command: Any, lang: str) -> None:
    """Give each parameter of ``command`` (and of its loaded subcommands) its completer."""
    for param in command.params:
        completer = COMPLETERS.get(param.name or "")
        if completer is not None:
            param._custom_shell_complete = _guarded(completer, lang)
    for sub in getattr(command, "commands", {}).values():
        attach(sub, lang)


def _guarded(completer: Completer, lang: str) -> Callable[[Any, Any, str], list[Any]]:
    def complete(ctx: Any, param: Any, incomplete: str) -> list[Any]:
        try:
            return completer(ctx, incomplete, lang)
        except Exception:  # a broken configuration or an unreadable folder: nothing to offer
            return []

    return complete


Completer = Callable[[Any, str, str], list[Any]]


def _config(ctx: Any) -> Any:
    """The configuration the run already read (None when it is broken)."""
    root = ctx.find_root().command
    return getattr(root, "config", None)


def _docs(ctx: Any) -> Path | None:
    config = _config(ctx)
    return config.docs_dir if config is not None else None


def _shown(path: Path, incomplete: str) -> str:
    """``path`` as the word being completed writes it: absolute, or relative to here."""
    if Path(incomplete).is_absolute():
        return str(path)
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


def _files(incomplete: str) -> list[Any]:
    return [item(incomplete, kind="file")]


def _dirs(ctx: Any, incomplete: str, lang: str) -> list[Any]:
    return [item(incomplete, kind="dir")]


def _paths(ctx: Any, incomplete: str, lang: str) -> list[Any]:
    return _files(incomplete)


def _languages(ctx: Any, incomplete: str, lang: str) -> list[Any]:
    return [item(code, t(f"complete.lang.{code}", lang)) for code in LANGUAGES if code.startswith(incomplete)]


def _shells(ctx: Any, incomplete: str, lang: str) -> list[Any]:
    return [item(shell) for shell in SHELLS if shell.startswith(incomplete)]


def _questionnaires(ctx: Any, incomplete: str, lang: str) -> list[Any]:
    """The shipped questionnaires' ids, the configured one; a path completes as a path."""
    if os.sep in incomplete or incomplete.startswith(".") or incomplete.endswith((".yaml", ".yml")):
        return _files(incomplete)
    from mlpdm.repo.resources import packaged_questionnaires

    found = [item(qid, t("complete.shipped", lang)) for qid in packaged_questionnaires()]
    config = _config(ctx)
    configured = config.values.get("questionnaire") if config is not None else None
    if isinstance(configured, str) and configured not in {i.value for i in found}:
        found.append(item(configured, t("complete.configured", lang)))
    matching = [i for i in found if i.value.startswith(incomplete)]
    return matching or _files(incomplete)


def _answers_files(ctx: Any, incomplete: str, lang: str) -> list[Any]:
    """Answers files in the docs folder and beside the path typed so far; else any path."""
    folder = Path(incomplete) if incomplete.endswith(os.sep) else Path(incomplete).parent
    here = sorted(folder.glob(f"*{ANSWERS}")) if folder.is_dir() else []
    docs = _docs(ctx)
    below = sorted(docs.rglob(f"*{ANSWERS}")) if docs is not None and docs.is_dir() else []
    given = {Path(p).resolve() for p in _given(ctx.params.get("answers"))}
    shown: dict[str, None] = {}
    for path in (*below, *here):
        if path.resolve() not in given:
            shown[_shown(path, incomplete)] = None
    matching = [item(p) for p in shown if p.startswith(incomplete)]
    return matching or _files(incomplete)


def _given(value: Any) -> Iterable[Any]:
    if value is None:
        return ()
    return value if isinstance(value, list | tuple) else (value,)


def _feature_slugs(folder: Path | None, recurse: bool = False) -> dict[str, str]:
    """Slug -> kind ("answers" or "draft") of the features kept in ``folder``."""
    if folder is None or not folder.is_dir():
        return {}
    found: dict[str, str] = {}
    for suffix, kind in ((DRAFT, "draft"), (ANSWERS, "answers")):
        paths = folder.rglob(f"*{suffix}") if recurse else folder.glob(f"*{suffix}")
        for path in paths:
            found[path.name.removesuffix(suffix)] = kind
    return found


def _features(ctx: Any, incomplete: str, lang: str) -> list[Any]:
    """For `interview NAME`: the features in the folder, to revise their answers or resume a draft."""
    given = ctx.params.get("directory")
    folder = Path(given) if given else _docs(ctx)
    found = _feature_slugs(folder)
    return [
        item(slug, t(f"complete.feature.{kind}", lang))
        for slug, kind in sorted(found.items())
        if slug.startswith(incomplete)
    ]


def _successors(ctx: Any, incomplete: str, lang: str) -> list[Any]:
    """For `decide --superseded-by`: the other features of the answers file's docs folder."""
    # Click parses no argument while an option still waits for its value, as this one does.
    typed = getattr(ctx.find_root().command, "typed", ())
    answers = ctx.params.get("answers") or next((w for w in typed if w.endswith(ANSWERS)), None)
    config = _config(ctx)
    folder: Path | None = _docs(ctx)
    own = None
    if answers:
        answers = Path(answers)
        own = answers.name.removesuffix(ANSWERS)
        if config is not None:
            folder = config.portfolio_of(answers.resolve().parent)
    slugs = {slug for slug, kind in _feature_slugs(folder, recurse=True).items() if kind == "answers"}
    return [item(slug) for slug in sorted(slugs - {own}) if slug.startswith(incomplete)]


def _verdicts(ctx: Any, incomplete: str, lang: str) -> list[Any]:
    """For `check --fail-on`: verdict ids, comma-separated, each offered once."""
    from mlpdm.core.decision.engine import VERDICTS

    done, _, last = incomplete.rpartition(",")
    chosen = {v for v in done.split(",") if v}
    prefix = f"{done}," if done else ""
    return [
        item(prefix + verdict, t(f"verdict.{verdict}", lang))
        for verdict in VERDICTS
        if verdict not in chosen and verdict.startswith(last)
    ]


def _git_refs(ctx: Any, incomplete: str, lang: str) -> list[Any]:
    """For `diff --base`: HEAD and the branches and tags of the repository here."""
    from mlpdm.repo.git import refs

    return [item(ref) for ref in ["HEAD", *refs(Path.cwd())] if ref.startswith(incomplete)]


# Parameter name (as in the commands' signatures) -> its completer. tests/cli/test_completion.py
# fails when a command gains a parameter that takes a value and is in neither list.
COMPLETERS: dict[str, Completer] = {
    "lang": _languages,
    "questionnaire": _questionnaires,
    "ref": _questionnaires,
    "answers": _answers_files,
    "update": _answers_files,
    "name": _features,
    "superseded_by": _successors,
    "fail_on": _verdicts,
    "base": _git_refs,
    "directory": _dirs,
    "output": _paths,
    "out": _paths,
    "data": _paths,
    "install_completion": _shells,
    "show_completion": _shells,
}
# Values nothing can be offered for: free text and numbers.
FREE = frozenset(
    {
        "owner",
        "by",
        "rationale",
        "correct",
        "total",
        "target",
        "confidence",
        "margin",
        "bar",
        "expected",
        "prevalence",
        "segments",
        "population",
        "trials",
        "rate",
    }
)
