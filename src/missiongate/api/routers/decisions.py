"""Assessments (decision records), sign-off, the comparison of doctrines, and official positions."""

from __future__ import annotations

from fastapi import APIRouter

from missiongate.api import present
from missiongate.api.problems import PROBLEM_RESPONSES
from missiongate.api.schemas import (
    AssessmentCreate,
    AssessmentOut,
    AssessmentSummary,
    CaseId,
    ComparisonOut,
    Page,
    PositionIn,
    PositionOut,
    RecordId,
    SignOffIn,
    SignOffOut,
)
from missiongate.server.deps import WS, Analyst, Approver, PageParams, Viewer
from missiongate.services import decisions
from missiongate.services.queries import Names

router = APIRouter(prefix="/cases/{case_id}", responses=PROBLEM_RESPONSES)


@router.post(
    "/assessments",
    response_model=AssessmentOut,
    status_code=201,
    tags=["assessments"],
    summary="Assess the case as it stands and keep the decision record",
)
def create_assessment(case_id: CaseId, body: AssessmentCreate, actor: Analyst, ws: WS) -> AssessmentOut:
    record = decisions.assess(ws, actor, case_id, body.doctrine)
    return present.assessment(record, Names(ws.db))


@router.get(
    "/assessments",
    response_model=Page[AssessmentSummary],
    tags=["assessments"],
    summary="The case's assessments, newest first",
)
def list_assessments(case_id: CaseId, actor: Viewer, ws: WS, page: PageParams) -> Page[AssessmentSummary]:
    rows, total = decisions.list_assessments(ws, actor, case_id, limit=page.limit, offset=page.offset)
    items = present.each(present.assessment_summary, rows, ws.db)
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)


@router.get(
    "/assessments/{assessment_id}",
    response_model=AssessmentOut,
    tags=["assessments"],
    summary="One decision record with its full report",
)
def get_assessment(case_id: CaseId, assessment_id: RecordId, actor: Viewer, ws: WS) -> AssessmentOut:
    return present.assessment(decisions.get_assessment(ws, actor, case_id, assessment_id), Names(ws.db))


@router.post(
    "/assessments/{assessment_id}/signoff",
    response_model=SignOffOut,
    status_code=201,
    tags=["assessments"],
    summary="Sign an assessment off as the decision (approver)",
)
def sign_off(
    case_id: CaseId, assessment_id: RecordId, body: SignOffIn, actor: Approver, ws: WS
) -> SignOffOut:
    signoff = decisions.sign_off(ws, actor, case_id, assessment_id, body.decision, body.note)
    return present.signoff(signoff, Names(ws.db))


@router.get(
    "/signoffs", response_model=list[SignOffOut], tags=["assessments"], summary="Decisions signed off"
)
def list_signoffs(case_id: CaseId, actor: Viewer, ws: WS) -> list[SignOffOut]:
    return present.each(present.signoff, decisions.list_signoffs(ws, actor, case_id), ws.db)


@router.get(
    "/compare",
    response_model=list[ComparisonOut],
    tags=["assessments"],
    summary="The verdict of every doctrine on the case as it stands (not recorded)",
)
def compare(case_id: CaseId, actor: Viewer, ws: WS) -> list[ComparisonOut]:
    return [
        ComparisonOut(
            doctrine=row.doctrine.id,
            title=row.doctrine.title,
            version=row.doctrine.version,
            verdict=row.assessment.verdict.value,
            provisional=row.assessment.provisional,
            deciding_rules=[o.rule.id for o in row.assessment.deciding],
            questions=len(row.questionnaire.questions),
        )
        for row in decisions.case_comparison(ws, actor, case_id).rows
    ]


@router.post(
    "/positions",
    response_model=PositionOut,
    status_code=201,
    tags=["positions"],
    summary="Record the country's official position and the statement that made it (approver)",
)
def record_position(case_id: CaseId, body: PositionIn, actor: Approver, ws: WS) -> PositionOut:
    given = decisions.PositionInput(body.position, body.stated_on, body.statement, body.source)
    return present.position(decisions.record_position(ws, actor, case_id, given), Names(ws.db))


@router.get(
    "/positions",
    response_model=list[PositionOut],
    tags=["positions"],
    summary="Every official position stated on the inquiry",
)
def list_positions(case_id: CaseId, actor: Viewer, ws: WS) -> list[PositionOut]:
    return present.each(present.position, decisions.list_positions(ws, actor, case_id), ws.db)
