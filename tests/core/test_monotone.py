"""The verdict is monotone: a riskier answer to any question never gives a milder verdict.

Each question's answers are ordered from safe to risky as a partial order (below): "not
sure" is riskier than the safe answer but not comparable with a known risky one, because
uncertainty gives NOT READY ("find out"), never a blocker. Hypothesis draws whole sets of
answers, then moves one answer one step towards risk, and the verdict may only stay or get
more severe (VERDICTS lists them from the most severe).
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlpdm.core.decision.engine import VERDICTS, Verdict, decide
from mlpdm.core.questionnaire.model import UNSURE, Question
from mlpdm.repo.resources import load_packaged_questionnaire

Q = load_packaged_questionnaire()

# Chains of answers from the safest to the riskiest; a question may have several chains.
CHAINS: dict[str, list[list[str]]] = {
    "audience": [["internal", "business", "consumers"]],
    # Less need for ML is "riskier" too (ML not needed outranks NOT READY); "fully" ends the
    # review early, so it is left out.
    "simpler_alternative": [["no", "partly", "mostly"], ["no", UNSURE]],
    "need_evidence": [["measured", "research", "requests", "assumption"]],
    "hybrid": [["yes", "no"]],
    "data_available": [["yes", "partly", "no"], ["yes", "partly", UNSURE]],
    "expected_gain": [["large", "moderate", "small"], ["large", UNSURE]],
    "gain_pays": [["yes", "no"], ["yes", UNSURE]],
    "uses_llm": [["no", "yes"], ["no", UNSURE]],
    "domain_gap": [["no", "yes"], ["no", UNSURE]],
    "ml_staff": [["inhouse", "none"], ["vendor", "none"], ["inhouse", UNSURE], ["vendor", UNSURE]],
    "oversight": [["review_each", "review_some", "auto"], ["assist", "auto"]],
    "actor": [["staff", "affected"], ["staff", UNSURE]],
    "error_cost": [["annoyance", "time", "money", "rights", "safety"]],
    "affects_people": [["no", "yes"], ["no", UNSURE]],
    "review_time": [["minutes", "short", "seconds"], ["minutes", "short", UNSURE]],
    "reversibility": [["easy", "costly", "irreversible"], ["easy", UNSURE]],
    "misuse": [["no", "yes"], ["no", UNSURE]],
    "fallback": [["manual", "degrade", "none"]],
    "correction": [["yes", "partly", "no"]],
    "facts_matter": [["no", "yes"], ["no", UNSURE]],
    "grounding": [["human", "validation", "none"], ["human", "retrieval", "none"]],
    "llm_actions": [["answer", "read"], ["answer", "write", "send"], ["answer", "code"]],
    "action_approval": [["each", "high_impact", "none"]],
    "output_downstream": [["no", "code"], ["no", "yes"], ["no", UNSURE]],
    "consistency": [["yes", "limits", "no"]],
    "binding_statements": [["no", "yes"], ["no", UNSURE]],
    "red_team": [["done", "planned", "no"]],
    "protected_inputs": [["no", "proxy", "direct"], ["no", UNSURE]],
    "target_proxy": [["no", "yes"], ["no", UNSURE]],
    "contest_route": [["yes", "no"], ["yes", UNSURE]],
    "segment_eval": [["yes", "no"], ["yes", UNSURE]],
    "labeller": [["experts", "nobody"], ["team", "nobody"], ["vendor", "nobody"], ["users", "nobody"]],
    "eval_ready": [["ready", "partly", "planned"]],
    "eval_representative": [["yes", "no"], ["yes", UNSURE]],
    "data_destination": [["inhouse", "business_api", "consumer_service"], ["inhouse", UNSURE]],
    "legal_basis": [["yes", "no"], ["yes", UNSURE]],
    "publishes_generated": [["no", "yes"], ["no", UNSURE]],
    "public_claims": [["no", "yes"], ["no", UNSURE]],
    "rollout_plan": [["poc", "staged", "all_at_once"], ["poc", "ab_test", "all_at_once"]],
    "version_pinned": [["yes", "no"], ["yes", UNSURE]],
    "regression_eval": [["yes", "no"], ["yes", UNSURE]],
    "kill_switch": [["yes", "no"], ["yes", UNSURE]],
}
# Multi questions where each added choice is riskier (what is involved) or safer (controls).
MORE_IS_RISKIER = (
    "red_flags",
    "untrusted_inputs",
    "personal_data",
    "regulated_domains",
    "regions",
    "eu_prohibited",
)
MORE_IS_SAFER = ("feedback", "expectations", "abuse_controls", "monitoring", "eval_source")
STAKES = (
    "error_cost",
    "reversibility",
    "audience",
    "affects_people",
    "regulated_domains",
    "uses_llm",
    "personal_data",
)
# Numbers where a larger value is riskier (more load), or a smaller one (less evidence).
HIGHER_IS_RISKIER = ("reviewer_load",)
LOWER_IS_RISKIER = ("eval_size", "pilot_correct")


def _safest(question: Question) -> Any:
    """The safest answer to a question, where the orders above name one."""
    qid = question.id
    if qid in CHAINS:
        return CHAINS[qid][0][0]
    if qid in MORE_IS_RISKIER:
        exclusive = [c.value for c in question.choices if c.exclusive]
        return exclusive[:1] or [question.choices[0].value]
    if qid in MORE_IS_SAFER:
        return [c.value for c in question.choices if not c.exclusive]
    return None


def _value(question: Question, data: st.DataObject, *, neutral: bool = False) -> Any:
    """Any answer; ``neutral`` ones (for questions with no order) are never "not sure"."""
    kind = question.type
    if kind in ("choice", "yesno"):
        values = [v for v in question.allowed_values() if not (neutral and v == UNSURE)]
        return data.draw(st.sampled_from(values))
    if kind == "multi":
        exclusive = [c.value for c in question.choices if c.exclusive]
        plain = [c.value for c in question.choices if not c.exclusive]
        if exclusive and data.draw(st.booleans()):
            return [exclusive[0]]
        picked = data.draw(st.lists(st.sampled_from(plain), min_size=1, max_size=3, unique=True))
        return sorted(picked, key=plain.index)
    if kind == "number":
        low = int(question.min or 0)
        high = int(question.max) if question.max is not None else 2000
        return data.draw(st.integers(min_value=low, max_value=min(high, 2000)))
    if kind == "list":
        return data.draw(st.sampled_from([[], ["Older users"], ["tbd"]]))
    # Free text: an answer, a placeholder that reads as blank, or nothing (optional ones).
    options = ["Some answer", "Some answer", "not decided yet"] + ([] if question.required else [None])
    return data.draw(st.sampled_from(options))


def _answers(data: st.DataObject) -> dict[str, Any]:
    """The safest answer to every ordered question, random ones elsewhere, then a few risky ones.

    Starting near GO keeps the verdict mild enough for any milder step to show.
    """
    answers = {
        qid: safest if (safest := _safest(q)) is not None else _value(q, data, neutral=True)
        for qid, q in Q.question_index.items()
    }
    # The stakes, which the severity tiers read, vary often; a few other answers now and then.
    for qid in STAKES:
        if data.draw(st.integers(0, 2)) == 0:
            answers[qid] = _value(Q.question(qid), data)
    ordered = sorted(qid for qid in answers if _safest(Q.question(qid)) is not None)
    for qid in data.draw(st.lists(st.sampled_from(ordered), max_size=3, unique=True)):
        answers[qid] = _value(Q.question(qid), data)
    total = answers.get("pilot_total")
    if isinstance(total, int) and isinstance(answers.get("pilot_correct"), int):
        answers["pilot_correct"] = min(answers["pilot_correct"], total)
    return answers


def _steps(answers: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """Every one-step move towards risk from these answers: (question, safer, riskier)."""
    steps: list[tuple[str, Any, Any]] = []
    for qid, chains in CHAINS.items():
        for chain in chains:
            steps += [(qid, a, b) for a, b in pairwise(chain)]
    for qid in (*MORE_IS_RISKIER, *MORE_IS_SAFER):
        question = Q.question(qid)
        exclusive = [c.value for c in question.choices if c.exclusive]
        plain = [c.value for c in question.choices if not c.exclusive]
        given = [v for v in answers[qid] if v in plain]
        for value in plain:
            if value in given:
                continue
            more = sorted([*given, value], key=plain.index)
            fewer = given or exclusive[:1]
            if fewer:
                steps.append((qid, fewer, more) if qid in MORE_IS_RISKIER else (qid, more, fewer))
    for qid in HIGHER_IS_RISKIER:
        steps += [(qid, low, high) for low, high in ((0, 50), (50, 150), (150, 500), (500, 1000))]
    total = answers.get("pilot_total")
    for qid in LOWER_IS_RISKIER:
        cap = total if qid == "pilot_correct" and isinstance(total, int) else 5000
        values = sorted({min(v, cap) for v in (5000, 1000, 400, 100, 30, 0)}, reverse=True)
        steps += [(qid, high, low) for high, low in pairwise(values)]
    return steps


@settings(max_examples=80, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_riskier_answer_never_gives_a_milder_verdict(data):
    answers = _answers(data)
    verdicts: dict[tuple[str, str], Verdict] = {}

    def verdict(qid: str, value: Any) -> Verdict:
        key = (qid, repr(value))
        if key not in verdicts:
            verdicts[key] = decide(Q, {**answers, qid: value})
        return verdicts[key]

    for qid, safer, riskier in _steps(answers):
        before, after = verdict(qid, safer), verdict(qid, riskier)
        assert VERDICTS.index(after.id) <= VERDICTS.index(before.id), (
            f"{qid}: {safer!r} -> {riskier!r} made the verdict milder: {before.id} -> {after.id}; "
            f"before {[(f.rule.id, f.outcome) for f in before.findings if f.outcome != 'note']}, "
            f"after {[(f.rule.id, f.outcome) for f in after.findings if f.outcome != 'note']}"
        )


def test_every_ordered_question_exists_with_those_answers():
    # A renamed question or choice must not silently drop out of the property above.
    for qid, chains in CHAINS.items():
        allowed = Q.question(qid).allowed_values()
        for chain in chains:
            assert set(chain) <= set(allowed), (qid, chain)
    for qid in (*MORE_IS_RISKIER, *MORE_IS_SAFER):
        assert Q.question(qid).type == "multi"
    for qid in (*HIGHER_IS_RISKIER, *LOWER_IS_RISKIER):
        assert Q.question(qid).type == "number"


def _answered(question: Question, answers: dict[str, Any]) -> list[Any]:
    """Answers a PM could give to an optional question."""
    if question.type in ("text", "longtext"):
        return ["Some answer"]
    if question.type == "list":
        return [["Older users"]]
    low = question.min or 0
    high = question.max if question.max is not None else 5000
    cap = answers.get(question.at_most) if question.at_most else None
    values = {v for v in (0, 5, 50, 400, 5000) if low <= v <= high}
    if isinstance(cap, int | float):
        values = {min(v, cap) for v in values}
    return sorted(values)


@settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_an_optional_question_left_blank_never_makes_the_verdict_worse(data):
    answers = _answers(data)
    for question in Q.question_index.values():
        # A blank that says "does not apply" (no small pool, no pilot yet) is itself an answer,
        # compared with the others by the monotone test above; only "not known" must be harmless.
        if question.required or question.blank_means == "not_applicable":
            continue
        blank = decide(Q, {**answers, question.id: None})
        for value in _answered(question, answers):
            answered = decide(Q, {**answers, question.id: value})
            assert VERDICTS.index(blank.id) >= VERDICTS.index(answered.id), (
                f"{question.id} left blank gives {blank.id}, answered {value!r} gives {answered.id}"
            )
