"""Revising a feature in a real terminal: straight to the review, and its errors stay in view."""

from __future__ import annotations

import re
import shutil

import pexpect
import pytest

from mlpdm.core.text.messages import t
from tests.conftest import REPO, spawn_interview

pytestmark = pytest.mark.slow

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
REVIEW_PROMPT = re.escape(t("interview.review.prompt", "en"))


def test_revising_opens_the_review_and_a_bad_number_stays_under_the_prompt(tmp_path):
    docs = tmp_path / "docs" / "mlpdm"
    docs.mkdir(parents=True)
    shutil.copy(REPO / "examples" / "invoice-ocr.answers.yaml", docs)
    child = spawn_interview(tmp_path, "Invoice OCR")
    child.expect(re.escape("Revise them?"))
    child.sendline("yes")
    # The review comes first: no question is asked before it.
    child.expect(re.escape(t("interview.review.title", "en")))
    assert "Section 1 of" not in ANSI.sub("", child.before)
    child.expect(REVIEW_PROMPT)
    child.sendline("99")
    child.expect("“99” is not an answer number; type 1-[0-9]+, or press Enter to write the brief\\.")
    child.expect(REVIEW_PROMPT)
    between = ANSI.sub("", child.before)
    # Only the prompt follows the error: the table is not drawn again over it.
    assert "┃" not in between and "│" not in between and t("interview.review.title", "en") not in between
    child.sendline("")
    child.expect("Wrote")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
