"""The shortest and longest way through a questionnaire."""

from __future__ import annotations

from mlpdm.core.answers.steps import visible_questions
from mlpdm.core.questionnaire.length import PathLengths, path_lengths
from tests.core.scenarios import CLEAN, FIRES, with_changes


def test_mini_questionnaire(mini_q):
    assert path_lengths(mini_q) == PathLengths(shortest=2, longest=3, total=3)


def test_default_questionnaire_bounds_every_real_path(default_q):
    lengths = path_lengths(default_q)
    short = {"audience": "internal", "current_process": "none", "simpler_alternative": "fully"}
    widest = with_changes(
        {
            **FIRES["injection-can-act"],
            **FIRES["no-abuse-controls"],
            **FIRES["favour-recall"],
            **FIRES["legal-basis-unconfirmed"],
            "facts_matter": "yes",
            "grounding": "none",
            "approach": "rag",
            "domain_gap": "yes",
            "simpler_alternative": "mostly",
            "hybrid": "yes",
            "alternative": "x",
            "expected_gain": "moderate",
            "gain_pays": "yes",
            "ml_staff": "inhouse",
            "misuse": "yes",
            "oversight": "assist",
            "actor": "staff",
            "review_time": "minutes",
            "affects_people": "yes",
            "baseline": None,
            "model_metric": "precision",
            "metric_target": "Nine in ten flags right",
            "launch_target": 95,
            "pilot_total": 100,
            "pilot_correct": 97,
            "regions": ["eu", "japan"],
            "binding_statements": "no",
        }
    )
    assert lengths.shortest == len(visible_questions(default_q, short))
    assert lengths.longest == len(visible_questions(default_q, widest))
    assert lengths.shortest < 12 and lengths.longest > 60
    for changes in FIRES.values():
        assert lengths.shortest <= len(visible_questions(default_q, with_changes(changes))) <= lengths.longest
    assert len(visible_questions(default_q, CLEAN)) <= lengths.longest
