"""The case's timeline: every record made about it, newest first, each assessment with its cause.

An assessment's cause is read from the fact revisions made at the same case version (the service records
both in one transaction): the facts set, answered, proposed, accepted or removed. None of them means the
case was assessed on request or under another doctrine.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy.orm import Session

from missiongate.services.queries import Names
from missiongate.store import cases
from missiongate.store import decisions as store_decisions
from missiongate.store import documents as store_documents
from missiongate.store import questionnaires as store_questionnaires
from missiongate.store.accounts import Actor
from missiongate.store.models import FactRevision
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


def events(session: Session, actor: Actor, case_id: int, names: Names) -> list[dict[str, Any]]:
    case = cases.get_case(session, actor, case_id)
    revisions = cases.fact_history(session, case)
    items = _assessments(session, actor, case_id, names, revisions)
    items += _documents(session, actor, case_id, names)
    items += _questionnaires(session, actor, case_id, names)
    items += [
        dict(at=r.at, kind="accepted", by=names(r.by), facts=[fact_label(r.fact_id)], link=None)
        for r in revisions
        if r.action == "accept"
    ]
    items += [
        dict(at=a.recorded_at, kind="answer", by=names(a.recorded_by), record=a, link=None)
        for a in store_questionnaires.list_answers(session, actor, case_id)
    ]
    items += [
        dict(at=p.recorded_at, kind="position", by=names(p.recorded_by), record=p, link=None)
        for p in store_decisions.list_positions(session, actor, case_id)
    ]
    items += [
        dict(
            at=s.signed_at,
            kind="signoff",
            by=names(s.signed_by),
            record=s,
            link=f"/cases/{case_id}/assessments/{s.assessment_id}",
        )
        for s in store_decisions.list_signoffs(session, actor, case_id)
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


def _assessments(
    session: Session, actor: Actor, case_id: int, names: Names, revisions: list[FactRevision]
) -> list[dict[str, Any]]:
    assessments, _ = store_decisions.list_assessments(session, actor, case_id, limit=500)
    why = causes(revisions)
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


def _documents(session: Session, actor: Actor, case_id: int, names: Names) -> list[dict[str, Any]]:
    return [
        dict(
            at=d.uploaded_at,
            kind="document",
            by=names(d.uploaded_by),
            record=d,
            link=f"/cases/{case_id}/documents/{d.id}",
        )
        for d in store_documents.list_documents(session, actor, case_id)
    ]


def _questionnaires(session: Session, actor: Actor, case_id: int, names: Names) -> list[dict[str, Any]]:
    link = f"/cases/{case_id}/questionnaire"
    items = []
    for q in store_questionnaires.list_questionnaires(session, actor, case_id):
        by = names(q.created_by)
        items.append(dict(at=q.created_at, kind="questionnaire", by=by, record=q, link=link))
        if q.sent_at is not None:
            items.append(dict(at=q.sent_at, kind="questionnaire-sent", by=by, record=q, link=link))
    return items
