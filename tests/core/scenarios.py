"""Answers for the default questionnaire: a baseline that raises no finding, and changes to it."""

from __future__ import annotations

from typing import Any

# A well-prepared LLM feature: every answer the safe one, so no rule fires and the verdict is GO.
CLEAN: dict[str, Any] = {
    "user_problem": "Support agents spend 10 minutes summarising each long ticket thread.",
    "audience": "internal",
    "need_evidence": "measured",
    "current_process": "manual",
    "baseline": "10 minutes per summary",
    "usage_measure": "Share of tickets whose summary is used each week",
    "daily_volume": 200,
    "simpler_alternative": "no",
    "ai_strengths": ["language", "generation"],
    "red_flags": ["none"],
    "data_available": "yes",
    "expected_gain": "large",
    "task_type": "generate",
    "uses_llm": "yes",
    "approach": "api",
    "domain_gap": "no",
    "oversight": "assist",
    "reviewer_load": None,
    "error_cost": "annoyance",
    "reversibility": "easy",
    "worst_case": "A summary misses a detail and the agent reads the thread anyway.",
    "misuse": "no",
    "fallback": "manual",
    "correction": "yes",
    "feedback": ["flag", "sampling"],
    "expectations": ["label", "limits"],
    "facts_matter": "no",
    "untrusted_inputs": ["none"],
    "llm_actions": "answer",
    "output_downstream": "no",
    "consistency": "limits",
    "kpi": "Minutes per ticket",
    "kpi_target": "4 by Q3",
    "kpi_measurement": "Ticket tool reports",
    "model_metric": "human_rating",
    "metric_target": "90% rated useful",
    "failure_criterion": "Under 70% rated useful in the pilot",
    "affects_people": "no",
    "segments": ["Tickets in English"],
    "segment_eval": "yes",
    "eval_source": ["experts"],
    "eval_size": 400,
    "labeller": "team",
    "eval_ready": "ready",
    "eval_representative": "yes",
    "eval_margin": 5,
    "eval_population": None,
    "pilot_total": None,
    "personal_data": ["none"],
    "data_destination": "inhouse",
    "regulated_domains": ["none"],
    "regions": ["japan"],
    "publishes_generated": "no",
    "harm_review": "Reviewed with the privacy office.",
    "rollout_plan": "staged",
    "launch_gate": "80% useful on 200 pilot tickets",
    "version_pinned": "yes",
    "regression_eval": "yes",
    "monitoring": ["quality", "cost", "groups"],
    "kill_switch": "yes",
    "owner": "Support tools team",
    "learning": "Review after 6 weeks",
}

DROP = object()  # marks an answer to remove

# For every rule: the smallest change to CLEAN that should make it fire.
FIRES: dict[str, dict[str, Any]] = {
    "unreviewed-severe-harm": {"oversight": "auto", "error_cost": "safety", "reversibility": "irreversible"},
    "injection-can-act": {"untrusted_inputs": ["messages"], "llm_actions": "send", "action_approval": "none"},
    "personal-data-to-untrusted-service": {
        "personal_data": ["identifiers"],
        "data_destination": "consumer_service",
        "legal_basis": "unsure",
    },
    "personal-data-without-legal-basis": {"personal_data": ["identifiers"], "legal_basis": "no"},
    "simpler-solution-suffices": {"simpler_alternative": "mostly", "alternative": "Keyword search"},
    "ml-poor-fit": {"red_flags": ["predictable"], "simpler_alternative": "partly", "alternative": "A form"},
    "no-ml-strength": {"ai_strengths": ["none"], "simpler_alternative": "partly", "alternative": "A form"},
    "speed-over-ml": {"red_flags": ["speed"], "simpler_alternative": "partly", "alternative": "Rules"},
    "sensitive-data-not-necessary": {
        "simpler_alternative": "mostly",
        "alternative": "Cards and PINs",
        "hybrid": "yes",
        "personal_data": ["sensitive"],
    },
    "no-evidence-of-need": {
        "need_evidence": "assumption",
        "rollout_plan": "all_at_once",
        "launch_gate": DROP,
    },
    "no-kpi": {"kpi": "not decided yet", "kpi_baseline": DROP, "kpi_target": DROP, "kpi_measurement": DROP},
    "no-model-metric": {"metric_target": "tbd"},
    "no-baseline": {"baseline": None},
    "no-failure-criterion": {"failure_criterion": None},
    "no-evaluation-data": {"eval_source": ["none"], "eval_size": DROP, "labeller": DROP},
    "training-without-staff": {"approach": "fine_tune", "domain_gap": DROP, "ml_staff": "none"},
    "training-without-data": {
        "approach": "custom",
        "domain_gap": DROP,
        "ml_staff": "inhouse",
        "data_available": "no",
    },
    "no-owner": {"owner": None},
    "no-kill-switch": {"kill_switch": "unsure"},
    "legal-basis-unconfirmed": {"personal_data": ["identifiers"], "legal_basis": "unsure"},
    "weak-evidence-test-it": {"need_evidence": "requests"},
    "no-usage-measure": {"usage_measure": None},
    "predictability-needed": {"red_flags": ["explain_all"]},
    "automation-unwanted": {"red_flags": ["unwanted"], "oversight": "auto"},
    "no-fallback": {"fallback": "none"},
    "no-correction": {"correction": "no"},
    "no-feedback": {"feedback": ["none"]},
    "no-expectation-setting": {"expectations": ["none"]},
    "misuse-unmitigated": {"misuse": "yes", "misuse_controls": "not decided yet"},
    "hallucination-ungrounded": {"facts_matter": "yes", "grounding": "none"},
    "hallucination-relies-on-reviewer": {"facts_matter": "yes", "grounding": "human"},
    "prompt-injection-exposure": {"untrusted_inputs": ["user_text"]},
    "injection-partial-approval": {
        "untrusted_inputs": ["web"],
        "llm_actions": "write",
        "action_approval": "high_impact",
    },
    "injection-data-exfiltration": {"untrusted_inputs": ["shared_docs"], "llm_actions": "read"},
    "output-used-downstream": {"output_downstream": "yes"},
    "model-version-unpinned": {"version_pinned": "no"},
    "no-regression-evaluation": {"regression_eval": "unsure"},
    "consistency-required": {"consistency": "no"},
    "no-abuse-controls": {"audience": "consumers", "abuse_controls": ["none"]},
    "domain-gap-unstaffed": {"domain_gap": "yes", "ml_staff": "none"},
    "segments-not-evaluated": {"segment_eval": "no"},
    "people-affected-no-segments": {"affects_people": "yes", "segments": None, "segment_eval": DROP},
    "automated-decisions-about-people": {"affects_people": "yes", "oversight": "review_some"},
    "regulated-domain": {"regulated_domains": ["education"]},
    "personal-data-to-provider": {
        "regions": ["us"],
        "personal_data": ["identifiers"],
        "data_destination": "business_api",
        "legal_basis": "yes",
    },
    "confidential-data-to-provider": {"personal_data": ["confidential"], "data_destination": "business_api"},
    "secrets-in-context": {"personal_data": ["secrets"]},
    "eval-not-representative": {"eval_representative": "no"},
    "big-bang-release": {"rollout_plan": "all_at_once", "launch_gate": DROP},
    "no-monitoring": {"monitoring": ["none"]},
    "error-balance-undecided": {"task_type": "classify", "error_balance": "unsure"},
    "plan-ml-work": {"approach": "fine_tune", "domain_gap": DROP, "ml_staff": "inhouse"},
    "favour-recall": {"task_type": "classify", "error_balance": "miss", "error_ratio": 3},
    "favour-precision": {"task_type": "classify", "error_balance": "false_alarm"},
    "learn-and-share": {"learning": None},
    "eu-prohibited-practice": {
        "regions": ["eu"],
        "eu_prohibited": ["emotion_work_school"],
        "publishes_generated": "no",
    },
    "solely-automated-significant-decision": {
        "regions": ["eu"],
        "eu_prohibited": ["none"],
        "publishes_generated": "no",
        "affects_people": "yes",
        "oversight": "auto",
        "protected_inputs": "no",
        "target_proxy": "no",
        "contest_route": "no",
    },
    "eval-set-too-small": {"eval_size": 100},
    "launch-bar-uncertain": {
        "model_metric": "accuracy",
        "launch_target": 90,
        "pilot_total": 50,
        "pilot_correct": 45,
    },
    "launch-bar-missed": {
        "model_metric": "accuracy",
        "launch_target": 90,
        "pilot_total": 100,
        "pilot_correct": 70,
    },
    "eu-possible-high-risk": {
        "regions": ["eu"],
        "eu_prohibited": ["none"],
        "publishes_generated": "no",
        "regulated_domains": ["employment"],
    },
    "eu-transparency": {
        "regions": ["eu"],
        "eu_prohibited": ["none"],
        "publishes_generated": "yes",
        "expectations": ["limits"],
    },
    "japan-personal-data-in-prompts": {
        "personal_data": ["identifiers"],
        "data_destination": "business_api",
        "legal_basis": "yes",
    },
    "watch-contests": {
        "affects_people": "yes",
        "protected_inputs": "no",
        "target_proxy": "no",
        "contest_route": "yes",
    },
    "no-contest-route": {
        "affects_people": "yes",
        "protected_inputs": "no",
        "target_proxy": "no",
        "contest_route": "no",
    },
    "protected-attribute-input": {
        "affects_people": "yes",
        "protected_inputs": "proxy",
        "target_proxy": "no",
        "contest_route": "yes",
    },
    "proxy-target": {
        "affects_people": "yes",
        "protected_inputs": "no",
        "target_proxy": "yes",
        "contest_route": "yes",
    },
    "automation-bias": {"oversight": "review_each", "review_time": "minutes", "error_cost": "money"},
    "gain-does-not-pay": {"expected_gain": "small", "gain_pays": "no"},
    "eval-data-not-in-hand": {"eval_ready": "planned"},
    "red-team-missing": {"audience": "consumers", "red_team": "planned"},
    "public-output-and-claims": {"publishes_generated": "yes"},
    "published-content-rights": {"publishes_generated": "yes"},
    "personal-data-handling": {"regions": ["us"], "personal_data": ["identifiers"], "legal_basis": "yes"},
    "gdpr-duties": {
        "regions": ["eu"],
        "eu_prohibited": ["none"],
        "personal_data": ["identifiers"],
        "legal_basis": "yes",
    },
    "no-launch-gate": {"launch_gate": None},
    "exposure-unbounded": {"error_cost": "money", "oversight": "review_each", "review_time": "minutes"},
    "compare-with-simpler": {"simpler_alternative": "partly", "alternative": "Keyword rules"},
    "kpi-not-measured": {"kpi_measurement": None},
    "monitoring-gaps": {"monitoring": ["cost"]},
    "generated-code": {"output_downstream": "code"},
    "vendor-model-retirement": {"data_destination": "business_api"},
    "harm-review-missing": {
        "audience": "consumers",
        "error_cost": "safety",
        "reversibility": "irreversible",
        "harm_review": None,
    },
    "binding-statements": {
        "audience": "consumers",
        "abuse_controls": ["rate_limits"],
        "binding_statements": "yes",
    },
}


# The safe answer to each question a change may reveal, so a scenario stays a complete
# interview without listing answers that have nothing to do with the rule under test.
SAFE_FILL: dict[str, Any] = {
    "review_time": "minutes",
    "binding_statements": "no",
    "abuse_controls": ["filters", "rate_limits", "spend_caps", "monitoring"],
    "protected_inputs": "no",
    "target_proxy": "no",
    "contest_route": "yes",
    "eu_prohibited": ["none"],
    "publishes_generated": "no",
    "legal_basis": "yes",
    "alternative": "A simpler approach",
    "pilot_correct": 0,
    "action_approval": "each",
    "ml_staff": "inhouse",
    "hybrid": "no",
    "red_team": "done",
    "misuse_controls": "Rate limits and abuse reports reviewed daily",
    "gain_pays": "yes",
    "segment_eval": "yes",
    "public_claims": "no",
    "actor": "staff",
}


def with_changes(changes: dict[str, Any], base: dict[str, Any] | None = None) -> dict[str, Any]:
    """CLEAN (or ``base``) with ``changes`` applied; DROP removes an answer.

    Required questions the change reveals get their SAFE_FILL answer unless the change sets them.
    """
    from mlpdm.core.answers.steps import visible_questions
    from mlpdm.repo.resources import load_packaged_questionnaire

    out = dict(CLEAN if base is None else base)
    for key, value in changes.items():
        if value is DROP:
            out.pop(key, None)
        else:
            out[key] = value
    for question in visible_questions(load_packaged_questionnaire(), out):
        if question.required and question.id not in out:
            out[question.id] = SAFE_FILL[question.id]
    return out
