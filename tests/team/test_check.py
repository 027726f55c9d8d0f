"""`mlpdm check` on a real directory tree: each result, --fix, --fail-on, --strict, JSON."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from mlpdm.cli.app import app
from tests.conftest import REPO
from tests.team.conftest import edit, write

DOCS = "docs/mlpdm"


def check(runner, *args):
    return runner.invoke(app, ["check", *args])


def codes(runner, *args) -> list[str]:
    result = runner.invoke(app, ["check", "--format", "json", *args])
    return [p["code"] for p in json.loads(result.stdout)["problems"]]


def test_a_clean_repository_passes(rendered, runner):
    result = check(runner)
    assert result.exit_code == 0, result.output
    assert "2 answers file(s) checked" in result.output and "0 error(s)" in result.output


def test_missing_briefs_are_reported_then_fixed(repo, runner):
    result = check(runner)
    assert result.exit_code == 1
    assert f"{DOCS}/invoice-ocr.md: error: brief missing" in result.output
    fixed = check(runner, "--fix")
    assert fixed.exit_code == 0 and f"fixed {DOCS}/invoice-ocr.md: re-rendered" in fixed.output
    assert (repo / DOCS / "invoice-ocr.md").exists() and (repo / DOCS / "README.md").exists()


def test_changed_answers_make_the_brief_stale(rendered, runner):
    edit(rendered / DOCS / "invoice-ocr.answers.yaml", "kill_switch: 'yes'", "kill_switch: 'no'")
    assert sorted(codes(runner)) == ["brief-stale", "index-stale"]
    assert check(runner, "--fix").exit_code == 0
    assert "verdict: not-ready" in (rendered / DOCS / "invoice-ocr.md").read_text(encoding="utf-8")


def test_a_hand_edit_is_never_silently_discarded(rendered, runner):
    brief = rendered / DOCS / "invoice-ocr.md"
    edit(brief, "No blocker, missing prerequisite", "No blocker NOW, missing prerequisite")
    result = check(runner, "--fix")
    assert result.exit_code == 1
    assert f"{DOCS}/invoice-ocr.md: error: brief was edited by hand" in result.output
    assert "No blocker NOW" in brief.read_text(encoding="utf-8")
    forced = check(runner, "--fix", "--force")
    assert forced.exit_code == 0 and "(hand edits overwritten)" in forced.output
    assert "No blocker NOW" not in brief.read_text(encoding="utf-8")


def test_a_hand_edited_front_matter_is_not_taken_for_current(rendered, runner):
    # The body is untouched, so only the front matter says what changed: check must still see it.
    edit(rendered / DOCS / "invoice-ocr.md", "verdict: go\n", "verdict: go-with-conditions\n")
    assert codes(runner) == ["brief-stale"]
    assert check(runner, "--fix").exit_code == 0
    assert "verdict: go\n" in (rendered / DOCS / "invoice-ocr.md").read_text(encoding="utf-8")


def test_a_brief_from_before_render_digests_is_rendered_again(rendered, runner):
    brief = rendered / DOCS / "invoice-ocr.md"
    old = re.sub(r"render_digest: .*\n", "", brief.read_text(encoding="utf-8"))
    brief.write_text(old, encoding="utf-8")
    assert codes(runner) == ["brief-stale"]
    assert check(runner, "--fix").exit_code == 0 and "render_digest:" in brief.read_text(encoding="utf-8")


def test_sealed_briefs_are_believed_without_parsing_their_answers(rendered, runner, monkeypatch):
    # A brief sealed by its file digest, rendered from these very answers with today's
    # questionnaire and templates, is current: check need not parse, decide or render.
    import mlpdm.checks

    def refuse(*args, **kwargs):
        raise AssertionError("answers parsed although the brief vouches for them")

    monkeypatch.setattr(mlpdm.checks, "parse_answers_doc", refuse)
    result = check(runner)
    assert result.exit_code == 0 and "2 answers file(s) checked" in result.output


def test_the_index_is_the_same_whether_briefs_are_believed_or_checked_in_full(rendered, runner, monkeypatch):
    import mlpdm.checks

    believed = runner.invoke(app, ["index", "-o", "-"]).stdout
    monkeypatch.setattr(mlpdm.checks.Checker, "_recorded", lambda self, *args: None)
    assert runner.invoke(app, ["index", "-o", "-"]).stdout == believed
    assert "invoice-ocr.md" in believed


def test_answers_changed_only_in_layout_keep_their_brief_current(rendered, runner):
    answers = rendered / DOCS / "invoice-ocr.answers.yaml"
    answers.write_text(
        answers.read_text(encoding="utf-8") + "# reviewed in the weekly meeting\n", encoding="utf-8"
    )
    result = check(runner)
    assert result.exit_code == 0, result.output


def test_a_broken_seal_is_checked_in_full(rendered, runner, monkeypatch):
    # The file digest no longer matches: nothing in that brief is believed, its answers are
    # parsed and it is compared in full (and found current, as only the seal changed).
    import mlpdm.checks

    parsed: list[str] = []
    real = mlpdm.checks.parse_answers_doc

    def counting(data, questionnaire, source, **kwargs):
        parsed.append(source.path)
        return real(data, questionnaire, source, **kwargs)

    monkeypatch.setattr(mlpdm.checks, "parse_answers_doc", counting)
    edit(rendered / DOCS / "invoice-ocr.md", "file_digest: sha256:", "file_digest: sha256:0")
    assert check(runner).exit_code == 0
    assert parsed == [f"{DOCS}/invoice-ocr.answers.yaml"]


def test_changed_wording_makes_briefs_stale(rendered, runner, monkeypatch):
    # What a brief says also depends on mlpdm's own words, not only on answers and templates.
    from mlpdm.core import messages, render

    monkeypatch.setitem(
        messages.MESSAGES, "brief.title", {"en": "{feature}: design brief", "ja": "{feature}"}
    )
    monkeypatch.setattr(render, "_RENDER_DIGESTS", {})
    assert "brief-stale" in codes(runner)


def test_the_command_lines_own_wording_leaves_briefs_current(rendered, runner, monkeypatch):
    # Help and check messages are not in any brief: changing them must not churn every brief.
    from mlpdm.core import messages, render

    monkeypatch.setitem(messages.MESSAGES, "help.mlpdm.check", {"en": "Check.", "ja": "検査。"})
    monkeypatch.setattr(render, "_RENDER_DIGESTS", {})
    assert codes(runner) == []


def test_a_new_renderer_version_makes_briefs_stale(rendered, runner, monkeypatch):
    from mlpdm.core import render

    monkeypatch.setattr(render, "RENDERER_VERSION", render.RENDERER_VERSION + 1)
    monkeypatch.setattr(render, "_RENDER_DIGESTS", {})
    assert codes(runner) == ["brief-stale", "brief-stale"]


def test_a_persons_file_in_the_briefs_place(rendered, runner):
    (rendered / DOCS / "invoice-ocr.md").write_text("# Our own notes\n", encoding="utf-8")
    assert codes(runner) == ["brief-edited"]


def test_invalid_answers_name_file_and_line(rendered, runner):
    edit(rendered / DOCS / "invoice-ocr.answers.yaml", "audience: business", "audience: aliens")
    result = check(runner)
    assert result.exit_code == 1
    assert f"{DOCS}/invoice-ocr.answers.yaml: error: {DOCS}/invoice-ocr.answers.yaml:" in result.output
    assert "'aliens' is not one of the choices" in result.output


def test_a_brief_without_answers(rendered, runner):
    (rendered / DOCS / "refund-agent.answers.yaml").unlink()
    assert "brief-orphan" in codes(runner)


def test_slug_must_match_the_file_name(rendered, runner):
    shutil.copy(rendered / DOCS / "invoice-ocr.answers.yaml", rendered / DOCS / "copy.answers.yaml")
    assert "slug-mismatch" in codes(runner)


def test_templates_changed_since_rendering(rendered, runner):
    templates = rendered / "team-templates"
    templates.mkdir()
    text = (REPO / "templates" / "brief.md.j2").read_text(encoding="utf-8")
    (templates / "brief.md.j2").write_text(text.replace("## ", "## » ", 1), encoding="utf-8")
    write(rendered / "mlpdm.toml", 'templates = "team-templates"\n')
    result = check(runner)
    assert "brief is stale: rendered by an older mlpdm, templates or questionnaire texts" in result.output


def test_review_dates_warn_and_fail_with_strict(rendered, runner):
    edit(
        rendered / DOCS / "invoice-ocr.answers.yaml",
        "date: '2026-11-20'",
        "date: '2026-11-20'\n  review_by: '2020-01-31'",
    )
    check(runner, "--fix")
    result = check(runner)
    assert result.exit_code == 0
    assert "warning: review was due on 2020-01-31" in result.output
    assert check(runner, "--strict").exit_code == 1


def test_fail_on_verdicts(rendered, runner):
    result = check(runner, "--fail-on", "no-go-risk,not-ready")
    assert result.exit_code == 1
    assert f"{DOCS}/refund-agent.answers.yaml: error: verdict is no-go-risk (--fail-on)" in result.output
    assert check(runner, "--fail-on", "not-ready").exit_code == 0
    bad = check(runner, "--fail-on", "maybe")
    assert bad.exit_code == 2 and "unknown verdict" in bad.output


def test_json_output(rendered, runner):
    edit(rendered / DOCS / "invoice-ocr.answers.yaml", "kill_switch: 'yes'", "kill_switch: 'no'")
    result = runner.invoke(app, ["check", "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["checked"] == 2 and data["ok"] is False
    stale = next(p for p in data["problems"] if p["code"] == "brief-stale")
    assert stale == {
        "path": f"{DOCS}/invoice-ocr.md",
        "code": "brief-stale",
        "severity": "error",
        "message": "brief is stale: its answers changed since it was rendered",
    }


def test_unfinished_interview_is_a_warning(rendered, runner):
    write(
        rendered / DOCS / "new-idea.draft.yaml",
        "questionnaire: {id: default, version: 1}\nmeta: {feature: New idea, slug: new-idea}\nanswers: {}\n",
    )
    result = check(runner)
    assert result.exit_code == 0 and "interview-unfinished" in result.output


def test_stale_index(rendered, runner):
    edit(
        rendered / DOCS / "invoice-ocr.answers.yaml",
        "owner: Aiko Tanaka (Accounts payable PM)",
        "owner: Someone Else",
    )
    assert "index-stale" in codes(runner)


def test_decision_checks(rendered, runner):
    answers = rendered / DOCS / "refund-agent.answers.yaml"
    edit(answers, "answers:\n", "decision:\n  status: accepted\n  by: Maria\nanswers:\n")
    assert "decision-no-rationale" in codes(runner)
    edit(answers, "status: accepted", "status: superseded\n  superseded_by: refund-agent-v2")
    assert "superseded-no-successor" in codes(runner)


def test_outdated_questionnaire_version(rendered, runner):
    from tests.team.conftest import TEAM_QUESTIONNAIRE

    write(rendered / "mlpdm" / "acme.yaml", TEAM_QUESTIONNAIRE)
    write(rendered / "mlpdm.toml", 'questionnaire = "mlpdm/acme.yaml"\n')
    answers = rendered / DOCS / "invoice-ocr.answers.yaml"
    edit(answers, "  id: default\n  version: 2", "  id: acme\n  version: 1\n  base_version: 2")
    result = check(runner)
    assert result.exit_code == 1
    assert "made with acme v1 (base v2), now v2 (base v2): 1 new and 0 changed question(s)" in result.output
    assert f"run `mlpdm interview --update {DOCS}/invoice-ocr.answers.yaml`" in result.output


def test_not_a_directory_is_a_usage_error(repo, runner):
    result = check(runner, "nowhere")
    assert result.exit_code == 2 and "is not a directory" in result.output


@pytest.mark.parametrize("where", ["docs", "docs/mlpdm", "src/deep/folder"])
def test_works_from_any_subfolder(rendered, runner, monkeypatch, where):
    folder = rendered / where
    folder.mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(folder)
    result = check(runner)
    assert result.exit_code == 0 and "2 answers file(s) checked" in result.output


def test_a_team_template_for_japanese_only(rendered, runner):
    templates = rendered / "team-templates"
    templates.mkdir()
    text = (REPO / "templates" / "brief.md.j2").read_text(encoding="utf-8")
    (templates / "brief.ja.md.j2").write_text("{# 社内版 #}社内レビュー用\n" + text, encoding="utf-8")
    write(rendered / "mlpdm.toml", 'templates = "team-templates"\n')
    answers = str(rendered / DOCS / "invoice-ocr.answers.yaml")
    ja = runner.invoke(app, ["render", answers, "-o", "-", "--lang", "ja"])
    en = runner.invoke(app, ["render", answers, "-o", "-", "--lang", "en"])
    assert "社内レビュー用" in ja.output and "## この判定の理由" in ja.output
    assert "社内レビュー用" not in en.output and "## Why this verdict" in en.output
