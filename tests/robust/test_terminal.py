"""Terminal output is not an attack surface: markup and escape codes are shown, not obeyed."""

from __future__ import annotations

import datetime as dt
import io

from rich.console import Console

from mlpdm.cli.app import app
from mlpdm.resources import template_loader
from mlpdm.session import InterviewSession
from tests.conftest import MINI, build_questionnaire, write

EVIL = "[red]markup[/red] [link=https://evil.example]click[/link] \x1b[2J\x1b[31mansi\x1b[0m"


class Lines:
    def __init__(self, lines):
        self.lines = list(lines)

    def read_line(self, prompt):
        return self.lines.pop(0)


def test_questionnaire_and_answer_markup_is_literal(tmp_path):
    text = MINI.replace("prompt: {en: Does it use ML?}", f"prompt: {{en: {EVIL!r}}}").replace(
        "help: {en: Because.}", f"help: {{en: {EVIL!r}}}", 1
    )
    q = build_questionnaire(text)
    screen = io.StringIO()
    console = Console(file=screen, width=200, color_system=None, markup=False, emoji=False, highlight=False)
    session = InterviewSession(
        console=console,
        prompter=Lines(["me", "?", "y", "llm", EVIL, ""]),
        questionnaire=q,
        loader=template_loader(),
        directory=tmp_path,
        today=lambda: dt.date(2026, 1, 31),
    )
    outcome = session.run("Evil")
    out = screen.getvalue()
    assert outcome.brief_path is not None
    assert "[red]markup[/red]" in out and "[link=https://evil.example]click[/link]" in out
    assert "\x1b" not in out and "^[[2J^[[31mansi^[[0m" in out


def test_error_messages_show_escape_codes_literally(runner, tmp_path):
    path = write(tmp_path / "x\x1b[31m.answers.yaml", "answers: [unclosed\n")
    result = runner.invoke(app, ["render", str(path)])
    assert result.exit_code == 2
    assert "\x1b" not in result.output and "^[[31m" in result.output
