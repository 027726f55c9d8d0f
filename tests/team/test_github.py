"""`mlpdm check --format github`: one workflow command per problem, on its file and line."""

from __future__ import annotations

import shutil

from mlpdm.cli.app import app
from mlpdm.core.text.annotations import escape_data, escape_property, workflow_command
from tests.conftest import REPO
from tests.team.conftest import edit

DOCS = "docs/mlpdm"


def github(runner, *args):
    return runner.invoke(app, ["check", "--format", "github", *args])


def commands(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("::")]


def test_each_problem_is_an_annotation_on_its_file_and_line(rendered, runner):
    answers = rendered / DOCS / "invoice-ocr.answers.yaml"
    edit(answers, "kill_switch: 'yes'", "kill_switch: 'maybe'")
    edit(answers, "  data_available: 'yes'\n", "  data_available: 'yes'\n  bogus_question: 3\n")
    edit(rendered / DOCS / "refund-agent.answers.yaml", "kill_switch: 'yes'", "kill_switch: 'no'")
    result = github(runner)
    assert result.exit_code == 1, result.output
    lines = answers.read_text(encoding="utf-8").splitlines()
    bogus = next(i for i, line in enumerate(lines, 1) if "bogus_question" in line)
    maybe = next(i for i, line in enumerate(lines, 1) if "kill_switch: 'maybe'" in line)
    assert commands(result.output) == [
        "::error file=docs/mlpdm/README.md,title=mlpdm index-stale::"
        "the portfolio index is out of date; run `mlpdm index`",
        f"::error file=docs/mlpdm/invoice-ocr.answers.yaml,line={bogus},title=mlpdm answers-invalid::"
        "unknown question id 'bogus_question'",
        f"::error file=docs/mlpdm/invoice-ocr.answers.yaml,line={maybe},title=mlpdm answers-invalid::"
        "kill_switch: expected one of yes, no, unsure, got 'maybe'",
        # The stale brief is shown on the answers file the pull request changed, naming the brief.
        "::error file=docs/mlpdm/refund-agent.answers.yaml,line=1,title=mlpdm brief-stale::"
        "docs/mlpdm/refund-agent.md: brief is stale: its answers changed since it was rendered",
    ]
    assert (
        result.output.splitlines()[-1] == "2 answers file(s) checked in docs/mlpdm: 3 error(s), 0 warning(s)"
    )


def test_paths_are_from_the_repository_root_wherever_it_runs(rendered, runner, monkeypatch):
    (rendered / DOCS / "invoice-ocr.md").unlink()
    monkeypatch.chdir(rendered / "docs")
    result = github(runner)
    assert result.exit_code == 1
    assert commands(result.output) == [
        "::error file=docs/mlpdm/invoice-ocr.answers.yaml,line=1,title=mlpdm brief-missing::"
        "docs/mlpdm/invoice-ocr.md: brief missing; run `mlpdm check --fix` or `mlpdm render`",
    ]


def test_a_warning_points_at_the_line_it_is_about(rendered, runner):
    edit(
        rendered / DOCS / "invoice-ocr.answers.yaml",
        "  date: '2026-11-20'\n",
        "  date: '2026-11-20'\n  review_by: '2020-01-31'\n",
    )
    assert runner.invoke(app, ["check", "--fix"]).exit_code == 0
    result = github(runner)
    assert result.exit_code == 0, result.output  # a warning fails only with --strict, as before
    lines = (rendered / DOCS / "invoice-ocr.answers.yaml").read_text(encoding="utf-8").splitlines()
    due = next(i for i, line in enumerate(lines, 1) if "review_by:" in line)
    assert commands(result.output) == [
        f"::warning file=docs/mlpdm/invoice-ocr.answers.yaml,line={due},title=mlpdm review-overdue::"
        "review was due on 2020-01-31; review the brief, then run `mlpdm interview` to update it",
    ]
    assert github(runner, "--strict").exit_code == 1


def test_a_clean_repository_prints_no_command(rendered, runner):
    result = github(runner)
    assert result.exit_code == 0
    assert commands(result.output) == []


def test_a_file_name_cannot_break_the_properties(repo, runner):
    # "," and ":" separate properties: in a file name they are escaped, not taken as syntax.
    shutil.copy(REPO / "examples" / "invoice-ocr.answers.yaml", repo / DOCS / "a,line=9:b.answers.yaml")
    result = github(runner)
    lines = (REPO / "examples" / "invoice-ocr.answers.yaml").read_text(encoding="utf-8").splitlines()
    slug = next(i for i, line in enumerate(lines, 1) if line.strip().startswith("slug:"))
    assert (
        f"::error file=docs/mlpdm/a%2Cline=9%3Ab.answers.yaml,line={slug},title=mlpdm slug-mismatch::"
        "meta slug 'invoice-ocr' does not match the file name (expected 'a,line=9:b')"
    ) in commands(result.output)


def test_a_message_cannot_start_a_command_of_its_own():
    line = workflow_command("error", "50% done\r\n::error::forged", file="a.yaml", line=3, title="x: y, z")
    assert line == "::error file=a.yaml,line=3,title=x%3A y%2C z::50%25 done%0D%0A::error::forged"
    assert "\n" not in line and "\r" not in line
    assert escape_data("%0A") == "%250A"  # an escape in the text stays text
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    assert workflow_command("warning", "m") == "::warning::m"
