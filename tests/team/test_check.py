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
    assert "verdict: go-with-conditions" in (rendered / DOCS / "invoice-ocr.md").read_text(encoding="utf-8")


def test_a_hand_edit_is_never_silently_discarded(rendered, runner):
    brief = rendered / DOCS / "invoice-ocr.md"
    edit(brief, "Go ahead, provided the conditions", "No blocker NOW, provided the conditions")
    result = check(runner, "--fix")
    assert result.exit_code == 1
    assert f"{DOCS}/invoice-ocr.md: error: brief was edited by hand" in result.output
    assert "No blocker NOW" in brief.read_text(encoding="utf-8")
    forced = check(runner, "--fix", "--force")
    assert forced.exit_code == 0 and "(hand edits overwritten)" in forced.output
    assert "No blocker NOW" not in brief.read_text(encoding="utf-8")


def test_a_hand_edited_front_matter_is_not_taken_for_current(rendered, runner):
    # The body is untouched, so only the front matter says what changed: check must still see it.
    edit(rendered / DOCS / "invoice-ocr.md", "verdict: go-with-conditions\n", "verdict: go\n")
    assert codes(runner) == ["brief-stale"]
    assert check(runner, "--fix").exit_code == 0
    assert "verdict: go-with-conditions\n" in (rendered / DOCS / "invoice-ocr.md").read_text(encoding="utf-8")


def test_a_brief_from_before_the_language_was_recorded_keeps_its_language(rendered, runner):
    brief = rendered / DOCS / "invoice-ocr.md"
    ja = runner.invoke(app, ["render", f"{DOCS}/invoice-ocr.answers.yaml", "--lang", "ja"])
    assert ja.exit_code == 0
    brief.write_text(brief.read_text(encoding="utf-8").replace("lang: ja\n", ""), encoding="utf-8")
    assert codes(runner) == ["brief-stale"]
    assert check(runner, "--fix").exit_code == 0
    text = brief.read_text(encoding="utf-8")
    assert "lang: ja\n" in text and "## この判定の理由" in text


def forge(brief, old: str, new: str) -> None:
    """Edit a brief as an attacker would: change it, then recompute every digest it carries."""
    import hashlib

    from mlpdm.core.brief.frontmatter import split_front_matter

    text = brief.read_text(encoding="utf-8").replace(old, new)
    _, body = split_front_matter(text)
    digest = "sha256:" + hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]
    brief.write_text(re.sub(r"\n  brief: .*\n", f"\n  brief: {digest}\n", text, count=1), encoding="utf-8")


def test_a_forged_brief_fails_check_and_the_index_tells_the_truth(rendered, runner):
    # refund-agent is NO-GO. Someone edits its brief to say GO and recomputes the digests.
    brief = rendered / DOCS / "refund-agent.md"
    assert "verdict: no-go-risk\n" in brief.read_text(encoding="utf-8")
    assert check(runner, "--fail-on", "no-go-risk").exit_code == 1  # honest: fails on the verdict
    forge(brief, "verdict: no-go-risk\n", "verdict: go\n")
    forge(brief, "🔴 NO-GO", "🟢 GO")
    result = runner.invoke(app, ["check", "--fail-on", "no-go-risk", "--format", "json"])
    assert result.exit_code == 1
    problems = {(p["path"], p["code"]) for p in json.loads(result.stdout)["problems"]}
    assert (f"{DOCS}/refund-agent.md", "brief-stale") in problems
    assert (f"{DOCS}/refund-agent.answers.yaml", "verdict-fail-on") in problems
    index = runner.invoke(app, ["index", "-o", "-"]).stdout
    row = next(line for line in index.splitlines() if "refund-agent.md" in line)
    assert "NO-GO" in row
    assert check(runner, "--fix").exit_code == 0  # the forgery is replaced by what the answers say
    assert "verdict: no-go-risk\n" in brief.read_text(encoding="utf-8")


def test_a_warm_cache_never_vouches_for_a_changed_brief(rendered, runner, monkeypatch):
    # The first check remembered what it rendered (outside the repository); a brief changed
    # afterwards, digests and all, is rendered and compared again.
    files_before = sorted(p.relative_to(rendered) for p in rendered.rglob("*"))
    assert check(runner).exit_code == 0
    assert sorted(p.relative_to(rendered) for p in rendered.rglob("*")) == files_before
    forge(rendered / DOCS / "invoice-ocr.md", "Go ahead", "Go ahead at once")
    assert codes(runner) == ["brief-stale"]


def test_a_cold_cache_verifies_every_brief(rendered, runner, monkeypatch, tmp_path):
    # A clean CI machine: nothing remembered, every brief rendered and compared.
    import mlpdm.repo.checks

    renders: list[str] = []
    real = mlpdm.repo.checks.render_brief

    def counting(questionnaire, doc, *args, **kwargs):
        renders.append(doc.slug)
        return real(questionnaire, doc, *args, **kwargs)

    monkeypatch.setattr(mlpdm.repo.checks, "render_brief", counting)
    monkeypatch.setenv("MLPDM_CACHE_DIR", str(tmp_path / "empty-cache"))
    assert check(runner).exit_code == 0
    assert sorted(renders) == ["invoice-ocr", "refund-agent"]
    renders.clear()
    assert check(runner).exit_code == 0  # now remembered on this machine: nothing rendered again
    assert renders == []


def test_a_change_to_the_code_that_renders_briefs_makes_them_stale(rendered, runner, monkeypatch, tmp_path):
    # The cache key covers mlpdm's own code: after an upgrade a remembered brief is a miss.
    import mlpdm.repo.checks
    from mlpdm.core.brief.render import render_brief

    code = tmp_path / "code.py"
    code.write_text("v1", encoding="utf-8")
    monkeypatch.setattr(mlpdm.repo.checks, "code_files", lambda: [code])
    assert check(runner).exit_code == 0  # rendered, and remembered under the key of v1

    def reworded(*args, **kwargs):  # a new mlpdm that words briefs differently
        return render_brief(*args, **kwargs).replace("## ", "## » ", 1)

    monkeypatch.setattr(mlpdm.repo.checks, "render_brief", reworded)
    assert codes(runner) == []  # the same code on disk: the cache answers, nothing is rendered
    code.write_text("v2", encoding="utf-8")
    assert codes(runner) == ["brief-stale", "brief-stale"]


def test_answers_changed_only_in_layout_keep_their_brief_current(rendered, runner):
    answers = rendered / DOCS / "invoice-ocr.answers.yaml"
    answers.write_text(
        answers.read_text(encoding="utf-8") + "# reviewed in the weekly meeting\n", encoding="utf-8"
    )
    result = check(runner)
    assert result.exit_code == 0, result.output


def test_changed_wording_makes_briefs_stale(rendered, runner, monkeypatch):
    # What a brief says also depends on mlpdm's own words, not only on answers and templates.
    from mlpdm.core.brief import render
    from mlpdm.core.text import messages

    monkeypatch.setitem(
        messages.MESSAGES, "brief.title", {"en": "{feature}: design brief", "ja": "{feature}"}
    )
    monkeypatch.setattr(render, "_RENDER_DIGESTS", {})
    assert "brief-stale" in codes(runner)


def test_the_command_lines_own_wording_leaves_briefs_current(rendered, runner, monkeypatch):
    # Help and check messages are not in any brief: changing them must not churn every brief.
    from mlpdm.core.brief import render
    from mlpdm.core.text import messages

    monkeypatch.setitem(messages.MESSAGES, "help.mlpdm.check", {"en": "Check.", "ja": "検査。"})
    monkeypatch.setattr(render, "_RENDER_DIGESTS", {})
    assert codes(runner) == []


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


def test_a_file_name_that_is_no_slug_is_reported_on_the_answers_file(rendered, runner):
    # No command can write a brief for it, so check names the file instead of asking for one.
    answers = rendered / DOCS / "Invoice OCR.answers.yaml"
    edit(
        shutil.copy(rendered / DOCS / "invoice-ocr.answers.yaml", answers),
        "slug: invoice-ocr",
        "slug: Invoice OCR",
    )
    for args in ((), ("--fix",)):
        result = check(runner, *args)
        assert f"{DOCS}/Invoice OCR.answers.yaml: error: 'Invoice OCR' cannot be used as a file name" in (
            result.output
        )
    assert not (rendered / DOCS / "Invoice OCR.md").exists()


def test_templates_changed_since_rendering(rendered, runner):
    templates = rendered / "team-templates"
    templates.mkdir()
    text = (REPO / "templates" / "brief.md.j2").read_text(encoding="utf-8")
    (templates / "brief.md.j2").write_text(text.replace("## ", "## » ", 1), encoding="utf-8")
    write(rendered / "mlpdm.toml", 'templates = "team-templates"\n')
    result = check(runner)
    assert "brief is stale: it is not what its answers render to now" in result.output


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


# Briefs as mlpdm wrote them before the decision card: the digests were two top-level fields
# (answers_digest, brief_digest) and the fields came in another order. Copied unchanged from
# docs/examples/ at that commit; the answers they were rendered from have not changed since.
PREVIOUS_LAYOUT = {
    "invoice-ocr": REPO / "tests" / "team" / "data" / "invoice-ocr.previous-layout.md",
    "refund-agent": REPO / "tests" / "team" / "data" / "refund-agent.ja.previous-layout.md",
}


def test_a_brief_in_the_previous_layout_is_stale_and_fix_rewrites_it(rendered, runner):
    from mlpdm.core.brief.frontmatter import FRONT_MATTER_KEYS, split_front_matter

    for name, old in PREVIOUS_LAYOUT.items():
        shutil.copy(old, rendered / DOCS / f"{name}.md")
        assert "\nanswers_digest: " in old.read_text(encoding="utf-8")
    result = check(runner)
    assert result.exit_code == 1
    for name in PREVIOUS_LAYOUT:
        assert f"{DOCS}/{name}.md: error: brief is stale: it is not what its answers render to now" in (
            result.output
        )
    assert sorted(codes(runner)) == ["brief-stale", "brief-stale"]  # stale, not edited by hand
    fixed = check(runner, "--fix")
    assert fixed.exit_code == 0, fixed.output
    assert all(f"fixed {DOCS}/{name}.md: re-rendered" in fixed.output for name in PREVIOUS_LAYOUT)
    for name in PREVIOUS_LAYOUT:
        front, _ = split_front_matter((rendered / DOCS / f"{name}.md").read_text(encoding="utf-8"))
        assert front is not None and tuple(front) == tuple(k for k in FRONT_MATTER_KEYS if k in front)
        assert "digests" in front and "answers_digest" not in front
    # The Japanese one is rewritten in Japanese: its old front matter still says which language.
    refund = (rendered / DOCS / "refund-agent.md").read_text(encoding="utf-8")
    assert "lang: ja\n" in refund and "**リリース前に必要なこと**" in refund
    assert check(runner).exit_code == 0


def test_a_hand_edit_of_a_brief_in_the_previous_layout_is_still_seen(rendered, runner):
    brief = rendered / DOCS / "invoice-ocr.md"
    shutil.copy(PREVIOUS_LAYOUT["invoice-ocr"], brief)
    edit(brief, "No blocker, missing prerequisite", "No blocker NOW, missing prerequisite")
    assert codes(runner) == ["brief-edited"]  # its brief_digest is read as before
    assert check(runner, "--fix").exit_code == 1
    assert "No blocker NOW" in brief.read_text(encoding="utf-8")
