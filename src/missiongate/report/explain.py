"""The decision report as data: what the JSON output, Markdown, the terminal and the API all render.

Schema `missiongate.assessment/2` (documented in docs/assessment-json.md).
"""

from __future__ import annotations

from typing import Any

from missiongate.catalogue import Catalogue, FactValue, load_catalogue, to_plain
from missiongate.doctrine.model import Basis, Doctrine, Purpose, RuleKind
from missiongate.evaluator import (
    Assessment,
    Effect,
    RuleOutcome,
    RuleStatus,
    Verdict,
    evaluate,
    rule_findings,
    satisfying_changes,
)
from missiongate.mission import Mission
from missiongate.questionnaire import Questionnaire, build_questionnaire
from missiongate.report.describe import describe, describe_leaf

SCHEMA = "missiongate.assessment/2"

VERDICT_TEXT = {
    Verdict.DECLINE: (
        "Decline. The known facts cross a red line, fail a requirement, refuse one of our conditions or "
        "carry a risk the doctrine does not accept; no answer to the open questions can change this."
    ),
    Verdict.WITHDRAW: (
        "Withdraw. The contingent is deployed and the doctrine no longer allows its participation: the "
        "reasons below require its withdrawal."
    ),
    Verdict.MINISTERIAL_DECISION: (
        "For ministerial decision. A consideration the doctrine leaves to the minister weighs against "
        "participation; no answer can make it acceptable without that decision."
    ),
    Verdict.CLARIFICATION_REQUIRED: (
        "Ask first. The doctrine cannot yet be applied: the questions below must be answered by the "
        "requesting party. Until they are, no participation is envisioned."
    ),
    Verdict.ACCEPTABLE_WITH_CONDITIONS: (
        "Participation is compatible with the doctrine if the conditions below are secured; a refused "
        "condition declines."
    ),
    Verdict.ACCEPTABLE: "Participation is compatible with the doctrine.",
    Verdict.NOT_COVERED: "No rule of the doctrine applies to this operation; the doctrine gives no guidance.",
}

# A classification doctrine (the UN principles) tells what an operation is, not whether to take part.
CLASSIFICATION_TEXT = {
    Verdict.DECLINE: "Not consistent with the principles: the known facts contradict them.",
    Verdict.WITHDRAW: "Not consistent with the principles: the known facts contradict them.",
    Verdict.MINISTERIAL_DECISION: "Doubtful: a consideration weighs against consistency with the principles.",
    Verdict.CLARIFICATION_REQUIRED: "Cannot tell yet whether the operation is consistent with them.",
    Verdict.ACCEPTABLE_WITH_CONDITIONS: "Consistent with the principles, on the terms stated below.",
    Verdict.ACCEPTABLE: "Consistent with the principles.",
    Verdict.NOT_COVERED: "The principles do not speak to this operation.",
}

VERDICT_LABEL = {
    Verdict.DECLINE: "Decline",
    Verdict.WITHDRAW: "Withdraw",
    Verdict.MINISTERIAL_DECISION: "For ministerial decision",
    Verdict.CLARIFICATION_REQUIRED: "Ask first (clarification required)",
    Verdict.ACCEPTABLE_WITH_CONDITIONS: "Acceptable with conditions",
    Verdict.ACCEPTABLE: "Acceptable",
    Verdict.NOT_COVERED: "Not covered by the doctrine",
}
CLASSIFICATION_LABEL = {
    Verdict.DECLINE: "Not consistent with the principles",
    Verdict.WITHDRAW: "Not consistent with the principles",
    Verdict.MINISTERIAL_DECISION: "Doubtful",
    Verdict.CLARIFICATION_REQUIRED: "Cannot tell yet",
    Verdict.ACCEPTABLE_WITH_CONDITIONS: "Consistent, on terms",
    Verdict.ACCEPTABLE: "Consistent with the principles",
    Verdict.NOT_COVERED: "Not covered",
}

STATUS_TEXT = {
    RuleStatus.SATISFIED: "met",
    RuleStatus.VIOLATED: "not met",
    RuleStatus.UNDETERMINED: "cannot be decided yet",
    RuleStatus.NOT_APPLICABLE: "does not apply",
}

# What each rule's status means for the verdict, in words: a condition to be secured is never "not met".
EFFECT_TEXT = {
    Effect.DECLINES: "declines",
    Effect.MINISTERIAL: "adverse: for ministerial decision",
    Effect.OPEN: "cannot be decided yet",
    Effect.TO_SECURE: "to be secured",
    Effect.SECURED: "secured",
    Effect.RISK: "adverse: a stated risk",
    Effect.PENDING: "not yet known: to weigh",
    Effect.MET: "met",
    Effect.NONE: "does not apply",
}
CONDITION_REFUSED = "refused: declines"

KIND_TEXT = {
    RuleKind.RED_LINE: "red line",
    RuleKind.REQUIREMENT: "requirement",
    RuleKind.CONDITION: "condition of participation",
    RuleKind.CONSIDERATION: "consideration",
}
BASIS_TEXT = {
    Basis.STATED: "stated by the source",
    Basis.INTERPRETATION: "the ministry's interpretation",
}


def verdict_label(verdict: Verdict, doctrine: Doctrine) -> str:
    labels = CLASSIFICATION_LABEL if doctrine.purpose is Purpose.CLASSIFICATION else VERDICT_LABEL
    return labels[verdict]


def effect_text(outcome: RuleOutcome) -> str:
    if outcome.rule.kind is RuleKind.CONDITION and outcome.effect is Effect.DECLINES:
        return CONDITION_REFUSED
    if outcome.rule.kind is RuleKind.CONDITION and outcome.effect is Effect.RISK:
        return "refused: a stated risk (desirable condition)"
    return EFFECT_TEXT[outcome.effect]


def assess(
    doctrine: Doctrine, mission: Mission, catalogue: Catalogue | None = None
) -> tuple[Assessment, Questionnaire]:
    """Evaluate a mission and build its questionnaire: the two halves of every decision report."""
    catalogue = catalogue or load_catalogue()
    return evaluate(doctrine, mission), build_questionnaire(doctrine, mission, catalogue)


def report_data(
    assessment: Assessment,
    questionnaire: Questionnaire,
    mission: Mission | None = None,
    catalogue: Catalogue | None = None,
) -> dict[str, Any]:
    catalogue = catalogue or load_catalogue()
    doctrine = assessment.doctrine
    deciding = {o.rule.id for o in assessment.deciding}
    classification = doctrine.purpose is Purpose.CLASSIFICATION
    return {
        "schema": SCHEMA,
        "mission": _mission_data(mission),
        "doctrine": {
            "id": doctrine.id,
            "title": doctrine.title,
            "country": doctrine.country,
            "version": doctrine.version,
            "purpose": doctrine.purpose.value,
            "content_hash": doctrine.content_hash,
        },
        "verdict": assessment.verdict.value,
        "verdict_label": verdict_label(assessment.verdict, doctrine),
        "verdict_text": (CLASSIFICATION_TEXT if classification else VERDICT_TEXT)[assessment.verdict],
        "provisional": assessment.provisional,
        "proposed_facts_used": sorted(assessment.proposed_facts_used),
        "provisional_because": _provisional_data(assessment, mission, catalogue),
        "deciding_rules": [o.rule.id for o in assessment.deciding],
        "rules": [_rule_data(o, assessment, o.rule.id in deciding, catalogue) for o in assessment.outcomes],
        "conditions": [
            {
                "rule": o.rule.id,
                "statement": o.rule.statement or o.rule.title,
                "met": o.status is RuleStatus.SATISFIED,
                "status": _condition_status(o),
                "desirable": o.rule.desirable,
            }
            for o in assessment.conditions
        ],
        "risks": [
            {"rule": o.rule.id, "title": o.rule.title, "text": o.rule.statement or o.rule.rationale}
            for o in assessment.risks
        ],
        "parties": _parties_data(mission),
        "facts_used": _facts_data(assessment, mission, catalogue),
        "questions": [
            {
                "number": q.number,
                "fact": q.fact.id,
                "question": q.text,
                "theme": q.fact.theme,
                "theme_label": q.theme_label,
                "impact": q.impact,
                "rules": list(q.rules),
                "could_decline": q.could_decline,
            }
            for q in questionnaire.questions
        ],
        "internal_questions": [
            {"fact": f.id, "label": f.label, "settled_by": f.settled_by.value} for f in questionnaire.internal
        ],
        "conditions_to_secure": [
            {"rule": rule.id, "statement": rule.statement or rule.title, "desirable": rule.desirable}
            for rule in questionnaire.conditions
        ],
        "policies": [
            {"id": p.id, "kind": p.kind.value, "title": p.title, "text": p.text, "source": doctrine.cite(p)}
            for p in doctrine.policies
        ],
    }


def _condition_status(outcome: RuleOutcome) -> str:
    if outcome.effect is Effect.SECURED:
        return "secured"
    if outcome.effect is Effect.TO_SECURE:
        return "to_be_secured"
    return "refused"


def _provisional_data(
    assessment: Assessment, mission: Mission | None, catalogue: Catalogue
) -> list[dict[str, Any]]:
    """What a provisional verdict rests on that can change it, in words, with where each came from."""
    reasons = []
    for fact_id in sorted(assessment.unsettled_facts_used, key=list(catalogue.by_id).index):
        fact = catalogue.fact(fact_id)
        record = mission.record(fact_id) if mission else None
        origin = record.origin() if record else "not confirmed"
        value = fact.describe(assessment.values[fact_id])
        reasons.append(
            {
                "fact": fact_id,
                "text": f"{fact.label}: {value} (from {origin})",
                "origin": origin,
                "rule": None,
            }
        )
    for outcome in assessment.pending:
        missing = ", ".join(catalogue.fact(f).label.lower() for f in sorted(outcome.facts_missing))
        reasons.append(
            {
                "fact": None,
                "rule": outcome.rule.id,
                "origin": "not yet known",
                "text": f"{outcome.rule.title}: still to weigh ({missing} not yet known)",
            }
        )
    return reasons


def _parties_data(mission: Mission | None) -> list[dict[str, Any]]:
    if mission is None:
        return []
    return [
        {
            "id": p.id,
            "name": p.name,
            "role": p.role.value,
            "consent": p.consent.status.value,
            "scope": p.consent.scope,
            "source": p.consent.source,
            "date": p.consent.date.isoformat() if p.consent.date else None,
            "reported": p.consent.reported,
        }
        for p in mission.parties
    ]


def _mission_data(mission: Mission | None) -> dict[str, Any] | None:
    if mission is None:
        return None
    return {"id": mission.id, "title": mission.title, "example": mission.example}


def _rule_data(
    outcome: RuleOutcome, assessment: Assessment, deciding: bool, catalogue: Catalogue
) -> dict[str, Any]:
    rule, values = outcome.rule, assessment.values
    data: dict[str, Any] = {
        "id": rule.id,
        "kind": rule.kind.value,
        "kind_text": KIND_TEXT[rule.kind],
        "title": rule.title,
        "status": outcome.status.value,
        "status_text": STATUS_TEXT[outcome.status],
        "effect": outcome.effect.value,
        "effect_text": effect_text(outcome),
        "deciding": deciding,
        "decides": rule.decides.value if rule.decides else None,
        "rationale": rule.rationale,
        "basis": rule.basis.value,
        "basis_text": BASIS_TEXT[rule.basis],
        "source": assessment.doctrine.cite(rule),
        "informed_by": assessment.doctrine.cite_ref(rule.informed_by) if rule.informed_by else None,
        "applies_when": describe(rule.when) if rule.when is not None else None,
        "requires": describe(rule.require),
        "facts_read": sorted(outcome.facts_read),
        "facts_missing": sorted(outcome.facts_missing),
        "findings": [
            {
                "fact": f.leaf.fact_id,
                "test": describe_leaf(f.leaf, f.negated),
                "met": None if f.truth is None else f.truth != f.negated,
                "value": _plain_or_none(values.get(f.leaf.fact_id)),
            }
            for f in rule_findings(rule, values)
        ],
    }
    if outcome.status is RuleStatus.VIOLATED:
        data["would_be_met_if"] = [
            {
                "fact": fact_id,
                "values": [to_plain(value) for value, _ in options],
                "resulting_status": [status.value for _, status in options],
                "text": _alternatives_text(catalogue, fact_id, options),
            }
            for fact_id, options in satisfying_changes(rule, values).items()
        ]
    return data


def _alternatives_text(
    catalogue: Catalogue, fact_id: str, options: list[tuple[FactValue, RuleStatus]]
) -> str:
    fact = catalogue.fact(fact_id)
    described = [
        fact.describe(value)
        + ("" if status is not RuleStatus.UNDETERMINED else " (other points then to be settled)")
        for value, status in options
    ]
    return f"{fact.label}: " + " or ".join(described)


def _plain_or_none(value: FactValue | None) -> Any:
    return None if value is None else to_plain(value)


def _facts_data(
    assessment: Assessment, mission: Mission | None, catalogue: Catalogue
) -> list[dict[str, Any]]:
    used = sorted(set().union(*(o.facts_read for o in assessment.outcomes)), key=list(catalogue.by_id).index)
    rows = []
    for fact_id in used:
        fact = catalogue.fact(fact_id)
        value = assessment.values[fact_id]
        record = mission.record(fact_id) if mission else None
        rows.append(
            {
                "fact": fact_id,
                "label": fact.label,
                "value": to_plain(value),
                "value_text": fact.describe(value),
                "status": record.status.value if record else "confirmed",
                "provenance": record.provenance() if record else "given directly",
                "evidence": record.evidence.quote if record and record.evidence else None,
            }
        )
    return rows
