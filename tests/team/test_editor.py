"""Editing answers in an editor: the schema, `mlpdm new`, `interview --data` and the schema line."""

from __future__ import annotations

import json
import re
import shutil

import jsonschema
import pytest
import yaml

from mlpdm.cli.app import app
from mlpdm.core.answers.schema import answers_schema, schema_text
from mlpdm.core.answers.steps import visible_questions
from mlpdm.repo.files import parse_yaml
from mlpdm.repo.resources import load_packaged_questionnaire
from tests.conftest import REPO
from tests.core.scenarios import CLEAN

DOCS = "docs/mlpdm"
EXAMPLES = sorted((REPO / "examples").glob("*.answers.yaml"))
LINE = "# yaml-language-server: $schema=./default.schema.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = answers_schema(load_packaged_questionnaire())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def loaded(text: str):
    """The answers as mlpdm reads them (YAML 1.2 values, dates as text)."""
    return parse_yaml(text, "<test>")[0]


def errors(validator, data) -> list[tuple[str, ...]]:
    return sorted(tuple(map(str, e.absolute_path)) for e in validator.iter_errors(data))


# -- the schema --------------------------------------------------------------------------------


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_answers_file_is_valid_against_the_schema(validator, path):
    assert errors(validator, loaded(path.read_text(encoding="utf-8"))) == []


def test_broken_copies_are_invalid_at_the_path_of_the_mistake(validator):
    good = loaded((REPO / "examples" / "invoice-ocr.answers.yaml").read_text(encoding="utf-8"))
    wrong_choice = json.loads(json.dumps(good))
    wrong_choice["answers"]["audience"] = "everyone"
    assert errors(validator, wrong_choice) == [("answers", "audience")]
    unknown = json.loads(json.dumps(good))
    unknown["answers"]["audiense"] = "business"
    assert errors(validator, unknown) == [("answers",)]
    wrong_type = json.loads(json.dumps(good))
    wrong_type["answers"]["daily_volume"] = "lots"
    assert errors(validator, wrong_type) == [("answers", "daily_volume")]
    bad_multi = json.loads(json.dumps(good))
    bad_multi["answers"]["ai_strengths"] = ["language", "telepathy"]
    assert errors(validator, bad_multi) == [("answers", "ai_strengths", "1")]
    bad_meta = json.loads(json.dumps(good))
    bad_meta["meta"]["date"] = "20 Nov 2026"
    assert errors(validator, bad_meta) == [("meta", "date")]
    other = json.loads(json.dumps(good))
    other["questionnaire"]["id"] = "acme"
    assert errors(validator, other) == [("questionnaire", "id")]


def test_the_schema_describes_each_question_for_the_editor():
    schema = answers_schema(load_packaged_questionnaire())
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    answers = schema["properties"]["answers"]
    assert answers["additionalProperties"] is False
    audience = answers["properties"]["audience"]
    assert audience["enum"][:3] == ["internal", "business", "consumers"]
    assert audience["markdownEnumDescriptions"][0] == "Employees of our own organisation"
    assert audience["description"].startswith("Who will use the feature and see its outputs?")
    multi = answers["properties"]["ai_strengths"]
    assert multi["type"] == ["array", "null"] and multi["uniqueItems"] is True
    # A question asked only sometimes says when.
    q = load_packaged_questionnaire()
    conditional = next(question for _, question in q.questions() if question.when)
    assert f"Asked only when ({conditional.when})" in answers["properties"][conditional.id]["description"]


def test_schema_command_prints_or_writes_the_schema(repo, runner):
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["properties"]["questionnaire"]["properties"]["id"]["const"] == "default"
    result = runner.invoke(app, ["schema", "default", "--out", "default.schema.json"])
    assert result.exit_code == 0, result.output
    assert "Wrote the schema of questionnaire default" in result.output
    assert (repo / "default.schema.json").read_text(encoding="utf-8") == schema_text(
        answers_schema(load_packaged_questionnaire())
    )
    japanese = runner.invoke(app, ["schema", "--lang", "ja"])
    assert "回答" in json.loads(japanese.stdout)["properties"]["answers"]["description"]
    missing = runner.invoke(app, ["schema", "nosuch"])
    assert missing.exit_code == 2 and "Traceback" not in missing.output


# -- mlpdm new ----------------------------------------------------------------------------------


def fill(text: str, answers: dict) -> str:
    """Put each answer after its empty key, as a person does in an editor."""
    for qid, value in answers.items():
        text, count = re.subn(rf"(?m)^  {qid}:$", f"  {qid}: {json.dumps(value, ensure_ascii=False)}", text)
        assert count == 1, qid
    return text


def test_new_writes_every_question_as_a_comment_then_render_and_check_pass(repo, runner):
    (repo / DOCS / "invoice-ocr.answers.yaml").unlink()
    (repo / DOCS / "refund-agent.answers.yaml").unlink()
    result = runner.invoke(app, ["new", "Ticket summaries", "--owner", "Aiko Tanaka"])
    assert result.exit_code == 0, result.output
    path = repo / DOCS / "ticket-summaries.answers.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(LINE + "\n")
    assert (repo / DOCS / "default.schema.json").is_file()
    # Each question with its prompt, why it matters, its choices and labels, above an empty key.
    assert "  # Who will use the feature and see its outputs? (required)" in text
    assert "  #   internal: Employees of our own organisation" in text
    assert "  # Why it matters: Who sees the outputs decides" in text
    assert re.search(r"(?m)^  # Asked only when \(", text)
    assert "\n  audience:\n" in text
    # Incomplete: a clear error at the empty key's line.
    incomplete = runner.invoke(app, ["render", str(path)])
    assert incomplete.exit_code == 2
    line = text.split("\n").index("  audience:") + 1
    assert f"ticket-summaries.answers.yaml:{line}: required question 'audience' has no answer" in (
        incomplete.output
    )
    path.write_text(fill(text, CLEAN), encoding="utf-8")
    rendered = runner.invoke(app, ["render", str(path)])
    assert rendered.exit_code == 0, rendered.output
    checked = runner.invoke(app, ["check"])
    assert checked.exit_code == 0, checked.output
    assert "schema" not in checked.output  # current, so nothing to say
    assert path.read_text(encoding="utf-8").startswith(LINE + "\n")  # render leaves the line alone


def test_new_never_writes_over_an_answers_file(repo, runner):
    path = repo / DOCS / "invoice-ocr.answers.yaml"
    before = path.read_text(encoding="utf-8")
    result = runner.invoke(app, ["new", "Invoice OCR"])
    assert result.exit_code == 2
    said = " ".join(result.output.split())
    assert "already exists; mlpdm new never writes over an answers file" in said
    assert "mlpdm render docs/mlpdm/invoice-ocr.answers.yaml" in said
    assert path.read_text(encoding="utf-8") == before


# -- interview --data ---------------------------------------------------------------------------


def test_data_prefills_the_interview_and_asks_only_what_is_missing_or_invalid(repo, runner):
    given = {k: v for k, v in CLEAN.items() if k != "user_problem"}
    given["audience"] = "everyone"  # not a choice: asked again
    (repo / "given.yaml").write_text(yaml.safe_dump(given, sort_keys=False), encoding="utf-8")
    line = 1 + list(given).index("audience")
    # Piped: the missing problem statement (a long text ends with an empty line), the audience
    # again, Enter for each optional question the file leaves out, Enter at the review.
    piped = f"{CLEAN['user_problem']}\n\ninternal\n" + "\n" * 20
    args = ["interview", "Ticket summaries", "--owner", "Aiko", "--data", "given.yaml"]
    result = runner.invoke(app, args, input=piped)
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert f"given.yaml:{line}: not used for “Users”: 'everyone' is not one of the choices" in said
    came = re.search(r"(\d+) answer\(s\) came from given\.yaml; (\d+) question\(s\) left to ask", said)
    assert came is not None, said
    # Every value but the rejected one (an empty value is no answer: asked).
    used = {k: v for k, v in given.items() if k != "audience" and v is not None}
    applies = {q.id for q in visible_questions(load_packaged_questionnaire(), used)}
    assert int(came[1]) == len(set(used) & applies)  # of the questions that apply so far
    asked = re.findall(r"(?m)^Section \d+ of \d+", result.output)
    # Only those (fewer when an answer hides some): none the file answered.
    assert 2 <= len(asked) <= int(came[2])
    assert "Who will use the feature and see its outputs?" in result.output  # asked again
    assert "How is this done today?" not in result.output  # answered in the file
    assert f"answered ({came[1]} from given.yaml)" in said
    text = (repo / DOCS / "ticket-summaries.answers.yaml").read_text(encoding="utf-8")
    assert text.startswith(LINE + "\n")
    saved = {k: v for k, v in yaml.safe_load(text)["answers"].items() if v is not None}
    assert saved == {k: v for k, v in CLEAN.items() if v is not None}
    assert (repo / DOCS / "default.schema.json").is_file()


def test_data_accepts_an_answers_file_and_asks_nothing_it_answers(repo, runner):
    shutil.copy(repo / DOCS / "invoice-ocr.answers.yaml", repo / "old.yaml")
    args = ["interview", "Invoice OCR copy", "--owner", "Aiko", "--data", "old.yaml"]
    result = runner.invoke(app, args, input="\n")  # Enter at the review
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    original = yaml.safe_load((repo / "old.yaml").read_text(encoding="utf-8"))
    count = len([v for v in original["answers"].values() if v is not None])
    assert f"{count} answer(s) came from old.yaml; 0 question(s) left to ask" in said
    copy = yaml.safe_load((repo / DOCS / "invoice-ocr-copy.answers.yaml").read_text(encoding="utf-8"))
    assert {k: v for k, v in copy["answers"].items() if v is not None} == original["answers"]


def test_data_answers_as_typed_at_the_prompt_are_taken(repo, runner):
    """A hand-written file may say what a person would type: a choice's number, 'y'."""
    given = dict(CLEAN, audience="1", data_available="y")
    (repo / "typed.yaml").write_text(yaml.safe_dump(given, sort_keys=False), encoding="utf-8")
    args = ["interview", "Typed", "--owner", "Aiko", "--data", "typed.yaml"]
    result = runner.invoke(app, args, input="\n" * 20)
    assert result.exit_code == 0, result.output
    assert "not used for" not in result.output
    saved = yaml.safe_load((repo / DOCS / "typed.answers.yaml").read_text(encoding="utf-8"))["answers"]
    assert saved["audience"] == "internal" and saved["data_available"] == "yes"


def test_data_errors_name_the_file_and_line(repo, runner, tmp_path):
    data = tmp_path / "typo.yaml"
    data.write_text("audience: internal\naudiense: business\n", encoding="utf-8")
    result = runner.invoke(app, ["interview", "X", "--owner", "A", "--data", str(data)], input="")
    assert result.exit_code == 2
    assert f"{data}:2: unknown question id 'audiense'" in " ".join(result.output.split())
    assert "Traceback" not in result.output
    listed = tmp_path / "list.yaml"
    listed.write_text("- internal\n", encoding="utf-8")
    result = runner.invoke(app, ["interview", "X", "--owner", "A", "--data", str(listed)], input="")
    assert result.exit_code == 2 and "holds no answers to prefill" in " ".join(result.output.split())
    broken = tmp_path / "broken.yaml"
    broken.write_text("audience: [internal\n", encoding="utf-8")
    result = runner.invoke(app, ["interview", "X", "--owner", "A", "--data", str(broken)], input="")
    assert result.exit_code == 2 and f"{broken}:" in result.output
    result = runner.invoke(app, ["interview", "X", "--data", str(tmp_path / "none.yaml")], input="")
    assert result.exit_code == 2 and "no such file of answers to prefill" in result.output


# -- the schema line and the file beside the answers -------------------------------------------


def test_decide_adds_the_line_and_keeps_every_comment(repo, runner):
    path = repo / DOCS / "invoice-ocr.answers.yaml"
    original = path.read_text(encoding="utf-8")
    edited = original.replace("  audience: business\n", "  audience: business  # checked with sales\n")
    path.write_text(edited, encoding="utf-8")
    result = runner.invoke(app, ["decide", str(path), "accepted", "--by", "Aiko"])
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    assert text.startswith(LINE + "\n# mlpdm answers: the source of truth for invoice-ocr.md.\n")
    assert "  audience: business  # checked with sales\n" in text
    assert (repo / DOCS / "default.schema.json").is_file()
    # Deciding again keeps one line, not two.
    again = runner.invoke(app, ["decide", str(path), "draft"])
    assert again.exit_code == 0, again.output
    assert path.read_text(encoding="utf-8").count("yaml-language-server") == 1


def test_interview_writes_the_line_and_the_schema(repo, runner):
    result = runner.invoke(app, ["interview", "Invoice OCR"], input="y\n\n")
    assert result.exit_code == 0, result.output
    assert (repo / DOCS / "invoice-ocr.answers.yaml").read_text(encoding="utf-8").startswith(LINE + "\n")
    assert (repo / DOCS / "default.schema.json").is_file()


def test_check_reports_a_missing_or_outdated_schema_and_fix_restores_it(repo, runner):
    assert (repo / DOCS / "invoice-ocr.answers.yaml").read_text(encoding="utf-8").startswith(LINE + "\n")
    fixed = runner.invoke(app, ["check", "--fix"])
    assert fixed.exit_code == 0, fixed.output
    schema = repo / DOCS / "default.schema.json"
    assert "wrote the schema docs/mlpdm/default.schema.json" in fixed.output
    current = schema.read_text(encoding="utf-8")
    schema.unlink()
    missing = runner.invoke(app, ["check"])
    said = " ".join(missing.output.split())
    assert (
        "docs/mlpdm/default.schema.json: warning: the first line points editors at default.schema.json"
        in said
    )
    assert "[schema-missing]" in said
    strict = runner.invoke(app, ["check", "--strict"])
    assert strict.exit_code == 1
    schema.write_text('{"old": true}\n', encoding="utf-8")
    stale = runner.invoke(app, ["check"])
    assert "[schema-stale]" in stale.output
    restored = runner.invoke(app, ["check", "--fix"])
    assert "rewrote the schema docs/mlpdm/default.schema.json" in restored.output
    assert schema.read_text(encoding="utf-8") == current


def test_check_never_follows_a_link_in_the_schema_s_place(repo, runner, tmp_path):
    outside = tmp_path / "outside.json"
    outside.write_text("keep\n", encoding="utf-8")
    (repo / DOCS / "default.schema.json").symlink_to(outside)
    result = runner.invoke(app, ["check", "--fix"])
    assert "[schema-not-regular]" in result.output
    assert outside.read_text(encoding="utf-8") == "keep\n"
    # An interview leaves it alone too, and still writes the feature's files.
    interview = runner.invoke(app, ["interview", "Invoice OCR"], input="y\n\n")
    assert interview.exit_code == 0, interview.output
    assert outside.read_text(encoding="utf-8") == "keep\n"


def test_readers_accept_files_with_and_without_the_line(repo, runner):
    without = repo / DOCS / "refund-agent.answers.yaml"
    without.write_text(without.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    assert not without.read_text(encoding="utf-8").startswith("# yaml-language-server")
    for target in (repo / DOCS / "invoice-ocr.answers.yaml", without):
        result = runner.invoke(app, ["render", str(target)])
        assert result.exit_code == 0, result.output
    checked = runner.invoke(app, ["check", "--fix"])
    assert checked.exit_code == 0, checked.output
    assert runner.invoke(app, ["check", "--strict"]).exit_code == 0  # nothing left to say of either
    # Deciding on the file without the line adds it (and nothing else changes).
    before = without.read_text(encoding="utf-8")
    assert runner.invoke(app, ["decide", str(without), "draft"]).exit_code == 0
    after = without.read_text(encoding="utf-8")
    assert after.startswith(LINE + "\n")
    assert after.removeprefix(LINE + "\n").replace("decision:\n  status: draft\n", "") == before


def test_the_examples_keep_a_current_schema_beside_them():
    """The examples carry the schema line, so the schema they point at is there and current."""
    kept = (REPO / "examples" / "default.schema.json").read_text(encoding="utf-8")
    assert kept == schema_text(answers_schema(load_packaged_questionnaire()))
    assert all(p.read_text(encoding="utf-8").startswith(LINE + "\n") for p in EXAMPLES)


def test_a_blank_file_reads_back_whatever_the_names_and_texts_hold():
    """Control characters and line separators in a name or a text never break the YAML."""
    from mlpdm.core.answers.blank import blank_answers
    from mlpdm.core.answers.document import parse_answers_doc

    odd = 'Evil \x1b]52;c;aGk=\x07 \x9b31m \u2028 "quoted" \\ back 請求書'
    q = load_packaged_questionnaire()
    text = blank_answers(
        q, {"feature": odd, "slug": "evil", "owner": odd}, file_name="evil.answers.yaml", lang="en"
    )
    data, source = parse_yaml(text, "evil.answers.yaml")
    doc = parse_answers_doc(data, q, source, partial=True)
    shown = " ".join(odd.split())  # as mlpdm reads any name: on one line
    assert doc.meta["feature"] == shown and doc.meta["owner"] == shown
    assert "<U+001B>]52;c;aGk=<U+0007>" in text.split("\n")[1]  # shown in the comment, not obeyed


def test_prefill_checks_answers_against_each_other_and_names_the_line():
    """A value above the earlier answer it may not pass is not used, exactly as when typed."""
    from mlpdm.core.answers.prefill import read_prefill

    q = load_packaged_questionnaire()
    data, source = parse_yaml("pilot_total: 20\npilot_correct: 25\naudience: internal\n", "given.yaml")
    prefill = read_prefill(data, q, source)
    assert dict(prefill.answers) == {"audience": "internal", "pilot_total": 20}
    [rejected] = prefill.rejected
    assert (str(rejected.where), rejected.question.id) == ("given.yaml:2", "pilot_correct")
    assert "must be at most 20" in rejected.reason.text("en")


def test_schema_of_the_team_questionnaire_by_id_or_as_configured(repo, runner):
    from tests.team.conftest import TEAM_QUESTIONNAIRE

    (repo / "mlpdm").mkdir()
    (repo / "mlpdm" / "acme.yaml").write_text(TEAM_QUESTIONNAIRE, encoding="utf-8")
    (repo / "mlpdm.toml").write_text('questionnaire = "mlpdm/acme.yaml"\n', encoding="utf-8")
    for args in (["schema"], ["schema", "acme"], ["schema", "mlpdm/acme.yaml"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        schema = json.loads(result.stdout)
        assert schema["properties"]["questionnaire"]["properties"]["id"]["const"] == "acme"
        assert "security_review" in schema["properties"]["answers"]["properties"]  # the team's own
    shipped = json.loads(runner.invoke(app, ["schema", "default"]).stdout)
    assert "security_review" not in shipped["properties"]["answers"]["properties"]
