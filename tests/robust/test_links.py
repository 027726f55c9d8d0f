"""Links: a brief links only to http, https, mailto or relative URLs, read as a browser reads them.

Python-Markdown (which MkDocs uses) checks no scheme at all and keeps entities such as
``&colon;`` for the browser to decode, so ``javascript&colon;alert(1)`` would be a live script
link. The briefs are rendered to HTML here by markdown-it with its own link check turned off,
to stand for such a renderer, and every href is read as a browser reads the attribute.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
import yaml
from markdown_it import MarkdownIt

from mlpdm.cli.app import app
from tests.conftest import MINI, answers_yaml, write
from tests.core.scenarios import CLEAN

SCRIPTS = [
    "javascript&colon;alert(1)",
    "JaVaScRiPt&colon;alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript&#x3A;alert(1)",
    "java&#x09;script:alert(1)",
    "javascript&#58;alert(1)",
    "data&colon;text/html,x",
    "vbscript&colon;msgbox(1)",
]
DANGEROUS = ("javascript", "data", "vbscript")


class Hrefs(HTMLParser):
    """Every href in an HTML page, entity-decoded as a browser decodes an attribute."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hrefs += [value or "" for name, value in attrs if name in ("href", "src")]


def hrefs(markdown: str) -> list[str]:
    renderer = MarkdownIt("commonmark").enable("table")
    renderer.validateLink = lambda url: True  # like Python-Markdown: every scheme is linked
    parser = Hrefs()
    parser.feed(renderer.render(markdown))
    return parser.hrefs


def scheme(href: str) -> str:
    # As a browser reads a URL: tabs, newlines and leading controls or spaces do not count.
    cleaned = re.sub(r"[\t\n\r]", "", href).lstrip("\x00- ").lower()
    match = re.match(r"([a-z][a-z0-9+.-]*):", cleaned)
    return match.group(1) if match else ""


@pytest.mark.parametrize("successor", SCRIPTS)
def test_a_superseded_by_link_is_never_a_script(runner, tmp_path, successor):
    decision = {"status": "superseded", "superseded_by": successor, "by": "T", "date": "2026-02-01"}
    text = answers_yaml(CLEAN, slug="feat") + yaml.safe_dump({"decision": decision})
    path = write(tmp_path / "feat.answers.yaml", text)
    result = runner.invoke(app, ["render", str(path), "-o", "-"])
    assert result.exit_code == 0, result.output
    assert "Superseded by" in result.stdout
    found = hrefs(result.stdout)
    assert found, "the brief has links (its answers file, its sources)"
    assert not [h for h in found if scheme(h) in DANGEROUS], found


def test_the_old_relative_rule_let_the_entity_through():
    # Why the scheme is read after decoding: the browser sees what the entity spells.
    assert scheme(hrefs("[x](javascript&colon;alert(1))")[0]) == "javascript"


def _full_questionnaire(urls: list[str]) -> str:
    sources = "".join(f"  - {{id: s{i}, title: Source {i}, url: {url!r}}}\n" for i, url in enumerate(urls))
    return MINI.replace("rules:\n", f"sources:\n{sources}rules:\n", 1)


def _extension(urls: list[str]) -> str:
    sources = "".join(f"  - {{id: s{i}, title: Source {i}, url: {url!r}}}\n" for i, url in enumerate(urls))
    return f"id: acme\nversion: 1\nextends: default\nsources:\n{sources}"


ALLOWED = [
    "https://example.com/a?b=1&amp;c=2",
    "http://example.com",
    "mailto:ml@example.com",
    "docs/policy.md",
]


@pytest.mark.parametrize("build", [_full_questionnaire, _extension], ids=["questionnaire", "extension"])
def test_questionnaire_validate_reports_each_unsafe_source_url_with_file_and_line(runner, tmp_path, build):
    import textwrap

    path = write(tmp_path / "team.yaml", textwrap.dedent(build([*ALLOWED, *SCRIPTS])))
    lines = path.read_text(encoding="utf-8").splitlines()
    result = runner.invoke(app, ["questionnaire", "validate", str(path)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    for url in SCRIPTS:
        line = next(n for n, text in enumerate(lines, 1) if repr(url) in text)
        assert f"{path}:{line}: source URL {url!r} may not be a link" in result.output, result.output
    for url in ALLOWED:
        assert repr(url) not in result.output


def test_a_questionnaire_with_a_script_link_renders_nothing(runner, tmp_path):
    import textwrap

    team = write(tmp_path / "team.yaml", textwrap.dedent(_full_questionnaire(["javascript&colon;alert(1)"])))
    answers = write(tmp_path / "a.answers.yaml", answers_yaml({"uses_ml": "no"}, slug="a"))
    result = runner.invoke(app, ["render", str(answers), "-q", str(team), "-o", str(tmp_path / "a.md")])
    assert result.exit_code == 2 and "may not be a link" in result.output
    assert not (tmp_path / "a.md").exists()
