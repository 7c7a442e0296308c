"""The case's "Conditions" tab: each of our conditions with its state, who, when and through which channel,
its history, and a form to record a change (docs/decision-documents.md, "Conditions on a case")."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import Request, Response
from starlette.concurrency import run_in_threadpool

import missiongate
from missiongate.catalogue import Fact
from missiongate.decision.tracking import Channel, ConditionChange, ConditionState, demand_facts
from missiongate.doctrine.model import Rule
from missiongate.errors import ConflictError, MissionGateError, NotFoundError
from missiongate.server.deps import WS
from missiongate.services import conditions
from missiongate.services.types import Actor
from missiongate.services.workspace import Workspace
from missiongate.web.auth import AnalystForm, ViewerPage
from missiongate.web.fact_forms import answers_from_form, input_kind
from missiongate.web.render import page
from missiongate.web.routes.base import page_router, see_other

router = page_router()
STATES = {
    "stated": ("Stated", "s-undetermined", "we communicated it"),
    "accepted": ("Accepted", "s-satisfied", "the other side accepted it as stated"),
    "amended": ("Amended", "s-undetermined", "the other side accepted it in other terms"),
    "refused": ("Refused", "s-violated", "the other side refused it"),
    "not_stated": ("Not stated", "s-not_applicable", "not communicated yet"),
}
READINGS = {
    "secured": "secured",
    "to_secure": "to be secured",
    "declines": "refused: declines the case",
    "risk": "refused: a stated risk",
    "none": "does not apply",
}


def _demand(rule: Rule | None) -> list[Fact]:
    catalogue = missiongate.load_catalogue()
    return [catalogue.fact(f) for f in demand_facts(rule)] if rule else []


def _show(
    request: Request, ws: Workspace, actor: Actor, case_id: int, status: int = 200, **form: Any
) -> Response:
    view = conditions.list_conditions(ws, actor, case_id)
    return page(
        request,
        "case/conditions.html",
        status,
        nav="cases",
        tab="conditions",
        case=view.case,
        view=view,
        states=STATES,
        choices=list(ConditionState),
        readings=READINGS,
        channels=list(Channel),
        channel_labels={channel.value: channel.label for channel in Channel},
        demand=_demand,
        input_kind=input_kind,
        today=dt.date.today(),
        form=form.get("fields", {}),
        form_rule=form.get("rule_id"),
        error=form.get("error"),
        conflict=form.get("conflict", False),
    )


@router.get("/cases/{case_id}/conditions")
def conditions_page(request: Request, case_id: int, actor: ViewerPage, ws: WS) -> Response:
    return _show(request, ws, actor, case_id)


@router.post("/cases/{case_id}/conditions/{rule_id}")
async def record(request: Request, case_id: int, rule_id: str, actor: AnalystForm, ws: WS) -> Response:
    form = await request.form()
    fields = {key: [str(v) for v in form.getlist(key)] for key in form}
    return await run_in_threadpool(_record, request, ws, actor, case_id, rule_id, fields)


def _record(
    request: Request, ws: Workspace, actor: Actor, case_id: int, rule_id: str, fields: dict[str, list[str]]
) -> Response:
    one = {key: values[0].strip() if values else "" for key, values in fields.items()}
    try:
        change = ConditionChange(
            state=one.get("state", ""),
            counterpart=one.get("counterpart", ""),
            occurred_on=_date(one.get("occurred_on", "")),
            channel=one.get("channel", ""),
            reference=one.get("reference", ""),
            terms=one.get("terms", ""),
            note=one.get("note", ""),
            values=answers_from_form(fields),
        )
        conditions.record_condition(ws, actor, case_id, rule_id, change, _version(one.get("version", "")))
    except NotFoundError:
        raise  # an unknown case or condition: the error page
    except MissionGateError as exc:  # the form again, as it was filled in, with the reason
        status = 409 if isinstance(exc, ConflictError) else 422
        shown = {"fields": fields, "rule_id": rule_id, "error": exc.message, "conflict": status == 409}
        return _show(request, ws, actor, case_id, status, **shown)
    return see_other(f"/cases/{case_id}/conditions#condition-{rule_id}")


def _date(raw: str) -> dt.date:
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise MissionGateError("give the date it happened (YYYY-MM-DD)") from None


def _version(raw: str) -> int:
    if not raw.isdigit():
        raise MissionGateError("the form is missing the case version; reload the page")
    return int(raw)
