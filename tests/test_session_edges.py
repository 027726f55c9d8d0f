"""The interview's rough edges, as a person at the prompt meets them (scripted front end)."""

from __future__ import annotations

import shutil

import pytest

from mlpdm.core.answers.inputs import NO_WORDS, YES_WORDS
from mlpdm.core.answers.steps import visible_questions
from mlpdm.core.text.errors import InterviewInterrupted
from tests.conftest import REPO
from tests.core.scenarios import CLEAN
from tests.test_session import Person, make_session, saved


def screen_of(step_prompt: str, out: str) -> str:
    """What the screen shows from a question's prompt to the next question's rule."""
    start = out.index(step_prompt)
    end = out.find("────", start)
    return out[start : end if end != -1 else len(out)]


# -- 1. revising a feature starts at the review -------------------------------------------------


def test_revising_a_feature_whose_file_leaves_out_skipped_questions_starts_at_the_review(default_q, tmp_path):
    # The example leaves out the optional questions it skipped, as a file written by hand may.
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(REPO / "examples" / "invoice-ocr.answers.yaml", docs)
    before = saved(docs / "invoice-ocr.answers.yaml")["answers"]
    session, person, screen = make_session(default_q, tmp_path, lambda s: Person(default_q, s, {}))
    outcome = session.run("Invoice OCR")
    out = screen.getvalue()
    assert person.asked == []  # no question came before the review
    assert "Section 1 of" not in out and "Review your answers" in out
    assert outcome.verdict == "go-with-conditions"  # its 1,200 invoices cannot yet show the 98% bar per group
    after = saved(docs / "invoice-ocr.answers.yaml")["answers"]
    assert {k: v for k, v in after.items() if v is not None} == before


def test_revising_still_asks_a_required_answer_the_file_lacks_then_reviews(default_q, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    text = (REPO / "examples" / "invoice-ocr.answers.yaml").read_text(encoding="utf-8")
    kept = "\n".join(line for line in text.splitlines() if not line.startswith("  kill_switch:"))
    (docs / "invoice-ocr.answers.yaml").write_text(kept + "\n", encoding="utf-8")
    session, person, screen = make_session(
        default_q, tmp_path, lambda s: Person(default_q, s, {"kill_switch": "yes"})
    )
    session.run("Invoice OCR")
    assert person.asked == ["kill_switch"]
    assert "Review your answers" in screen.getvalue()


# -- 2. an error at the review stays in view ----------------------------------------------------


@pytest.mark.parametrize("typed", ["99", "abc", "0"])
def test_a_bad_number_at_the_review_is_shown_under_the_prompt_not_above_a_new_table(
    default_q, tmp_path, typed
):
    session, _, screen = make_session(
        default_q, tmp_path, lambda s: Person(default_q, s, CLEAN, review=[typed, ""])
    )
    outcome = session.run("Ticket summaries")
    out = screen.getvalue()
    count = len(visible_questions(default_q, CLEAN))
    error = f"“{typed}” is not an answer number; type 1-{count}, or press Enter to write the brief."
    assert error in out
    # Nothing is drawn between the error and the prompt that follows it (then the verdict).
    assert out.count("Review your answers") == 1 and out.index("Review your answers") < out.index(error)
    assert outcome.verdict == "go"


def test_a_full_width_number_at_the_review_is_a_number(default_q, tmp_path):
    number = [q.id for q in visible_questions(default_q, CLEAN)].index("audience") + 1
    wide = "".join(chr(ord(d) - ord("0") + ord("０")) for d in str(number))
    session, person, _ = make_session(
        default_q, tmp_path, lambda s: Person(default_q, s, CLEAN, review=[wide])
    )
    session.run("Ticket summaries")
    assert person.asked.count("audience") == 2


# -- 3. the same yes / no words at the confirmations --------------------------------------------


class Replies(Person):
    """Answers "Revise them?" with a word of the test's, and stops once the review shows."""

    def __init__(self, *args, reply: str, **kw):
        super().__init__(*args, **kw)
        self.reply: str | None = reply

    def read_line(self, prompt):
        if "Revise them?" in prompt.plain:
            assert self.reply is not None, f"asked again: {self.screen.getvalue()[-200:]!r}"
            reply, self.reply = self.reply, None
            return reply
        if "Type a number to change" in prompt.plain:
            raise InterviewInterrupted("interrupt")
        return super().read_line(prompt)


def revise_saying(default_q, tmp_path, word: str) -> str:
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    shutil.copy(REPO / "examples" / "invoice-ocr.answers.yaml", docs)
    session, _, screen = make_session(default_q, tmp_path, lambda s: Replies(default_q, s, {}, reply=word))
    session.run("Invoice OCR")
    return screen.getvalue()


@pytest.mark.parametrize("word", sorted(YES_WORDS | {"", "Y", "YES", "ｙ"}))
def test_every_yes_word_of_the_questions_confirms(default_q, tmp_path, word):
    assert "Review your answers" in revise_saying(default_q, tmp_path, word)


@pytest.mark.parametrize("word", sorted(NO_WORDS | {"N", "NO", "ｎ"}))
def test_every_no_word_of_the_questions_declines(default_q, tmp_path, word):
    assert "Review your answers" not in revise_saying(default_q, tmp_path, word)


# -- 5. messages name the question by its label -------------------------------------------------


def test_a_number_above_an_earlier_answer_names_that_question_by_its_label(default_q, tmp_path):
    answers = {**CLEAN, "pilot_total": 12, "pilot_correct": 10}
    session, _, screen = make_session(
        default_q, tmp_path, lambda s: Person(default_q, s, answers, extra={"pilot_correct": ["13"]})
    )
    session.run("Ticket summaries")
    out = screen.getvalue()
    assert "Not accepted: must be at most 12, your answer to “Pilot: items checked”" in out
    assert "pilot_total" not in out
    assert saved(tmp_path / "docs" / "ticket-summaries.answers.yaml")["answers"]["pilot_correct"] == 10


# -- 6. what Enter does on an optional question -------------------------------------------------


def test_an_optional_question_with_a_default_says_enter_keeps_it(default_q, tmp_path):
    session, _, screen = make_session(default_q, tmp_path, lambda s: Person(default_q, s, CLEAN))
    session.run("Ticket summaries")
    out = screen.getvalue()
    margin = screen_of("How precise must the measured rate be", out)  # eval_margin, default 5
    assert "optional: Enter keeps the default, - clears" in margin
    assert "Enter skips" not in margin
    pilot = screen_of("If it has already been tried on labelled examples", out)  # no default
    assert "optional: Enter skips, - clears" in pilot


def test_an_optional_answer_being_revised_says_enter_keeps_it(default_q, tmp_path):
    session, _, _ = make_session(default_q, tmp_path, lambda s: Person(default_q, s, CLEAN))
    session.run("Ticket summaries")
    number = [q.id for q in visible_questions(default_q, CLEAN)].index("baseline") + 1
    session, _, screen = make_session(
        default_q, tmp_path, lambda s: Person(default_q, s, CLEAN, review=[str(number)])
    )
    session.run("Ticket summaries")
    shown = screen_of(default_q.question("baseline").prompt["en"][:40], screen.getvalue())
    assert "optional: Enter keeps your answer, - clears" in shown and "Enter skips" not in shown
