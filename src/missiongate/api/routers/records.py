"""The records of a case: documents, questionnaires, answers, assessments, sign-offs, official positions."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, File, Form, Response, UploadFile

import missiongate
from missiongate.api import present
from missiongate.api.problems import PROBLEM_RESPONSES
from missiongate.api.schemas import (
    MAX_ID,
    AnswerOut,
    AnswersIn,
    AssessmentCreate,
    AssessmentOut,
    AssessmentSummary,
    CaseId,
    ComparisonOut,
    DocumentAnalysisOut,
    DocumentOut,
    Page,
    PositionIn,
    PositionOut,
    ProposalsOut,
    QuestionnaireCreate,
    QuestionnaireOut,
    QuestionnaireSend,
    RecordId,
    SignOffIn,
    SignOffOut,
)
from missiongate.errors import MissionGateError
from missiongate.questionnaire.answers import AnswerSet, read_answers
from missiongate.server.deps import (
    DB,
    Analyst,
    Approver,
    AppSettings,
    Doctrines,
    OptionalVersion,
    PageParams,
    Viewer,
)
from missiongate.server.errors import ProblemError, etag
from missiongate.store import cases, proposals, records

router = APIRouter(prefix="/cases/{case_id}", tags=["case records"], responses=PROBLEM_RESPONSES)


def attachment(filename: str) -> str:
    ascii_name = filename.encode("ascii", "replace").decode().replace('"', "'").replace("?", "_")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"


# -- documents -------------------------------------------------------------------------------------------


@router.post(
    "/documents",
    response_model=DocumentOut,
    status_code=201,
    tags=["documents"],
    summary="Upload a document received for the case (multipart/form-data)",
)
def upload_document(
    case_id: CaseId,
    actor: Analyst,
    db: DB,
    settings: AppSettings,
    file: Annotated[UploadFile, File(description="the document; its original bytes are kept")],
    kind: Annotated[str, Form(max_length=32)] = "other",
    note: Annotated[str, Form(max_length=20_000)] = "",
) -> DocumentOut:
    content_type = records.document_type(file.content_type)  # 415 before reading the body
    data = records.read_upload(file.file, settings.max_upload_bytes)
    with db.write() as session:
        document = records.add_document(
            session,
            actor,
            case_id,
            filename=file.filename or "",
            content_type=content_type,
            data=data,
            kind=kind,
            note=note,
        )
        return present.document(document, present.Names(session))


@router.get(
    "/documents", response_model=list[DocumentOut], tags=["documents"], summary="The case's documents"
)
def list_documents(case_id: CaseId, actor: Viewer, db: DB) -> list[DocumentOut]:
    with db.read() as session:
        names = present.Names(session)
        return [present.document(d, names) for d in records.list_documents(session, actor, case_id)]


@router.get(
    "/documents/{document_id}",
    response_model=DocumentOut,
    tags=["documents"],
    summary="A document's metadata",
)
def get_document(case_id: CaseId, document_id: RecordId, actor: Viewer, db: DB) -> DocumentOut:
    with db.read() as session:
        return present.document(
            records.get_document(session, actor, case_id, document_id), present.Names(session)
        )


@router.get(
    "/documents/{document_id}/content",
    tags=["documents"],
    summary="The original bytes",
    response_class=Response,
    responses={200: {"content": {"application/octet-stream": {}}}},
)
def document_content(case_id: CaseId, document_id: RecordId, actor: Viewer, db: DB) -> Response:
    with db.read() as session:
        document = records.get_document(session, actor, case_id, document_id, with_data=True)
    headers = {
        "Content-Disposition": attachment(document.filename),
        "X-Content-Type-Options": "nosniff",
        "Digest": f"sha-256={document.sha256}",
    }
    return Response(document.data, media_type=document.content_type, headers=headers)


NOT_ANALYSABLE = "not-analysable"


@router.get(
    "/documents/{document_id}/analysis",
    response_model=DocumentAnalysisOut,
    response_model_exclude_unset=True,  # the analyzer's JSON as it is: no keys it did not write
    tags=["documents"],
    summary="What the mandate analyzer finds in the document: findings with evidence, PEMA tasks, "
    "proposed facts (422 if it cannot be analysed)",
)
def document_analysis(case_id: CaseId, document_id: RecordId, actor: Viewer, db: DB) -> DocumentAnalysisOut:
    with db.read() as session:
        document = records.get_document(session, actor, case_id, document_id, with_data=True)
        found = proposals.analyse(document)
        if isinstance(found, str):
            raise ProblemError(422, found, slug=NOT_ANALYSABLE)
        return present.analysis(document, found, proposals.proposed_records(found, document))


@router.post(
    "/documents/{document_id}/proposals",
    response_model=ProposalsOut,
    tags=["documents"],
    summary="Add the document's proposed facts to the case, never over a confirmed value (If-Match optional)",
)
def propose_facts(
    case_id: CaseId,
    document_id: RecordId,
    actor: Analyst,
    expected: OptionalVersion,
    db: DB,
    response: Response,
) -> ProposalsOut:
    with db.write() as session:
        document = records.get_document(session, actor, case_id, document_id, with_data=True)
        result = proposals.propose(session, actor, case_id, document, expected=expected)
        if result.problem is not None:
            raise ProblemError(422, result.problem, slug=NOT_ANALYSABLE)
        response.headers["ETag"] = etag(result.case.version)
        return present.proposed(document, result)


# -- questionnaires --------------------------------------------------------------------------------------


@router.post(
    "/questionnaires",
    response_model=QuestionnaireOut,
    status_code=201,
    tags=["questionnaires"],
    summary="Freeze the questionnaire the current facts call for, as the next version",
)
def create_questionnaire(
    case_id: CaseId, body: QuestionnaireCreate, actor: Analyst, db: DB, doctrines: Doctrines
) -> QuestionnaireOut:
    with db.write() as session:
        record = records.create_questionnaire(session, actor, case_id, body.doctrine, doctrines=doctrines)
        return present.questionnaire(record, present.Names(session))


@router.get(
    "/questionnaires",
    response_model=list[QuestionnaireOut],
    tags=["questionnaires"],
    summary="Every questionnaire version of the case",
)
def list_questionnaires(case_id: CaseId, actor: Viewer, db: DB) -> list[QuestionnaireOut]:
    with db.read() as session:
        names = present.Names(session)
        return [present.questionnaire(q, names) for q in records.list_questionnaires(session, actor, case_id)]


@router.get(
    "/questionnaires/{number}",
    response_model=QuestionnaireOut,
    tags=["questionnaires"],
    summary="One questionnaire version",
)
def get_questionnaire(case_id: CaseId, number: RecordId, actor: Viewer, db: DB) -> QuestionnaireOut:
    with db.read() as session:
        record = records.get_questionnaire(session, actor, case_id, number)
        return present.questionnaire(record, present.Names(session))


@router.post(
    "/questionnaires/{number}/send",
    response_model=QuestionnaireOut,
    tags=["questionnaires"],
    summary="Record that this version was sent; it is frozen from then on",
)
def send_questionnaire(
    case_id: CaseId, number: RecordId, body: QuestionnaireSend, actor: Analyst, db: DB
) -> QuestionnaireOut:
    with db.write() as session:
        record = records.send_questionnaire(
            session, actor, case_id, number, channel=body.channel, recipient=body.recipient
        )
        return present.questionnaire(record, present.Names(session))


# -- answers ---------------------------------------------------------------------------------------------


@router.post(
    "/answers",
    response_model=AnswerOut,
    status_code=201,
    tags=["answers"],
    summary="Record answers received and apply them to the facts (If-Match optional)",
)
def record_answers(
    case_id: CaseId, body: AnswersIn, actor: Analyst, expected: OptionalVersion, db: DB
) -> AnswerOut:
    answers = records.AnswersInput(
        received_on=body.received_on,
        answered_by=body.answered_by,
        channel=body.channel,
        facts=body.facts,
        questionnaire=body.questionnaire,
        document_id=body.document,
        note=body.note,
        source=body.source,
    )
    with db.write() as session:
        return present.answer(
            records.record_answers(session, actor, case_id, answers, expected), present.Names(session)
        )


ANSWER_FILE_TYPES = {
    ".yaml": "application/yaml",
    ".yml": "application/yaml",
    ".json": "application/json",
    ".csv": "text/csv",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@router.post(
    "/answers/import",
    response_model=AnswerOut,
    status_code=201,
    tags=["answers"],
    summary="Record answers from a file as received (YAML/JSON, CSV or a filled XLSForm export)",
)
def import_answers(
    case_id: CaseId,
    actor: Analyst,
    expected: OptionalVersion,
    db: DB,
    settings: AppSettings,
    file: Annotated[UploadFile, File(description="the answers file; it is kept as a document of the case")],
    answered_by: Annotated[str | None, Form(max_length=300)] = None,
    channel: Annotated[str | None, Form(max_length=200)] = None,
    received_on: Annotated[dt.date | None, Form()] = None,
    questionnaire: Annotated[int | None, Form(ge=1, le=MAX_ID)] = None,
) -> AnswerOut:
    filename = records.clean_filename(file.filename, "answers")
    suffix = Path(filename).suffix.lower()
    if suffix not in ANSWER_FILE_TYPES:
        raise ProblemError(
            415, "answers must be a .yaml, .yml, .json, .csv or .xlsx file", slug="unsupported-media-type"
        )
    data = records.read_upload(file.file, settings.max_upload_bytes)
    answer_set = _parse_answers(data, suffix)
    who, how, when = (
        answered_by or answer_set.answered_by,
        channel or answer_set.channel,
        received_on or answer_set.date,
    )
    if not (who and how and when):
        raise ProblemError(
            422,
            "say who answered, through which channel and when (in the file or as form "
            "fields answered_by, channel, received_on)",
            slug="invalid-input",
        )
    facts = {
        fact_id: missiongate.FactRecord(value=value).to_data()
        for fact_id, value in answer_set.answers.items()
    }
    with db.write() as session:
        document = records.add_document(
            session,
            actor,
            case_id,
            filename=filename,
            content_type=ANSWER_FILE_TYPES[suffix],
            data=data,
            kind="answer",
        )
        answers = records.AnswersInput(
            received_on=when,
            answered_by=who,
            channel=how,
            facts=facts,
            questionnaire=questionnaire,
            document_id=document.id,
            source=f"answers file {filename}",
        )
        return present.answer(
            records.record_answers(session, actor, case_id, answers, expected), present.Names(session)
        )


def _parse_answers(data: bytes, suffix: str) -> AnswerSet:
    """The core reader works on files: hand it a temporary one with the uploaded name's suffix."""
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"answers{suffix}"
        path.write_bytes(data)
        try:
            return read_answers(path)
        except MissionGateError as exc:
            raise MissionGateError(exc.message) from None  # without the temporary path


@router.get("/answers", response_model=list[AnswerOut], tags=["answers"], summary="Answers as received")
def list_answers(case_id: CaseId, actor: Viewer, db: DB) -> list[AnswerOut]:
    with db.read() as session:
        names = present.Names(session)
        return [present.answer(a, names) for a in records.list_answers(session, actor, case_id)]


# -- assessments -----------------------------------------------------------------------------------------


@router.post(
    "/assessments",
    response_model=AssessmentOut,
    status_code=201,
    tags=["assessments"],
    summary="Assess the case as it stands and keep the decision record",
)
def create_assessment(
    case_id: CaseId, body: AssessmentCreate, actor: Analyst, db: DB, doctrines: Doctrines
) -> AssessmentOut:
    with db.write() as session:
        record = records.create_assessment(session, actor, case_id, body.doctrine, doctrines=doctrines)
        return present.assessment(record, present.Names(session))


@router.get(
    "/assessments",
    response_model=Page[AssessmentSummary],
    tags=["assessments"],
    summary="The case's assessments, newest first",
)
def list_assessments(case_id: CaseId, actor: Viewer, db: DB, page: PageParams) -> Page[AssessmentSummary]:
    with db.read() as session:
        rows, total = records.list_assessments(session, actor, case_id, limit=page.limit, offset=page.offset)
        names = present.Names(session)
        return Page(
            items=[present.assessment_summary(r, names) for r in rows],
            total=total,
            limit=page.limit,
            offset=page.offset,
        )


@router.get(
    "/assessments/{assessment_id}",
    response_model=AssessmentOut,
    tags=["assessments"],
    summary="One decision record with its full report",
)
def get_assessment(case_id: CaseId, assessment_id: RecordId, actor: Viewer, db: DB) -> AssessmentOut:
    with db.read() as session:
        record = records.get_assessment(session, actor, case_id, assessment_id)
        return present.assessment(record, present.Names(session))


@router.post(
    "/assessments/{assessment_id}/signoff",
    response_model=SignOffOut,
    status_code=201,
    tags=["assessments"],
    summary="Sign an assessment off as the decision (approver)",
)
def sign_off(
    case_id: CaseId, assessment_id: RecordId, body: SignOffIn, actor: Approver, db: DB
) -> SignOffOut:
    with db.write() as session:
        signoff = records.sign_off(session, actor, case_id, assessment_id, body.decision, body.note)
        return present.signoff(signoff, present.Names(session))


@router.get(
    "/signoffs", response_model=list[SignOffOut], tags=["assessments"], summary="Decisions signed off"
)
def list_signoffs(case_id: CaseId, actor: Viewer, db: DB) -> list[SignOffOut]:
    with db.read() as session:
        names = present.Names(session)
        return [present.signoff(s, names) for s in records.list_signoffs(session, actor, case_id)]


@router.get(
    "/compare",
    response_model=list[ComparisonOut],
    tags=["assessments"],
    summary="The verdict of every doctrine on the case as it stands (not recorded)",
)
def compare(case_id: CaseId, actor: Viewer, db: DB, doctrines: Doctrines) -> list[ComparisonOut]:
    with db.read() as session:
        mission = cases.case_mission(session, cases.get_case(session, actor, case_id))
    rows = []
    for doctrine in doctrines.doctrines():
        assessment, questionnaire = missiongate.assess(doctrine, mission)
        rows.append(
            ComparisonOut(
                doctrine=doctrine.id,
                title=doctrine.title,
                version=doctrine.version,
                verdict=assessment.verdict.value,
                provisional=assessment.provisional,
                deciding_rules=[o.rule.id for o in assessment.deciding],
                questions=len(questionnaire.questions),
            )
        )
    return rows


# -- official position -----------------------------------------------------------------------------------


@router.post(
    "/positions",
    response_model=PositionOut,
    status_code=201,
    tags=["positions"],
    summary="Record the country's official position and the statement that made it (approver)",
)
def record_position(case_id: CaseId, body: PositionIn, actor: Approver, db: DB) -> PositionOut:
    with db.write() as session:
        record = records.record_position(
            session,
            actor,
            case_id,
            position=body.position,
            stated_on=body.stated_on,
            statement=body.statement,
            source=body.source,
        )
        return present.position(record, present.Names(session))


@router.get(
    "/positions",
    response_model=list[PositionOut],
    tags=["positions"],
    summary="Every official position stated on the inquiry",
)
def list_positions(case_id: CaseId, actor: Viewer, db: DB) -> list[PositionOut]:
    with db.read() as session:
        names = present.Names(session)
        return [present.position(p, names) for p in records.list_positions(session, actor, case_id)]
