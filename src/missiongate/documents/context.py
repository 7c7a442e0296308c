"""What the documents say, gathered from the stored records into plain dicts the templates render.

The brief is built from what was recorded, never recomputed: it shows the assessment exactly as decided.
(The note verbale is `missiongate.decision.build_note`'s; see `gather.note_for`.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from missiongate.store.models import AssessmentRecord, Case, PositionRecord, SignOff

Names = Callable[[int | None], str]

POSITION_TEXT = {
    "no_consent_given": "No consent given",
    "considering": "Under consideration",
    "consent_given": "Consent given",
    "declined": "Declined",
}
DECISION_TEXT = {
    "decline": "Decline participation",
    "seek_clarification": "Seek clarification before deciding",
    "participate_with_conditions": "Participate on the stated conditions",
    "participate": "Participate",
}


def _case(case: Case) -> dict[str, Any]:
    return {
        "id": case.id,
        "title": case.title,
        "requesting_party": case.requesting_party,
        "received_on": case.received_on,
        "operation": case.operation,
        "example": case.example,
    }


def grouped_questions(questions: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Questions by theme, keeping their numbering order."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for question in sorted(questions, key=lambda q: q["number"]):
        groups.setdefault(question.get("theme_label") or "Other questions", []).append(question)
    return list(groups.items())


def brief_context(
    case: Case,
    assessment: AssessmentRecord,
    *,
    signoff: SignOff | None,
    position: PositionRecord | None,
    names: Names,
    sender: str,
) -> dict[str, Any]:
    report = assessment.report
    rules = report.get("rules", [])
    return {
        "case": _case(case),
        "sender": sender,
        "reference": f"MG/{case.id}/A{assessment.id}",
        "date_text": long_date(assessment.created_at.date()),
        "assessment": {
            "id": assessment.id,
            "created_at": assessment.created_at,
            "created_by": names(assessment.created_by),
            "case_version": assessment.case_version,
        },
        "doctrine": {**report.get("doctrine", {}), "content_hash": assessment.doctrine_hash},
        "verdict": report["verdict"],
        "verdict_text": report.get("verdict_text", ""),
        "verdict_label": report.get("verdict_label", report["verdict"].replace("_", " ").capitalize()),
        "provisional_because": report.get("provisional_because", []),
        "provisional": report.get("provisional", False),
        "deciding": [r for r in rules if r.get("deciding")],
        "other_rules": [r for r in rules if not r.get("deciding")],
        "conditions": report.get("conditions", []),
        "facts": report.get("facts_used", []),
        "groups": grouped_questions(report.get("questions", [])),
        "policies": report.get("policies", []),
        "sources": sources(report),
        "signoff": _signoff(signoff, names),
        "position": _position(position),
    }


def sources(report: dict[str, Any]) -> list[str]:
    """Every source cited by a rule or policy of the report, once, in order of first citation."""
    cited = [r.get("source") for r in report.get("rules", [])] + [
        p.get("source") for p in report.get("policies", [])
    ]
    return list(dict.fromkeys(s for s in cited if s))


def _signoff(signoff: SignOff | None, names: Names) -> dict[str, Any] | None:
    if signoff is None:
        return None
    return {
        "decision": DECISION_TEXT.get(signoff.decision, signoff.decision),
        "by": names(signoff.signed_by),
        "at": signoff.signed_at,
        "note": signoff.note,
    }


def _position(position: PositionRecord | None) -> dict[str, Any] | None:
    if position is None:
        return None
    return {
        "text": POSITION_TEXT.get(position.position, position.position),
        "stated_on": long_date(position.stated_on),
        "statement": position.statement,
        "source": position.source,
    }


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"
