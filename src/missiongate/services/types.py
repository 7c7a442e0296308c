"""The store's types the faces need to name (rows to present, the actor, enums, input records), re-exported
so that the API, the pages and the commands depend on the services only, never on `missiongate.store`."""

from missiongate.store.accounts import MIN_PASSWORD, Actor, LoginOutcome
from missiongate.store.audit import ChainReport
from missiongate.store.cases import CaseInput
from missiongate.store.db import Database
from missiongate.store.documents import DOCUMENT_KINDS
from missiongate.store.models import (
    AnswerRecord,
    ApiToken,
    AssessmentRecord,
    AuditEntry,
    Case,
    CaseFact,
    CaseStatus,
    ClaimRecord,
    Decision,
    Document,
    FactRevision,
    LoginSession,
    Position,
    PositionRecord,
    QuestionnaireRecord,
    Role,
    SignOff,
    User,
    utcnow,
)
from missiongate.store.proposals import Proposed
from missiongate.store.questionnaires import AnswersInput

__all__ = [
    "DOCUMENT_KINDS",
    "MIN_PASSWORD",
    "Actor",
    "AnswerRecord",
    "AnswersInput",
    "ApiToken",
    "AssessmentRecord",
    "AuditEntry",
    "Case",
    "CaseFact",
    "CaseInput",
    "CaseStatus",
    "ChainReport",
    "ClaimRecord",
    "Database",
    "Decision",
    "Document",
    "FactRevision",
    "LoginOutcome",
    "LoginSession",
    "Position",
    "PositionRecord",
    "Proposed",
    "QuestionnaireRecord",
    "Role",
    "SignOff",
    "User",
    "utcnow",
]
