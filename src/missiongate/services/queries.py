"""Read models for the pages and the API: a case as the verdict sees it, every record made about it (the
timeline), the case at a glance, and usernames for user ids."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

import missiongate
from missiongate.doctrine import DoctrineRegistry
from missiongate.services.workspace import Workspace
from missiongate.store import cases
from missiongate.store import decisions as store_decisions
from missiongate.store import documents as store_documents
from missiongate.store import questionnaires as store_questionnaires
from missiongate.store.accounts import Actor
from missiongate.store.db import Database
from missiongate.store.models import (
    AnswerRecord,
    AssessmentRecord,
    Case,
    CaseFact,
    Document,
    FactRevision,
    PositionRecord,
    QuestionnaireRecord,
    SignOff,
    User,
)

_usernames: WeakKeyDictionary[Engine, dict[int, str]] = WeakKeyDictionary()


class Names:
    """Usernames by user id, from an open session or a database (read on a miss). Usernames never change,
    so each database's table is kept while it is open."""

    def __init__(self, source: Session | Database) -> None:
        self._source = source
        engine = source.engine if isinstance(source, Database) else source.get_bind().engine
        self._known = _usernames.setdefault(engine, {})

    def __call__(self, user_id: int | None) -> str:
        if user_id is None:
            return ""
        name = self._known.get(user_id)
        if name is None:
            self._known.update(self._all())
            name = self._known.get(user_id, f"user-{user_id}")
        return name

    def _all(self) -> list[tuple[int, str]]:
        query = select(User.id, User.username)
        if isinstance(self._source, Database):
            with self._source.read() as session:
                return [(row[0], row[1]) for row in session.execute(query)]
        return [(row[0], row[1]) for row in self._source.execute(query)]


@dataclass(frozen=True)
class CaseView:
    case: Case
    mission: missiongate.Mission
    doctrine: missiongate.Doctrine
    report: dict[str, Any]
    questionnaire: missiongate.Questionnaire
    facts: dict[str, CaseFact]
    latest: AssessmentRecord | None

    @property
    def stale(self) -> bool:
        """The facts changed after the last recorded assessment."""
        return self.latest is None or self.latest.case_version != self.case.version

    def questions_by_theme(self) -> list[tuple[str, list[dict[str, Any]]]]:
        questions = self.report["questions"]
        return [(label, list(group)) for label, group in groupby(questions, key=lambda q: q["theme_label"])]


def load_case(session: Session, actor: Actor, case_id: int, doctrines: DoctrineRegistry) -> CaseView:
    """Within a read the caller holds (to load more in the same snapshot)."""
    case = cases.get_case(session, actor, case_id)
    mission = cases.case_mission(session, case)
    doctrine = doctrines.get(case.doctrine_id)
    assessment, questionnaire = missiongate.assess(doctrine, mission)
    latest, _ = store_decisions.list_assessments(session, actor, case_id, limit=1)
    return CaseView(
        case=case,
        mission=mission,
        doctrine=doctrine,
        report=missiongate.report_data(assessment, questionnaire, mission),
        questionnaire=questionnaire,
        facts=cases.case_facts(session, case),
        latest=latest[0] if latest else None,
    )


def case_view(ws: Workspace, actor: Actor, case_id: int) -> CaseView:
    with ws.db.read() as session:
        return load_case(session, actor, case_id, ws.doctrines)


@dataclass(frozen=True)
class CaseRecords:
    """Every record made about a case, as its timeline shows them (one snapshot)."""

    case: Case
    revisions: list[FactRevision]  # oldest first
    assessments: list[AssessmentRecord]  # newest first, at most `ASSESSMENTS_SHOWN`
    documents: list[Document]
    questionnaires: list[QuestionnaireRecord]
    answers: list[AnswerRecord]
    positions: list[PositionRecord]
    signoffs: list[SignOff]


ASSESSMENTS_SHOWN = 500


def case_records(ws: Workspace, actor: Actor, case_id: int) -> CaseRecords:
    with ws.db.read() as session:
        case = cases.get_case(session, actor, case_id)
        assessments, _ = store_decisions.list_assessments(session, actor, case_id, limit=ASSESSMENTS_SHOWN)
        return CaseRecords(
            case=case,
            revisions=cases.fact_history(session, case),
            assessments=assessments,
            documents=store_documents.list_documents(session, actor, case_id),
            questionnaires=store_questionnaires.list_questionnaires(session, actor, case_id),
            answers=store_questionnaires.list_answers(session, actor, case_id),
            positions=store_decisions.list_positions(session, actor, case_id),
            signoffs=store_decisions.list_signoffs(session, actor, case_id),
        )


@dataclass(frozen=True)
class Overview:
    view: CaseView
    position: PositionRecord | None  # the latest official position, if one was recorded


def overview(ws: Workspace, actor: Actor, case_id: int) -> Overview:
    """The case at a glance: as the verdict sees it, with its latest official position."""
    with ws.db.read() as session:
        view = load_case(session, actor, case_id, ws.doctrines)
        positions = store_decisions.list_positions(session, actor, case_id)
    return Overview(view, positions[-1] if positions else None)
