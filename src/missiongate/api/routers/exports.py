"""Documents generated from the records: the questionnaire as a diplomatic note, the decision brief."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response

from missiongate.api.problems import PROBLEM_RESPONSES
from missiongate.api.schemas import CaseId, RecordId
from missiongate.server.deps import DB, AppSettings, Viewer
from missiongate.server.responses import attachment
from missiongate.services.queries import Names
from missiongate.settings import Settings
from missiongate.store.accounts import Actor
from missiongate.store.db import Database

router = APIRouter(prefix="/cases/{case_id}", tags=["documents"], responses=PROBLEM_RESPONSES)
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"


def _file(data: bytes, media_type: str, filename: str) -> Response:
    return Response(data, media_type=media_type, headers={"Content-Disposition": attachment(filename)})


def _binary(media_type: str) -> dict[int | str, dict[str, Any]]:
    return {200: {"content": {media_type: {}}, "description": "the document"}}


def _note(db: Database, actor: Actor, settings: Settings, case_id: int, number: int) -> dict[str, Any]:
    from missiongate.documents import note_for

    with db.read() as session:
        return note_for(session, actor, case_id, number, sender=settings.sender)


@router.get(
    "/questionnaires/{number}/note.docx",
    response_class=Response,
    responses=_binary(DOCX),
    summary="The questionnaire as a numbered diplomatic note (Word)",
)
def note_docx(case_id: CaseId, number: RecordId, actor: Viewer, db: DB, settings: AppSettings) -> Response:
    from missiongate.documents import note_docx as render_docx

    data = render_docx(_note(db, actor, settings, case_id, number), settings.templates_dir)
    return _file(data, DOCX, f"note-case-{case_id}-q{number}.docx")


@router.get(
    "/questionnaires/{number}/note.pdf",
    response_class=Response,
    responses=_binary(PDF),
    summary="The questionnaire as a numbered diplomatic note (PDF)",
)
def note_pdf(case_id: CaseId, number: RecordId, actor: Viewer, db: DB, settings: AppSettings) -> Response:
    from missiongate.documents import render_pdf

    data = render_pdf("note.html", _note(db, actor, settings, case_id, number), settings.templates_dir)
    return _file(data, PDF, f"note-case-{case_id}-q{number}.pdf")


@router.get(
    "/assessments/{assessment_id}/brief.pdf",
    response_class=Response,
    responses=_binary(PDF),
    summary="The decision brief: verdict, reasons, facts with sources, open questions (PDF)",
)
def brief_pdf(
    case_id: CaseId, assessment_id: RecordId, actor: Viewer, db: DB, settings: AppSettings
) -> Response:
    from missiongate.documents import brief_for, render_pdf

    with db.read() as session:
        names = Names(session)
        context = brief_for(session, actor, case_id, assessment_id, names=names, sender=settings.sender)
    return _file(
        render_pdf("brief.html", context, settings.templates_dir),
        PDF,
        f"brief-case-{case_id}-a{assessment_id}.pdf",
    )
