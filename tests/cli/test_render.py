"""`mlpdm render`: answers to brief, deterministic, safe with existing files, clear errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from markdown_it import MarkdownIt

from mlpdm.cli.app import app
from tests.conftest import REPO, answers_yaml, listing, write
from tests.core.scenarios import CLEAN, FIRES, with_changes

EXAMPLE = REPO / "examples" / "invoice-ocr.answers.yaml"


def front_matter(text: str) -> dict:
    assert text.startswith("---\n")
    return yaml.safe_load(text.split("\n---\n", 1)[0][4:])


def test_render_writes_the_brief_next_to_the_answers(runner, tmp_path):
    answers = write(tmp_path / "docs" / "test-feature.answers.yaml", answers_yaml(CLEAN))
    result = runner.invoke(app, ["render", str(answers)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    brief = (tmp_path / "docs" / "test-feature.md").read_text(encoding="utf-8")
    assert front_matter(brief)["verdict"] == "go"
    assert "Wrote" in result.output and "GO" in result.output


def test_render_is_deterministic(runner, tmp_path):
    answers = write(tmp_path / "a.answers.yaml", answers_yaml(with_changes(FIRES["no-kpi"]), slug="a"))
    first = runner.invoke(app, ["render", str(answers), "-o", "-"]).stdout
    second = runner.invoke(app, ["render", str(answers), "-o", "-"]).stdout
    assert first == second
    assert front_matter(first)["verdict"] == "not-ready"


def test_render_to_stdout_and_json(runner):
    md = runner.invoke(app, ["render", str(EXAMPLE), "-o", "-"])
    js = runner.invoke(app, ["render", str(EXAMPLE), "-o", "-", "--format", "json"])
    assert md.exit_code == js.exit_code == 0
    data = json.loads(js.stdout)
    assert data["verdict"]["id"] == front_matter(md.stdout)["verdict"]
    assert data["answers_digest"] == front_matter(md.stdout)["digests"]["answers"]
    assert {f["outcome"] for f in data["findings"]} <= {
        "blocker",
        "not-needed",
        "prerequisite",
        "condition",
        "note",
    }


def test_render_updates_its_own_brief_but_not_a_persons_file(runner, tmp_path):
    answers = write(tmp_path / "test-feature.answers.yaml", answers_yaml(CLEAN))
    brief = tmp_path / "test-feature.md"
    assert runner.invoke(app, ["render", str(answers)]).exit_code == 0
    result = runner.invoke(app, ["render", str(answers)])
    assert result.exit_code == 0 and "Updated" in result.output
    brief.write_text("# My own notes\n", encoding="utf-8")
    result = runner.invoke(app, ["render", str(answers)])
    assert result.exit_code == 2
    assert "was not written by mlpdm" in result.output and "--force" in result.output
    assert brief.read_text(encoding="utf-8") == "# My own notes\n"
    assert runner.invoke(app, ["render", str(answers), "--force"]).exit_code == 0
    assert front_matter(brief.read_text(encoding="utf-8"))["generator"] == "mlpdm"


def test_render_and_check_agree_on_which_files_mlpdm_wrote(runner, tmp_path, monkeypatch):
    # One reading of the front matter decides for every command: a file whose block only
    # looks like mlpdm's (not valid YAML) is a person's file for render as it is for check.
    monkeypatch.chdir(tmp_path)
    answers = write(tmp_path / "docs" / "mlpdm" / EXAMPLE.name, EXAMPLE.read_text(encoding="utf-8"))
    brief = answers.with_name("invoice-ocr.md")
    looks_generated = "---\ngenerator: mlpdm\ntitle: [unclosed\n---\n\nMy notes\n"
    brief.write_text(looks_generated, encoding="utf-8")
    check = runner.invoke(app, ["check", "--format", "json"])
    assert "brief-invalid" in {p["code"] for p in json.loads(check.stdout)["problems"]}  # --force only
    result = runner.invoke(app, ["render", str(answers)])
    assert result.exit_code == 2 and "was not written by mlpdm" in result.output
    assert brief.read_text(encoding="utf-8") == looks_generated
    # Quoting the value does not change what the front matter says: mlpdm wrote it.
    brief.write_text('---\ngenerator: "mlpdm"\n---\n\nold\n', encoding="utf-8")
    assert runner.invoke(app, ["render", str(answers)]).exit_code == 0
    assert front_matter(brief.read_text(encoding="utf-8"))["slug"] == "invoice-ocr"


def test_render_recognises_its_own_brief_for_a_very_long_feature_name(runner, tmp_path):
    # The name is in the front matter twice and nothing keeps it short: mlpdm still finds
    # its own mark at the end of the block, and does not take its brief for a person's file.
    feature = "請求書の読み取り" * 400  # 3,200 characters, 19 KB of front matter
    answers = write(tmp_path / "test-feature.answers.yaml", answers_yaml(CLEAN, feature=feature))
    assert runner.invoke(app, ["render", str(answers)]).exit_code == 0
    result = runner.invoke(app, ["render", str(answers)])
    assert result.exit_code == 0 and "Updated" in result.output


def test_invalid_answers_exit_2_with_file_and_line(runner, tmp_path):
    answers = write(tmp_path / "bad.answers.yaml", answers_yaml({**CLEAN, "audience": "aliens"}, slug="bad"))
    result = runner.invoke(app, ["render", str(answers)])
    assert result.exit_code == 2
    assert "is not a valid answers file" in result.output
    assert f"{answers}:" in result.output and "'aliens' is not one of the choices" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "bad.md").exists()


def test_missing_file(runner, tmp_path):
    result = runner.invoke(app, ["render", str(tmp_path / "nope.answers.yaml")])
    assert result.exit_code == 2
    assert "no such answers file" in result.output and "Traceback" not in result.output


def test_broken_yaml_names_the_line(runner, tmp_path):
    path = write(
        tmp_path / "x.answers.yaml",
        "questionnaire: {id: default, version: 1}\nmeta: [unclosed\nanswers: {}\n",
    )
    result = runner.invoke(app, ["render", str(path)])
    assert result.exit_code == 2
    assert f"{path}:" in result.output and "Traceback" not in result.output


def test_python_tags_are_refused(runner, tmp_path):
    path = write(
        tmp_path / "x.answers.yaml", "questionnaire: !!python/object/apply:os.system ['echo hacked']\n"
    )
    result = runner.invoke(app, ["render", str(path)])
    assert result.exit_code == 2
    assert "Only plain YAML is accepted" in result.output
    assert "hacked" not in result.output


def test_unwritable_output_keeps_nothing_half_written(runner, tmp_path):
    blocker = write(tmp_path / "not-a-dir", "a file\n")
    result = runner.invoke(app, ["render", str(EXAMPLE), "-o", str(blocker / "brief.md")])
    assert result.exit_code == 2
    assert "cannot write" in result.output and "Traceback" not in result.output


def test_unknown_questionnaire(runner, tmp_path):
    text = answers_yaml(CLEAN).replace("id: default", "id: nonexistent")
    path = write(tmp_path / "x.answers.yaml", text)
    result = runner.invoke(app, ["render", str(path)])
    assert result.exit_code == 2 and "no questionnaire named 'nonexistent'" in result.output


def test_render_escapes_hostile_answers(runner, tmp_path):
    answers = {
        **CLEAN,
        "owner": "<script>alert(1)</script> | [x](javascript:y)",
        "worst_case": "# Heading\n---\n<img src=x onerror=alert(1)>",
    }
    path = write(tmp_path / "h.answers.yaml", answers_yaml(answers, slug="h"))
    brief = runner.invoke(app, ["render", str(path), "-o", "-"]).stdout
    tokens = MarkdownIt("commonmark").enable("table").parse(brief)
    html = [c.content for t in tokens for c in [t, *(t.children or [])] if c.type.startswith("html")]
    # Only mlpdm's own HTML: line breaks in table cells, the folds and their summary lines,
    # and the findings' anchors; nothing from the answers.
    own = re.compile(
        r'<br>|<details>\n<summary>[^<>&]*</summary>\n|</details>\n|<a name="finding-f\d+">|</a>'
    )
    assert html and all(own.fullmatch(h) for h in html), [h for h in html if not own.fullmatch(h)]
    links = [c.attrs.get("href") for t in tokens for c in (t.children or []) if c.type == "link_open"]
    assert all(str(h).startswith(("https://", "http://", "h.answers.yaml")) for h in links)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert "Heading" not in headings
    assert front_matter(brief)["verdict"] == "go"


def test_usage_errors_exit_2(runner):
    assert runner.invoke(app, ["render"]).exit_code == 2
    assert runner.invoke(app, ["render", "x", "--format", "pdf"]).exit_code == 2
    assert runner.invoke(app, ["nonsense"]).exit_code == 2
    assert runner.invoke(app, ["--lang", "xx", "render", "x"]).exit_code == 2


def test_hidden_answers_left_in_a_file_do_not_change_the_brief(runner, tmp_path):
    path = write(
        tmp_path / "x.answers.yaml",
        answers_yaml({**CLEAN, "uses_llm": "no", "facts_matter": "yes", "grounding": "none"}, slug="x"),
    )
    brief = runner.invoke(app, ["render", str(path), "-o", "-"]).stdout
    assert "Facts in LLM outputs" not in brief and "Grounding of facts" not in brief


def test_render_keeps_the_answers_file_untouched(runner, tmp_path):
    path = write(tmp_path / "x.answers.yaml", answers_yaml(CLEAN, slug="x"))
    before = path.read_bytes()
    runner.invoke(app, ["render", str(path)])
    assert path.read_bytes() == before
    assert listing(Path(tmp_path)) == ["x.answers.yaml", "x.md"]
