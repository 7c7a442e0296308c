"""Request and response bodies of the REST API (they are the OpenAPI schema)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Generic, Literal, TypeVar

from fastapi import Path
from pydantic import BaseModel, ConfigDict, Field

from missiongate.services.types import CaseStatus, Decision, Position, Role

T = TypeVar("T")
MAX_ID = 2**31 - 1

CaseId = Annotated[int, Path(ge=1, le=MAX_ID, description="case id")]
RecordId = Annotated[int, Path(ge=1, le=MAX_ID)]
Line = Annotated[str, Field(max_length=300)]
Title = Annotated[str, Field(min_length=1, max_length=300)]
LongText = Annotated[str, Field(max_length=20_000)]
Username = Annotated[str, Field(min_length=2, max_length=64, pattern=r"^[a-z0-9][a-z0-9._-]{1,63}$")]
FactId = Annotated[str, Field(min_length=1, max_length=100)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int
    limit: int
    offset: int


# -- auth and users --------------------------------------------------------------------------------------


class LoginIn(Strict):
    username: Annotated[str, Field(min_length=1, max_length=64)]
    password: Annotated[str, Field(min_length=1, max_length=200)]


class UserOut(BaseModel):
    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    created_at: dt.datetime


class SessionOut(BaseModel):
    user: UserOut
    csrf_token: str = Field(
        description="send it as X-CSRF-Token on every unsafe request made with the cookie"
    )
    expires_at: dt.datetime


class UserCreate(Strict):
    username: Username
    role: Role
    display_name: Line = ""
    password: Annotated[str | None, Field(min_length=10, max_length=200)] = Field(
        None, description="omitted: a password is generated and returned once"
    )


class UserCreated(UserOut):
    password: str | None = Field(None, description="the generated password, shown only this once")


class UserPatch(Strict):
    role: Role | None = None
    active: bool | None = None
    display_name: Line | None = None
    password: Annotated[str | None, Field(min_length=10, max_length=200)] = None


class TokenCreate(Strict):
    name: Annotated[str, Field(min_length=1, max_length=100)]
    expires_in_days: Annotated[int | None, Field(ge=1, le=3650)] = None


class TokenOut(BaseModel):
    id: int
    name: str
    prefix: str
    created_at: dt.datetime
    expires_at: dt.datetime | None
    revoked_at: dt.datetime | None


class TokenCreated(TokenOut):
    token: str = Field(description="the token itself, shown only this once; only its hash is stored")


# -- cases and facts -------------------------------------------------------------------------------------


class CaseCreate(Strict):
    title: Title
    mission_ref: Annotated[str | None, Field(max_length=100, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")] = None
    description: LongText = ""
    requesting_party: Line | None = None
    received_on: dt.date | None = None
    channel: Line | None = None
    operation: Line | None = None
    doctrine: Annotated[str | None, Field(max_length=100)] = None
    restricted: bool = False
    members: Annotated[list[Username], Field(max_length=200)] = []
    example: bool = False
    facts: dict[FactId, Any] = Field(
        default_factory=dict, description="fact id -> value, or {value, status, source, date, evidence}"
    )


class CasePatch(Strict):
    title: Title | None = None
    description: LongText | None = None
    requesting_party: Line | None = None
    received_on: dt.date | None = None
    channel: Line | None = None
    operation: Line | None = None
    doctrine: Annotated[str | None, Field(max_length=100)] = None
    status: CaseStatus | None = None
    restricted: bool | None = None
    members: Annotated[list[Username] | None, Field(max_length=200)] = None


class CaseOut(BaseModel):
    id: int
    mission_ref: str
    title: str
    description: str
    requesting_party: str | None
    received_on: dt.date | None
    channel: str | None
    operation: str | None
    doctrine: str
    status: CaseStatus
    example: bool
    restricted: bool
    latest_verdict: str | None
    position: Position
    version: int
    etag: str
    created_at: dt.datetime
    updated_at: dt.datetime


class CaseDetail(CaseOut):
    members: list[str]


class FactIn(Strict):
    value: Any = Field(description="a value allowed by the fact catalogue")
    status: Annotated[str, Field(pattern="^(confirmed|proposed)$")] = "confirmed"
    source: Line | None = None
    date: dt.date | None = None
    evidence: dict[str, Any] | None = None
    answered_by: Line | None = None
    channel: Line | None = None
    note: LongText | None = None


class PartyConsentIn(Strict):
    status: Literal["given", "partial", "withheld", "withdrawn", "unknown"] = "unknown"
    scope: Annotated[str, Field(max_length=500)] | None = None
    source: Annotated[str, Field(max_length=500)] | None = None
    date: dt.date | None = None
    reported: bool = Field(default=False, description="publicly reported only, not confirmed officially")


class PartyIn(Strict):
    id: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", max_length=100)]
    name: Annotated[str, Field(min_length=1, max_length=300)]
    role: Literal["host_authority", "main_party", "other_party"]
    consent: PartyConsentIn = PartyConsentIn()


class PartiesBody(Strict):
    parties: Annotated[list[PartyIn], Field(max_length=50)] = Field(
        description="every party with its role and consent (docs/semantics.md); the list replaces the case's"
    )


class FactsPatch(Strict):
    facts: Annotated[dict[FactId, FactIn | None], Field(min_length=1, max_length=200)] = Field(
        description="fact id -> new value; null makes the fact unknown again"
    )


class FactOut(BaseModel):
    fact: str
    value: Any
    status: str
    record: dict[str, Any] = Field(description="the value with its provenance, as in a mission file")
    updated_at: dt.datetime
    updated_by: str


class FactsOut(BaseModel):
    case: int
    version: int
    etag: str
    facts: list[FactOut]


class FactRevisionOut(BaseModel):
    id: int
    fact: str
    action: str
    record: dict[str, Any] | None
    case_version: int
    at: dt.datetime
    by: str


# -- records ---------------------------------------------------------------------------------------------


class DocumentOut(BaseModel):
    id: int
    case: int
    filename: str
    content_type: str
    size: int
    sha256: str
    kind: str
    note: str
    uploaded_at: dt.datetime
    uploaded_by: str


# The analysis of a document is the mandate analyzer's own JSON (`missiongate analyze FILE --format json`,
# `missiongate.analyzer.render.to_json`) with the case and document ids added; these models publish its
# shape and let through any field the analyzer adds later.


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class TextQuoteSelectorOut(Open):
    type: str = Field(description="always TextQuoteSelector (W3C Web Annotation)")
    exact: str
    prefix: str
    suffix: str


class FindingEvidenceOut(Open):
    paragraph: str | None = Field(description="PEMA-style paragraph id (3, 3b, p2), null for the header")
    start: int = Field(description="offset of the quote's first character in the text as read")
    end: int = Field(description="offset after the quote's last character")
    quote: str = Field(description="exactly the text between start and end")
    selector: TextQuoteSelectorOut


class FindingOut(Open):
    kind: str = Field(description="charter_basis, use_of_force, task, consent, operation_name, ...")
    value: Any
    rule: str = Field(description="the id of the analyzer rule that found it")
    confidence: float
    evidence: FindingEvidenceOut
    detail: dict[str, Any] | None = Field(None, description="present when the finding has details")


class TaskCodingOut(Open):
    modalities: list[str] = Field(description="Monitor, Assist, Security, Encouraged")
    paragraphs: str = Field(description="paragraph ids as a PEMA cell, e.g. '3a, 3d'")


class DocumentAnalysisOut(Open):
    case: int
    document: int
    source: str = Field(description="the document's file name as analysed")
    format: str = Field(description="text, pdf, html or xml: how the document was read")
    symbol: str | None = Field(description="e.g. S/RES/872 (1993)")
    adopted: str | None = Field(description="date of adoption, ISO 8601")
    findings: list[FindingOut]
    pema: dict[str, TaskCodingOut] = Field(description="PEMA task code -> modalities and paragraphs")
    facts: dict[str, dict[str, Any]] = Field(
        description="fact id -> the proposed fact as POST .../proposals would add it: value, "
        "status proposed, source and evidence (quote, paragraph, start, end, selector, rule, "
        "confidence, document_id)"
    )


class ProposalsOut(BaseModel):
    case: int
    document: int
    version: int = Field(description="the case version after the change")
    etag: str
    added: list[str] = Field(description="facts now proposed in the case from this document")
    kept_confirmed: list[str] = Field(description="facts the case holds confirmed: left as they were")
    unchanged: list[str] = Field(description="facts already proposed exactly so: nothing written")


class QuestionnaireCreate(Strict):
    doctrine: Annotated[str | None, Field(max_length=100)] = None


class QuestionnaireSend(Strict):
    channel: Annotated[str, Field(min_length=1, max_length=200)]
    recipient: Annotated[str, Field(min_length=1, max_length=300)]


class QuestionnaireOut(BaseModel):
    id: int
    case: int
    number: int
    doctrine: str
    doctrine_version: str
    doctrine_hash: str
    questions: list[dict[str, Any]]
    case_version: int
    created_at: dt.datetime
    created_by: str
    sent_at: dt.datetime | None
    sent_by: str | None
    sent_channel: str | None
    recipient: str | None


class AnswersIn(Strict):
    received_on: dt.date
    answered_by: Annotated[str, Field(min_length=1, max_length=300)]
    channel: Annotated[str, Field(min_length=1, max_length=200)]
    questionnaire: Annotated[int | None, Field(ge=1, le=MAX_ID)] = None
    document: Annotated[int | None, Field(ge=1, le=MAX_ID)] = None
    source: Line | None = None
    note: LongText = ""
    facts: Annotated[dict[FactId, Any], Field(min_length=1, max_length=200)]


class AnswerOut(BaseModel):
    id: int
    case: int
    questionnaire_id: int | None
    received_on: dt.date
    answered_by: str
    channel: str
    facts: dict[str, Any]
    document: int | None
    note: str
    recorded_at: dt.datetime
    recorded_by: str


class AssessmentCreate(Strict):
    doctrine: Annotated[str | None, Field(max_length=100)] = None


class AssessmentSummary(BaseModel):
    id: int
    case: int
    doctrine: str
    doctrine_version: str
    doctrine_hash: str
    verdict: str
    provisional: bool
    case_version: int
    created_at: dt.datetime
    created_by: str


class AssessmentOut(AssessmentSummary):
    inputs: dict[str, Any] = Field(description="the mission exactly as assessed")
    report: dict[str, Any] = Field(description="the decision report, schema missiongate.assessment/2")


class SignOffIn(Strict):
    decision: Decision
    note: LongText = ""


class SignOffOut(BaseModel):
    id: int
    case: int
    assessment: int
    decision: Decision
    note: str
    signed_at: dt.datetime
    signed_by: str


class PositionIn(Strict):
    position: Position
    stated_on: dt.date
    statement: Annotated[str, Field(min_length=1, max_length=20_000)]
    source: Annotated[str, Field(max_length=500)] = ""


class PositionOut(BaseModel):
    id: int
    case: int
    position: Position
    stated_on: dt.date
    statement: str
    source: str
    recorded_at: dt.datetime
    recorded_by: str


class ComparisonOut(BaseModel):
    doctrine: str
    title: str
    version: str
    verdict: str
    provisional: bool
    deciding_rules: list[str]
    questions: int


# -- path to yes and force generation (docs/paths.md) -----------------------------------------------------


class ChangeOut(BaseModel):
    model_config = ConfigDict(populate_by_name=True)
    fact: str
    from_: Any = Field(alias="from", description="The value now; null when the fact is unknown (answered).")
    to: Any
    controlled_by: str = Field(description="contributor, requesting_party, council or nobody")
    alternatives: list[Any] = Field(default_factory=list, description="Other values with the same effect.")
    any_value: bool = Field(default=False, description="Any answer does: only whether it is known matters.")
    other_than: list[Any] = Field(
        default_factory=list, description="`to` is a placeholder: any value but these."
    )


class PathOut(BaseModel):
    changes: list[ChangeOut]
    verdict: str
    only_if: list[str] = Field(description="Facts of the world the path waits on, in words.")


class BlockerOut(BaseModel):
    rule: str
    title: str
    reason: str


class PathsOut(BaseModel):
    mission: str | None
    doctrine: str
    verdict: str = Field(description="The verdict now.")
    paths: list[PathOut] = Field(description="The minimal paths to yes, best first.")
    total: int
    complete: bool = Field(description="False when a search bound was reached: some paths may be missing.")
    blocked: list[BlockerOut]
    summary: str


class ConditionOut(BaseModel):
    rule: str
    statement: str
    status: str


class ForcegenRowOut(BaseModel):
    doctrine: str
    title: str
    verdict: str
    conditions: list[ConditionOut]
    best_path: PathOut | None
    summary: str


class MandateChangeOut(BaseModel):
    changes: list[ChangeOut]
    gains: list[str] = Field(description="Doctrines the change turns into a yes.")
    losses: list[str] = Field(description="Doctrines the change turns from a yes into something else.")


class ForcegenOut(BaseModel):
    mission: str | None
    doctrines: list[ForcegenRowOut]
    mandate_changes: list[MandateChangeOut]


# -- audit and health ------------------------------------------------------------------------------------


class AuditEntryOut(BaseModel):
    seq: int
    at: str
    actor: str
    action: str
    target: str
    details: dict[str, Any]
    hash: str


class AuditVerifyOut(BaseModel):
    ok: bool
    entries: int
    head_hash: str
    problems: list[str]


class HealthOut(BaseModel):
    status: str
    version: str
    database: str
    schema_revision: str | None
