"""Load what a note or a brief needs from the store, with the reader's access checked; used by the API
and the web pages alike."""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

import missiongate
from missiongate.catalogue import load_catalogue
from missiongate.decision import build_note
from missiongate.decision.parties import contributor_name
from missiongate.doctrine import DoctrineRegistry
from missiongate.documents.context import Names, brief_context
from missiongate.mission import FactRecord
from missiongate.questionnaire import Question
from missiongate.store import cases
from missiongate.store import decisions as store_decisions
from missiongate.store import questionnaires as store_questionnaires
from missiongate.store.accounts import Actor
from missiongate.store.models import Case, PositionRecord, SignOff


def letter_mission(session: Session, case: Case) -> missiongate.Mission:
    """The case as a mission for a letter: the requesting party and the operation's name from the case's
    details where no fact records them (the letter names both; the verdict reads neither)."""
    mission = cases.case_mission(session, case)
    details = {"request.requesting_party": case.requesting_party, "operation.name": case.operation}
    added = {
        fact_id: FactRecord(value=value.strip(), source="the case's details")
        for fact_id, value in details.items()
        if value and value.strip() and fact_id not in mission.facts
    }
    return mission.model_copy(update={"facts": {**mission.facts, **added}}) if added else mission


def note_for(
    session: Session,
    actor: Actor,
    case_id: int,
    number: int,
    *,
    doctrines: DoctrineRegistry,
    ministry: str | None,
) -> dict[str, Any]:
    """The context of questionnaire version `number` as the note verbale `build_note` writes: the questions
    as they were frozen, our conditions as the case stands, numbered MG/<case>/Q<version>. Under a doctrine
    that names no country (the UN baseline), the contributor is the country of the workspace's default
    doctrine."""
    case = cases.get_case(session, actor, case_id)
    record = store_questionnaires.get_questionnaire(session, actor, case_id, number)
    doctrine = doctrines.get(record.doctrine_id)
    mission = letter_mission(session, case)
    note = build_note(
        doctrine,
        mission,
        country=None if doctrine.country else contributor_name(doctrines.get(doctrines.default_id)),
        number=f"MG/{case.id}/Q{record.number}",
        date=(record.sent_at or record.created_at).date(),
        ministry=ministry,
        recipient=record.recipient,
        questionnaire=_frozen(doctrine, mission, record.questions),
    )
    return note.context()


def _frozen(
    doctrine: missiongate.Doctrine, mission: missiongate.Mission, questions: list[dict[str, Any]]
) -> missiongate.Questionnaire:
    """The questionnaire of the case now, with the questions of the frozen version (a fact the catalogue
    no longer has cannot be asked)."""
    catalogue = load_catalogue()
    frozen = tuple(
        Question(
            number=q["number"],
            fact=catalogue.fact(q["fact"]),
            theme_label=q.get("theme_label") or catalogue.theme_labels[catalogue.fact(q["fact"]).theme],
            impact=q.get("impact", 0),
            rules=tuple(q.get("rules", ())),
            could_decline=q.get("could_decline", False),
        )
        for q in questions
        if q.get("fact") in catalogue.by_id
    )
    return dataclasses.replace(
        missiongate.build_questionnaire(doctrine, mission, catalogue), questions=frozen
    )


def brief_for(
    session: Session, actor: Actor, case_id: int, assessment_id: int, *, names: Names, sender: str
) -> dict[str, Any]:
    """The context of the decision brief for one recorded assessment, with its sign-off and the latest
    recorded position."""
    case = cases.get_case(session, actor, case_id)
    assessment = store_decisions.get_assessment(session, actor, case_id, assessment_id)
    signoff = session.scalar(select(SignOff).where(SignOff.assessment_id == assessment.id))
    position = session.scalar(
        select(PositionRecord).where(PositionRecord.case_id == case.id).order_by(PositionRecord.id.desc())
    )
    return brief_context(case, assessment, signoff=signoff, position=position, names=names, sender=sender)
