"""Documents generated from the records: the questionnaire as a diplomatic note, the decision brief."""

from __future__ import annotations

from fastapi import APIRouter, Response

from missiongate.api.problems import PROBLEM_RESPONSES
from missiongate.api.schemas import CaseId, RecordId
from missiongate.server.deps import WS, Viewer
from missiongate.server.responses import download, download_responses
from missiongate.services import exports
from missiongate.services.exports import DOCX, PDF

router = APIRouter(prefix="/cases/{case_id}", tags=["documents"], responses=PROBLEM_RESPONSES)


@router.get(
    "/questionnaires/{number}/note.docx",
    response_class=Response,
    responses=download_responses(DOCX),
    summary="The questionnaire as a numbered diplomatic note (Word)",
)
def note_docx(case_id: CaseId, number: RecordId, actor: Viewer, ws: WS) -> Response:
    return download(exports.note(ws, actor, case_id, number, "docx"))


@router.get(
    "/questionnaires/{number}/note.pdf",
    response_class=Response,
    responses=download_responses(PDF),
    summary="The questionnaire as a numbered diplomatic note (PDF)",
)
def note_pdf(case_id: CaseId, number: RecordId, actor: Viewer, ws: WS) -> Response:
    return download(exports.note(ws, actor, case_id, number, "pdf"))


@router.get(
    "/assessments/{assessment_id}/brief.pdf",
    response_class=Response,
    responses=download_responses(PDF),
    summary="The decision brief: verdict, reasons, facts with sources, open questions (PDF)",
)
def brief_pdf(case_id: CaseId, assessment_id: RecordId, actor: Viewer, ws: WS) -> Response:
    return download(exports.brief(ws, actor, case_id, assessment_id))
