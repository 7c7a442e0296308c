"""Assessments, sign-off and the official position; and the one reassessment rule.

The rule: every service call that changes a case's facts or its doctrine records a fresh assessment
against the case's doctrine in the same transaction (`reassess`), whichever face made the call. So the
timeline shows each verdict the case passed through, and the listings' latest verdict is never stale.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

import missiongate
from missiongate.services.alerts import raise_alert
from missiongate.services.workspace import Workspace
from missiongate.store import cases
from missiongate.store import decisions as store_decisions
from missiongate.store.accounts import Actor
from missiongate.store.models import AssessmentRecord, Case, Decision, Position, PositionRecord, SignOff


def reassess(session: Session, ws: Workspace, actor: Actor, case_id: int) -> AssessmentRecord:
    """Inside a service's write: the assessment the rule above records, unless it would repeat the latest
    record word for word (same doctrine file, same report): then the latest one stands. A new record is
    watched: a deployed contingent that must now withdraw raises an alert (`services.alerts`)."""
    case = cases.get_case(session, actor, case_id)
    doctrine = ws.doctrines.get(case.doctrine_id)
    latest, _ = store_decisions.list_assessments(session, actor, case_id, limit=1)
    if latest and latest[0].doctrine_hash == doctrine.content_hash:
        mission = cases.case_mission(session, case)
        report = missiongate.report_data(*missiongate.assess(doctrine, mission), mission)
        if as_stored(report) == as_stored(latest[0].report):
            return latest[0]
    record = store_decisions.create_assessment(session, actor, case_id, doctrines=ws.doctrines)
    raise_alert(session, ws, actor, case, latest[0] if latest else None, record)
    return record


def as_stored(data: dict[str, Any]) -> Any:
    """A report in plain JSON values (dates as text, tuples as lists), to compare one fresh and one stored."""
    return json.loads(json.dumps(data, default=str))


def assess(ws: Workspace, actor: Actor, case_id: int, doctrine_id: str | None = None) -> AssessmentRecord:
    """Assess the case as it stands (against `doctrine_id`, else its own doctrine) and keep the record."""
    with ws.db.write() as session:
        return store_decisions.create_assessment(session, actor, case_id, doctrine_id, doctrines=ws.doctrines)


def sign_off(
    ws: Workspace, actor: Actor, case_id: int, assessment_id: int, decision: Decision, note: str = ""
) -> SignOff:
    with ws.db.write() as session:
        return store_decisions.sign_off(session, actor, case_id, assessment_id, decision, note)


@dataclass(frozen=True)
class PositionInput:
    position: Position
    stated_on: dt.date
    statement: str
    source: str = ""


def record_position(ws: Workspace, actor: Actor, case_id: int, given: PositionInput) -> PositionRecord:
    with ws.db.write() as session:
        return store_decisions.record_position(
            session,
            actor,
            case_id,
            position=given.position,
            stated_on=given.stated_on,
            statement=given.statement,
            source=given.source,
        )


@dataclass(frozen=True)
class Comparison:
    """One doctrine's view of the case as it stands (not recorded)."""

    doctrine: missiongate.Doctrine
    assessment: missiongate.Assessment
    questionnaire: missiongate.Questionnaire
    report: dict[str, object]


def compare(ws: Workspace, mission: missiongate.Mission) -> list[Comparison]:
    """Every doctrine offered on one operation: what `missiongate compare` shows."""
    rows = []
    for doctrine in ws.doctrines.doctrines():
        assessment, questionnaire = missiongate.assess(doctrine, mission)
        report = missiongate.report_data(assessment, questionnaire, mission)
        rows.append(Comparison(doctrine, assessment, questionnaire, report))
    return rows


@dataclass(frozen=True)
class CaseComparison:
    case: Case
    rows: list[Comparison]


def case_comparison(ws: Workspace, actor: Actor, case_id: int) -> CaseComparison:
    """The case with every doctrine's view of it as it stands (compare page and endpoint; not recorded)."""
    with ws.db.read() as session:
        case = cases.get_case(session, actor, case_id)
        mission = cases.case_mission(session, case)
    return CaseComparison(case, compare(ws, mission))


@dataclass(frozen=True)
class ComparePage:
    choices: list[Case]  # the cases to choose from, most recently changed first
    chosen: CaseComparison | None


def compare_page(ws: Workspace, actor: Actor, case_id: int | None, choices: int = 200) -> ComparePage:
    """The comparison page: the cases the actor may choose from and, when one is chosen, its comparison."""
    with ws.db.read() as session:
        listed, _ = cases.list_cases(session, actor, limit=choices)
    return ComparePage(listed, case_comparison(ws, actor, case_id) if case_id else None)


def list_assessments(
    ws: Workspace, actor: Actor, case_id: int, *, limit: int = 50, offset: int = 0
) -> tuple[list[AssessmentRecord], int]:
    """The case's assessments, newest first, and how many there are."""
    with ws.db.read() as session:
        return store_decisions.list_assessments(session, actor, case_id, limit=limit, offset=offset)


def get_assessment(ws: Workspace, actor: Actor, case_id: int, assessment_id: int) -> AssessmentRecord:
    with ws.db.read() as session:
        return store_decisions.get_assessment(session, actor, case_id, assessment_id)


def list_signoffs(ws: Workspace, actor: Actor, case_id: int) -> list[SignOff]:
    with ws.db.read() as session:
        return store_decisions.list_signoffs(session, actor, case_id)


def list_positions(ws: Workspace, actor: Actor, case_id: int) -> list[PositionRecord]:
    """Every official position stated on the case, oldest first."""
    with ws.db.read() as session:
        return store_decisions.list_positions(session, actor, case_id)


@dataclass(frozen=True)
class AssessmentView:
    case: Case
    record: AssessmentRecord
    signoff: SignOff | None

    @property
    def current(self) -> bool:
        """Made at the case's current version: nothing changed since."""
        return self.record.case_version == self.case.version


def assessment_view(ws: Workspace, actor: Actor, case_id: int, assessment_id: int) -> AssessmentView:
    """One decision record with its case and its sign-off, if any."""
    with ws.db.read() as session:
        case = cases.get_case(session, actor, case_id)
        record = store_decisions.get_assessment(session, actor, case_id, assessment_id)
        signoffs = store_decisions.list_signoffs(session, actor, case_id)
    return AssessmentView(case, record, next((s for s in signoffs if s.assessment_id == record.id), None))


@dataclass(frozen=True)
class CasePositions:
    case: Case
    positions: list[PositionRecord]  # oldest first


def case_positions(ws: Workspace, actor: Actor, case_id: int) -> CasePositions:
    with ws.db.read() as session:
        case = cases.get_case(session, actor, case_id)
        return CasePositions(case, store_decisions.list_positions(session, actor, case_id))
