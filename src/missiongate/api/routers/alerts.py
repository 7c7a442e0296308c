"""Before and after deployment: the domestic steps and the mandate's dates, what would require withdrawal,
and the withdrawal alerts raised by reassessment (acknowledged by an analyst, kept in the history).

A step is recorded as taken by setting its `fact` through the facts endpoints, like any other fact.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Body, Query
from pydantic import BaseModel

from missiongate.api.problems import PROBLEM_RESPONSES
from missiongate.api.schemas import CaseId, LongText, RecordId, Strict
from missiongate.catalogue import FactValue
from missiongate.server.deps import WS, Analyst, Viewer
from missiongate.services import alerts, watch

router = APIRouter(prefix="/cases/{case_id}", tags=["timeline"], responses=PROBLEM_RESPONSES)


class StepOut(BaseModel):
    id: str
    title: str
    authority: str
    when: str
    deadline: str
    due: dt.date | None
    status: str
    fact: str | None
    source: str


class MandateOut(BaseModel):
    end_date: dt.date | None
    days_left: int | None
    state: str
    review: bool | None
    lines: list[str]


class StepsOut(BaseModel):
    case: int
    doctrine: str
    as_of: dt.date
    steps: list[StepOut]
    mandate: MandateOut


class TriggerOut(BaseModel):
    fact: str
    values: list[bool | int | str | dt.date | list[str]]  # a set fact's value as a list
    text: str
    rules: list[str]


class TriggersOut(BaseModel):
    case: int
    deployed: bool
    requires_withdrawal: bool
    triggers: list[TriggerOut]


class AlertOut(BaseModel):
    id: int
    case: int
    kind: str
    text: str
    facts: list[str]
    rules: list[str]
    assessment: int
    previous_assessment: int
    raised_at: dt.datetime
    raised_by: str
    acknowledged: bool
    acknowledged_at: dt.datetime | None
    acknowledged_by: str | None
    note: str


class AcknowledgeIn(Strict):
    note: LongText = ""


def _plain(value: FactValue) -> bool | int | str | dt.date | list[str]:
    return sorted(value) if isinstance(value, frozenset) else value


def _alert(view: alerts.AlertView) -> AlertOut:
    row = view.alert
    return AlertOut(
        id=row.id,
        case=row.case_id,
        kind=row.kind,
        text=row.text,
        facts=row.facts,
        rules=row.rules,
        assessment=row.assessment_id,
        previous_assessment=row.previous_assessment_id,
        raised_at=row.raised_at,
        raised_by=view.raised_by,
        acknowledged=not view.open,
        acknowledged_at=row.acknowledged_at,
        acknowledged_by=view.acknowledged_by or None,
        note=row.note,
    )


@router.get(
    "/steps",
    response_model=StepsOut,
    summary="Where the case stands on its doctrine's domestic steps, and the mandate's end and renewal",
)
def steps(
    case_id: CaseId,
    actor: Viewer,
    ws: WS,
    as_of: Annotated[
        dt.date | None, Query(description="the day deadlines are judged on (default today)")
    ] = None,
) -> StepsOut:
    found = watch.case_steps(ws, actor, case_id, as_of)
    mandate = found.mandate
    return StepsOut(
        case=found.case.id,
        doctrine=found.case.doctrine_id,
        as_of=found.as_of,
        steps=[StepOut(**vars(step)) for step in found.steps],
        mandate=MandateOut(
            end_date=mandate.end_date,
            days_left=mandate.days_left,
            state=mandate.state,
            review=mandate.review,
            lines=list(mandate.lines),
        ),
    )


@router.get(
    "/triggers",
    response_model=TriggersOut,
    summary="What would require a deployed contingent to withdraw (each change alone)",
)
def triggers(case_id: CaseId, actor: Viewer, ws: WS) -> TriggersOut:
    found = watch.case_watch(ws, actor, case_id)
    return TriggersOut(
        case=case_id,
        deployed=found.deployed,
        requires_withdrawal=found.requires_withdrawal,
        triggers=[
            TriggerOut(fact=t.fact, values=[_plain(v) for v in t.values], text=t.text, rules=list(t.rules))
            for t in found.triggers
        ],
    )


@router.get("/alerts", response_model=list[AlertOut], summary="Withdrawal alerts, newest first")
def list_alerts(case_id: CaseId, actor: Viewer, ws: WS) -> list[AlertOut]:
    return [_alert(view) for view in alerts.list_alerts(ws, actor, case_id)]


@router.post(
    "/alerts/{alert_id}/acknowledge",
    response_model=AlertOut,
    summary="Acknowledge a withdrawal alert (analyst); it stays in the history with who and when",
)
def acknowledge(
    case_id: CaseId,
    alert_id: RecordId,
    actor: Analyst,
    ws: WS,
    body: Annotated[AcknowledgeIn | None, Body()] = None,
) -> AlertOut:
    note = body.note if body else ""
    return _alert(alerts.acknowledge(ws, actor, case_id, alert_id, note))
