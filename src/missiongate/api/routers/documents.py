"""Documents of a case: upload, metadata, the original bytes, the analysis and the facts it proposes."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Response, UploadFile

from missiongate.api import present
from missiongate.api.problems import PROBLEM_RESPONSES
from missiongate.api.schemas import CaseId, DocumentAnalysisOut, DocumentOut, ProposalsOut, RecordId
from missiongate.server.deps import WS, Analyst, OptionalVersion, Viewer
from missiongate.server.errors import etag
from missiongate.server.responses import attachment
from missiongate.services import documents
from missiongate.services.queries import Names

router = APIRouter(prefix="/cases/{case_id}", tags=["documents"], responses=PROBLEM_RESPONSES)


@router.post(
    "/documents",
    response_model=DocumentOut,
    status_code=201,
    summary="Upload a document received for the case (multipart/form-data)",
)
def upload_document(
    case_id: CaseId,
    actor: Analyst,
    ws: WS,
    file: Annotated[UploadFile, File(description="the document; its original bytes are kept")],
    kind: Annotated[str, Form(max_length=32)] = "other",
    note: Annotated[str, Form(max_length=20_000)] = "",
) -> DocumentOut:
    upload = documents.Upload(file.filename, file.content_type, file.file, kind=kind, note=note)
    uploaded = documents.upload_document(ws, actor, case_id, upload, propose=False)
    return present.document(uploaded.document, Names(ws.db))


@router.get("/documents", response_model=list[DocumentOut], summary="The case's documents")
def list_documents(case_id: CaseId, actor: Viewer, ws: WS) -> list[DocumentOut]:
    return present.each(present.document, documents.list_documents(ws, actor, case_id), ws.db)


@router.get("/documents/{document_id}", response_model=DocumentOut, summary="A document's metadata")
def get_document(case_id: CaseId, document_id: RecordId, actor: Viewer, ws: WS) -> DocumentOut:
    return present.document(documents.get_document(ws, actor, case_id, document_id), Names(ws.db))


@router.get(
    "/documents/{document_id}/content",
    summary="The original bytes",
    response_class=Response,
    responses={200: {"content": {"application/octet-stream": {}}}},
)
def document_content(case_id: CaseId, document_id: RecordId, actor: Viewer, ws: WS) -> Response:
    document = documents.get_document(ws, actor, case_id, document_id, with_data=True)
    headers = {
        "Content-Disposition": attachment(document.filename),
        "X-Content-Type-Options": "nosniff",
        "Digest": f"sha-256={document.sha256}",
    }
    return Response(document.data, media_type=document.content_type, headers=headers)


@router.get(
    "/documents/{document_id}/analysis",
    response_model=DocumentAnalysisOut,
    response_model_exclude_unset=True,  # the analyzer's JSON as it is: no keys it did not write
    summary="What the mandate analyzer finds in the document: findings with evidence, PEMA tasks, "
    "proposed facts (422 if it cannot be analysed)",
)
def document_analysis(case_id: CaseId, document_id: RecordId, actor: Viewer, ws: WS) -> DocumentAnalysisOut:
    found = documents.document_analysis(ws, actor, case_id, document_id)
    return present.analysis(found.document, found.analysis, found.proposed)


@router.post(
    "/documents/{document_id}/proposals",
    response_model=ProposalsOut,
    summary="Add the document's proposed facts to the case, never over a confirmed value (If-Match optional)",
)
def propose_facts(
    case_id: CaseId,
    document_id: RecordId,
    actor: Analyst,
    expected: OptionalVersion,
    ws: WS,
    response: Response,
) -> ProposalsOut:
    document, result = documents.propose(ws, actor, case_id, document_id, expected)
    response.headers["ETag"] = etag(result.case.version)
    return present.proposed(document, result)
