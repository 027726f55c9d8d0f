"""Severity tiers that scale a finding with the stakes and the safeguards (docs/severity.md).

Each test moves one fact across a tier's boundary and checks the outcome a user reads in the
brief on both sides, so removing or loosening the tier fails here.
"""

from __future__ import annotations

from typing import Any

from mlpdm.core.decision.engine import decide
from tests.core.scenarios import DROP, FIRES, with_changes


def _outcome(q: Any, changes: dict[str, Any], rule_id: str) -> str | None:
    verdict = decide(q, with_changes(changes))
    return next((f.outcome for f in verdict.findings if f.rule.id == rule_id), None)


# -- ML not needed -----------------------------------------------------------------------------

UNMEASURED = {
    "simpler_alternative": "partly",
    "alternative": "Online forms with guidance text",
    "metric_target": "not decided yet",
    "eval_source": ["none"],
    "eval_size": DROP,
    "labeller": DROP,
}


def test_nothing_to_measure_the_model_against_the_simpler_way_means_build_the_simpler_way(default_q):
    assert _outcome(default_q, UNMEASURED, "compare-with-simpler") == "not-needed"
    assert decide(default_q, with_changes(UNMEASURED)).id == "no-go-not-needed"
    # With labelled data in hand the margin can be measured: a note on how to measure it.
    measurable = {**UNMEASURED, "eval_source": ["experts"], "eval_size": 400, "labeller": "team"}
    assert _outcome(default_q, measurable, "compare-with-simpler") == "note"
    # Not knowing whether a simpler way works is never "ML not needed".
    unsure = {**UNMEASURED, "simpler_alternative": "unsure", "alternative": DROP}
    assert _outcome(default_q, unsure, "compare-with-simpler") == "note"


def test_a_small_gain_nobody_can_show_pays_is_not_worth_a_model(default_q):
    small = {"expected_gain": "small", "gain_pays": "unsure"}
    assert _outcome(default_q, small, "gain-does-not-pay") == "not-needed"
    assert _outcome(default_q, {**small, "expected_gain": "moderate"}, "gain-does-not-pay") == "note"
    # Nobody knows the gain: find out before a release to everyone at once...
    unknown = {**small, "expected_gain": "unsure", "rollout_plan": "all_at_once", "launch_gate": DROP}
    assert _outcome(default_q, unknown, "gain-does-not-pay") == "prerequisite"
    # ...or measure it in a limited first release whose errors are cheap (CLEAN is staged).
    assert _outcome(default_q, {**small, "expected_gain": "unsure"}, "gain-does-not-pay") == "condition"


# -- decisions about people ----------------------------------------------------------------------

PEOPLE = {
    "affects_people": "yes",
    "regulated_domains": ["employment"],
    "error_cost": "rights",
    "reversibility": "easy",
    "oversight": "assist",
    "actor": "staff",
    "review_time": "minutes",
    "contest_route": "yes",
    "protected_inputs": "direct",
    "target_proxy": "no",
    "segment_eval": "unsure",
}


def test_per_group_evaluation_undecided_is_a_condition_where_a_person_decides_and_people_can_contest(
    default_q,
):
    assert _outcome(default_q, PEOPLE, "protected-attribute-input") == "condition"
    # A partial review is no check: where a wrong outcome lasts, nobody would catch a group-level
    # error meanwhile.
    weak = {**PEOPLE, "oversight": "review_some", "actor": DROP, "reversibility": "costly"}
    assert _outcome(default_q, weak, "protected-attribute-input") == "prerequisite"
    # A wrong outcome undone on the spot (a manual lane, a second look), with a route to contest,
    # is caught while per-group figures are produced: a condition, as with a person deciding.
    assert _outcome(default_q, {**weak, "reversibility": "easy"}, "protected-attribute-input") == "condition"
    # No route to contest: the same.
    assert _outcome(default_q, {**PEOPLE, "contest_route": "unsure"}, "protected-attribute-input") == (
        "prerequisite"
    )


def test_a_protected_characteristic_read_directly_with_only_an_overall_figure_is_not_ready(default_q):
    planned_overall_only = {**PEOPLE, "segment_eval": "no"}
    assert _outcome(default_q, planned_overall_only, "protected-attribute-input") == "prerequisite"
    # A likely stand-in, with a person deciding and a contest route, is a condition to meet.
    stand_in = {**planned_overall_only, "protected_inputs": "proxy"}
    assert _outcome(default_q, stand_in, "protected-attribute-input") == "condition"


def test_a_regulated_area_is_a_screen_for_legal_review_not_a_launch_condition(default_q):
    assert _outcome(default_q, PEOPLE, "regulated-domain") == "note"


# -- how hard the harm is to undo --------------------------------------------------------------

UNCHECKED = {"oversight": "auto", "audience": "consumers"}


def test_health_harm_blocks_only_when_it_cannot_be_undone_or_nobody_can_get_it_reversed(default_q):
    rule = "unreviewed-severe-harm"
    safety = {**UNCHECKED, "error_cost": "safety"}
    assert _outcome(default_q, {**safety, "reversibility": "irreversible"}, rule) == "blocker"
    # Harm caught and treated later, at a cost: a check to add, not a design to refuse.
    assert _outcome(default_q, {**safety, "reversibility": "costly"}, rule) == "condition"
    # ... unless it decides about a person who has no way to get it reversed.
    person = {**safety, "reversibility": "costly", "affects_people": "yes", "regulated_domains": ["health"]}
    assert _outcome(default_q, {**person, "contest_route": "no"}, rule) == "blocker"
    assert _outcome(default_q, {**person, "contest_route": "yes"}, rule) == "condition"


def test_not_knowing_whether_a_person_can_contest_is_a_fact_to_find_out_not_a_blocker(default_q):
    person = {
        **UNCHECKED,
        "error_cost": "rights",
        "reversibility": "costly",
        "affects_people": "yes",
        "regulated_domains": ["education"],
    }
    assert _outcome(default_q, {**person, "contest_route": "no"}, "unreviewed-severe-harm") == "blocker"
    unsure = decide(default_q, with_changes({**person, "contest_route": "unsure"}))
    assert unsure.id == "not-ready"
    assert unsure.top is not None and unsure.top.rule.id == "unreviewed-severe-harm"


def test_a_missing_off_switch_is_a_mitigation_to_build_and_gates_only_lasting_harm(default_q):
    rule = "no-kill-switch"
    public = {"audience": "consumers", "error_cost": "money", "reversibility": "costly", "kill_switch": "no"}
    assert _outcome(default_q, public, rule) == "condition"
    assert _outcome(default_q, {**public, "reversibility": "irreversible"}, rule) == "prerequisite"
    internal_cheap = {"kill_switch": "no"}
    assert _outcome(default_q, internal_cheap, rule) == "note"


def test_a_small_evaluation_set_gates_launch_where_errors_last_or_decide_about_people(default_q):
    rule = "eval-set-too-small"
    small = {"audience": "consumers", "error_cost": "money", "reversibility": "costly", "eval_size": 100}
    assert _outcome(default_q, small, rule) == "condition"
    assert _outcome(default_q, {**small, "reversibility": "irreversible"}, rule) == "prerequisite"
    people = {**small, "affects_people": "yes", "regulated_domains": ["finance"]}
    assert _outcome(default_q, people, rule) == "prerequisite"


# -- evaluation and model change -----------------------------------------------------------------


def test_unrepresentative_evaluation_data_blocks_launch_where_costly_errors_go_unchecked(default_q):
    unchecked = {"error_cost": "money", "oversight": "auto", "actor": DROP, "eval_representative": "no"}
    assert _outcome(default_q, unchecked, "eval-not-representative") == "prerequisite"
    checked = {**unchecked, "oversight": "review_each", "review_time": "minutes"}
    assert _outcome(default_q, checked, "eval-not-representative") == "note"


def test_an_unpinned_public_llm_is_a_condition_only_where_nobody_checks_each_output(default_q):
    public_costly = {
        "audience": "consumers",
        "error_cost": "money",
        "version_pinned": "no",
        "regression_eval": "no",
        "oversight": "review_each",
        "review_time": "minutes",
    }
    assert _outcome(default_q, public_costly, "model-version-unpinned") == "note"
    assert _outcome(default_q, public_costly, "no-regression-evaluation") == "note"
    unchecked = {**public_costly, "oversight": "auto", "review_time": DROP}
    assert _outcome(default_q, unchecked, "model-version-unpinned") == "condition"
    assert _outcome(default_q, unchecked, "no-regression-evaluation") == "condition"


# -- notes that name a risk the reviewer must still manage -----------------------------------------


def test_an_llm_stating_facts_names_the_reviewer_as_the_barrier_when_outputs_are_checked(default_q):
    checked = {"facts_matter": "yes", "grounding": "human"}
    assert _outcome(default_q, checked, "hallucination-relies-on-reviewer") == "note"
    assert _outcome(default_q, checked, "hallucination-ungrounded") is None
    # Unchecked, the louder finding takes its place: one fact, one finding.
    unchecked = {"facts_matter": "yes", "grounding": "none", "oversight": "auto", "actor": DROP}
    assert _outcome(default_q, unchecked, "hallucination-relies-on-reviewer") is None
    assert _outcome(default_q, unchecked, "hallucination-ungrounded") == "condition"


def test_confidential_data_sent_to_a_provider_is_named(default_q):
    changes = {"personal_data": ["confidential"], "data_destination": "business_api"}
    assert _outcome(default_q, changes, "confidential-data-to-provider") == "note"
    inhouse = {**changes, "data_destination": "inhouse"}
    assert _outcome(default_q, inhouse, "confidential-data-to-provider") is None


def test_prompt_injection_from_the_users_own_text_is_a_note_third_party_text_a_condition(default_q):
    # A consumer chatbot with personal data in its context: only the user's own text reaches it.
    own_text = {"audience": "consumers", "untrusted_inputs": ["user_text"], "personal_data": ["identifiers"]}
    own_text |= {"data_destination": "inhouse", "legal_basis": "yes", "oversight": "auto", "actor": DROP}
    assert _outcome(default_q, own_text, "prompt-injection-exposure") == "note"
    # Someone else's web page in the same context can steer what it says and leak: a condition.
    web = {**own_text, "untrusted_inputs": ["user_text", "web"]}
    assert _outcome(default_q, web, "prompt-injection-exposure") == "condition"
    # Output that other software uses is not caught by a reader, whoever wrote the input.
    downstream = {**own_text, "output_downstream": "yes"}
    assert _outcome(default_q, downstream, "prompt-injection-exposure") == "condition"


# -- contained internal tools ----------------------------------------------------------------------
# CLEAN is one: internal, errors cost a little time and are easy to undo, a person reads each output.


def test_generated_code_in_a_contained_internal_tool_needs_only_the_usual_code_review(default_q):
    rule = "generated-code"
    code = {"output_downstream": "code"}
    assert _outcome(default_q, code, rule) == "note"
    costly = {**code, "error_cost": "money", "reversibility": "costly"}
    assert _outcome(default_q, costly, rule) == "condition"
    assert _outcome(default_q, {**code, "audience": "business"}, rule) == "condition"
    assert _outcome(default_q, {**code, "oversight": "auto"}, rule) == "condition"


def test_injection_into_code_output_is_a_condition_unless_the_tool_is_contained(default_q):
    rule = "prompt-injection-exposure"
    code = {"untrusted_inputs": ["user_text"], "output_downstream": "code"}
    assert _outcome(default_q, code, rule) == "note"
    assert _outcome(default_q, {**code, "audience": "consumers"}, rule) == "condition"
    # Output another system consumes has no reader in between, contained or not.
    assert _outcome(default_q, {**code, "output_downstream": "yes"}, rule) == "condition"


def test_a_colleagues_own_question_is_not_the_exfiltration_attacker_someone_elses_text_is(default_q):
    rule = "injection-data-exfiltration"
    own = {"untrusted_inputs": ["user_text"], "llm_actions": "read"}
    assert _outcome(default_q, own, rule) == "note"
    assert _outcome(default_q, {**own, "untrusted_inputs": ["user_text", "shared_docs"]}, rule) == "condition"
    assert _outcome(default_q, {**own, "audience": "consumers"}, rule) == "condition"


# -- a limited first release to learn from (T5) -------------------------------------------------------
# CLEAN is staged, its errors cost a little time and a person reads each output.

PUBLIC_CHAT = {
    "audience": "consumers",
    "public_claims": "no",
    "task_type": "converse",
    "actor": "affected",
    "untrusted_inputs": ["user_text"],
    "red_team": "planned",
}
AT_ONCE = {"rollout_plan": "all_at_once", "launch_gate": DROP}


def test_a_launch_bar_can_be_learnt_in_a_limited_release_with_cheap_or_checked_errors(default_q):
    rule = "no-model-metric"
    no_bar = {**PUBLIC_CHAT, "metric_target": "not decided yet"}
    assert _outcome(default_q, no_bar, rule) == "condition"
    assert _outcome(default_q, {**no_bar, **AT_ONCE}, rule) == "prerequisite"
    # Costly errors that nobody checks: the bar comes first, staged or not.
    unchecked = {**no_bar, "error_cost": "money", "reversibility": "costly", "oversight": "review_some"}
    assert _outcome(default_q, unchecked, rule) == "prerequisite"
    # A person checks each output before it has an effect: the bar can be set from the first stage.
    reviewed = {**unchecked, "oversight": "review_each", "review_time": "minutes"}
    assert _outcome(default_q, reviewed, rule) == "condition"


def test_a_consumer_chatbot_is_red_teamed_first_unless_its_first_stage_is_limited_and_cheap(default_q):
    rule = "red-team-missing"
    assert _outcome(default_q, PUBLIC_CHAT, rule) == "condition"
    assert _outcome(default_q, {**PUBLIC_CHAT, **AT_ONCE}, rule) == "prerequisite"
    costly = {**PUBLIC_CHAT, "error_cost": "money", "reversibility": "costly"}
    assert _outcome(default_q, costly, rule) == "prerequisite"
    # An LLM that can act is tested before anyone outside the team reaches it.
    acting = {**PUBLIC_CHAT, "llm_actions": "write", "action_approval": "all"}
    assert _outcome(default_q, acting, rule) == "prerequisite"


def test_an_unconfirmed_legal_basis_blocks_the_decision_only_beyond_ordinary_internal_use(default_q):
    rule = "legal-basis-unconfirmed"
    staff = {"personal_data": ["identifiers"], "data_destination": "business_api", "legal_basis": "unsure"}
    assert _outcome(default_q, staff, rule) == "condition"
    public = {**staff, "audience": "consumers", "public_claims": "no"}
    assert _outcome(default_q, public, rule) == "prerequisite"
    sensitive = {**staff, "personal_data": ["identifiers", "sensitive"]}
    assert _outcome(default_q, sensitive, rule) == "prerequisite"
    assert _outcome(default_q, {**staff, "data_destination": "unsure"}, rule) == "prerequisite"


def test_a_domain_the_model_does_not_know_is_ml_work_to_plan_even_without_training(default_q):
    assert _outcome(default_q, {"domain_gap": "yes", "ml_staff": "vendor"}, "plan-ml-work") == "note"
    assert _outcome(default_q, {"domain_gap": "no", "ml_staff": "vendor"}, "plan-ml-work") is None


def test_a_contest_route_is_watched_as_the_first_signal_of_errors_about_people(default_q):
    people = {"affects_people": "yes", "protected_inputs": "no", "target_proxy": "no", "contest_route": "yes"}
    assert _outcome(default_q, people, "watch-contests") == "note"
    assert _outcome(default_q, {**people, "contest_route": "no"}, "watch-contests") is None


def test_an_evaluation_set_can_be_collected_in_a_limited_release_where_each_output_is_checked(default_q):
    rule = "eval-data-not-in-hand"
    # Costly errors, a person reading each output, a staged release: collect the set in the first stage.
    planned = {
        "eval_ready": "planned",
        "error_cost": "rights",
        "reversibility": "costly",
        "affects_people": "no",
    }
    assert _outcome(default_q, planned, rule) == "condition"
    assert _outcome(default_q, {**planned, **AT_ONCE}, rule) == "prerequisite"
    assert _outcome(default_q, {**planned, "oversight": "review_some"}, rule) == "prerequisite"


# -- where a first release may not be the place to learn ----------------------------------------


def test_decisions_about_people_and_health_harm_are_never_learnt_in_production(default_q):
    no_bar = {"metric_target": "not decided yet", "eval_ready": "planned"}
    costly = {
        "error_cost": "money",
        "reversibility": "costly",
        "oversight": "review_each",
        "review_time": "minutes",
    }
    # A person checks each output in a staged release: the bar and the set can come in the first stage.
    assert _outcome(default_q, {**no_bar, **costly}, "no-model-metric") == "condition"
    assert _outcome(default_q, {**no_bar, **costly}, "eval-data-not-in-hand") == "condition"
    # The same for a ranking of citizens, or with health at stake: the evidence comes first.
    people = {
        **no_bar,
        **costly,
        "error_cost": "rights",
        "affects_people": "yes",
        "regulated_domains": ["public_services"],
    }
    people |= {"protected_inputs": "no", "target_proxy": "no", "contest_route": "yes"}
    assert _outcome(default_q, people, "no-model-metric") == "prerequisite"
    assert _outcome(default_q, people, "eval-data-not-in-hand") == "prerequisite"
    health = {**no_bar, **costly, "error_cost": "safety"}
    assert _outcome(default_q, health, "no-model-metric") == "prerequisite"
    # An A/B arm can reach half the users: not a limited first release.
    ab = {**no_bar, **costly, "rollout_plan": "ab_test"}
    assert _outcome(default_q, ab, "eval-data-not-in-hand") == "prerequisite"


def test_red_teaming_nobody_planned_comes_before_any_stage(default_q):
    assert _outcome(default_q, PUBLIC_CHAT, "red-team-missing") == "condition"
    assert _outcome(default_q, {**PUBLIC_CHAT, "red_team": "no"}, "red-team-missing") == "prerequisite"


def test_an_automated_decision_about_people_gets_no_leniency_for_being_easy_to_undo(default_q):
    rule = "protected-attribute-input"
    screen = {**PEOPLE, "oversight": "auto", "actor": DROP, "reversibility": "easy"}
    assert _outcome(default_q, screen, rule) == "prerequisite"


def test_an_unconfirmed_legal_basis_for_data_about_the_people_decided_on_stays_a_prerequisite(default_q):
    staff = {"personal_data": ["identifiers"], "data_destination": "business_api", "legal_basis": "unsure"}
    profiling = {**staff, "affects_people": "yes", "protected_inputs": "no", "target_proxy": "no"}
    profiling |= {"contest_route": "yes"}
    assert _outcome(default_q, profiling, "legal-basis-unconfirmed") == "prerequisite"


def test_a_bar_no_set_can_show_is_never_met_by_a_large_set(default_q):
    perfect = {"metric_target": "100% rated useful", "eval_size": 5000}
    # Internal and cheap: a note, as for any set too small; for a public feature a condition.
    assert _outcome(default_q, perfect, "eval-set-too-small") == "note"
    public = {**perfect, "audience": "business", "public_claims": "no"}
    assert _outcome(default_q, public, "eval-set-too-small") == "condition"


def test_a_bar_written_as_a_ceiling_on_errors_is_not_taken_for_the_rate():
    from mlpdm.core.evaluation.planner import launch_bar

    assert launch_bar(None, "Fewer than 2% of summaries rated wrong") is None
    assert launch_bar(None, "At least 98% of fields right") == 98.0


def test_speed_to_market_settles_it_only_where_the_simple_version_does_most_of_the_job(default_q):
    assert _outcome(default_q, FIRES["speed-over-ml"], "speed-over-ml") == "note"
    assert decide(default_q, with_changes(FIRES["speed-over-ml"])).id != "no-go-not-needed"
    mostly = {**FIRES["speed-over-ml"], "simpler_alternative": "mostly"}
    assert _outcome(default_q, mostly, "speed-over-ml") == "not-needed"


def test_a_hybrid_does_not_make_sensitive_data_necessary(default_q):
    hybrid = {"simpler_alternative": "mostly", "alternative": "Cards and PINs", "hybrid": "yes"}
    # Rules first and ML for the rest is fine with ordinary data.
    assert decide(default_q, with_changes(hybrid)).id != "no-go-not-needed"
    for data in (["sensitive"], ["children"], ["identifiers", "children"]):
        changes = {**hybrid, "personal_data": data}
        assert decide(default_q, with_changes(changes)).id == "no-go-not-needed", data
        assert _outcome(default_q, changes, "sensitive-data-not-necessary") == "not-needed"


def test_an_internal_assistant_is_judged_by_use_in_its_first_stage(default_q):
    no_bar = {"model_metric": "unsure", "metric_target": DROP}
    # Internal, errors cost little and are easy to undo, a colleague reads each output, first stage.
    assert _outcome(default_q, no_bar, "no-model-metric") == "note"
    assert decide(default_q, with_changes(no_bar)).id == "go"
    # In a regulated area, for the public, or released to everyone at once, the bar comes first.
    assert _outcome(default_q, {**no_bar, "regulated_domains": ["legal"]}, "no-model-metric") == "condition"
    assert _outcome(default_q, {**no_bar, "rollout_plan": "all_at_once"}, "no-model-metric") == "condition"
    assert _outcome(default_q, {**no_bar, "audience": "business"}, "no-model-metric") == "condition"


def test_the_eu_high_risk_screen_is_a_condition_only_where_outputs_decide_about_people(default_q):
    eu = FIRES["eu-possible-high-risk"]
    assert _outcome(default_q, eu, "eu-possible-high-risk") == "note"  # affects nobody's treatment
    assert _outcome(default_q, {**eu, "affects_people": "yes"}, "eu-possible-high-risk") == "condition"
    for safety_area in (["health"], ["infrastructure"], ["biometrics"]):
        changes = {**eu, "regulated_domains": safety_area}
        assert _outcome(default_q, changes, "eu-possible-high-risk") == "condition", safety_area


def test_an_llm_that_acts_is_red_teamed_first_unless_each_action_is_approved_on_the_users_own_text(
    default_q,
):
    acting = {
        **FIRES["red-team-missing"],
        "oversight": "review_each",
        "review_time": "minutes",
        "llm_actions": "write",
        "action_approval": "each",
        "untrusted_inputs": ["user_text"],
    }
    assert _outcome(default_q, acting, "red-team-missing") == "condition"
    assert (
        _outcome(default_q, {**acting, "action_approval": "high_impact"}, "red-team-missing")
        == "prerequisite"
    )
    uploads = {**acting, "untrusted_inputs": ["user_text", "uploads"]}
    assert _outcome(default_q, uploads, "red-team-missing") == "prerequisite"
