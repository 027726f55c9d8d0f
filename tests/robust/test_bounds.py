"""A team's conditions and templates run within limits: depth, size, work and output.

Each test reproduces an attack from a team questionnaire or templates folder through the
command line and shows it refused with one message naming the file and line, exit 2 and
nothing written; or, for what is not a template, ignored.
"""

from __future__ import annotations

import os
import shutil
import threading
import tracemalloc
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from mlpdm.cli.app import app
from tests.conftest import REPO, write

EXAMPLE = REPO / "examples" / "invoice-ocr.answers.yaml"
RULE = """\
id: acme
version: 1
extends: default
rules:
  - id: acme-big
    outcome: note
    when: "{when}"
    title: {{en: "Big"}}
    message: {{en: "Big."}}
    action: {{en: "Nothing."}}
    points: [T15]
"""
RULE_LINE = 7  # the line of `when:` above
PEAK = 50_000_000  # bytes: a whole render stays far below; any value refused here is larger


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    """A git repository with one answers file in docs/mlpdm, as the current folder."""
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "docs" / "mlpdm").mkdir(parents=True)
    shutil.copy(EXAMPLE, root / "docs" / "mlpdm")
    monkeypatch.chdir(root)
    return root


def team_answers(repo: Path, when: str, kpi: str | None = None) -> Path:
    """The example's answers, made with a team questionnaire whose one rule is ``when``."""
    (repo / "acme.yaml").write_text(RULE.format(when=when), encoding="utf-8")
    write(repo / "mlpdm.toml", 'questionnaire = "acme.yaml"\n')
    answers = repo / "docs" / "mlpdm" / EXAMPLE.name
    text = answers.read_text(encoding="utf-8").replace(
        "  id: default\n  version: 2", "  id: acme\n  version: 1\n  base_version: 2", 1
    )
    if kpi is not None:
        text = text.replace("  kpi: Average clerk time to book an invoice", f"  kpi: {kpi}", 1)
    answers.write_text(text, encoding="utf-8")
    return answers


def render(runner, repo: Path, answers: Path = EXAMPLE):
    out = repo / "brief.md"
    result = runner.invoke(app, ["render", str(answers), "-o", str(out)])
    return result, out


def render_traced(runner, repo: Path, answers: Path = EXAMPLE):
    """``render``, and the most memory Python held meanwhile."""
    tracemalloc.start()
    try:
        result, out = render(runner, repo, answers)
        return result, out, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def refused(result, out: Path, *messages: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    for message in messages:
        assert message in result.output, result.output
    assert not out.exists()


# -- conditions ----------------------------------------------------------------------------------


def test_a_condition_that_builds_a_huge_value_is_stopped_with_its_line(repo, runner):
    # `join` over a 19,000-character answer with itself as the separator: 361 million
    # characters, 3.9 GB and 11.6 s before; now refused before it is built.
    answers = team_answers(repo, "(kpi|join(kpi)|length) > 5", kpi="x" * 19_000)
    result, out, peak = render_traced(runner, repo, answers)
    refused(
        result,
        out,
        f"acme.yaml:{RULE_LINE}: rule 'acme-big': condition",
        "built a value of more than 100,000 characters or items",
    )
    assert peak < PEAK, f"{peak:,} bytes were allocated: the value was built before it was refused"


DEEP = {
    "brackets": ("(" * 500 + "kpi" + ")" * 500, "nests brackets, 'not', signs or 'if … else' more than 20"),
    "nots": ("not " * 5000 + "kpi", "nests brackets, 'not', signs or 'if … else' more than 20"),
    "chain": (" or ".join(["kpi"] * 3000), "applies more than 100 operators or filters one on another"),
}


@pytest.mark.parametrize("name", sorted(DEEP))
def test_conditions_nested_too_deeply_are_refused_before_compiling(name, repo, runner):
    when, message = DEEP[name]
    answers = team_answers(repo, when)
    result = runner.invoke(app, ["questionnaire", "validate", "acme.yaml"])
    refused(result, repo / "brief.md", f"acme.yaml:{RULE_LINE}: condition", message)
    assert len(result.output) < 1000  # the condition is shortened, not printed 5,000 times
    result, out = render(runner, repo, answers)
    refused(result, out, f"acme.yaml:{RULE_LINE}: condition", message)


def test_a_condition_that_fails_while_running_names_its_file_and_line(repo, runner):
    answers = team_answers(repo, "(kpi + 1) > 5")
    result, out = render(runner, repo, answers)
    refused(
        result,
        out,
        f"acme.yaml:{RULE_LINE}: rule 'acme-big': condition '(kpi + 1) > 5' failed: TypeError",
    )


# -- templates -----------------------------------------------------------------------------------


def with_template(repo: Path, source: str, name: str = "brief.md.j2") -> Path:
    """A templates folder whose ``name`` is ``source`` on its second line."""
    write(repo / "mlpdm.toml", 'templates = "tpl"\n')
    return write(repo / "tpl" / name, "# line one\n" + source + "\n")


VALUE = "built a value of more than 10,000,000 characters or items"
WORK = "did more than 100,000,000 units of work"
OUTPUT = "produced more than 10,000,000 characters"
BIG = "{% set a = 'a'|center(10000000) %}"  # as big as a value may be
SHARED = (
    "{% set l = range(100000)|list %}{% set m = [l,l,l,l,l,l,l,l,l,l] %}{% set n = [m,m,m,m,m,m,m,m,m,m] %}"
)
# Each would build at least 18 MB. Most are sized so that building them cannot even be
# tried (Python asks for 1 TB at once, and fails at once), so a check made only after
# building would show as another message; the others would be built (never more than a few
# hundred MB), which the peak of traced memory shows.
HUGE = {
    "center filter": ("{{ 'a'|center(10**12) }}", VALUE),
    "center method": ("{{ 'a'.center(10**12) }}", VALUE),
    "ljust method": ("{{ 'a'.ljust(10**12) }}", VALUE),
    "indent": ("{{ ('a\\n' * 10)|indent(10**12) }}", VALUE),
    "wordwrap": ("{{ ('a ' * 100000)|wordwrap(1, wrapstring='x' * 10**7) }}", VALUE),
    "replace filter": ("{{ ('a' * 100000)|replace('a', 'b' * 10**7) }}", VALUE),
    "replace method": ("{{ ('a' * 100000).replace('', 'b' * 10**7) }}", VALUE),
    "join filter": ("{{ ('a' * 100000)|join('b' * 10**7) }}", VALUE),
    "join method": ("{{ ('b' * 10**7).join('a' * 100000) }}", VALUE),
    "repeat": ("{{ 'ab' * 10**12 }}", VALUE),
    "repeat a list": ("{{ [1, 2] * 10**12 }}", VALUE),
    "add": (BIG + "{{ (a + a)|length }}", VALUE),
    "concat": (BIG + "{{ (a ~ a)|length }}", VALUE),
    "doubling": ("{% set x = 'a'|center(1000000) %}" + "{% set x = x ~ x %}" * 5, VALUE),
    "percent width": ("{{ '%*s' % (10**12, 'a') }}", VALUE),
    "percent repeat": (BIG + "{{ ('%(a)s' * 10)|format(a=a) }}", VALUE),
    "format filter": ("{{ '%1000000000000s'|format('a') }}", VALUE),
    "str.format width": ("{{ '{:>1000000000000}'.format(1) }}", VALUE),
    "str.format nested": ("{{ '{:>{}}'.format(1, 10**12) }}", VALUE),
    "str.format repeat": (BIG + "{{ ('{0}' * 10).format(a) }}", VALUE),
    "batch": ("{{ [1]|batch(10**12, 'x')|list }}", VALUE),
    "big number": ("{% set n = 10 ** 60 %}" + "{% set n = n * n %}" * 7 + "{{ n }}", "more than 4,200"),
    "lipsum": ("{{ lipsum(100000) }}", VALUE),
    "urlencode": ("{{ ('é' * 3000000)|urlencode|length }}", VALUE),
    "shared list shown": (SHARED + "{{ n }}", VALUE),
    "shared list joined": (SHARED + "{{ n|join(',') }}", VALUE),
    "shared list as json": (SHARED + "{{ n|tojson }}", VALUE),
    "json indented": ("{{ [[[[1, 2, 3]]]]|tojson(indent=10**7) }}", VALUE),
    "map of widths": ("{{ range(100000)|map('center', 1000)|list|length }}", WORK),
    "nested loops": ("{% for i in range(1000) %}{% for j in range(2000) %}{% endfor %}{% endfor %}", WORK),
    "repeated output": ("{% for i in range(20) %}{{ 'a'|center(1000000) }}{% endfor %}", OUTPUT),
}  # fmt: skip
# Those a check after building would also stop, but only once they were built.
BUILT_FIRST = {
    "lipsum", "percent repeat", "str.format repeat", "shared list shown", "shared list joined",
    "shared list as json", "json indented",
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(HUGE))
def test_templates_that_would_build_too_much_are_stopped(name, repo, runner):
    source, message = HUGE[name]
    with_template(repo, source)
    result, out, peak = render_traced(runner, repo) if name in BUILT_FIRST else (*render(runner, repo), 0)
    refused(result, out, "tpl/brief.md.j2:2", message)
    assert peak < PEAK, f"{peak:,} bytes were allocated: the value was built before it was refused"


NESTS = "nests brackets, 'not', signs, 'if … else' or blocks more than 20 levels deep"
MISTAKES = {
    "division by zero": ("{{ 1/0 }}", "failed: ZeroDivisionError: division by zero"),
    "text plus number": ("{{ 'a' + 1 }}", "failed: TypeError: can only concatenate str"),
    "unknown message": ("{{ t('no.such.key') }}", "asks for the message 'no.such.key', which mlpdm"),
    "message value": ("{{ t('brief.title', name='x') }}", "message 'brief.title' needs the value 'feature'"),
    "lipsum range": ("{{ lipsum(2, min=10, max=5) }}", "failed: ValueError"),
    "unknown name": ("{{ no_such_name }}", "'no_such_name' is undefined"),
    "brackets": ("{{ " + "(" * 500 + "1" + ")" * 500 + " }}", NESTS),
    "blocks": ("{% if 1 %}" * 500 + "{% endif %}" * 500, NESTS),
    "nots": ("{{ " + "not " * 5000 + "1 }}", NESTS),
    "chain": ("{{ " + " + ".join(["1"] * 3000) + " }}", "applies more than 100 operators, filters"),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_template_mistakes_name_the_file_and_line(name, repo, runner):
    source, message = MISTAKES[name]
    with_template(repo, source)
    result, out = render(runner, repo)
    refused(result, out, "tpl/brief.md.j2:2", message)


# -- the templates folder ------------------------------------------------------------------------


class Pipe:
    """A FIFO, and a writer that tells whether anything but this test opened it to read."""

    def __init__(self, path: Path) -> None:
        os.mkfifo(path)
        self.path = path
        self.ours = threading.Event()
        self.opened_by_mlpdm = False
        self.thread = threading.Thread(target=self._write)
        self.thread.start()

    def _write(self) -> None:
        fd = os.open(self.path, os.O_WRONLY)  # returns once a reader opens the other end
        self.opened_by_mlpdm = not self.ours.is_set()
        os.close(fd)

    def close(self) -> bool:
        """Let the writer go; whether mlpdm had opened the pipe."""
        self.ours.set()
        fd = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK)
        self.thread.join()
        os.close(fd)
        return self.opened_by_mlpdm


JUNK = ("binary", "latin-1", "broken link", "pipe", "folder link")


def put_junk(folder: Path, kind: str, name: str) -> Pipe | None:
    path = folder / name
    if kind == "binary":
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")
    elif kind == "latin-1":
        path.write_bytes("café\n".encode("latin-1"))
    elif kind == "broken link":
        path.symlink_to(folder / "nowhere")
    elif kind == "folder link":
        path.symlink_to(folder)  # a loop, if it were followed
    elif kind == "pipe":
        return Pipe(path)
    return None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("kind", JUNK)
def test_what_is_not_a_template_in_the_folder_is_ignored(kind, repo, runner):
    folder = repo / "tpl"
    folder.mkdir()
    write(repo / "mlpdm.toml", 'templates = "tpl"\n')
    pipe = put_junk(folder, kind, "junk")
    try:
        result, out = render(runner, repo)
        assert result.exit_code == 0, result.output
        assert out.exists()
        fixed = runner.invoke(app, ["check", "--fix"])
        assert fixed.exit_code == 0, fixed.output
        assert (repo / "docs" / "mlpdm" / "invoice-ocr.md").exists()
    finally:
        if pipe is not None:
            assert not pipe.close(), "the pipe was opened"


UNUSABLE = {
    "binary": "brief.md.j2:1: not UTF-8 text: the byte at offset 0",
    "latin-1": "brief.md.j2:1: not UTF-8 text: the byte at offset 3",
    "broken link": "is a symbolic link to something that does not exist, so it cannot be a template",
    "pipe": "is not a regular file (a device, pipe, socket or folder), so it cannot be a template",
}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("kind", sorted(UNUSABLE))
def test_a_template_that_cannot_be_used_is_named(kind, repo, runner):
    folder = repo / "tpl"
    folder.mkdir()
    write(repo / "mlpdm.toml", 'templates = "tpl"\n')
    pipe = put_junk(folder, kind, "brief.md.j2")
    if kind == "binary":
        (folder / "brief.md.j2").write_bytes(b"\x89PNG\r\n")
    try:
        result, out = render(runner, repo)
        refused(result, out, "tpl/brief.md.j2", UNUSABLE[kind])
        checked = runner.invoke(app, ["check", "--fix"])
        refused(checked, repo / "docs" / "mlpdm" / "invoice-ocr.md", UNUSABLE[kind])
    finally:
        if pipe is not None:
            assert not pipe.close(), "the pipe was opened"


# -- the code filter in a table -----------------------------------------------------------------


def test_code_keeps_a_table_in_shape_when_a_kpi_has_a_pipe(repo, runner):
    with_template(
        repo, "| KPI | Target |\n|---|---|\n| {{ values.kpi | code }} | {{ values.kpi_target | code }} |"
    )
    answers = repo / "docs" / "mlpdm" / EXAMPLE.name
    text = answers.read_text(encoding="utf-8")
    answers.write_text(text.replace("kpi: Average clerk", "kpi: p50 | p95 of clerk", 1), encoding="utf-8")
    result, out = render(runner, repo, answers)
    assert result.exit_code == 0, result.output
    tokens = MarkdownIt("commonmark").enable("table").parse(out.read_text(encoding="utf-8"))
    cells = [t for t in tokens if t.type == "td_open"]
    assert len(cells) == 2  # one row, two cells: the pipe did not split the KPI's cell
    row = next(t for t in tokens if t.type == "inline" and "p95" in t.content)
    shown = "".join(child.content for child in row.children or [])
    assert shown == "p50 | p95 of clerk time to book an invoice"
