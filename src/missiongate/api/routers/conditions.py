"""Our conditions on a case: each one's state with who, when and through which channel, and recording a change
(docs/decision-documents.md, "Conditions on a case")."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Path, Response
from pydantic import BaseModel, Field

from missiongate.api.problems import PROBLEM_RESPONSES
from missiongate.api.schemas import CaseId, Line, LongText, Strict
from missiongate.decision.tracking import Channel, ConditionState
from missiongate.server.deps import WS, Analyst, OptionalVersion, Viewer
from missiongate.server.errors import etag
from missiongate.services import conditions
from missiongate.services.conditions import CaseConditions, ConditionChange, ConditionRecord, TrackedCondition

router = APIRouter(prefix="/cases/{case_id}/conditions", responses=PROBLEM_RESPONSES, tags=["conditions"])
RuleId = Annotated[str, Path(min_length=1, max_length=100, description="the condition's rule id")]


class ConditionChangeIn(Strict):
    state: ConditionState
    counterpart: Annotated[str, Field(min_length=1, max_length=300, description="who on the other side")]
    on: dt.date = Field(description="when it happened (communicated, or answered)")
    channel: Channel
    reference: Line = ""
    terms: LongText = Field(default="", description="the amended terms in words (state amended)")
    note: LongText = ""
    values: dict[Annotated[str, Field(max_length=100)], Any] = Field(
        default_factory=dict,
        description="fact id -> value: the amended terms, or what was accepted or refused where the "
        "condition can be met or failed in several ways",
    )


class ConditionRecordOut(BaseModel):
    id: int
    state: str
    counterpart: str
    on: dt.date
    channel: str
    reference: str
    terms: str
    note: str
    facts: dict[str, Any]
    doctrine: str
    recorded_at: dt.datetime
    recorded_by: str


class CaseConditionOut(BaseModel):
    rule_id: str
    title: str
    statement: str | None
    desirable: bool
    applies: bool
    status: str = Field(
        description="the doctrine's reading of the facts: secured, to_secure, declines, risk or none"
    )
    state: str = Field(description="stated, accepted, refused, amended, or not_stated")
    agrees: bool = Field(description="whether the facts still say what the latest record says")
    current: ConditionRecordOut | None
    history: list[ConditionRecordOut]


class CaseConditionsOut(BaseModel):
    case: int
    version: int
    doctrine: str
    verdict: str
    conditions: list[CaseConditionOut]


class ConditionRecordedOut(BaseModel):
    verdict_before: str
    verdict: str
    condition: CaseConditionOut


def _record(record: ConditionRecord, view: CaseConditions) -> ConditionRecordOut:
    return ConditionRecordOut(
        id=record.id,
        state=record.state,
        counterpart=record.counterpart,
        on=record.occurred_on,
        channel=record.channel,
        reference=record.reference,
        terms=record.terms,
        note=record.note,
        facts=record.facts,
        doctrine=record.doctrine_id,
        recorded_at=record.recorded_at,
        recorded_by=view.usernames.get(record.recorded_by, ""),
    )


def _condition(tracked: TrackedCondition, view: CaseConditions) -> CaseConditionOut:
    rule = tracked.rule
    return CaseConditionOut(
        rule_id=tracked.rule_id,
        title=tracked.title,
        statement=rule.statement if rule else None,
        desirable=rule.desirable if rule else False,
        applies=tracked.effect.value != "none",
        status=tracked.effect.value,
        state=tracked.state,
        agrees=tracked.agrees,
        current=_record(tracked.current, view) if tracked.current else None,
        history=[_record(r, view) for r in tracked.history],
    )


@router.get("", response_model=CaseConditionsOut, summary="The case's conditions, their state and history")
def list_conditions(case_id: CaseId, actor: Viewer, ws: WS, response: Response) -> CaseConditionsOut:
    view = conditions.list_conditions(ws, actor, case_id)
    response.headers["ETag"] = etag(view.case.version)
    return CaseConditionsOut(
        case=view.case.id,
        version=view.case.version,
        doctrine=view.doctrine.id,
        verdict=view.verdict.value,
        conditions=[_condition(c, view) for c in view.conditions],
    )


@router.post(
    "/{rule_id}",
    response_model=ConditionRecordedOut,
    status_code=201,
    summary="Record that a condition was stated, accepted, refused or amended (If-Match optional)",
)
def record_condition(
    case_id: CaseId,
    rule_id: RuleId,
    body: ConditionChangeIn,
    actor: Analyst,
    expected: OptionalVersion,
    ws: WS,
    response: Response,
) -> ConditionRecordedOut:
    change = ConditionChange(
        state=body.state.value,
        counterpart=body.counterpart,
        occurred_on=body.on,
        channel=body.channel.value,
        reference=body.reference,
        terms=body.terms,
        note=body.note,
        values=body.values,
    )
    done = conditions.record_condition(ws, actor, case_id, rule_id, change, expected)
    response.headers["ETag"] = etag(done.view.case.version)
    return ConditionRecordedOut(
        verdict_before=done.before.value,
        verdict=done.view.verdict.value,
        condition=_condition(done.condition, done.view),
    )
