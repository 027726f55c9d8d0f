"""Property-based fuzzing: arbitrary files never cause a traceback; valid ones agree with the engine."""

from __future__ import annotations

import datetime as dt
import json
import math
import os
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from mlpdm.cli.app import app
from mlpdm.core.answers import AnswersDoc, coerce_answer
from mlpdm.core.decision import decide
from mlpdm.core.errors import UserError
from mlpdm.core.freshness import split_front_matter
from mlpdm.core.interview import visible_questions
from mlpdm.core.questionnaire import Question
from mlpdm.core.render import render_brief
from mlpdm.resources import load_packaged_questionnaire, template_loader
from mlpdm.workspace import answers_text, read_answers
from tests.conftest import MINI, PINNED_ENV

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
