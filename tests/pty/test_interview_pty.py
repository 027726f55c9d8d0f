"""The interview in a real pseudo-terminal, typed the way a person types (pexpect)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest
import yaml

from mlpdm.core.text.languages import pick
from mlpdm.core.text.messages import t
from mlpdm.repo.resources import load_packaged_questionnaire
from tests.conftest import REPO, spawn_interview
from tests.keystrokes import typed_lines

pytestmark = pytest.mark.slow

EXAMPLE = yaml.safe_load((REPO / "examples" / "invoice-ocr.answers.yaml").read_text(encoding="utf-8"))
ANSWERS = EXAMPLE["answers"]


def spawn(tmp_path: Path, *args: str, locale: dict[str, str] | None = None) -> pexpect.spawn:
    child = spawn_interview(tmp_path, *args, locale=locale)
    child.logfile_read = open(tmp_path / "transcript.txt", "a", encoding="utf-8")  # noqa: SIM115
    return child


class Typist:
    """Reads the screen, recognises the question, types its answer."""

    def __init__(self, child: pexpect.spawn, answers: dict, lang: str = "en") -> None:
        self.child = child
        self.answers = answers
        self.q = load_packaged_questionnaire()
        self.ids = list(self.q.question_index)
        self.patterns = [re.escape(pick(self.q.question(qid).prompt, lang)[:40]) for qid in self.ids]
        self.review = re.escape(t("interview.review.prompt", lang))
        self.asked: list[str] = []

    def type_answer(self, qid: str) -> None:
        for line in typed_lines(self.q.question(qid), self.answers.get(qid)):
            self.child.sendline(line)

    def until(self, stop: str | None = None, *, before=None, review=()) -> str:
        """Answer questions until ``stop`` comes up (returns it) or the review screen (returns 'review').

        ``before`` maps a question id to a function called when it first appears (to type
        '?' or '<' as a person would); ``review`` lists what to type on review screens.
        """
        before = dict(before or {})
        review = list(review)
        while True:
            index = self.child.expect([self.review, *self.patterns])
            if index == 0:
                if not review:
                    return "review"
                self.child.sendline(review.pop(0))
                continue
            qid = self.ids[index - 1]
            self.asked.append(qid)
            if qid == stop:
                return qid
            self.child.expect("› ")
            if qid in before and before.pop(qid)(self):
                continue
            self.type_answer(qid)


def ask_help(typist: Typist) -> bool:
    typist.child.sendline("?")
    typist.child.expect("Why this matters")
    typist.child.expect("T13 — Evaluation data")
    return False  # then answer normally


def go_back(typist: Typist) -> bool:
    typist.child.sendline("<")
    return True  # the previous question appears again and is answered from the script


def mistype(typist: Typist) -> bool:
    typist.child.sendline("7")
    typist.child.expect("Not accepted")
    return False


def test_interview_in_a_terminal_with_help_back_ctrl_c_resume_and_review(tmp_path):
    docs = tmp_path / "docs" / "mlpdm"
    child = spawn(tmp_path, "Invoice OCR", "--owner", ANSWERS and EXAMPLE["meta"]["owner"])
    child.expect("30–45")
    typist = Typist(child, ANSWERS)
    stopped_at = typist.until(
        "oversight",
        before={"data_available": ask_help, "approach": go_back, "audience": mistype},
    )
    assert stopped_at == "oversight"
    assert typist.asked.count("uses_llm") == 2  # "<" at approach went back to uses_llm
    child.sendintr()  # Ctrl-C
    child.expect("Interview stopped \\(Ctrl-C\\)")
    child.expect('To resume, run: mlpdm interview "Invoice OCR"')
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130  # 128 + SIGINT, as the shell reports Ctrl-C
    draft = yaml.safe_load((docs / "invoice-ocr.draft.yaml").read_text(encoding="utf-8"))
    answered_before_stop = [qid for qid in dict.fromkeys(typist.asked) if qid != "oversight"]
    assert draft["answers"] == {qid: ANSWERS.get(qid) for qid in answered_before_stop}

    child = spawn(tmp_path, "Invoice OCR")
    child.expect("Resume it\\?")
    child.sendline("")
    child.expect("Resuming at question")
    typist = Typist(child, ANSWERS)
    # On the review screen, change answer 2 (who uses it) and come back, then write.
    assert typist.until(review=["2"]) == "review"
    assert typist.asked[0] == "oversight"
    assert typist.asked[-1] == "audience"
    child.sendline("")
    child.expect(re.escape(t("verdict.go-with-conditions.explain", "en")[:40]))  # the example has conditions
    child.expect("Wrote")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    written = yaml.safe_load((docs / "invoice-ocr.answers.yaml").read_text(encoding="utf-8"))
    # Questions asked and left blank are written as null; the example simply omits them.
    assert {k: v for k, v in written["answers"].items() if v is not None} == ANSWERS
    assert written["meta"]["owner"] == EXAMPLE["meta"]["owner"]
    assert not (docs / "invoice-ocr.draft.yaml").exists()
    rendered = subprocess.run(
        [sys.executable, "-m", "mlpdm", "render", str(docs / "invoice-ocr.answers.yaml"), "-o", "-"],
        capture_output=True,
        check=True,
    ).stdout
    assert rendered == (docs / "invoice-ocr.md").read_bytes()


def test_end_of_input_saves_and_exits_2(tmp_path):
    child = spawn(tmp_path, "Quick stop", "--owner", "Me")
    typist = Typist(child, ANSWERS)
    assert typist.until("current_process") == "current_process"
    child.expect("› ")
    child.sendeof()  # Ctrl-D
    child.expect("Interview stopped \\(end of input\\)")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    draft = yaml.safe_load(
        (tmp_path / "docs" / "mlpdm" / "quick-stop.draft.yaml").read_text(encoding="utf-8")
    )
    assert list(draft["answers"]) == ["user_problem", "audience", "need_evidence"]


ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def test_whole_interview_in_japanese_from_the_locale_with_japanese_free_text(tmp_path):
    """LANG=ja_JP.UTF-8 alone gives the Japanese interview; wide text is kept and aligned."""
    from rich.cells import cell_len

    example = next((REPO / "examples").glob("問い合わせ*.answers.yaml"))
    data = yaml.safe_load(example.read_text(encoding="utf-8"))
    answers, meta = data["answers"], data["meta"]
    # LC_CTYPE keeps Python's I/O in UTF-8 whether or not a Japanese locale is installed.
    locale = {"LANG": "ja_JP.UTF-8", "LC_CTYPE": "C.UTF-8"}
    child = spawn(tmp_path, meta["feature"], "--owner", meta["owner"], locale=locale)
    child.expect(re.escape(t("interview.intro.title", "ja")))
    typist = Typist(child, answers, lang="ja")
    assert typist.until("data_available", before={"audience": mistype_ja}) == "data_available"
    child.expect("› ")
    child.sendline("?")
    child.expect(t("interview.help.title", "ja"))
    typist.type_answer("data_available")
    assert typist.until() == "review"
    child.sendline("")
    child.expect(t("verdict.go-with-conditions", "ja"))
    child.expect("を書き出しました")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    docs = tmp_path / "docs" / "mlpdm"
    written = yaml.safe_load((docs / example.name).read_text(encoding="utf-8"))
    assert {k: v for k, v in written["answers"].items() if v is not None} == answers
    assert written["meta"]["slug"] == meta["slug"] == meta["feature"]  # a readable Japanese slug
    brief = (docs / f"{meta['slug']}.md").read_text(encoding="utf-8")
    assert "**推奨：🟡 条件付き GO**" in brief and "👍" in brief

    # The review screen's table is aligned: every row as wide as its borders, in cells.
    screen = ANSI.sub("", (tmp_path / "transcript.txt").read_text(encoding="utf-8"))
    review = screen[
        screen.index(t("interview.review.title", "ja")) : screen.index(t("interview.review.prompt", "ja"))
    ]
    rows = [line for line in review.replace("\r", "").split("\n") if line and line[0] in "┏┃┡│└"]
    assert len(rows) > len(answers)
    assert "佐藤" in review or "振り分け" in review
    assert {cell_len(row) for row in rows} == {cell_len(rows[0])}


def mistype_ja(typist: Typist) -> bool:
    typist.child.sendline("7")
    typist.child.expect(re.escape(t("interview.invalid", "ja", reason="")[:6]))
    return False
