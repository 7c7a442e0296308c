"""The decision report as data: what the JSON output, Markdown, the terminal and the API all render.

Schema `missiongate.assessment/1` (documented in docs/assessment-json.md).
"""

from __future__ import annotations

from typing import Any

from missiongate.catalogue import Catalogue, FactValue, load_catalogue, to_plain
from missiongate.doctrine.model import Doctrine, RuleKind
from missiongate.evaluator import (
    Assessment,
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

SCHEMA = "missiongate.assessment/1"

VERDICT_TEXT = {
    Verdict.DECLINE: (
        "Decline. The known facts cross a red line or fail a requirement of the doctrine; "
        "no answer to the open questions can change this."
    ),
    Verdict.CLARIFICATION_REQUIRED: (
        "Ask first. The doctrine cannot yet be applied: the questions below must be answered by the "
        "requesting party. Until they are, no participation is envisioned."
    ),
    Verdict.ACCEPTABLE_WITH_CONDITIONS: (
        "Participation is compatible with the doctrine on the conditions stated below."
    ),
    Verdict.ACCEPTABLE: "Participation is compatible with the doctrine.",
    Verdict.NOT_COVERED: "No rule of the doctrine applies to this operation; the doctrine gives no guidance.",
}

STATUS_TEXT = {
    RuleStatus.SATISFIED: "met",
    RuleStatus.VIOLATED: "not met",
    RuleStatus.UNDETERMINED: "cannot be decided yet",
    RuleStatus.NOT_APPLICABLE: "does not apply",
}

KIND_TEXT = {
    RuleKind.RED_LINE: "red line",
    RuleKind.REQUIREMENT: "requirement",
    RuleKind.CONDITION: "condition of participation",
    RuleKind.CONSIDERATION: "consideration",
}


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
    return {
        "schema": SCHEMA,
        "mission": _mission_data(mission),
        "doctrine": {
            "id": doctrine.id,
            "title": doctrine.title,
            "country": doctrine.country,
            "version": doctrine.version,
            "content_hash": doctrine.content_hash,
        },
        "verdict": assessment.verdict.value,
        "verdict_text": VERDICT_TEXT[assessment.verdict],
        "provisional": assessment.provisional,
        "proposed_facts_used": sorted(assessment.proposed_facts_used),
        "deciding_rules": [o.rule.id for o in assessment.deciding],
        "rules": [_rule_data(o, assessment, o.rule.id in deciding, catalogue) for o in assessment.outcomes],
        "conditions": [
            {
                "rule": o.rule.id,
                "statement": o.rule.statement or o.rule.title,
                "met": o.status is RuleStatus.SATISFIED,
            }
            for o in assessment.outcomes
            if o.rule.kind is RuleKind.CONDITION and o.status is not RuleStatus.NOT_APPLICABLE
        ],
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
        "internal_questions": [{"fact": f.id, "label": f.label} for f in questionnaire.internal],
        "policies": [
            {"id": p.id, "kind": p.kind.value, "title": p.title, "text": p.text, "source": doctrine.cite(p)}
            for p in doctrine.policies
        ],
    }


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
        "deciding": deciding,
        "rationale": rule.rationale,
        "source": assessment.doctrine.cite(rule),
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
        record = mission.facts.get(fact_id) if mission else None
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
