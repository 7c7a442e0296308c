"""The decision documents on a case as it stands: the minister's memo, the note verbale, the offer
(docs/decision-documents.md). Read only; a viewer may read them."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Response

from missiongate.api.problems import PROBLEM_RESPONSES
from missiongate.api.schemas import CaseId
from missiongate.decision import Lang
from missiongate.documents.decision import MEDIA_TYPES
from missiongate.server.deps import WS, Viewer
from missiongate.server.responses import download, download_responses
from missiongate.services import decision_documents as documents
from missiongate.services.decision_documents import MAX_ADDRESSEE, MAX_NUMBER, Letter

router = APIRouter(prefix="/cases/{case_id}", tags=["decision documents"], responses=PROBLEM_RESPONSES)

NOTE_KIND = "X-Note-Kind"
DOCUMENT_TYPES = tuple(MEDIA_TYPES.values())  # Markdown, Word, PDF
Format = Annotated[Literal["md", "docx", "pdf"], Query(description="Markdown, Word or PDF.")]
DateQ = Annotated[dt.date | None, Query(description="The document's date, YYYY-MM-DD (default today).")]
Number = Annotated[
    str, Query(max_length=MAX_NUMBER, description="The registry number (default: a blank to fill in).")
]
To = Annotated[
    str | None,
    Query(max_length=MAX_ADDRESSEE, description="The addressee (default: the requesting party's embassy)."),
]


def _letter(
    date: DateQ = None,
    number: Number = "",
    to: To = None,
    lang: Annotated[
        Lang, Query(description="The note's language, en (default) or fr; the offer is in English.")
    ] = "en",
) -> Letter:
    return Letter(date, number, to, lang)


LetterQ = Annotated[Letter, Depends(_letter)]


@router.get(
    "/memo",
    response_class=Response,
    responses=download_responses(*DOCUMENT_TYPES),
    summary="The minister's memo: recommendation, options, the facts it rests on; annexes",
    description="Built from the case's facts and doctrine as they stand. 409 when the case's doctrine "
    "only classifies operations.",
)
def memo(case_id: CaseId, actor: Viewer, ws: WS, format: Format = "md", date: DateQ = None) -> Response:
    return download(documents.memo(ws, actor, case_id, format, date))


@router.get(
    "/note",
    response_class=Response,
    responses=download_responses(
        *DOCUMENT_TYPES,
        headers={
            NOTE_KIND: {
                "description": "`questions`: the note asks questions and states our conditions; "
                "`declining`: the case is declined and this is a courteous declining note",
                "schema": {"type": "string", "enum": ["questions", "declining"]},
            }
        },
    ),
    summary="The note verbale to the requesting party: questions and conditions, or a declining note",
    description="A declined case gets a courteous declining note (header X-Note-Kind: declining), never "
    "a questionnaire. 409 for a contingent that must withdraw, a case with nothing left to ask or state, "
    "or a doctrine that only classifies operations.",
)
def note(case_id: CaseId, actor: Viewer, ws: WS, letter: LetterQ, format: Format = "md") -> Response:
    found = documents.note(ws, actor, case_id, format, letter)
    response = download(found)
    response.headers[NOTE_KIND] = "declining" if found.declining else "questions"
    return response


@router.get(
    "/offer",
    response_class=Response,
    responses=download_responses(*DOCUMENT_TYPES),
    summary="The offer letter and its annex of conditions and national caveats",
    description="Only when the doctrine allows an offer; otherwise 409 naming why (declined, open "
    "questions, awaiting the minister's decision, withdrawal required).",
)
def offer(case_id: CaseId, actor: Viewer, ws: WS, letter: LetterQ, format: Format = "md") -> Response:
    return download(documents.offer(ws, actor, case_id, format, letter))
