"""One bad file is reported where it is wrong, and every other file is still processed.

Each case puts one bad file beside a good answers file in a team's docs folder and runs
`render` (both files), `check --fix`, `index` and `decide` through the CLI: the bad file gets
one located message, the good one is rendered or listed all the same, and there is no
traceback.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from mlpdm.cli.app import app
from tests.conftest import REPO

DOCS = Path("docs/mlpdm")
GOOD = DOCS / "invoice-ocr.answers.yaml"
BAD = DOCS / "refund-agent.answers.yaml"
GOOD_BRIEF = DOCS / "invoice-ocr.md"
BAD_BRIEF = DOCS / "refund-agent.md"
INDEX = DOCS / "README.md"


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    """A git repository with two answers files and no briefs yet, as the current folder."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / DOCS).mkdir(parents=True)
    for path in (GOOD, BAD):
        shutil.copy(REPO / "examples" / path.name, root / path)
    monkeypatch.chdir(root)
    return root


def no_traceback(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def latin1(path: Path, old: str, new: str) -> int:
    """Replace ``old`` by ``new`` written in Latin-1 (not UTF-8); the offset of the first bad byte."""
    data = path.read_bytes()
    assert old.encode() in data
    at = data.index(old.encode())
    path.write_bytes(data.replace(old.encode(), new.encode("latin-1"), 1))
    return at + next(i for i, ch in enumerate(new) if ord(ch) > 127)


def not_utf8(path: Path, line: int, offset: int, byte: int) -> str:
    """The message for a file that is not UTF-8, as the user reads it."""
    reason = f"the byte at offset {offset} (0x{byte:02X}) cannot be read"
    return f"{path}:{line}: not UTF-8 text: {reason}; expected UTF-8"


def listed_in_index(text: str) -> set[str]:
    return {name for name in ("Invoice OCR", "Autonomous refund agent") if f"[{name}]" in text}


# -- a bad answers file -----------------------------------------------------------------------

# id: (text replaced in refund-agent.answers.yaml, its replacement, the line, the message); the
# file's first line is the schema line for editors, so its answers start a line lower.
BAD_ANSWERS = {
    "impossible-date": (
        "date: '2026-11-26'",
        "date: 2026-13-45",
        11,
        "meta 'date' '2026-13-45' is not a date in the calendar",
    ),
    "february-30": (
        "date: '2026-11-26'",
        "date: 2026-02-30",
        11,
        "'2026-02-30' is not a date in the calendar",
    ),
    "huge-integer": (
        "daily_volume: 3000",
        "daily_volume: " + "9" * 4301,
        21,
        "a whole number of 4,301 digits is longer than mlpdm reads",
    ),
    "int-tag": (
        "daily_volume: 3000",
        "daily_volume: !!int abc",
        21,
        "'abc' is tagged !!int but is not a whole",
    ),
    "float-tag": (
        "daily_volume: 3000",
        "daily_volume: !!float abc",
        21,
        "'abc' is tagged !!float but is not",
    ),
    "bool-tag": ("public_claims: 'no'", "public_claims: !!bool maybe", 22, "'maybe' is tagged !!bool"),
    "timestamp-tag": (
        "date: '2026-11-26'",
        "date: !!timestamp notadate",
        11,
        "'notadate' is tagged !!timestamp but is not a date",
    ),
    "duplicate-key": (
        "daily_volume: 3000",
        "daily_volume: 3000\n  daily_volume: 30",
        22,
        "the key 'daily_volume' appears twice in the same mapping, on lines 21 and 22",
    ),
    "newer-questionnaire": (
        "version: 2",
        "version: 7",
        6,
        "made with version 7 of questionnaire 'default', but only versions 1 to 2 exist here",
    ),
    "unclosed-quote": (
        "failure_criterion: Refund",
        'failure_criterion: "Refund',
        74,
        "a quote opens here and is never closed",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_ANSWERS))
def test_a_bad_answers_file_is_located_and_the_good_one_still_processed(repo, runner, case):
    old, new, line, message = BAD_ANSWERS[case]
    edit(repo / BAD, old, new)
    before = (repo / BAD).read_bytes()
    place = f"{BAD}:{line}"

    rendered = runner.invoke(app, ["render", str(GOOD), str(BAD)])
    no_traceback(rendered)
    assert rendered.exit_code == 2, rendered.output
    assert place in rendered.output and message in rendered.output
    assert (repo / GOOD_BRIEF).is_file() and not (repo / BAD_BRIEF).exists()
    assert "rendered 1 of 2 answers files; 1 could not be rendered (see above)" in rendered.output
    (repo / GOOD_BRIEF).unlink()

    checked = runner.invoke(app, ["check", "--fix"])
    no_traceback(checked)
    assert checked.exit_code == 1, checked.output
    assert place in checked.output and message in checked.output and "[answers-invalid]" in checked.output
    assert (repo / GOOD_BRIEF).is_file()  # the good one was re-rendered all the same
    assert listed_in_index((repo / INDEX).read_text(encoding="utf-8")) == {"Invoice OCR"}

    indexed = runner.invoke(app, ["index"])
    no_traceback(indexed)
    assert indexed.exit_code == 2, indexed.output
    assert f"left out {BAD}: " in indexed.output and place in indexed.output and message in indexed.output
    assert listed_in_index((repo / INDEX).read_text(encoding="utf-8")) == {"Invoice OCR"}

    decided = runner.invoke(app, ["decide", str(BAD), "rejected", "--by", "Maria"])
    no_traceback(decided)
    assert decided.exit_code == 2 and place in decided.output and message in decided.output
    assert (repo / BAD).read_bytes() == before  # nothing was written
    good = runner.invoke(app, ["decide", str(GOOD), "accepted", "--by", "Aiko"])
    assert good.exit_code == 0, good.output


def test_an_answers_file_that_is_not_utf8_is_located(repo, runner):
    offset = latin1(repo / BAD, "Maria Lopez", "María Lopez")
    expected = not_utf8(BAD, 10, offset, 0xED)
    rendered = runner.invoke(app, ["render", str(GOOD), str(BAD)])
    no_traceback(rendered)
    assert rendered.exit_code == 2 and expected in rendered.output
    assert (repo / GOOD_BRIEF).is_file()
    checked = runner.invoke(app, ["check"])
    no_traceback(checked)
    assert checked.exit_code == 1 and expected in checked.output
    assert f"{GOOD_BRIEF}: error: brief is stale" not in checked.output  # the good brief was checked
    indexed = runner.invoke(app, ["index"])
    no_traceback(indexed)
    assert indexed.exit_code == 2 and expected in indexed.output
    assert listed_in_index((repo / INDEX).read_text(encoding="utf-8")) == {"Invoice OCR"}
    decided = runner.invoke(app, ["decide", str(BAD), "rejected", "--by", "Maria"])
    no_traceback(decided)
    assert decided.exit_code == 2 and expected in decided.output


# -- YAML 1.2 values: no surprises, nothing refused that is fine -------------------------------


def test_text_that_yaml_1_1_would_turn_into_a_number_or_a_date_stays_text(repo, runner):
    # YAML 1.1 reads 1:30 as 90 and 2026-02-30 as a date that cannot exist (a traceback).
    edit(
        repo / BAD,
        "baseline: 2 days median to a refund decision; 14 FTE handle refund e-mails",
        "baseline: 1:30",
    )
    edit(repo / BAD, "kpi_target: Same day for 90% of requests by Q2", "kpi_target: 2026-02-30")
    edit(repo / BAD, "date: '2026-11-26'", "date: 2026-11-26")  # a real date needs no quotes
    result = runner.invoke(app, ["render", str(BAD), "-f", "json", "-o", "-"])
    no_traceback(result)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["answers"]["baseline"] == "1:30" and data["answers"]["kpi_target"] == "2026-02-30"
    assert data["date"] == "2026-11-26"


def test_bare_yes_and_no_answers_keep_working(repo, runner):
    edit(repo / BAD, "public_claims: 'no'", "public_claims: no")
    edit(repo / BAD, "legal_basis: 'yes'", "legal_basis: Yes")
    edit(repo / BAD, "kill_switch: 'yes'", "kill_switch: on")
    result = runner.invoke(app, ["render", str(BAD), "-f", "json", "-o", "-"])
    no_traceback(result)
    assert result.exit_code == 0, result.output
    answers = json.loads(result.stdout)["answers"]
    assert (answers["public_claims"], answers["legal_basis"], answers["kill_switch"]) == ("no", "yes", "yes")


# -- a bad brief, index or other Markdown file --------------------------------------------------


def _rendered(repo: Path, runner) -> None:
    assert runner.invoke(app, ["check", "--fix"]).exit_code == 0


def test_a_brief_that_is_not_utf8_is_located_and_kept(repo, runner):
    _rendered(repo, runner)
    (repo / GOOD_BRIEF).unlink()
    offset = latin1(repo / BAD_BRIEF, "Maria Lopez", "María Lopez")
    line = (repo / BAD_BRIEF).read_bytes()[:offset].count(b"\n") + 1
    expected = not_utf8(BAD_BRIEF, line, offset, 0xED)
    before = (repo / BAD_BRIEF).read_bytes()
    checked = runner.invoke(app, ["check", "--fix"])
    no_traceback(checked)
    assert checked.exit_code == 1 and expected in checked.output and "[brief-invalid]" in checked.output
    assert (repo / GOOD_BRIEF).is_file() and (repo / BAD_BRIEF).read_bytes() == before
    indexed = runner.invoke(app, ["index"])
    no_traceback(indexed)
    assert indexed.exit_code == 0 and listed_in_index((repo / INDEX).read_text(encoding="utf-8")) == {
        "Invoice OCR",
        "Autonomous refund agent",
    }
    decided = runner.invoke(app, ["decide", str(BAD), "rejected", "--by", "Maria"])
    no_traceback(decided)
    assert decided.exit_code == 2 and expected in decided.output and (repo / BAD_BRIEF).read_bytes() == before
    fixed = runner.invoke(app, ["check", "--fix", "--force"])
    assert fixed.exit_code == 0 and "re-rendered (hand edits overwritten)" in fixed.output


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "questionnaire:\n  id: default\n  version: 2\n",
            'questionnaire: "x"\n',
            "'questionnaire' must be a mapping",
        ),
        ("verdict: no-go-risk\n", "verdict: bogus\n", "field 'verdict' must be one of no-go-risk"),
        ("top_reason: ", "top_reason: [a]\nx_reason: ", "field 'top_reason' must be text"),
        ("digests:\n", "digests: 7\nx_digests:\n", "field 'digests' must be a mapping"),
        ("date: '2026-11-26'\n", "date: 2026-13-45\n", None),  # text now, as mlpdm writes it
        ("date: '2026-11-26'\n", "date: !!timestamp notadate\n", "'notadate' is tagged !!timestamp"),
    ],
    ids=["questionnaire", "verdict", "top-reason", "digests", "impossible-date", "timestamp-tag"],
)
def test_a_brief_with_wrong_front_matter_is_reported_not_believed(repo, runner, old, new, message):
    _rendered(repo, runner)
    text = (repo / BAD_BRIEF).read_text(encoding="utf-8")
    assert old in text
    changed = text.replace(old, new, 1)
    if "x_reason" in changed:  # keep only the new top_reason line
        changed = "\n".join(x for x in changed.split("\n") if not x.startswith("x_reason: "))
    (repo / BAD_BRIEF).write_text(changed, encoding="utf-8")
    checked = runner.invoke(app, ["check"])
    no_traceback(checked)
    assert checked.exit_code == 1, checked.output
    if message is not None:
        line = next(i for i, x in enumerate(changed.split("\n"), 1) if x.startswith(new.split(":")[0] + ":"))
        assert f"{BAD_BRIEF}:{line}: " in checked.output and message in checked.output, checked.output
        assert "[brief-invalid]" in checked.output
    assert f"{GOOD_BRIEF}:" not in checked.output  # the good brief was checked and is fine
    indexed = runner.invoke(app, ["index"])
    no_traceback(indexed)
    assert indexed.exit_code == 0 and len(listed_in_index((repo / INDEX).read_text(encoding="utf-8"))) == 2
    decided = runner.invoke(app, ["decide", str(GOOD), "accepted", "--by", "Aiko"])
    assert decided.exit_code == 0, decided.output


def test_an_index_that_is_not_utf8_is_located(repo, runner):
    _rendered(repo, runner)
    offset = latin1(repo / INDEX, "Invoice OCR", "Invoice OCR é")
    line = (repo / INDEX).read_bytes()[:offset].count(b"\n") + 1
    expected = (
        f"{INDEX}:{line}: not UTF-8 text: the byte at offset {offset} (0xE9) cannot be read; expected UTF-8"
    )
    checked = runner.invoke(app, ["check"])
    no_traceback(checked)
    assert expected in checked.output and "[index-unreadable]" in checked.output
    assert checked.exit_code == 0  # a warning, like any index mlpdm cannot tell it wrote
    indexed = runner.invoke(app, ["index"])
    no_traceback(indexed)
    assert indexed.exit_code == 2 and expected in indexed.output
    assert runner.invoke(app, ["index", "--force"]).exit_code == 0
    assert len(listed_in_index((repo / INDEX).read_text(encoding="utf-8"))) == 2


def test_a_folder_where_the_index_belongs_is_reported_and_every_brief_still_checked(repo, runner):
    _rendered(repo, runner)
    (repo / INDEX).unlink()
    (repo / INDEX).mkdir()
    edit(repo / BAD_BRIEF, "# ", "# Edited ")  # a second problem, in a brief
    checked = runner.invoke(app, ["check"])
    no_traceback(checked)
    assert checked.exit_code == 1, checked.output
    assert f"{INDEX}: error: a folder, pipe or device" in checked.output, checked.output
    assert "[index-not-regular]" in checked.output
    assert f"{BAD_BRIEF}: " in checked.output and "[brief-edited]" in checked.output
    fixed = runner.invoke(app, ["check", "--fix", "--force"])
    no_traceback(fixed)
    assert (repo / INDEX).is_dir(), "never replaced, even with --force"
    assert "Edited" not in (repo / BAD_BRIEF).read_text(encoding="utf-8"), "the brief was still fixed"
    indexed = runner.invoke(app, ["index"])  # the page's own command cannot do its job: exit 2
    no_traceback(indexed)
    assert indexed.exit_code == 2 and f"{INDEX}" in indexed.output


@pytest.mark.parametrize(
    "content",
    [
        b"---\ndate: 2026-13-45\nn: !!int abc\n---\n\n# Notes\n",
        b'---\ntitle: "never closed\n---\n\n# Notes\n',
        b"---\n- a list\n- not a mapping\n---\n",
        b"---\ngenerator: mlpdm\nverdict: [a]\nquestionnaire: x\n---\n",
        b"---\na: 1\na: 2\n---\n",
        b"---\nbig: " + b"9" * 5000 + b"\n---\n",
        b"---\r\ntitle: x\r\n---\r\n",
        b"",
    ],
    ids=["tags", "quote", "list", "mlpdm-like", "duplicate", "huge", "crlf", "empty"],
)
def test_an_unrelated_markdown_file_with_weird_front_matter_is_ignored(repo, runner, content):
    _rendered(repo, runner)
    (repo / DOCS / "notes.md").write_bytes(content)
    for args in (["check"], ["index"], ["render", str(GOOD), str(BAD)], ["decide", str(GOOD), "accepted"]):
        result = runner.invoke(app, args)
        no_traceback(result)
        assert result.exit_code == 0, (args, result.output)
        assert "notes.md" not in result.output


def test_an_unrelated_markdown_file_that_is_not_utf8_is_a_located_warning(repo, runner):
    _rendered(repo, runner)
    (repo / DOCS / "notes.md").write_bytes(b"# Notes\n\nCaf\xe9 meeting\n")
    checked = runner.invoke(app, ["check"])
    no_traceback(checked)
    assert checked.exit_code == 0
    assert not_utf8(DOCS / "notes.md", 3, 12, 0xE9) in checked.output
    assert "[markdown-unreadable]" in checked.output
    strict = runner.invoke(app, ["check", "--strict"])
    assert strict.exit_code == 1


def test_a_configuration_that_is_not_utf8_is_located_and_help_still_works(repo, runner):
    (repo / "mlpdm.toml").write_bytes(b'docs_dir = "docs/mlpdm"\nlang = "\xe9"\n')
    helped = runner.invoke(app, ["--help"])
    assert helped.exit_code == 0 and "Usage: mlpdm" in helped.output
    checked = runner.invoke(app, ["check"])
    no_traceback(checked)
    assert checked.exit_code == 2
    assert not_utf8(repo / "mlpdm.toml", 2, 32, 0xE9) in checked.output


def test_render_refuses_one_output_for_several_files(repo, runner):
    result = runner.invoke(app, ["render", str(GOOD), str(BAD), "-o", "-"])
    assert (
        result.exit_code == 2 and "--output names one file, but 2 answers files were given" in result.output
    )
    assert yaml.safe_load((repo / GOOD).read_text(encoding="utf-8"))["meta"]["slug"] == "invoice-ocr"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "version: 1\n",
            "version: 1\nversion: 2\n",
            ":4: the key 'version' appears twice in the same mapping, on lines 3 and 4",
        ),
        ("version: 1\n", "version: !!int one\n", ":3: 'one' is tagged !!int but is not a whole number"),
        ("id: mini", 'id: "mini', ":2: a quote opens here and closes only on line 19, at the next quote"),
    ],
    ids=["duplicate-key", "int-tag", "unclosed-quote"],
)
def test_a_team_questionnaire_is_read_the_same_way(repo, runner, old, new, message):
    from tests.conftest import MINI

    team = repo / "team.yaml"
    team.write_text(MINI.replace(old, new, 1), encoding="utf-8")
    validated = runner.invoke(app, ["questionnaire", "validate", str(team)])
    no_traceback(validated)
    assert validated.exit_code == 2 and f"{team}{message}" in validated.output, validated.output
    (repo / "mlpdm.toml").write_text('questionnaire = "team.yaml"\n', encoding="utf-8")
    answers = repo / DOCS / "mini.answers.yaml"
    answers.write_text(
        "questionnaire: {id: mini, version: 1}\nmeta: {feature: Mini, slug: mini}\n"
        "answers: {uses_ml: 'no'}\n",
        encoding="utf-8",
    )
    checked = runner.invoke(app, ["check"])
    no_traceback(checked)
    assert checked.exit_code in (1, 2) and f"team.yaml{message}" in checked.output, checked.output
