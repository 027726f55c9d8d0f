"""Seeded synthetic answers files for the scale benchmark.

Each file is a complete interview of the real default questionnaire, walked the way the
interview walks it (only applicable questions, answers coerced and checked as typed), with
random but valid answers: so the briefs cover every verdict and most rules, not one shape
copied ten thousand times.

    python benchmarks/synth.py DIR COUNT [--seed N]

writes DIR/docs/mlpdm/<slug>.answers.yaml; `mlpdm check --fix` then renders the briefs.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path
from typing import Any

from mlpdm.core.answers.coerce import AnswerError, coerce_answer
from mlpdm.core.answers.document import AnswersDoc
from mlpdm.core.answers.steps import Interview
from mlpdm.core.questionnaire.model import Question, Questionnaire
from mlpdm.repo.resources import load_packaged_questionnaire
from mlpdm.repo.workspace import answers_text

WORDS = [
    "invoice",
    "customer",
    "support",
    "ticket",
    "draft",
    "summary",
    "review",
    "model",
    "precision",
    "recall",
    "label",
    "clerk",
    "queue",
    "reply",
    "refund",
    "search",
    "ranking",
    "fraud",
    "alert",
    "churn",
    "forecast",
    "inspection",
    "photo",
    "defect",
    "call",
    "transcript",
    "contract",
    "clause",
    "policy",
    "escalation",
    "latency",
    "budget",
    "pilot",
    "launch",
    "owner",
    "weekly",
]

# Distinct answer profiles walked through the interview; files beyond this many reuse a
# profile with their own name, owner, date and free text (walking costs more than writing).
PROFILES = 400


def sentence(rng: random.Random, low: int = 6, high: int = 30) -> str:
    """A plausible line of free text."""
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high))).capitalize() + "."


def random_value(question: Question, answers: dict[str, Any], rng: random.Random) -> Any:
    """A random raw value of the question's type, as a person might type it."""
    if question.type == "yesno" or question.type == "choice":
        return rng.choice(question.allowed_values())
    if question.type == "multi":
        plain = [c.value for c in question.choices if not c.exclusive]
        exclusive = [c.value for c in question.choices if c.exclusive]
        if exclusive and rng.random() < 0.25:
            return [rng.choice(exclusive)]
        return rng.sample(plain, rng.randint(1, min(3, len(plain))))
    if question.type == "number":
        low = question.min if question.min is not None else 0
        high = question.max if question.max is not None else 100_000
        if question.at_most and isinstance(answers.get(question.at_most), int | float):
            high = min(high, answers[question.at_most])
        value = rng.uniform(low, high) if high < 10 else rng.randint(int(low), int(max(low, high)))
        return round(value) if question.integer else round(value, 3)
    if not question.required and rng.random() < 0.2:
        return None
    return sentence(rng)


def walk(questionnaire: Questionnaire, rng: random.Random) -> dict[str, Any]:
    """Answer every applicable question, in interview order."""
    state = Interview.start(questionnaire)
    while (step := state.current()) is not None:
        for _ in range(20):
            try:
                value = coerce_answer(step.question, random_value(step.question, dict(state.answers), rng))
                break
            except AnswerError:
                continue
        else:  # pragma: no cover - a question the generator cannot answer is a bug here
            raise SystemExit(f"cannot answer {step.question.id!r}")
        state = state.answer(value)
    return state.saved_answers()


def with_fresh_text(
    answers: dict[str, Any], questionnaire: Questionnaire, rng: random.Random
) -> dict[str, Any]:
    """The same profile with new free text, so no two files are alike."""
    return {
        key: sentence(rng) if questionnaire.question(key).type == "text" and isinstance(value, str) else value
        for key, value in answers.items()
    }


def generate(root: Path, count: int, seed: int = 7) -> Path:
    """Write ``count`` answers files under root/docs/mlpdm and return that folder."""
    questionnaire = load_packaged_questionnaire()
    docs = root / "docs" / "mlpdm"
    docs.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    profiles = [walk(questionnaire, rng) for _ in range(min(count, PROFILES))]
    for number in range(count):
        slug = f"feature-{number:05d}"
        answers = with_fresh_text(profiles[number % len(profiles)], questionnaire, rng)
        doc = AnswersDoc(
            questionnaire_id=questionnaire.id,
            questionnaire_version=questionnaire.version,
            meta={
                "feature": f"Feature {number:05d} {rng.choice(WORDS)}",
                "slug": slug,
                "owner": f"Owner {rng.randint(1, 60)}",
                "date": f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}",
            },
            answers=answers,
        )
        (docs / f"{slug}.answers.yaml").write_text(
            answers_text(doc, brief_name=f"{slug}.md"), encoding="utf-8"
        )
    return docs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    docs = generate(args.root, args.count, args.seed)
    print(f"{args.count} answers files in {docs}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
