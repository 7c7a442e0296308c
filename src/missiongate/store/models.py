"""The workspace's tables. The schema itself is created by the Alembic migrations in `migrations/`.

Records that must never change after they are written (assessments, sign-offs, sent questionnaires,
answers, positions, checked claims, fact revisions, the audit log) are only ever inserted; the migrations
add triggers that refuse UPDATE and DELETE on the assessment and audit tables.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, deferred, mapped_column

from missiongate.store.texts import line, lines


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Timezone-aware UTC on the way in and out, also on SQLite (which stores naive text)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Role(StrEnum):
    VIEWER = "viewer"
    ANALYST = "analyst"
    APPROVER = "approver"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        return list(Role).index(self)

    def at_least(self, other: Role) -> bool:
        return self.rank >= other.rank


class CaseStatus(StrEnum):
    OPEN = "open"
    AWAITING_ANSWERS = "awaiting_answers"
    DECIDED = "decided"
    CLOSED = "closed"


class Position(StrEnum):
    """The country's official position on the inquiry."""

    NO_CONSENT_GIVEN = "no_consent_given"
    CONSIDERING = "considering"
    CONSENT_GIVEN = "consent_given"
    DECLINED = "declined"


class Decision(StrEnum):
    DECLINE = "decline"
    SEEK_CLARIFICATION = "seek_clarification"
    PARTICIPATE_WITH_CONDITIONS = "participate_with_conditions"
    PARTICIPATE = "participate"


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dt.datetime: UTCDateTime,
        dict[str, Any]: JSON,
        list[Any]: JSON,
    }


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True, info=line("username"))
    display_name: Mapped[str] = mapped_column(String(300), default="", info=line("display name"))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    @property
    def role_enum(self) -> Role:
        return Role(self.role)


class ApiToken(Base):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(String(100), info=line("token name"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[dt.datetime | None]
    revoked_at: Mapped[dt.datetime | None]
    # The token it was created with, if any: revoking that one revokes this one too.
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("api_tokens.id", name="fk_api_tokens_parent_id"))


class LoginSession(Base):
    __tablename__ = "login_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[dt.datetime]


class LoginDevice(Base):
    """A browser or client that logged in as a user: the login throttle's address limit does not apply to it.

    Its raw token lives in the `missiongate_device` cookie; only the SHA-256 is stored. So colleagues behind
    one office address are not locked out when someone there (or someone spraying passwords from there)
    fails often: the per-username limit still holds for everyone.
    """

    __tablename__ = "login_devices"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    username_key: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(index=True)


class LoginFailure(Base):
    """A failed password login, kept for the login throttle's window only (`store/throttle.py`).

    `username_key` is the SHA-256 of the username as typed (normalised), so that a password typed into the
    username field is not stored. `refused` rows mark the first refusal of a lock-out (audited once).
    """

    __tablename__ = "login_failures"
    __table_args__ = (
        Index("ix_login_failures_username_key_at", "username_key", "at"),
        Index("ix_login_failures_client_at", "client", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    username_key: Mapped[str] = mapped_column(String(64))
    client: Mapped[str] = mapped_column(String(64))
    at: Mapped[dt.datetime] = mapped_column(index=True)
    refused: Mapped[bool] = mapped_column(Boolean, default=False)


class Case(Base):
    """An inquiry and everything the team keeps about it."""

    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    # the mission id used in mission files
    mission_ref: Mapped[str] = mapped_column(String(100), info=line("mission id"))
    title: Mapped[str] = mapped_column(String(300), info=line("title"))
    description: Mapped[str] = mapped_column(Text, default="", info=lines("description"))
    requesting_party: Mapped[str | None] = mapped_column(String(300), info=line("requesting party"))
    received_on: Mapped[dt.date | None] = mapped_column(Date)
    channel: Mapped[str | None] = mapped_column(String(300), info=line("channel"))
    operation: Mapped[str | None] = mapped_column(String(300), info=line("operation"))
    doctrine_id: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(32), default=CaseStatus.OPEN.value, index=True)
    example: Mapped[bool] = mapped_column(Boolean, default=False)
    restricted: Mapped[bool] = mapped_column(Boolean, default=False)
    latest_verdict: Mapped[str | None] = mapped_column(String(40))
    position: Mapped[str] = mapped_column(String(32), default=Position.NO_CONSENT_GIVEN.value)
    # Consent per party, as in a mission file's `parties:` (None: none recorded).
    parties: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON, nullable=True, info=lines("parties"))
    # Bumped by every change to the case or its facts: the ETag of optimistic concurrency.
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class CaseMember(Base):
    """Who may see a restricted case (admins always may)."""

    __tablename__ = "case_members"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)


class CaseFact(Base):
    """The current value of one fact of a case, in the mission-file long form."""

    __tablename__ = "case_facts"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    fact_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    record: Mapped[dict[str, Any]] = mapped_column(
        # what a person gives; the evidence a document's analysis adds quotes the document as it is
        info=lines("fact {row.fact_id}", keys=("value", "source", "date", "note", "answered_by", "channel"))
    )
    status: Mapped[str] = mapped_column(String(16))
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[int] = mapped_column(ForeignKey("users.id"))


class FactRevision(Base):
    """Every value a fact has had, including its removal (record None)."""

    __tablename__ = "fact_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    fact_id: Mapped[str] = mapped_column(String(100))
    record: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    action: Mapped[str] = mapped_column(String(16))
    case_version: Mapped[int]
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    by: Mapped[int] = mapped_column(ForeignKey("users.id"))


class Document(Base):
    """A document received or produced for a case; the original bytes are kept with their hash."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    filename: Mapped[str] = mapped_column(String(300), info=line("file name"))
    content_type: Mapped[str] = mapped_column(String(200))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text, default="", info=lines("note"))
    data: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))
    uploaded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    uploaded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))


class QuestionnaireRecord(Base):
    """One version of the clarification questionnaire, frozen once sent."""

    __tablename__ = "questionnaires"
    __table_args__ = (UniqueConstraint("case_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    number: Mapped[int]
    doctrine_id: Mapped[str] = mapped_column(String(100))
    doctrine_version: Mapped[str] = mapped_column(String(50))
    doctrine_hash: Mapped[str] = mapped_column(String(64))
    questions: Mapped[list[Any]]
    case_version: Mapped[int]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    sent_at: Mapped[dt.datetime | None]
    sent_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    sent_channel: Mapped[str | None] = mapped_column(String(200), info=line("channel"))
    recipient: Mapped[str | None] = mapped_column(String(300), info=line("recipient"))


class AnswerRecord(Base):
    """Answers received from the requesting party: who answered, when, through which channel."""

    __tablename__ = "answers"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    questionnaire_id: Mapped[int | None] = mapped_column(ForeignKey("questionnaires.id"))
    received_on: Mapped[dt.date] = mapped_column(Date)
    answered_by: Mapped[str] = mapped_column(String(300), info=line("answered by"))
    channel: Mapped[str] = mapped_column(String(200), info=line("channel"))
    facts: Mapped[dict[str, Any]] = mapped_column(info=lines("answers"))
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    note: Mapped[str] = mapped_column(Text, default="", info=lines("note"))
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    recorded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))


class AssessmentRecord(Base):
    """An immutable decision record: the inputs, the doctrine exactly as used, and the full report."""

    __tablename__ = "assessments"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    doctrine_id: Mapped[str] = mapped_column(String(100))
    doctrine_version: Mapped[str] = mapped_column(String(50))
    doctrine_hash: Mapped[str] = mapped_column(String(64))
    inputs: Mapped[dict[str, Any]]
    report: Mapped[dict[str, Any]]
    verdict: Mapped[str] = mapped_column(String(40))
    provisional: Mapped[bool] = mapped_column(Boolean)
    case_version: Mapped[int]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))


class SignOff(Base):
    """An approver's sign-off of one assessment as the decision."""

    __tablename__ = "signoffs"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id"), unique=True)
    decision: Mapped[str] = mapped_column(String(40))
    note: Mapped[str] = mapped_column(Text, default="", info=lines("note"))
    signed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    signed_by: Mapped[int] = mapped_column(ForeignKey("users.id"))


class PositionRecord(Base):
    """The official position as stated, with the date and the statement that made it."""

    __tablename__ = "positions"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    position: Mapped[str] = mapped_column(String(32))
    stated_on: Mapped[dt.date] = mapped_column(Date)
    statement: Mapped[str] = mapped_column(Text, info=lines("statement"))
    source: Mapped[str] = mapped_column(String(500), default="", info=line("source"))
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    recorded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))


class ConditionRecord(Base):
    """One answer to (or statement of) one of our conditions on a case; the latest per rule is current.

    Append-only: every change is a new row. `facts` holds the fact values the change set (amended terms,
    the values an acceptance or refusal recorded), in plain form.
    """

    __tablename__ = "case_conditions"
    __table_args__ = (Index("ix_case_conditions_case_id_rule_id", "case_id", "rule_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    doctrine_id: Mapped[str] = mapped_column(String(100))
    rule_id: Mapped[str] = mapped_column(String(100))
    state: Mapped[str] = mapped_column(String(16))  # stated | accepted | refused | amended
    counterpart: Mapped[str] = mapped_column(String(300))  # who on the other side
    channel: Mapped[str] = mapped_column(String(32))
    reference: Mapped[str] = mapped_column(String(300), default="")
    occurred_on: Mapped[dt.date] = mapped_column(Date)
    terms: Mapped[str] = mapped_column(Text, default="")  # the amended terms in words
    facts: Mapped[dict[str, Any]]
    note: Mapped[str] = mapped_column(Text, default="")
    case_version: Mapped[int]
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    recorded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))


class ClaimRecord(Base):
    """A public claim about the country's participation, checked against the case's official position.

    Append-only: a later check of the same text adds new rows; the record keeps the position as it stood.
    """

    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    text: Mapped[str] = mapped_column(Text, info=lines("claim"))  # the sentence
    quote: Mapped[str] = mapped_column(Text, default="", info=lines("quote"))
    speaker: Mapped[str | None] = mapped_column(String(300))
    speaker_role: Mapped[str | None] = mapped_column(String(300))
    country: Mapped[str] = mapped_column(String(3))
    mission: Mapped[str | None] = mapped_column(String(100))
    stance: Mapped[str] = mapped_column(String(16))  # agreed | considering | declined
    start: Mapped[int]  # character offsets of the sentence in the text the extractor saw
    end: Mapped[int]
    source: Mapped[str] = mapped_column(String(500), default="", info=line("source"))
    verdict: Mapped[str] = mapped_column(String(16), index=True)  # consistent | contradicts | cannot_check
    reason: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[str | None] = mapped_column(String(32))  # the recorded position it was checked against
    position_date: Mapped[dt.date | None] = mapped_column(Date)
    mission_assumed: Mapped[bool] = mapped_column(Boolean, default=False)
    detail: Mapped[dict[str, Any]]  # the full `Claim.to_dict()`
    rebuttal_note: Mapped[str | None] = mapped_column(Text)  # drafts, for contradicting claims only
    rebuttal_public_line: Mapped[str | None] = mapped_column(Text)
    checked_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    checked_by: Mapped[int] = mapped_column(ForeignKey("users.id"))


class CaseAlert(Base):
    """A withdrawal alert: a reassessment found that a change of facts now requires a deployed contingent to
    withdraw. Never deleted; acknowledging it records who and when, and it stays in the case's history."""

    __tablename__ = "case_alerts"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))  # "withdrawal"
    text: Mapped[str] = mapped_column(Text)
    facts: Mapped[list[Any]]  # the fact ids that changed
    rules: Mapped[list[Any]]  # the titles of the rules that require withdrawal
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id"))  # the one that raised it
    previous_assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id"))
    raised_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    raised_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    acknowledged_at: Mapped[dt.datetime | None]
    acknowledged_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    note: Mapped[str] = mapped_column(Text, default="")  # the acknowledging analyst's note


class AuditEntry(Base):
    """One link of the hash chain. Text columns keep the hashed bytes exactly as written."""

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64), index=True)
    target: Mapped[str] = mapped_column(String(100), index=True)
    details: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    rows: Mapped[str | None] = mapped_column(Text)  # row key -> SHA-256 of the rows written (canonical JSON)


class AuditHead(Base):
    """The last link of the chain; locked by each writer so the chain never forks."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int]
    hash: Mapped[str] = mapped_column(String(64))
