"""The interview session in-process, with a fake prompter that answers like a person."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
import yaml
from rich.text import Text

from mlpdm.core.answers.steps import visible_questions
from mlpdm.core.brief.render import render_brief
from mlpdm.core.decision.engine import decide
from mlpdm.core.text.errors import InterviewInterrupted
from mlpdm.core.text.languages import pick
from mlpdm.repo.resources import template_loader
from mlpdm.repo.workspace import read_answers
from mlpdm.terminal.console import make_console
from mlpdm.terminal.session import InterviewSession
from tests.core.scenarios import CLEAN, FIRES, with_changes
from tests.keystrokes import typed_lines


class Person:
    """Answers each question from a script keyed by question id, reading the screen like a person.

    ``extra`` maps a question id to lines typed *before* the real answer (e.g. "?" or "<").
    ``stop_at`` raises Ctrl-C when that question comes up.
    """

    def __init__(
        self, questionnaire, screen: io.StringIO, answers: dict, *, extra=None, stop_at=None, review=()
    ):
        self.q = questionnaire
        self.screen = screen
        self.answers = answers
        self.extra = {k: list(v) for k, v in (extra or {}).items()}
        self.stop_at = stop_at
        self.review = list(review)
        self.pending: list[str] = []
        self.seen = 0
        self.asked: list[str] = []
        self.repeats = 0

    def _current_question(self, new_text: str) -> str | None:
        last, where = None, -1
        for qid, question in self.q.question_index.items():
            pos = new_text.rfind(pick(question.prompt, "en")[:60])
            if pos > where:
                last, where = qid, pos
        return last

    def read_line(self, prompt: Text) -> str:
        text = self.screen.getvalue()
        new, self.seen = text[self.seen :], len(text)
        if self.pending:
            return self.pending.pop(0)
        plain = prompt.plain
        if "Resume it?" in plain or "Revise them?" in plain:
            return "y"
        if "owner of this brief" in plain:
            return "Tester"
        if "Type a number to change" in plain:
            return self.review.pop(0) if self.review else ""
        qid = self._current_question(new)
        if qid is not None:
            self.asked.append(qid)  # a question was (re)displayed
            self.repeats = 0
        elif self.asked and "›" in plain:
            qid = self.asked[-1]  # the same question asked again after help or an error
            self.repeats += 1
            assert self.repeats < 5, f"{qid} keeps being asked: {new[-300:]!r}"
        assert qid is not None, f"no question on screen before prompt {plain!r}: {new[-300:]!r}"
        if qid == self.stop_at:
            raise InterviewInterrupted("interrupt")
        if self.extra.get(qid):
            return self.extra[qid].pop(0)
        lines = typed_lines(self.q.question(qid), self.answers.get(qid))
        self.pending = lines[1:]
        return lines[0]


def make_session(default_q, tmp_path, person_factory, **kw):
    screen = io.StringIO()
    console = make_console(file=screen, width=300)  # the console the product uses
    person = person_factory(screen)
    session = InterviewSession(
        console=console,
        prompter=person,
        questionnaire=default_q,
        loader=template_loader(),
        directory=tmp_path / "docs",
        today=lambda: dt.date(2026, 11, 29),
        **kw,
    )
    return session, person, screen


def saved(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_full_interview_writes_answers_and_brief(default_q, tmp_path):
    session, _person, screen = make_session(default_q, tmp_path, lambda s: Person(default_q, s, CLEAN))
    outcome = session.run("Ticket summaries")
    assert outcome.verdict == "go"
    data = saved(tmp_path / "docs" / "ticket-summaries.answers.yaml")
    assert data["answers"] == CLEAN
    assert data["meta"] == {
        "feature": "Ticket summaries",
        "slug": "ticket-summaries",
        "owner": "Tester",
        "date": "2026-11-29",
        "review_by": "2027-05-29",
    }
    brief = (tmp_path / "docs" / "ticket-summaries.md").read_text(encoding="utf-8")
    assert "verdict: go\n" in brief
    # Exactly what `mlpdm check` renders from the answers file as written: the brief is current.
    doc = read_answers(tmp_path / "docs" / "ticket-summaries.answers.yaml", default_q)
    verdict = decide(default_q, doc.answers)
    assert brief == render_brief(default_q, doc, verdict, lang="en", loader=template_loader())
    assert not (tmp_path / "docs" / "ticket-summaries.draft.yaml").exists()
    assert "GO" in screen.getvalue() and "Wrote" in screen.getvalue()


def test_help_back_and_invalid_input(default_q, tmp_path):
    extra = {"audience": ["?"], "need_evidence": ["<", "9"]}
    session, person, screen = make_session(
        default_q, tmp_path, lambda s: Person(default_q, s, CLEAN, extra=extra)
    )
    outcome = session.run("Ticket summaries")
    out = screen.getvalue()
    assert "Why this matters" in out and "T3 — Harm" in out
    assert "Not accepted" in out
    # "<" at need_evidence went back to audience, which was asked again.
    assert person.asked[:4] == ["user_problem", "audience", "need_evidence", "audience"]
    assert outcome.verdict == "go"


def test_interrupt_keeps_every_answer_and_resume_continues(default_q, tmp_path):
    session, person, screen = make_session(
        default_q, tmp_path, lambda s: Person(default_q, s, CLEAN, stop_at="oversight")
    )
    outcome = session.run("Ticket summaries")
    assert outcome.interrupted == "interrupt"
    draft = tmp_path / "docs" / "ticket-summaries.draft.yaml"
    answered = saved(draft)["answers"]
    expected_before = person.asked[: person.asked.index("oversight")]
    assert list(answered) == expected_before
    assert answered == {k: CLEAN[k] for k in expected_before}
    out = screen.getvalue()
    assert 'To resume, run: mlpdm interview "Ticket summaries"' in out
    assert not (tmp_path / "docs" / "ticket-summaries.answers.yaml").exists()

    session, person, screen = make_session(default_q, tmp_path, lambda s: Person(default_q, s, CLEAN))
    outcome = session.run("Ticket summaries")
    assert outcome.verdict == "go"
    assert person.asked[0] == "oversight"  # resumed where it stopped
    assert "Resuming at question" in screen.getvalue()
    assert saved(tmp_path / "docs" / "ticket-summaries.answers.yaml")["answers"] == CLEAN


def test_review_screen_changes_an_answer_by_number(default_q, tmp_path):
    answers = dict(CLEAN)

    # Review: change answer 2 (audience) to consumers; the questions for outside users appear.
    def factory(screen):
        person = Person(
            default_q,
            screen,
            {**answers, "abuse_controls": ["rate_limits", "spend_caps"], "binding_statements": "no"},
            review=["2"],
        )
        person.extra = {"audience": ["internal"]}  # first pass internal
        return person

    session, person, screen = make_session(default_q, tmp_path, factory)
    person.answers = {
        **answers,
        "abuse_controls": ["rate_limits", "spend_caps"],
        "binding_statements": "no",
        "red_team": "done",
        "public_claims": "no",
        "actor": "staff",
    }
    person.answers["audience"] = "consumers"
    outcome = session.run("Ticket summaries")
    data = saved(tmp_path / "docs" / "ticket-summaries.answers.yaml")["answers"]
    assert data["audience"] == "consumers"
    assert data["abuse_controls"] == ["rate_limits", "spend_caps"]
    assert person.asked.count("audience") == 2 and person.asked[-1] == "red_team"
    assert {"public_claims", "binding_statements", "abuse_controls"} <= set(person.asked)
    assert outcome.verdict == "go"
    assert "Review your answers" in screen.getvalue()


def test_revising_existing_answers_goes_straight_to_review(default_q, tmp_path):
    session, _, _ = make_session(default_q, tmp_path, lambda s: Person(default_q, s, CLEAN))
    session.run("Ticket summaries")
    changed = with_changes(FIRES["output-used-downstream"])
    session, person, screen = make_session(
        default_q,
        tmp_path,
        lambda s: Person(
            default_q,
            s,
            changed,
            review=[str([q.id for q in visible_questions(default_q, CLEAN)].index("output_downstream") + 1)],
        ),
    )
    outcome = session.run("Ticket summaries")
    assert person.asked == ["output_downstream"]
    assert outcome.verdict == "go-with-conditions"
    assert "replaced the previous version" in screen.getvalue()


def test_a_persons_brief_is_never_overwritten(default_q, tmp_path):
    brief = tmp_path / "docs" / "ticket-summaries.md"
    brief.parent.mkdir(parents=True)
    brief.write_text("# Hand-written\n", encoding="utf-8")
    session, _, _ = make_session(default_q, tmp_path, lambda s: Person(default_q, s, CLEAN))
    with pytest.raises(Exception, match="was not written by mlpdm"):
        session.run("Ticket summaries")
    assert brief.read_text(encoding="utf-8") == "# Hand-written\n"
    assert saved(tmp_path / "docs" / "ticket-summaries.draft.yaml")["answers"] == CLEAN


def test_ml_not_needed_path_is_short(default_q, tmp_path):
    answers = {
        "user_problem": "Staff cannot find answers in the help pages.",
        "audience": "internal",
        "need_evidence": "research",
        "current_process": "software",
        "baseline": "40% of searches find nothing",
        "usage_measure": None,
        "daily_volume": None,
        "simpler_alternative": "fully",
        "alternative": "Better keyword search with synonyms",
        "revisit_signal": "Searches with no result stay above 20%",
    }
    session, person, _screen = make_session(default_q, tmp_path, lambda s: Person(default_q, s, answers))
    outcome = session.run("Help search")
    assert outcome.verdict == "no-go-not-needed"
    assert len(person.asked) == len(answers)
    brief = (tmp_path / "docs" / "help-search.md").read_text(encoding="utf-8")
    assert "**What to build instead**" in brief and "Better keyword search with synonyms" in brief


def test_terminal_markup_in_answers_is_shown_literally(default_q, tmp_path):
    answers = {**CLEAN, "user_problem": "[red]not red[/red] \x1b[31mESC\x1b[0m"}
    session, _person, screen = make_session(default_q, tmp_path, lambda s: Person(default_q, s, answers))
    session.run("Markup")
    out = screen.getvalue()
    assert "[red]not red[/red]" in out
    assert "\x1b" not in out and "^[[31mESC" in out
    assert re.search(r"\x1b\[", out) is None
