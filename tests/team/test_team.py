"""index, decide, config, a team's own questionnaire, and interview --update."""

from __future__ import annotations

import json

import pexpect
import pytest
import yaml

from mlpdm.cli.app import app
from tests.conftest import spawn_interview
from tests.team.conftest import TEAM_QUESTIONNAIRE, edit, write

DOCS = "docs/mlpdm"


def front(path):
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("\n---\n", 1)[0][4:])


# -- index -----------------------------------------------------------------------------------


def test_index_lists_every_brief_with_counts_and_a_pie(rendered, runner):
    index = rendered / DOCS / "README.md"
    text = index.read_text(encoding="utf-8")
    assert "| 🟡 GO WITH CONDITIONS | 1 |" in text
    assert "| 🔴 NO-GO — unacceptable risk as designed | 1 |" in text
    assert "pie showData" in text and '"GO WITH CONDITIONS" : 1' in text
    assert "[Invoice OCR](invoice-ocr.md)" in text and "[Autonomous refund agent](refund-agent.md)" in text
    assert "Untrusted content can make the model act on its own" in text
    result = runner.invoke(app, ["index"])
    assert result.exit_code == 0 and index.read_text(encoding="utf-8") == text  # deterministic


def test_index_fail_on_change_fails_only_when_it_wrote_the_page(repo, runner):
    index = repo / DOCS / "README.md"
    created = runner.invoke(app, ["index", "--fail-on-change"])
    assert created.exit_code == 1, created.output
    assert f"{DOCS}/README.md was not up to date and has been written" in created.output
    assert index.is_file()
    written = index.stat().st_mtime_ns
    current = runner.invoke(app, ["index", "--fail-on-change"])
    assert current.exit_code == 0, current.output
    assert f"{DOCS}/README.md is up to date (2 brief(s))" in current.output
    assert index.stat().st_mtime_ns == written  # a current page is not written again
    edit(repo / DOCS / "invoice-ocr.answers.yaml", "feature: Invoice OCR", "feature: Invoice AI-OCR")
    changed = runner.invoke(app, ["index", "--fail-on-change"])
    assert changed.exit_code == 1 and "[Invoice AI-OCR](invoice-ocr.md)" in index.read_text(encoding="utf-8")
    assert runner.invoke(app, ["index"]).exit_code == 0  # without the option, writing is success


def test_index_never_overwrites_a_persons_readme(repo, runner):
    readme = repo / DOCS / "README.md"
    readme.write_text("# Our design docs\n", encoding="utf-8")
    result = runner.invoke(app, ["index"])
    assert result.exit_code == 2 and "was not written by mlpdm" in result.output
    assert readme.read_text(encoding="utf-8") == "# Our design docs\n"
    assert runner.invoke(app, ["index", "--output", "-"]).stdout.startswith("---\ntitle: ML feature briefs")


# -- decide ----------------------------------------------------------------------------------


def test_decide_records_the_decision_and_rerenders(rendered, runner):
    answers = rendered / DOCS / "invoice-ocr.answers.yaml"
    result = runner.invoke(app, ["decide", str(answers), "accepted", "--by", "Aiko Tanaka"])
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(answers.read_text(encoding="utf-8"))
    assert data["decision"]["status"] == "accepted" and data["decision"]["by"] == "Aiko Tanaka"
    brief = rendered / DOCS / "invoice-ocr.md"
    assert front(brief)["status"] == "accepted"
    assert "Team decision: accepted (Aiko Tanaka," in brief.read_text(encoding="utf-8")
    runner.invoke(app, ["index"])
    assert runner.invoke(app, ["check"]).exit_code == 0


def test_going_against_the_recommendation_needs_a_rationale(rendered, runner):
    answers = rendered / DOCS / "refund-agent.answers.yaml"
    before = answers.read_text(encoding="utf-8")
    refused = runner.invoke(app, ["decide", str(answers), "accepted", "--by", "Maria"])
    assert refused.exit_code == 2 and "--rationale" in refused.output
    assert answers.read_text(encoding="utf-8") == before
    ok = runner.invoke(
        app,
        [
            "decide",
            str(answers),
            "accepted",
            "--by",
            "Maria",
            "--rationale",
            "Pilot limited to refunds under 20 EUR with approval of every action.",
        ],
    )
    assert ok.exit_code == 0
    brief = (rendered / DOCS / "refund-agent.md").read_text(encoding="utf-8")
    assert "goes against the recommendation" in brief and "refunds under 20 EUR" in brief


def test_superseded_needs_a_successor(rendered, runner):
    answers = rendered / DOCS / "refund-agent.answers.yaml"
    assert runner.invoke(app, ["decide", str(answers), "superseded"]).exit_code == 2
    result = runner.invoke(
        app, ["decide", str(answers), "superseded", "--superseded-by", "invoice-ocr", "--by", "M"]
    )
    assert result.exit_code == 0
    assert "[invoice-ocr.md](invoice-ocr.md)" in (rendered / DOCS / "refund-agent.md").read_text(
        encoding="utf-8"
    )


# -- configuration ---------------------------------------------------------------------------


def test_config_from_mlpdm_toml_and_pyproject(repo, runner, monkeypatch):
    write(
        repo / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.mlpdm]\ndocs_dir = "design/briefs"\nlang = "ja"\n',
    )
    sub = repo / "src" / "app"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)
    data = json.loads(runner.invoke(app, ["config", "--format", "json"]).stdout)
    assert data["root"] == str(repo) and data["file"] == str(repo / "pyproject.toml")
    assert data["settings"]["docs_dir"] == {"value": "design/briefs", "source": "pyproject.toml [tool.mlpdm]"}
    assert data["settings"]["lang"]["value"] == "ja"
    assert data["settings"]["review_interval_months"] == {"value": 6, "source": "default"}
    write(repo / "mlpdm.toml", 'docs_dir = "docs/mlpdm"\nreview_interval_months = 3\n')
    data = json.loads(runner.invoke(app, ["config", "--format", "json"]).stdout)
    assert data["settings"]["docs_dir"]["source"] == "mlpdm.toml"
    assert data["settings"]["review_interval_months"]["value"] == 3
    text = runner.invoke(app, ["config"]).output
    assert "review_interval_months" in text and "mlpdm.toml" in text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("colour = 'red'\n", "unknown setting 'colour'"),
        ("review_interval_months = 0\n", "review_interval_months must be"),
        ("docs_dir = '../outside'\n", "must be a path inside the repository"),
        ("lang = 'fr'\n", "lang must be one of"),
        ("docs_dir = \n", "invalid TOML"),
    ],
)
def test_bad_configuration_is_a_clear_error(repo, runner, content, message):
    write(repo / "mlpdm.toml", content)
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output


# -- a team's own questionnaire --------------------------------------------------------------


def test_team_questionnaire_extends_the_default(repo, runner):
    team = write(repo / "mlpdm" / "acme.yaml", TEAM_QUESTIONNAIRE)
    result = runner.invoke(app, ["questionnaire", "validate", str(team)])
    assert result.exit_code == 0, result.output
    shown = runner.invoke(app, ["questionnaire", "show", str(team)]).output
    assert "security_review" in shown and "acme-security-review" in shown and "learn-and-share" not in shown


def test_team_questionnaire_mistakes_are_listed(repo, runner):
    broken = TEAM_QUESTIONNAIRE.replace("after: privacy", "after: nowhere").replace(
        "disable_rules: [learn-and-share]", "disable_rules: [no-such-rule]"
    )
    team = write(repo / "mlpdm" / "acme.yaml", broken)
    result = runner.invoke(app, ["questionnaire", "validate", str(team)])
    assert result.exit_code == 2
    assert "no section 'nowhere'" in result.output and "no rule 'no-such-rule' to disable" in result.output


# Five mistakes in one team file, each with a fragment of its line and what the report says.
FIVE_MISTAKES = """\
id: acme
version: 2
extends: default
languages: [en, ja]
sections:
  - id: acme_security
    after: privacy
    title: {en: "Acme security review", ja: "Acme セキュリティレビュー"}
    questions:
      - id: security_review
        type: choice
        prompt: {en: "Has the Acme security team reviewed the design?"}
        help: {en: "Acme policy SEC-12 requires it.", ja: "Acme の方針 SEC-12 で必須です。"}
        points: [T15]
        choices:
          - {value: done, label: {en: Done, ja: 済み}}
          - {value: done, label: {en: Planned, ja: 予定}}
overrides:
  questions:
    kpii: {help: {en: "Acme: pick the KPI from the OKR sheet.", ja: "OKR の表から選びます。"}}
rules:
  - id: acme-security-review
    outcome: prerequisite
    when: "security_review in ['no', 'done'"
    severity:
      - {when: "not public", outcome: maybe}
    title: {en: "No Acme security review", ja: "Acme のレビューなし"}
    message: {en: "Acme requires a review.", ja: "Acme はレビューを求めます。"}
    action: {en: "Book the review.", ja: "レビューを予約してください。"}
    points: [T15]
"""
MISTAKES = [
    # the line's text, what is wrong, what to do
    ('prompt: {en: "Has the Acme', "prompt: text has no ja translation", "add a ja text"),
    (
        "{value: done, label: {en: Planned",
        "choice value 'done' of 'security_review' is used twice",
        "give each choice a value of its own",
    ),
    ("kpii:", "no question 'kpii' to override", "did you mean 'kpi'?"),
    ('when: "security_review in', "is not a valid expression", "close every bracket and quote"),
    (
        "outcome: maybe",
        "severity[0].outcome: Input should be 'blocker'",
        "(got 'maybe') — use one of the values",
    ),
]


def _line_of(text: str, fragment: str) -> int:
    (line,) = [n for n, content in enumerate(text.splitlines(), start=1) if fragment in content]
    return line


def test_every_mistake_of_a_team_questionnaire_is_reported_at_its_line(repo, runner):
    team = write(repo / "mlpdm" / "acme.yaml", FIVE_MISTAKES)
    result = runner.invoke(app, ["questionnaire", "validate", str(team)])
    assert result.exit_code == 2
    assert "is not a valid questionnaire (5 problems)" in result.output and "Traceback" not in result.output
    reported = [line.removeprefix("  - ") for line in result.output.splitlines() if line.startswith("  - ")]
    assert len(reported) == 5, result.output
    for (fragment, wrong, fix), line in zip(MISTAKES, reported, strict=True):
        assert line.startswith(f"{team}:{_line_of(FIVE_MISTAKES, fragment)}: "), (fragment, line)
        assert wrong in line and " — " in line and fix in line, line
    # Every command that loads it says the same, in the team's file; and in Japanese with --lang ja.
    write(repo / "mlpdm.toml", 'questionnaire = "mlpdm/acme.yaml"\n')
    rendered = runner.invoke(app, ["render", f"{DOCS}/invoice-ocr.answers.yaml", "-o", "-"])
    assert rendered.exit_code == 2 and "(5 problems)" in rendered.output
    assert f"acme.yaml:{_line_of(FIVE_MISTAKES, 'kpii:')}: no question 'kpii'" in rendered.output
    japanese = runner.invoke(app, ["--lang", "ja", "questionnaire", "validate", str(team)])
    assert "'kpi' のことですか？" in japanese.output and "選択肢ごとに別の値にしてください" in japanese.output


def test_a_part_left_out_or_misplaced_causes_no_further_problems(repo, runner):
    # A misplaced section is still merged (at the end), so the rule using its question finds it;
    # a misspelt key is named with the key meant, and the question placed by it still counts.
    broken = TEAM_QUESTIONNAIRE.replace("after: privacy", "after: nowhere") + (
        "questions:\n"
        "  - sektion: rollout\n"
        "    question: {id: oncall_rota, type: text, prompt: {en: Rota?}, help: {en: Runbook.},"
        " points: [T16]}\n"
    )
    broken = broken.replace(
        "security_review in ['no', 'unsure']", "security_review == 'no' and not oncall_rota"
    )
    team = write(repo / "mlpdm" / "acme.yaml", broken)
    result = runner.invoke(app, ["questionnaire", "validate", str(team)])
    assert result.exit_code == 2
    assert "(3 problems)" in result.output, result.output
    assert f"{team}:{_line_of(broken, 'after: nowhere')}: no section 'nowhere'" in result.output
    assert f"{team}:{_line_of(broken, 'sektion')}: questions[0].sektion: Extra inputs" in result.output
    assert "did you mean 'section'?" in result.output
    assert "not a question" not in result.output


def test_rules_that_never_or_always_fire_are_warned_about(repo, runner):
    extra = """\
  - id: never-fires
    outcome: note
    when: "security_review == 'yes' and security_review == 'no'"
    title: {en: "Never"}
    message: {en: "x"}
    action: {en: "x"}
    points: [T15]
  - id: always-fires
    outcome: note
    when: "security_review != 'maybe'"
    title: {en: "Always"}
    message: {en: "x"}
    action: {en: "x"}
    points: [T15]
"""
    text = TEAM_QUESTIONNAIRE.replace(
        "disable_rules: [learn-and-share]\n", extra + "disable_rules: [learn-and-share]\n"
    )
    team = write(repo / "mlpdm" / "acme.yaml", text)
    result = runner.invoke(app, ["questionnaire", "validate", str(team)])
    assert result.exit_code == 0, result.output
    assert "warning: rule 'never-fires' can never fire" in result.output
    assert "warning: rule 'always-fires' fires for every answer" in result.output
    assert "acme-security-review" not in result.output


def test_a_team_sets_its_own_severity_without_code(repo, runner):
    # Acme holds that any personal data at an outside provider needs a condition, whatever
    # the data: it overrides the rule's tiers in its questionnaire, and the verdict follows.
    write(
        repo / "mlpdm" / "strict.yaml",
        """\
        id: strict
        version: 1
        extends: default
        overrides:
          rules:
            personal-data-to-provider:
              outcome: condition
              severity: []
        """,
    )
    write(repo / "mlpdm.toml", 'questionnaire = "mlpdm/strict.yaml"\n')
    answers = repo / DOCS / "invoice-ocr.answers.yaml"
    edit(answers, "  id: default\n  version: 2", "  id: strict\n  version: 1\n  base_version: 2")
    result = runner.invoke(app, ["render", str(answers), "-o", "-"])
    assert result.exit_code == 0, result.output
    assert "verdict: go-with-conditions" in result.stdout
    assert "Condition: Personal data processed by an external provider" in result.stdout


def test_answers_made_with_the_team_questionnaire_render(repo, runner):
    write(repo / "mlpdm" / "acme.yaml", TEAM_QUESTIONNAIRE)
    write(repo / "mlpdm.toml", 'questionnaire = "mlpdm/acme.yaml"\n')
    answers = repo / DOCS / "invoice-ocr.answers.yaml"
    edit(answers, "  id: default\n  version: 2", "  id: acme\n  version: 2\n  base_version: 2")
    edit(answers, "  learning:", "  security_review: 'no'\n  learning:")
    result = runner.invoke(app, ["render", str(answers)])
    assert result.exit_code == 0, result.output
    brief = (repo / DOCS / "invoice-ocr.md").read_text(encoding="utf-8")
    assert "No Acme security review" in brief and "verdict: not-ready" in brief
    assert "Plan to share what you learn" not in brief


# -- interview --update in a real terminal ---------------------------------------------------


def test_update_asks_only_the_new_question(repo, runner):
    write(repo / "mlpdm" / "acme.yaml", TEAM_QUESTIONNAIRE)
    write(repo / "mlpdm.toml", 'questionnaire = "mlpdm/acme.yaml"\n')
    answers = repo / DOCS / "invoice-ocr.answers.yaml"
    edit(answers, "  id: default\n  version: 2", "  id: acme\n  version: 1\n  base_version: 2")
    before = yaml.safe_load(answers.read_text(encoding="utf-8"))["answers"]
    child = spawn_interview(repo, "--update", str(answers))
    child.expect("1 new and 0 changed question")
    child.expect("Has the Acme security team reviewed the design\\?")
    child.expect("› ")
    child.sendline("y")
    child.expect("Wrote")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    after = yaml.safe_load(answers.read_text(encoding="utf-8"))
    assert after["questionnaire"] == {"id": "acme", "version": 2, "base_version": 2}
    written = {k: v for k, v in after["answers"].items() if v is not None}  # skipped ones are null
    assert written == {**before, "security_review": "yes"}
    assert runner.invoke(app, ["check"]).exit_code in (0, 1)
    assert "questionnaire-outdated" not in runner.invoke(app, ["check"]).output


# -- interview --update -q: moving answers onto a team questionnaire -------------------------

# Acme narrows who may use a feature and how much it may produce (the invoice OCR's "business"
# users and 300 outputs a day no longer fit), and adds an optional question of its own
# besides the required one.
NARROWED = TEAM_QUESTIONNAIRE.replace(
    "    kpi: {help:",
    "    audience:\n"
    "      choices:\n"
    "        - {value: internal, label: {en: Employees}}\n"
    "        - {value: consumers, label: {en: The public}}\n"
    "    daily_volume: {max: 250}\n"
    "    kpi: {help:",
).replace(
    "overrides:\n",
    "questions:\n"
    "  - section: rollout\n"
    "    question: {id: oncall_rota, type: text, required: false, prompt: {en: Which on-call rota?},"
    " help: {en: Acme runbook.}, points: [T16]}\n"
    "overrides:\n",
)


def test_update_moves_answers_onto_a_team_questionnaire(rendered, runner):
    team = write(rendered / "mlpdm" / "acme.yaml", NARROWED)
    write(rendered / "mlpdm.toml", 'questionnaire = "mlpdm/acme.yaml"\n')
    answers = rendered / DOCS / "invoice-ocr.answers.yaml"
    before = yaml.safe_load(answers.read_text(encoding="utf-8"))
    assert before["questionnaire"] == {"id": "default", "version": 2}
    # Piped: the two answers that no longer fit, then the team's own two questions.
    piped = "internal\n250\nn\nPayments rota\n"
    result = runner.invoke(app, ["interview", "--update", str(answers), "-q", str(team)], input=piped)
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())  # whatever the terminal's width
    assert "from questionnaire 'default' onto 'acme' (version 2), which extends it" in said
    assert "no longer fit the new questions and are asked again: audience, daily_volume" in said
    assert "4 new and 0 changed" in said
    text = answers.read_text(encoding="utf-8")
    after = yaml.safe_load(text)
    assert after["questionnaire"] == {"id": "acme", "version": 2, "base_version": 2}
    first, rest = text.split("\n", 1)
    assert first == "# yaml-language-server: $schema=./acme.schema.json"  # the team's schema now
    assert rest.startswith("# mlpdm answers: the source of truth for invoice-ocr.md.")  # comments kept
    written = {k: v for k, v in after["answers"].items() if v is not None}
    expected = {**before["answers"], "audience": "internal", "daily_volume": 250, "security_review": "no"}
    expected["oncall_rota"] = "Payments rota"
    del expected["public_claims"]  # asked only when the users are not employees
    assert written == expected
    assert after["meta"]["feature"] == "Invoice OCR" and after["meta"]["owner"] == before["meta"]["owner"]
    brief = rendered / DOCS / "invoice-ocr.md"
    assert front(brief)["questionnaire"] == {"id": "acme", "version": 2, "base_version": 2}
    body = brief.read_text(encoding="utf-8")
    assert "No Acme security review" in body and "verdict: not-ready" in body
    # The brief is what the moved answers render to, and nothing is outdated.
    checked = runner.invoke(app, ["check"]).output
    assert "invoice-ocr" not in checked and "questionnaire-outdated" not in checked, checked


def test_update_onto_a_team_questionnaire_stops_at_a_rejected_piped_line(rendered, runner):
    team = write(rendered / "mlpdm" / "acme.yaml", TEAM_QUESTIONNAIRE)
    answers = rendered / DOCS / "invoice-ocr.answers.yaml"
    before = answers.read_bytes()
    result = runner.invoke(app, ["interview", "--update", str(answers), "-q", str(team)], input="perhaps\n")
    assert result.exit_code == 2
    said = " ".join(result.output.split())  # the terminal may wrap the message
    assert "input line 1 was not accepted for the question" in said, result.output
    assert answers.read_bytes() == before


def test_update_refuses_a_questionnaire_that_does_not_extend_the_answers_one(rendered, runner):
    write(rendered / "mlpdm" / "acme.yaml", TEAM_QUESTIONNAIRE)
    other = write(rendered / "mlpdm" / "other.yaml", "id: other\nversion: 1\nextends: acme.yaml\n")
    answers = rendered / DOCS / "invoice-ocr.answers.yaml"
    before = answers.read_bytes()
    # Made with 'default'; 'other' extends 'acme', which extends 'default'.
    result = runner.invoke(app, ["interview", "--update", str(answers), "-q", str(other)], input="y\n")
    assert result.exit_code == 2
    said = " ".join(result.output.split())  # one paragraph, whatever the terminal's width
    assert said.startswith(f"Error: {other} ('other') does not extend 'default', the questionnaire"), said
    assert f'then run: mlpdm interview "Invoice OCR" --questionnaire {other}' in said
    assert "Traceback" not in result.output and answers.read_bytes() == before
    # A shipped questionnaire extends none.
    edit(answers, "  id: default\n  version: 2", "  id: acme\n  version: 2\n  base_version: 2")
    result = runner.invoke(app, ["interview", "--update", str(answers), "-q", "default"], input="y\n")
    assert result.exit_code == 2
    assert "Error: 'default' does not extend 'acme'" in result.output
