"""The case's timeline: every record made about it, newest first, each assessment with its cause.

An assessment's cause is read from the fact revisions made at the same case version (the service records
both in one transaction): the facts set, answered, proposed, accepted or removed. None of them means the
case was assessed on request or under another doctrine.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from missiongate.services.queries import CaseRecords, Names
from missiongate.services.types import FactRevision
from missiongate.web.render import fact_label

# Revision action -> how the cause of an assessment reads.
CAUSES = {
    "set": "facts entered",
    "answer": "answers recorded",
    "propose": "facts proposed by document analysis",
    "accept": "proposals accepted",
    "remove": "facts removed",
    "condition": "a condition answered",
}


def events(records: CaseRecords, names: Names) -> list[dict[str, Any]]:
    case_id = records.case.id
    items = _assessments(records, names)
    items += _documents(records, names)
    items += _questionnaires(records, names)
    items += [
        dict(at=r.at, kind="accepted", by=names(r.by), facts=[fact_label(r.fact_id)], link=None)
        for r in records.revisions
        if r.action == "accept"
    ]
    items += [
        dict(at=a.recorded_at, kind="answer", by=names(a.recorded_by), record=a, link=None)
        for a in records.answers
    ]
    items += [
        dict(at=p.recorded_at, kind="position", by=names(p.recorded_by), record=p, link=None)
        for p in records.positions
    ]
    items += [
        dict(
            at=s.signed_at,
            kind="signoff",
            by=names(s.signed_by),
            record=s,
            link=f"/cases/{case_id}/assessments/{s.assessment_id}",
        )
        for s in records.signoffs
    ]
    return sorted(items, key=lambda e: e["at"], reverse=True)


def causes(revisions: list[FactRevision]) -> dict[int, str]:
    """Case version -> the cause of an assessment made at it, in words ("answers recorded: Impartial")."""
    by_version: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for revision in revisions:
        by_version[revision.case_version][revision.action].append(fact_label(revision.fact_id))
    return {
        version: "; ".join(f"{CAUSES.get(action, action)}: {_some(facts)}" for action, facts in acts.items())
        for version, acts in by_version.items()
    }


def _some(labels: list[str]) -> str:
    return ", ".join(labels) if len(labels) <= 4 else f"{len(labels)} facts"


def _assessments(records: CaseRecords, names: Names) -> list[dict[str, Any]]:
    case_id, assessments = records.case.id, records.assessments
    why = causes(records.revisions)
    first = min((a.id for a in assessments), default=None)
    return [
        dict(
            at=a.created_at,
            kind="assessment",
            by=names(a.created_by),
            verdict=a.verdict,
            record=a,
            cause=_cause(why.get(a.case_version), opened=a.id == first),
            link=f"/cases/{case_id}/assessments/{a.id}",
        )
        for a in assessments
    ]


def _cause(changes: str | None, *, opened: bool) -> str:
    if opened:
        return f"case opened ({changes})" if changes else "case opened"
    return changes or "assessed on request or under another doctrine"


def _documents(records: CaseRecords, names: Names) -> list[dict[str, Any]]:
    case_id = records.case.id
    return [
        dict(
            at=d.uploaded_at,
            kind="document",
            by=names(d.uploaded_by),
            record=d,
            link=f"/cases/{case_id}/documents/{d.id}",
        )
        for d in records.documents
    ]


def _questionnaires(records: CaseRecords, names: Names) -> list[dict[str, Any]]:
    link = f"/cases/{records.case.id}/questionnaire"
    items = []
    for q in records.questionnaires:
        by = names(q.created_by)
        items.append(dict(at=q.created_at, kind="questionnaire", by=by, record=q, link=link))
        if q.sent_at is not None:
            items.append(dict(at=q.sent_at, kind="questionnaire-sent", by=by, record=q, link=link))
    return items
