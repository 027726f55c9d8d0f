"""The command line in Japanese: chosen by --lang, the configuration or the locale."""

from __future__ import annotations

import re
import shutil

import pytest
from rich.text import Text
from typer.main import get_command
from typer.testing import CliRunner

from mlpdm.cli.app import app
from mlpdm.cli.localize import help_keys
from mlpdm.core.text.messages import MESSAGES, t
from tests.conftest import PINNED_ENV, REPO, write

JA_ENV = {**PINNED_ENV, "LC_ALL": "", "LC_MESSAGES": "", "LANG": "ja_JP.UTF-8", "COLUMNS": "200"}
EXAMPLE = REPO / "examples" / "invoice-ocr.answers.yaml"
KANA = re.compile(r"[\u3040-\u30ff]")

COMMANDS = [
    [],
    ["interview"],
    ["render"],
    ["check"],
    ["index"],
    ["decide"],
    ["config"],
    ["questionnaire"],
    ["questionnaire", "list"],
    ["questionnaire", "show"],
    ["questionnaire", "validate"],
    ["stats"],
    ["stats", "interval"],
    ["stats", "sample-size"],
    ["stats", "rule-of-three"],
]


@pytest.fixture
def ja_runner() -> CliRunner:
    return CliRunner(env=JA_ENV)


def test_every_command_and_option_has_help_in_both_languages():
    keys = help_keys(get_command(app))
    assert len(keys) > 60
    missing = [k for k in keys if k not in MESSAGES]
    assert not missing, missing


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "mlpdm")
def test_help_is_in_japanese_with_lang_ja(runner, command):
    result = runner.invoke(app, ["--lang", "ja", *command, "--help"])
    assert result.exit_code == 0, result.output
    first = t("help." + ".".join(["mlpdm", *command]), "ja").split("。")[0]
    assert first[:12] in result.output
    assert "このヘルプを表示して終了します" in result.output
    assert "Show this message and exit" not in result.output


def test_help_follows_the_locale_and_the_flag_wins(ja_runner):
    from_locale = ja_runner.invoke(app, ["render", "--help"])
    assert "回答ファイルからブリーフを生成します" in from_locale.output
    assert "オプション" in from_locale.output
    flagged = ja_runner.invoke(app, ["render", "--help", "--lang", "en"])
    assert "Render the brief from each answers file" in flagged.output
    assert not KANA.search(flagged.output)


def test_render_in_japanese_equals_the_golden_brief(runner):
    result = runner.invoke(app, ["render", str(EXAMPLE), "-o", "-", "--lang", "ja"])
    assert result.exit_code == 0
    golden = (REPO / "docs" / "examples" / "ja" / "invoice-ocr.md").read_text(encoding="utf-8")
    # Only the link back to the answers file differs: the golden brief lives in docs/examples/ja.
    golden = golden.replace("../../../examples/invoice-ocr", "invoice-ocr")
    assert result.output.split("\n---\n", 1)[1] == golden.split("\n---\n", 1)[1]


def test_same_answers_give_both_languages(runner, tmp_path):
    copy = tmp_path / EXAMPLE.name
    shutil.copy(EXAMPLE, copy)
    en = runner.invoke(app, ["render", str(copy), "-o", "-", "--lang", "en"]).output
    ja = runner.invoke(app, ["render", str(copy), "-o", "-", "--lang", "ja"]).output
    assert "## Why this verdict" in en and "## この判定の理由" in ja
    assert copy.read_bytes() == EXAMPLE.read_bytes()  # the answers file is language-neutral


def test_render_reports_in_japanese_from_the_locale(ja_runner, tmp_path):
    copy = tmp_path / EXAMPLE.name
    shutil.copy(EXAMPLE, copy)
    result = ja_runner.invoke(app, ["render", str(copy)])
    assert result.exit_code == 0
    assert "を書き出しました" in result.output and "GO" in result.output
    assert "## この判定の理由" in (tmp_path / "invoice-ocr.md").read_text(encoding="utf-8")


def test_user_errors_are_in_japanese_with_file_and_line(ja_runner, tmp_path):
    missing = ja_runner.invoke(app, ["render", str(tmp_path / "nope.answers.yaml")])
    assert missing.exit_code == 2
    assert missing.output.startswith("エラー：") and "ヒント：" in missing.output
    bad = write(
        tmp_path / "bad.answers.yaml",
        EXAMPLE.read_text(encoding="utf-8").replace("audience: business", "audience: everyone"),
    )
    result = ja_runner.invoke(app, ["render", str(bad)])
    assert result.exit_code == 2
    assert "有効な回答ファイルではありません" in result.output
    line = next(i for i, text in enumerate(bad.read_text().splitlines(), 1) if "everyone" in text)
    assert f"{bad}:{line}: audience：" in result.output
    assert "Traceback" not in result.output


def test_a_bad_lang_is_refused(runner):
    result = runner.invoke(app, ["render", str(EXAMPLE), "--lang", "fr"])
    assert result.exit_code == 2 and "'fr' is not supported" in result.output


def one_feature_repo(tmp_path, monkeypatch):
    """A git repository holding the example's answers in docs/mlpdm, as the current folder."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    docs = root / "docs" / "mlpdm"
    docs.mkdir(parents=True)
    shutil.copy(EXAMPLE, docs)
    monkeypatch.chdir(root)
    return root, docs


def test_check_and_index_speak_japanese(tmp_path, monkeypatch, ja_runner):
    root, docs = one_feature_repo(tmp_path, monkeypatch)
    result = ja_runner.invoke(app, ["check"])
    assert result.exit_code == 1
    assert "ブリーフがありません" in result.output and "エラー" in result.output
    assert "回答ファイル 1 件を検査しました" in result.output
    # The messages follow the reader's language; a missing brief is written in the repository's
    # language (configured, else English), so every machine writes the same file.
    fixed = ja_runner.invoke(app, ["check", "--fix"])
    assert fixed.exit_code == 0 and "修正 docs/mlpdm/invoice-ocr.md：生成し直しました" in fixed.output
    assert "## Why this verdict" in (docs / "invoice-ocr.md").read_text(encoding="utf-8")
    (root / "mlpdm.toml").write_text('lang = "ja"\n', encoding="utf-8")
    (docs / "invoice-ocr.md").unlink()
    (docs / "README.md").unlink()
    assert ja_runner.invoke(app, ["check", "--fix"]).exit_code == 0
    assert "## この判定の理由" in (docs / "invoice-ocr.md").read_text(encoding="utf-8")
    assert KANA.search((docs / "README.md").read_text(encoding="utf-8"))


def test_a_brief_keeps_its_language_whoever_checks_it(tmp_path, monkeypatch, runner, ja_runner):
    _, docs = one_feature_repo(tmp_path, monkeypatch)
    answers = f"docs/mlpdm/{EXAMPLE.name}"
    assert runner.invoke(app, ["render", answers, "--lang", "ja"]).exit_code == 0
    japanese = (docs / "invoice-ocr.md").read_text(encoding="utf-8")
    assert "lang: ja\n" in japanese
    # An English reader (or `--lang en`) checks it: current, and --fix leaves it Japanese.
    assert runner.invoke(app, ["check", "--lang", "en"]).exit_code == 0
    assert runner.invoke(app, ["check", "--fix"]).exit_code == 0
    assert (docs / "invoice-ocr.md").read_text(encoding="utf-8") == japanese
    # And an English brief checked in Japanese is current too.
    assert runner.invoke(app, ["render", answers, "--lang", "en"]).exit_code == 0
    result = ja_runner.invoke(app, ["check", "--lang", "ja"])
    assert result.exit_code == 0, result.output
    edit_answers = docs / EXAMPLE.name
    edit_answers.write_text(
        edit_answers.read_text(encoding="utf-8").replace("kill_switch: 'yes'", "kill_switch: 'no'"),
        encoding="utf-8",
    )
    assert runner.invoke(app, ["check", "--fix"]).exit_code == 0
    assert "## Why this verdict" in (docs / "invoice-ocr.md").read_text(encoding="utf-8")


def test_config_lang_sets_the_language(tmp_path, monkeypatch, runner):
    (tmp_path / ".git").mkdir()
    write(tmp_path / "mlpdm.toml", 'lang = "ja"\n')
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["config"])
    assert "リポジトリのルート" in result.output and "ja" in result.output
    assert "オプション" in runner.invoke(app, ["check", "--help"]).output


def test_stats_and_questionnaire_commands_in_japanese(ja_runner):
    interval = ja_runner.invoke(app, ["stats", "interval", "45", "50", "--target", "0.9"])
    assert "50 件中 45 件が正しい" in interval.output and "Wilson 区間" in interval.output
    shown = ja_runner.invoke(app, ["questionnaire", "show", "default"])
    assert "インタビューの長さ" in shown.output
    valid = ja_runner.invoke(app, ["questionnaire", "validate", "default"])
    assert "は有効です" in valid.output


@pytest.mark.parametrize("width", [60, 70, 80])
def test_the_review_by_note_wraps_between_phrases(width):
    """The interview's closing note, printed as the interview prints it (a WrappedText on its own,
    which Rich's print joins into a plain Text): its lines break where a phrase starts, never
    before "、" nor inside a word ("提供元がいつで / も…")."""
    import io

    from mlpdm.core.text.languages import pick
    from mlpdm.core.text.linebreak import NO_START, phrase_start
    from mlpdm.repo.resources import load_packaged_questionnaire
    from mlpdm.terminal.console import WrappedText, make_console

    [rule] = [r for r in load_packaged_questionnaire().review_sooner if "version_pinned" in r.when]
    note = t("interview.review_sooner", "ja", date="2027-05-29", reason=pick(rule.reason, "ja"))
    for text in (WrappedText(note, style="yellow"), Text(note, style="yellow")):
        screen = io.StringIO()
        make_console(file=screen, width=width).print(text)
        lines = screen.getvalue().rstrip("\n").split("\n")
        assert len(lines) > 1 and not any(line[:1] in NO_START for line in lines[1:]), lines
        position = 0
        for line in lines[:-1]:
            assert note.startswith(line.rstrip(), position), lines
            position += len(line.rstrip())
            while note[position] == " ":  # the space a line ends at stays on that line
                position += 1
            assert phrase_start(note, position), (note[:position], lines)


def test_the_last_screen_of_the_interview_reads_as_japanese():
    """Steps one to a line, 「（前提条件の不足）」 and 「F1、F2」: not "- …" run on, " (…)" or "F1, F2"."""
    import io

    from mlpdm.core.brief.render import brief_context
    from mlpdm.core.decision.engine import decide
    from mlpdm.repo.resources import load_packaged_questionnaire
    from mlpdm.repo.workspace import read_answers
    from mlpdm.terminal.console import make_console
    from mlpdm.terminal.screens import verdict_panel

    q = load_packaged_questionnaire()
    doc = read_answers(REPO / "examples" / "essay-ai-detector.answers.yaml", q)
    verdict = decide(q, doc.answers)
    context = brief_context(q, doc, verdict, "ja")
    screen = io.StringIO()
    make_console(file=screen, width=90).print(
        verdict_panel(verdict, context["findings"], "ja", whatif=context["whatif"])
    )
    shown = screen.getvalue()
    assert "前提条件が欠けています。" in shown  # the interview's polite style, not the brief's
    assert "人に届く（前提条件の不足）" in shown and " (" not in shown
    assert "→ 安いものから順に行う。" in shown
    assert "・影響を受けた人が誤った結果をすぐに覆せる手段を用意する。" in shown
    assert "F1、F2、F3" in shown and "F1, F2" not in shown
