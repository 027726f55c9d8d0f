"""Shared test helpers: the packaged questionnaire, inline questionnaires, a pinned CLI runner."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from mlpdm.core.questionnaire.model import Questionnaire, load_questionnaire
from mlpdm.repo.files import parse_yaml
from mlpdm.repo.resources import load_packaged_questionnaire

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory):
    # The tests (and the programs they start) keep validated questionnaires in a folder of
    # their own, not in the user's ~/.cache/mlpdm.
    import os

    folder = tmp_path_factory.mktemp("mlpdm-cache")
    folder.chmod(0o700)
    previous = os.environ.get("MLPDM_CACHE_DIR")
    os.environ["MLPDM_CACHE_DIR"] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop("MLPDM_CACHE_DIR", None)
    else:
        os.environ["MLPDM_CACHE_DIR"] = previous


# A terminal pinned for stable output: no colour, fixed width, English.
PINNED_ENV = {
    "NO_COLOR": "1",
    "COLUMNS": "100",
    "TERM": "dumb",
    "LC_ALL": "C",
    "LANG": "C",
    "LC_MESSAGES": "",
}


@pytest.fixture(scope="session")
def default_q() -> Questionnaire:
    return load_packaged_questionnaire()


def build_questionnaire(text: str, path: str = "team.yaml") -> Questionnaire:
    """A questionnaire from dedented YAML, validated like a file on disk."""
    data, source = parse_yaml(textwrap.dedent(text), path)
    return load_questionnaire(data, source)


MINI = """
id: mini
version: 1
title: {en: Mini}
description: {en: A tiny questionnaire for tests.}
checklist:
  - {id: T1, title: {en: One}, summary: {en: The first point.}}
sections:
  - id: basics
    title: {en: Basics}
    questions:
      - id: uses_ml
        type: yesno
        prompt: {en: Does it use ML?}
        help: {en: Because.}
        points: [T1]
      - id: kind
        type: choice
        when: "uses_ml == 'yes'"
        prompt: {en: Which kind?}
        help: {en: Because.}
        points: [T1]
        choices:
          - {value: llm, label: {en: An LLM}}
          - {value: classic, label: {en: A classic model}}
      - id: note
        type: text
        required: false
        prompt: {en: Anything else?}
        help: {en: Because.}
        points: [T1]
rules:
  - id: llm-used
    outcome: condition
    when: "kind == 'llm'"
    title: {en: LLM}
    message: {en: An LLM is used.}
    action: {en: Test it.}
    points: [T1]
"""


@pytest.fixture
def mini_q() -> Questionnaire:
    return build_questionnaire(MINI)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner(env=PINNED_ENV)


def spawn_interview(
    cwd: Path, *args: str, locale: dict[str, str] | None = None, code: str | None = None
) -> Any:
    """`mlpdm interview ARGS` in a real pseudo-terminal: 200 columns, no colour, UTF-8 locale.

    ``code``, when given, is run with ``python -c`` instead of ``python -m mlpdm``: the program
    with a hook of the test's (it must end by calling mlpdm's ``main``).
    """
    import os
    import sys

    import pexpect

    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LC_CTYPE", "LANG")}
    env.update(COLUMNS="200", LINES="50", NO_COLOR="1", TERM="xterm")
    env.update(locale or {"LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"})
    return pexpect.spawn(
        sys.executable,
        [*(["-c", code] if code else ["-m", "mlpdm"]), "interview", *args],
        cwd=str(cwd),
        env=env,
        encoding="utf-8",
        dimensions=(50, 200),
        timeout=120,  # a generous bound for a loaded machine: every wait is on an event
    )


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def answers_yaml(
    answers: dict[str, Any], *, feature: str = "Test feature", slug: str = "test-feature"
) -> str:
    import yaml

    return yaml.safe_dump(
        {
            "questionnaire": {"id": "default", "version": 1},
            "meta": {"feature": feature, "slug": slug, "owner": "Tester", "date": "2026-01-31"},
            "answers": answers,
        },
        sort_keys=False,
        allow_unicode=True,
    )


def listing(folder: Path) -> list[str]:
    """The names in ``folder`` a person sees, after checking mlpdm's scratch folder is empty.

    mlpdm keeps locks and temporary files in ``.mlpdm/`` (ignored by git); when no command
    runs, nothing but its ``.gitignore`` may be left there.
    """
    scratch = folder / ".mlpdm"
    if scratch.exists():
        assert sorted(p.name for p in scratch.iterdir()) == [".gitignore"], sorted(scratch.iterdir())
    return sorted(p.name for p in folder.iterdir() if p.name != ".mlpdm")


def whole_brief(text: str) -> dict[str, Any] | None:
    """The front matter of a brief mlpdm wrote whole (its body matches the digest it carries).

    Proves only that a file is not cut short or mixed (a kill while writing); a digest proves
    nothing about being current, which only rendering the answers again can tell
    (``brief_is_current``).
    """
    from mlpdm.core.brief.frontmatter import read, split_front_matter, text_digest

    sealed, body = read(text)
    whole = sealed is not None and sealed.generated and sealed.body_digest == text_digest(body)
    return split_front_matter(text)[0] if whole else None


def brief_is_current(brief: Path, answers: Path) -> bool:
    """Whether ``brief`` is byte for byte what ``answers`` render to now, as `mlpdm check` decides."""
    from mlpdm.core.brief.render import render_brief
    from mlpdm.core.decision.engine import decide
    from mlpdm.repo.files import read_text
    from mlpdm.repo.resources import template_loader
    from mlpdm.repo.workspace import read_answers

    q = load_packaged_questionnaire()
    doc = read_answers(answers, q)
    fresh = render_brief(q, doc, decide(q, doc.answers), lang="en", loader=template_loader())
    return read_text(brief, what="brief") == fresh
