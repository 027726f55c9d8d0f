"""A change made to an answers file after a command read it, before the feature's lock was its.

`interview --update` (with or without `-q TEAM`) and `decide` read the answers file, then take
the feature's lock, then write. Whatever someone changed in between must never be written
over unseen: each command checks the file under the lock and refuses, with nothing written.
The change is made by a hook on the lock itself, at the one moment it matters, so every run
hits the window instead of racing for it.
"""

from __future__ import annotations

import pytest
import yaml

from mlpdm.cli.app import app
from mlpdm.repo.workspace import FeatureFiles, FeatureLock
from tests.conftest import listing
from tests.team.conftest import TEAM_QUESTIONNAIRE, write

DOCS = "docs/mlpdm"
OWNER = "owner: Aiko Tanaka (Accounts payable PM)"
EDITED = "owner: Ken Sato (took over the feature)"


def edit_just_before_the_lock(monkeypatch, module: str, path, *, edits: list[int]) -> None:
    """The first time ``module`` takes a feature's lock, someone first edits ``path`` by hand."""

    class EditedFirst(FeatureLock):
        def __enter__(self) -> FeatureLock:
            if not edits:
                text = path.read_text(encoding="utf-8")
                assert OWNER in text
                path.write_text(text.replace(OWNER, EDITED), encoding="utf-8")
                edits.append(1)
            return super().__enter__()

    monkeypatch.setattr(f"{module}.FeatureLock", EditedFirst)


def one_line(output: str) -> str:
    return " ".join(output.split())  # whatever the terminal's width


@pytest.mark.parametrize("team", [False, True], ids=["update", "update-onto-a-team-questionnaire"])
def test_update_refuses_an_answers_file_changed_before_its_lock(rendered, runner, monkeypatch, team):
    docs = rendered / DOCS
    answers = docs / "invoice-ocr.answers.yaml"
    brief_before = (docs / "invoice-ocr.md").read_bytes()
    args = ["interview", "--update", str(answers)]
    if team:
        args += ["-q", str(write(rendered / "mlpdm" / "acme.yaml", TEAM_QUESTIONNAIRE))]
    edits: list[int] = []
    edit_just_before_the_lock(monkeypatch, "mlpdm.terminal.session", answers, edits=edits)
    result = runner.invoke(app, args, input="n\n")
    assert edits == [1]
    assert result.exit_code == 2, result.output
    said = one_line(result.output)
    assert f"{answers} changed on disk after mlpdm read it and before the update could start" in said
    assert "nothing was asked or written" in said
    assert "run the same `mlpdm interview --update` again" in said
    assert "Traceback" not in result.output
    # The question the team added was never asked: the update stopped before it.
    assert "Has the Acme security team reviewed" not in result.output
    # The person's change is kept, the brief untouched, no draft begun, the lock released.
    assert EDITED in answers.read_text(encoding="utf-8")
    assert (docs / "invoice-ocr.md").read_bytes() == brief_before
    assert "invoice-ocr.draft.yaml" not in listing(docs)

    # Run again, it starts from the file as it is now and keeps the change.
    result = runner.invoke(app, args, input="n\n")
    assert result.exit_code == 0, result.output
    assert EDITED in answers.read_text(encoding="utf-8")
    assert "Ken Sato" in (docs / "invoice-ocr.md").read_text(encoding="utf-8")


def test_an_update_of_an_unchanged_file_is_not_refused(rendered, runner, monkeypatch):
    # The control: the same run with nobody editing the file goes through and writes.
    answers = rendered / DOCS / "invoice-ocr.answers.yaml"
    result = runner.invoke(app, ["interview", "--update", str(answers)])
    assert result.exit_code == 0, result.output
    assert "Wrote" in result.output


def test_decide_refuses_an_answers_file_changed_before_its_lock(rendered, runner, monkeypatch):
    docs = rendered / DOCS
    answers = docs / "invoice-ocr.answers.yaml"
    brief_before = (docs / "invoice-ocr.md").read_bytes()
    edits: list[int] = []
    edit_just_before_the_lock(monkeypatch, "mlpdm.cli.decide", answers, edits=edits)
    result = runner.invoke(app, ["decide", str(answers), "accepted", "--by", "Lead"])
    assert edits == [1]
    assert result.exit_code == 2, result.output
    said = one_line(result.output)
    assert f"{answers} changed on disk while the decision was being recorded; nothing was written" in said
    text = answers.read_text(encoding="utf-8")
    assert EDITED in text and "accepted" not in text
    assert (docs / "invoice-ocr.md").read_bytes() == brief_before
    listing(docs)  # fails if the lock or a temporary file was left in .mlpdm

    result = runner.invoke(app, ["decide", str(answers), "accepted", "--by", "Lead"])
    assert result.exit_code == 0, result.output
    text = answers.read_text(encoding="utf-8")
    assert EDITED in text and "status: accepted" in text


@pytest.mark.parametrize("command", ["decide", "update"])
def test_decide_and_update_wait_for_an_interview_of_the_feature(rendered, runner, command):
    docs = rendered / DOCS
    answers = docs / "invoice-ocr.answers.yaml"
    before = answers.read_bytes(), (docs / "invoice-ocr.md").read_bytes()
    args = {
        "decide": ["decide", str(answers), "accepted", "--by", "Lead"],
        "update": ["interview", "--update", str(answers)],
    }[command]
    with FeatureLock(FeatureFiles(docs, "invoice-ocr"), command="mlpdm interview"):
        result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert "`mlpdm interview` is working on this feature" in one_line(result.output)
    assert (answers.read_bytes(), (docs / "invoice-ocr.md").read_bytes()) == before


def test_a_decision_recorded_while_a_revision_is_paused_survives_its_resumption(rendered, runner):
    # The interview holds the lock only while it runs. Stopped with a draft, `decide` may
    # record a decision; resumed later, the interview must write its answers beside that
    # decision, not the one the draft copied from the file before.
    docs = rendered / DOCS
    answers = docs / "invoice-ocr.answers.yaml"
    revise = "y\n1\nClerks retype 300 invoices a day.\n\n"  # revise, change answer 1, then stop
    result = runner.invoke(app, ["interview", "Invoice OCR"], input=revise)
    assert result.exit_code == 2 and "Interview stopped (end of input)" in result.output, result.output
    assert (docs / "invoice-ocr.draft.yaml").exists()
    result = runner.invoke(app, ["decide", str(answers), "accepted", "--by", "Lead"])
    assert result.exit_code == 0, result.output

    result = runner.invoke(app, ["interview", "Invoice OCR"], input="y\n\n")  # resume, write
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(answers.read_text(encoding="utf-8"))
    assert data["answers"]["user_problem"] == "Clerks retype 300 invoices a day."
    assert data["decision"]["status"] == "accepted" and data["decision"]["by"] == "Lead"
    assert "status: accepted" in (docs / "invoice-ocr.md").read_text(encoding="utf-8")
