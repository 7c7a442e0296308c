"""Load what a note or a brief needs from the store, with the reader's access checked; used by the API
and the web pages alike."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from missiongate.documents.context import Names, brief_context, note_context
from missiongate.store import cases
from missiongate.store import decisions as store_decisions
from missiongate.store import questionnaires as store_questionnaires
from missiongate.store.accounts import Actor
from missiongate.store.models import PositionRecord, SignOff


def note_for(session: Session, actor: Actor, case_id: int, number: int, *, sender: str) -> dict[str, Any]:
    """The context of questionnaire version `number` as a diplomatic note."""
    case = cases.get_case(session, actor, case_id)
    questionnaire = store_questionnaires.get_questionnaire(session, actor, case_id, number)
    instrument = cases.case_facts(session, case).get("mandate.instrument")
    value = instrument.record.get("value") if instrument else None
    return note_context(case, questionnaire, sender=sender, instrument=value)


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
