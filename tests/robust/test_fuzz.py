"""Property-based fuzzing: arbitrary files never cause a traceback; valid ones agree with the engine."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import math
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from mlpdm.cli.app import app
from mlpdm.core.answers.coerce import coerce_answer
from mlpdm.core.answers.document import AnswersDoc
from mlpdm.core.answers.steps import visible_questions
from mlpdm.core.brief.frontmatter import split_front_matter, text_digest
from mlpdm.core.brief.render import render_brief
from mlpdm.core.decision.engine import decide
from mlpdm.core.questionnaire.model import Question
from mlpdm.core.text.errors import UserError
from mlpdm.repo.resources import load_packaged_questionnaire, template_loader
from mlpdm.repo.workspace import answers_text, read_answers
from tests.conftest import MINI, PINNED_ENV, REPO

FUZZ = settings(
    phases=None if os.environ.get("MLPDM_FUZZ_SHRINK") else [Phase.explicit, Phase.reuse, Phase.generate],
    max_examples=int(os.environ.get("MLPDM_FUZZ_EXAMPLES", "300")),
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
Q = load_packaged_questionnaire()
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    TEXT,
    st.dates(),
    st.sampled_from(["yes", "no", "unsure", "none", "fully", "api", "default"]),
)
YAML_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(TEXT, inner, max_size=4)),
    max_leaves=12,
)


def invoke(args: list[str]):
    from typer.testing import CliRunner

    return CliRunner(env=PINNED_ENV).invoke(app, args)


def no_traceback(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output


def mutated_answers() -> st.SearchStrategy[dict[str, Any]]:
    base = yaml.safe_load(Path("examples/invoice-ocr.answers.yaml").read_text(encoding="utf-8"))
    keys = list(base["answers"])
    return st.builds(
        lambda changes, drops, top: {
            **{k: v for k, v in base.items() if k not in top},
            "answers": {**{k: v for k, v in base["answers"].items() if k not in drops}, **changes},
            **{k: v for k, v in top.items() if v is not None},
        },
        st.dictionaries(st.sampled_from(keys) | TEXT, YAML_VALUES, max_size=3),
        st.sets(st.sampled_from(keys), max_size=3),
        st.dictionaries(
            st.sampled_from(["questionnaire", "meta", "decision", "extra"]),
            st.none() | YAML_VALUES,
            max_size=1,
        ),
    )


@FUZZ
@given(document=st.one_of(YAML_VALUES, mutated_answers()))
def test_random_answers_files_through_render_and_check(tmp_path_factory, document):
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / ".git").mkdir()
    docs = folder / "docs" / "mlpdm"
    docs.mkdir(parents=True)
    path = docs / "invoice-ocr.answers.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    rendered = invoke(["render", str(path), "-o", "-"])
    no_traceback(rendered)
    assert rendered.exit_code in (0, 2)
    checked = invoke(["check", str(docs), "--format", "json"])
    no_traceback(checked)
    assert checked.exit_code in (0, 1, 2)
    if checked.exit_code in (0, 1):
        json.loads(checked.stdout)


@FUZZ
@given(
    edits=st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=60),
            TEXT
            | st.sampled_from(
                [
                    "type: list",
                    'when: "x =="',
                    "- id: a",
                    "points: []",
                    "  ",
                    ":",
                    "version: 0",
                    "choices: []",
                ]
            ),
        ),
        max_size=3,
    )
)
def test_random_questionnaire_mutations_through_validate(tmp_path_factory, edits):
    lines = MINI.splitlines()
    for index, text in edits:
        lines.insert(min(index, len(lines)), text)
    path = tmp_path_factory.mktemp("q") / "team.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = invoke(["questionnaire", "validate", str(path)])
    no_traceback(result)
    assert result.exit_code in (0, 2)


def _value(data: st.DataObject, question: Question, answers: dict[str, Any]) -> Any:
    kind = question.type
    if not question.required and data.draw(st.booleans()):
        return None
    if kind in ("choice", "yesno"):
        return data.draw(st.sampled_from(question.allowed_values()))
    if kind == "multi":
        exclusive = [c.value for c in question.choices if c.exclusive]
        if exclusive and data.draw(st.booleans()):
            return [data.draw(st.sampled_from(exclusive))]
        others = [v for v in question.allowed_values() if v not in exclusive]
        chosen = data.draw(st.sets(st.sampled_from(others), min_size=1))
        return [v for v in question.allowed_values() if v in chosen]
    if kind == "number":
        low = math.ceil(question.min if question.min is not None else 0)
        high = int(question.max if question.max is not None else 100_000)
        if question.at_most and isinstance(answers.get(question.at_most), int):
            high = min(high, answers[question.at_most])
        return data.draw(st.integers(min_value=low, max_value=max(low, high)))
    if kind == "list":
        return data.draw(
            st.lists(
                st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20)
                .map(str.strip)
                .filter(bool),
                min_size=1,
                max_size=3,
                unique=True,
            )
        )
    return data.draw(
        st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60)
        .map(str.strip)
        .filter(bool)
    )


@FUZZ
@given(data=st.data())
def test_valid_random_answers_render_the_engines_verdict(tmp_path_factory, data):
    answers: dict[str, Any] = {}
    for question in Q.question_index.values():
        if question.id in {q.id for q in visible_questions(Q, answers)}:
            # As the interview stores it: coerced (whitespace folded, order canonical).
            answers[question.id] = coerce_answer(question, _value(data, question, answers))
    answers = {q.id: answers[q.id] for q in visible_questions(Q, answers) if q.id in answers}
    doc = AnswersDoc("default", 1, {"feature": "Fuzz", "slug": "fuzz", "date": "2026-01-31"}, answers)
    path = tmp_path_factory.mktemp("valid") / "fuzz.answers.yaml"
    path.write_text(answers_text(doc, brief_name="fuzz.md"), encoding="utf-8")
    try:
        loaded = read_answers(path, Q)  # the file is valid and reads back the same
    except UserError as error:
        raise AssertionError([str(p) for p in error.problems]) from None
    assert dict(loaded.answers) == answers
    verdict = decide(Q, loaded.answers)
    brief = render_brief(Q, loaded, verdict, lang="en", loader=template_loader())
    front, _ = split_front_matter(brief)
    assert front is not None and front["verdict"] == verdict.id
    assert dt.date.fromisoformat(front["date"]) == dt.date(2026, 1, 31)


# -- hostile files in a docs folder: tags, impossible dates, huge numbers, bad bytes --------------

FUZZ_FILES = settings(FUZZ, max_examples=int(os.environ.get("MLPDM_FUZZ_EXAMPLES", "200")))
LINE_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r"), max_size=12)
TAGS = [
    "!!int",
    "!!float",
    "!!bool",
    "!!timestamp",
    "!!str",
    "!!null",
    "!!binary",
    "!!set",
    "!!omap",
    "!!pairs",
    "!!map",
    "!!seq",
    "!!merge",
    "!!python/object:os.system",
    "!custom",
]
EVIL_SCALARS = st.one_of(
    st.tuples(st.sampled_from(TAGS), LINE_TEXT | st.sampled_from(["", "1", "0x1F", "2026-02-30", "yes"])).map(
        " ".join
    ),
    st.tuples(st.integers(0, 10_000), st.integers(0, 99), st.integers(0, 99)).map(
        lambda ymd: "{:04d}-{:02d}-{:02d}".format(*ymd)
    ),
    st.integers(4_290, 4_400).map(lambda n: "9" * n),
    st.integers(3_560, 3_600).map(lambda n: "0x" + "f" * n),
    st.sampled_from(
        [
            "1e999",
            "-.inf",
            ".nan",
            "0o777",
            "0o8",
            "09",
            "1:30",
            "1:30:00",
            "1_000",
            "yes",
            "No",
            "ON",
            "off",
            "~",
            "=",
            "<<",
            "[a, b",
            "{a: 1",
            "[a]",
            "{a: 1}",
            "&a x",
            "*a",
            "*undefined",
            "? x",
            "- x",
            "|",
            ">-",
            "'",
            '"',
            "'a''b'",
            '"\\x"',
            '"\\uD800"',
        ]
    ),
    LINE_TEXT.map(lambda text: '"' + text),
    LINE_TEXT.map(lambda text: "'" + text),
    LINE_TEXT,
)
# One change to a file's lines: a value replaced, a key replaced, a line repeated or removed.
LINE_EDITS = st.one_of(
    st.tuples(st.just("value"), st.integers(0, 200), EVIL_SCALARS),
    st.tuples(st.just("key"), st.integers(0, 200), EVIL_SCALARS),
    st.tuples(st.just("repeat"), st.integers(0, 200), st.just("")),
    st.tuples(st.just("drop"), st.integers(0, 200), st.just("")),
)
BYTE_EDITS = st.lists(st.tuples(st.integers(0, 20_000), st.binary(min_size=1, max_size=3)), max_size=2)


def edit_lines(text: str, edits: list[tuple[str, int, str]]) -> str:
    lines = text.split("\n")
    for kind, index, scalar in edits:
        if not lines:
            break
        at = index % len(lines)
        key, sep, value = lines[at].partition(": ")
        if kind == "value":
            lines[at] = f"{key}: {scalar}" if sep else f"{lines[at]} {scalar}"
        elif kind == "key":
            indent = key[: len(key) - len(key.lstrip())]
            lines[at] = f"{indent}{scalar}: {value}"
        elif kind == "repeat":
            lines.insert(at, lines[at])
        else:
            del lines[at]
    return "\n".join(lines)


# The fields mlpdm writes into a brief's front matter, and values of the wrong type for them.
FRONT_FIELDS = st.sampled_from(
    [
        "title",
        "feature",
        "slug",
        "verdict",
        "top_reason",
        "status",
        "owner",
        "date",
        "questionnaire",
        "lang",
        "review_by",
        "generator",
        "digests",
    ]
)
FIELD_VALUES = EVIL_SCALARS | st.sampled_from(
    [
        "[a]",
        "{id: x}",
        "{id: mini, version: x}",
        "{id: mini, version: 99}",
        "7",
        "true",
        "null",
        '"x"',
        "bogus",
    ]
)


def edit_fields(head: str, edits: list[tuple[str, str]]) -> str:
    """Front matter with the value of each named field replaced (a nested mapping included)."""
    lines = head.split("\n")
    for field, value in edits:
        at = next((i for i, line in enumerate(lines) if line.startswith(f"{field}:")), None)
        if at is None:
            continue
        end = at + 1
        while end < len(lines) and lines[end].startswith("  "):
            end += 1
        lines[at:end] = [f"{field}: {value}"]
    return "\n".join(lines)


def edit_bytes(data: bytes, edits: list[tuple[int, bytes]]) -> bytes:
    for at, raw in edits:
        at %= len(data) + 1
        data = data[:at] + raw + data[at:]
    return data


def run_every_command(docs: Path, answers: Path) -> None:
    """check, index, decide and render on a folder: each ends with a message, never a traceback."""
    for args, codes in (
        (["check", str(docs), "--format", "json"], (0, 1, 2)),
        (["index", str(docs)], (0, 2)),
        (["decide", str(answers), "rejected", "--by", "Fuzz", "--force"], (0, 2)),
        (["render", *map(str, sorted(docs.glob("*.answers.yaml")))], (0, 2)),
    ):
        result = invoke(args)
        no_traceback(result)
        assert result.exit_code in codes, (args, result.exit_code, result.output)


@FUZZ_FILES
@given(edits=st.lists(LINE_EDITS, min_size=1, max_size=3), raw=BYTE_EDITS)
def test_hostile_answers_files_through_every_command(tmp_path_factory, edits, raw):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / ".git").mkdir()
    docs = folder / "docs" / "mlpdm"
    docs.mkdir(parents=True)
    path = docs / "refund-agent.answers.yaml"
    text = edit_lines((REPO / "examples" / path.name).read_text(encoding="utf-8"), edits)
    path.write_bytes(edit_bytes(text.encode("utf-8", "surrogatepass"), raw))
    run_every_command(docs, path)


MINI_ANSWERS = """\
questionnaire:
  id: mini
  version: 1
meta:
  feature: Fuzz
  slug: fuzz
  date: '2026-01-31'
answers:
  uses_ml: 'yes'
  kind: llm
  note: A note
"""


def mini_folder(folder: Path) -> Path:
    """A team repository whose configuration names MINI; its answers file, no brief yet."""
    (folder / ".git").mkdir()
    (folder / "team.yaml").write_text(MINI, encoding="utf-8")
    (folder / "mlpdm.toml").write_text('questionnaire = "team.yaml"\n', encoding="utf-8")
    docs = folder / "docs" / "mlpdm"
    docs.mkdir(parents=True)
    (docs / "fuzz.answers.yaml").write_text(MINI_ANSWERS, encoding="utf-8")
    return docs


@contextlib.contextmanager
def inside(folder: Path) -> Iterator[None]:
    """Run in ``folder``, where the configuration names the team questionnaire."""
    previous = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(previous)


@pytest.fixture(scope="module")
def mini_brief(tmp_path_factory) -> str:
    """The brief mlpdm writes for MINI_ANSWERS in a MINI folder (a small questionnaire is fast).

    Rendered where `check` runs, so that the fuzzed brief is compared with what check renders.
    """
    folder = tmp_path_factory.mktemp("mini")
    docs = mini_folder(folder)
    with inside(folder):
        result = invoke(["render", str(docs / "fuzz.answers.yaml")])
    assert result.exit_code == 0, result.output
    return (docs / "fuzz.md").read_text(encoding="utf-8")


def reseal(text: str) -> str:
    """Front matter changed and its body digest recomputed, as someone forging a brief would."""
    end = text.find("\n---\n\n")
    if end < 0:
        return text
    digest = "  brief: " + text_digest(text[end + 6 :])
    return re.sub(r"(?m)^  brief: .*$", lambda _: digest, text[:end], count=1) + text[end:]


@FUZZ_FILES
@given(
    brief_fields=st.lists(st.tuples(FRONT_FIELDS, FIELD_VALUES), max_size=2),
    brief_edits=st.lists(LINE_EDITS, max_size=2),
    sealed=st.booleans(),
    brief_raw=BYTE_EDITS,
    other=st.none() | st.lists(LINE_EDITS, max_size=3),
    other_raw=BYTE_EDITS,
    index_raw=st.none() | BYTE_EDITS,
)
def test_mutated_front_matter_and_bytes_in_markdown_files_through_every_command(
    tmp_path_factory, mini_brief, brief_fields, brief_edits, sealed, brief_raw, other, other_raw, index_raw
):
    folder = tmp_path_factory.mktemp("front")
    docs = mini_folder(folder)
    answers = docs / "fuzz.answers.yaml"
    # Only the front matter is edited line by line: the body is mlpdm's, the head is the target.
    head, _, body = mini_brief.partition("\n---\n\n")
    brief = edit_lines(edit_fields(head, brief_fields), brief_edits) + "\n---\n\n" + body
    (docs / "fuzz.md").write_bytes(edit_bytes((reseal(brief) if sealed else brief).encode(), brief_raw))
    if other is not None:  # a Markdown file of the team's, with front matter of its own
        notes = edit_lines("---\ntitle: Notes\ndate: 2026-01-31\ntags: [a, b]\n---\n\n# Notes\n", other)
        (docs / "notes.md").write_bytes(edit_bytes(notes.encode("utf-8", "surrogatepass"), other_raw))
    if index_raw is not None:
        index = "---\ntitle: ML feature briefs\nbriefs: 1\ngenerator: mlpdm\n---\n\n# Briefs\n"
        (docs / "README.md").write_bytes(edit_bytes(index.encode(), index_raw))
    with inside(folder):
        run_every_command(docs, answers)
