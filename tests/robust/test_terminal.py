"""Terminal output is not an attack surface: no byte of an answer, a questionnaire, a
configuration or a file name acts on the terminal of whoever runs mlpdm.

Every command is driven through the CLI with hostile feature names, answers, questionnaire
texts, settings and file names (OSC 52 clipboard writes, CSI sequences in 7-bit and 8-bit
form, bidi overrides, Rich markup), and its stdout and stderr may hold no raw ESC, C0 or C1
control and no bidi control: each is shown (^[, <9b>, <U+202E>) instead. The list of
commands is read from the CLI itself, so a new command without a case here fails the test.
"""

from __future__ import annotations

import ast
import datetime as dt
import io
import re
import textwrap
from pathlib import Path

import pytest
import typer
import yaml

from mlpdm.cli.app import COMMANDS, app
from mlpdm.core.text.markdown import BIDI_CONTROLS
from mlpdm.repo.files import parse_yaml
from mlpdm.repo.resources import template_loader
from mlpdm.terminal.console import make_console
from mlpdm.terminal.session import InterviewSession
from tests.conftest import MINI, REPO, build_questionnaire, write
from tests.core.scenarios import CLEAN

EVIL = "[red]markup[/red] [link=https://evil.example]click[/link] \x1b[2J\x1b[31mansi\x1b[0m"
# An answer or a name: sets the clipboard (OSC 52), clears and recolours the screen (CSI, also
# as the 8-bit C1 code), sets the window title (8-bit OSC), reverses the line (U+202E) and
# isolates text (U+2066..2069). "[bold]" is Rich markup and "[/x]" a closing tag with no
# opening one: a console that read markup would hide the first, fail on the second, and make
# "[link=...]" a live link.
HOSTILE = (
    "Evil \x1b]52;c;aGk=\x07 \x1b[2J\x1b[31mred \x9b31m \x9d0;title\x9c "
    "\u202eabc\u2066x\u2069\u200f\u061c [bold] [/x] [link=https://evil.example]y[/link] :smile:"
)
# The same in a file name (no slash there).
NAME = "n\x1b]52;c;aGk=\x07\x1b[2J\x9b31m\u202e\u2066[bold]"
DIR = f"d{NAME}"
RAW = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{BIDI_CONTROLS}]")
# How the terminal shows the clipboard write, the override and the markup.
SHOWN = ("^[]52;c;aGk=", "<U+202E>", "[bold]")


def _team_questionnaire() -> str:
    data, _ = parse_yaml(textwrap.dedent(MINI), "team.yaml")
    data["title"] = {"en": HOSTILE}
    data["description"] = {"en": HOSTILE}
    data["sections"][0]["title"] = {"en": HOSTILE}
    for question in data["sections"][0]["questions"]:
        question["prompt"] = {"en": f"{question['prompt']['en']} {HOSTILE}"}
        question["help"] = {"en": HOSTILE}
    data["sections"][0]["questions"][1]["choices"][0]["label"] = {"en": HOSTILE}
    data["rules"][0].update(title={"en": HOSTILE}, message={"en": HOSTILE}, action={"en": HOSTILE})
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _answers(feature: str, slug: str, answers: dict, qid: str = "default") -> str:
    meta = {"feature": feature, "slug": slug, "owner": HOSTILE, "date": "2026-01-31"}
    doc = {"questionnaire": {"id": qid, "version": 1}, "meta": meta, "answers": answers}
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)


@pytest.fixture
def hostile_repo(tmp_path, monkeypatch) -> Path:
    """A repository where every name, answer, text and setting a user can write is hostile."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    docs = root / "docs" / "mlpdm"
    hostile = _answers(HOSTILE, "hostile", {**CLEAN, "kpi": HOSTILE, "worst_case": HOSTILE})
    write(docs / "hostile.answers.yaml", hostile)
    write(docs / f"{NAME}.answers.yaml", _answers(HOSTILE, "hostile", CLEAN))  # slug does not match
    write(docs / f"{NAME}-broken.answers.yaml", "answers: [unclosed\n")
    write(docs / "keys.answers.yaml", yaml.safe_dump({HOSTILE: 1}, allow_unicode=True))
    write(root / DIR / "hostile.answers.yaml", hostile)
    mini = {"uses_ml": "yes", "kind": "llm", "note": HOSTILE}
    write(root / DIR / "upd.answers.yaml", _answers(HOSTILE, "upd", mini, qid="mini"))
    write(root / "team.yaml", _team_questionnaire())
    # Answers to prefill: one that fits, one whose hostile value does not.
    write(root / f"{NAME}.data", yaml.safe_dump({"uses_ml": "yes", "kind": HOSTILE}, allow_unicode=True))
    write(root / f"{NAME}.yaml", f"id: [{HOSTILE!r}\n")
    # TOML escapes: the portfolio page gets a hostile file name.
    index = "".join(f"\\u{ord(c):04x}" if ord(c) < 0x20 or ord(c) > 0x7E else c for c in NAME)
    write(root / "mlpdm.toml", f'index = "{index}.md"\n')
    monkeypatch.chdir(root)
    return root


# (case id, arguments, piped input, exit codes, what the output must show)
PIPED = f"?\ny\nllm\n{HOSTILE}\n\n"
CASES = [
    (
        "interview",
        ["interview", HOSTILE, "-d", DIR, "--owner", HOSTILE, "-q", "team.yaml"],
        PIPED,
        {0},
        SHOWN,
    ),
    (
        "interview --update",
        ["interview", "--update", f"{DIR}/upd.answers.yaml", "-q", "team.yaml"],
        "\n" * 4,
        {0},
        SHOWN,
    ),
    (
        "interview --data",
        ["interview", HOSTILE, "-d", DIR, "--owner", HOSTILE, "-q", "team.yaml", "--data", f"{NAME}.data"],
        "llm\n\n\n",  # the kind asked again, the note skipped, Enter at the review
        {0},
        SHOWN,
    ),
    ("new", ["new", HOSTILE, "-d", DIR, "--owner", HOSTILE, "-q", "team.yaml"], None, {0}, SHOWN),
    ("schema", ["schema", "team.yaml"], None, {0}, ("\\u202e",)),
    ("schema --out", ["schema", "team.yaml", "--out", f"{DIR}/{NAME}.json"], None, {0}, SHOWN),
    ("render", ["render", "docs/mlpdm/hostile.answers.yaml", "-o", f"{DIR}/{NAME}.md"], None, {0}, SHOWN),
    ("render -o -", ["render", "docs/mlpdm/hostile.answers.yaml", "-o", "-"], None, {0}, ("(U+202E)",)),
    (
        "render json",
        ["render", "docs/mlpdm/hostile.answers.yaml", "-f", "json", "-o", "-"],
        None,
        {0},
        ("\\u202e",),
    ),
    ("render missing", ["render", f"{NAME}.answers.yaml"], None, {2}, SHOWN),
    ("render broken", ["render", f"docs/mlpdm/{NAME}-broken.answers.yaml"], None, {2}, SHOWN),
    ("check", ["check"], None, {1}, SHOWN),
    ("check dir", ["check", DIR], None, {1}, SHOWN),
    ("check --fix", ["check", "--fix", DIR], None, {1}, SHOWN),
    ("check json", ["check", "--format", "json"], None, {1}, ("\\u202e",)),
    ("check github", ["check", "--format", "github"], None, {1}, SHOWN),
    # Not a git repository (its .git is empty): the error path; test_diff_output below has a real one.
    ("diff", ["diff", "--base", HOSTILE], None, {2}, ()),
    ("check --fail-on", ["check", "--fail-on", HOSTILE], None, {2}, SHOWN),
    # index leaves the hostile answers files out, names each, and so exits 2.
    ("index", ["index"], None, {2}, SHOWN),
    ("index -o -", ["index", "-o", "-"], None, {2}, ()),
    ("index -o", ["index", "-o", f"{DIR}/{NAME}-index.md"], None, {2}, SHOWN),
    (
        "decide",
        ["decide", "docs/mlpdm/hostile.answers.yaml", "accepted", "--by", HOSTILE, "-r", HOSTILE],
        None,
        {0},
        SHOWN,
    ),
    (
        "decide --superseded-by",
        ["decide", "docs/mlpdm/hostile.answers.yaml", "superseded", "--superseded-by", HOSTILE],
        None,
        {2},
        (),
    ),
    ("decide missing", ["decide", f"{NAME}.answers.yaml", "accepted"], None, {2}, SHOWN),
    ("questionnaire list", ["questionnaire", "list"], None, {0}, ()),
    ("questionnaire show", ["questionnaire", "show", "team.yaml"], None, {0}, SHOWN),
    ("questionnaire validate", ["questionnaire", "validate", "team.yaml"], None, {0}, ()),
    ("questionnaire validate broken", ["questionnaire", "validate", f"{NAME}.yaml"], None, {2}, SHOWN),
    ("stats interval", ["stats", "interval", "5", "10", "--target", HOSTILE], None, {2}, ()),
    ("stats interval json", ["stats", "interval", "5", "10", "--format", "json"], None, {0}, ()),
    ("stats sample-size", ["stats", "sample-size", "--margin", HOSTILE], None, {2}, ()),
    ("stats rule-of-three", ["stats", "rule-of-three", "100"], None, {0}, ()),
    ("config", ["config"], None, {0}, SHOWN[:1]),  # the table wraps the rest
    ("config json", ["config", "--json"], None, {0}, ()),
    ("unknown command", [HOSTILE], None, {2}, ()),
    ("unknown option", ["check", f"--{NAME}"], None, {2}, ()),
    ("unknown language", ["--lang", HOSTILE, "check"], None, {2}, ()),
    ("version", ["--version"], None, {0}, ()),
]


@pytest.mark.parametrize(
    ("args", "piped", "codes", "shown"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_no_command_lets_content_reach_the_terminal_raw(hostile_repo, runner, args, piped, codes, shown):
    result = runner.invoke(app, args, input=piped)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in codes, result.output
    for name, text in (("stdout", result.stdout), ("stderr", result.stderr)):
        raw = sorted(set(RAW.findall(text)))
        assert not raw, f"raw {raw!r} on {name}: {text!r}"
    for visible in shown:
        assert visible in result.output, (visible, result.output)


def test_diff_output_holds_no_raw_control(tmp_path, monkeypatch, runner):
    """`mlpdm diff` on a real repository whose answers and file names are hostile, then changed."""
    from tests.team.conftest import git

    root = tmp_path / "repo"
    docs = root / "docs" / "mlpdm"
    git(tmp_path, "init", "-q", str(root))
    write(docs / "hostile.answers.yaml", _answers(HOSTILE, "hostile", {**CLEAN, "kpi": HOSTILE}))
    write(docs / f"{NAME}.answers.yaml", _answers(HOSTILE, NAME, CLEAN))
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "hostile")
    changed = {**CLEAN, "kpi": f"{HOSTILE} 2", "kill_switch": "no"}
    write(docs / "hostile.answers.yaml", _answers(HOSTILE, "hostile", changed))
    write(docs / f"{NAME}-new.answers.yaml", _answers(HOSTILE, f"{NAME}-new", CLEAN))
    monkeypatch.chdir(root)
    for args in (["diff"], ["diff", "--format", "json"], ["diff", "--base", HOSTILE]):
        result = runner.invoke(app, args)
        assert result.exit_code in (0, 2), result.output
        for name, text in (("stdout", result.stdout), ("stderr", result.stderr)):
            raw = sorted(set(RAW.findall(text)))
            assert not raw, f"raw {raw!r} on {name} of {args}: {text!r}"
    assert "(U+202E)" in runner.invoke(app, ["diff"]).output


def test_the_cases_drive_every_command():
    root = typer.main.get_command(app)
    commands = set()
    for name in COMMANDS:
        command = root.get_command(None, name)
        subcommands = getattr(command, "commands", {})
        commands |= {f"{name} {sub}" for sub in subcommands} if subcommands else {name}
    driven = {
        " ".join(args[:2]) if args[0] in ("questionnaire", "stats") else args[0] for _, args, *_ in CASES
    }
    assert commands <= driven, sorted(commands - driven)


@pytest.mark.parametrize("command", [*COMMANDS, "questionnaire show", "stats interval"])
def test_help_is_clean(runner, command):
    result = runner.invoke(app, [*command.split(), "--help"])
    assert result.exit_code == 0 and not RAW.search(result.output)


# Only these modules write to the standard streams; everything else prints through them.
OUTPUT_MODULES = {"mlpdm/terminal/console.py", "mlpdm/terminal/sanitize.py"}


def _writes_to_terminal(tree: ast.AST) -> list[str]:
    """print(), Console(), typer.echo() and sys.stdout/stderr in a module (console.print is fine)."""
    found = []
    for node in ast.walk(tree):
        func = node.func if isinstance(node, ast.Call) else None
        if isinstance(func, ast.Name) and func.id in ("print", "Console"):
            found.append(f"{func.id}() at line {node.lineno}")
        elif isinstance(func, ast.Attribute) and func.attr in ("echo", "secho", "Console"):
            found.append(f"{func.attr}() at line {node.lineno}")
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "sys"
            and node.attr in ("stdout", "stderr", "__stdout__", "__stderr__")
        ):
            found.append(f"sys.{node.attr} at line {node.lineno}")
    return found


def test_nothing_else_writes_to_the_terminal():
    offenders = {}
    for path in sorted((REPO / "mlpdm").rglob("*.py")):
        name = path.relative_to(REPO).as_posix()
        if name not in OUTPUT_MODULES:
            found = _writes_to_terminal(ast.parse(path.read_text(encoding="utf-8")))
            if found:
                offenders[name] = found
    assert not offenders, offenders


class Lines:
    def __init__(self, lines):
        self.lines = list(lines)

    def read_line(self, prompt):
        return self.lines.pop(0)


def test_questionnaire_and_answer_markup_is_literal(tmp_path):
    text = MINI.replace("prompt: {en: Does it use ML?}", f"prompt: {{en: {EVIL!r}}}").replace(
        "help: {en: Because.}", f"help: {{en: {EVIL!r}}}", 1
    )
    q = build_questionnaire(text)
    screen = io.StringIO()
    session = InterviewSession(
        console=make_console(file=screen, width=200),  # the console every command uses
        prompter=Lines(["me", "?", "y", "llm", EVIL, ""]),
        questionnaire=q,
        loader=template_loader(),
        directory=tmp_path,
        today=lambda: dt.date(2026, 1, 31),
    )
    outcome = session.run("Evil")
    out = screen.getvalue()
    assert outcome.brief_path is not None
    assert "[red]markup[/red]" in out and "[link=https://evil.example]click[/link]" in out
    assert "\x1b" not in out and "^[[2J^[[31mansi^[[0m" in out


def test_error_messages_show_escape_codes_literally(runner, tmp_path):
    path = write(tmp_path / "x\x1b[31m.answers.yaml", "answers: [unclosed\n")
    result = runner.invoke(app, ["render", str(path)])
    assert result.exit_code == 2
    assert "\x1b" not in result.output and "^[[31m" in result.output


def test_what_rich_builds_itself_is_made_visible_too():
    # A command that builds a plain Rich Text, table or panel (not mlpdm's VisibleText) is
    # still covered: the console makes every segment visible before it is written.
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    screen = io.StringIO()
    console = make_console(file=screen, width=120)
    table = Table()
    table.add_column(Text(HOSTILE))
    table.add_row(Text(HOSTILE))
    console.print(Text(HOSTILE), table, Panel(Text(HOSTILE), title=Text(HOSTILE)))
    out = screen.getvalue()
    assert not RAW.search(out), repr(out)
    assert "^[]52;c;aGk=" in out and "<U+202E>" in out
