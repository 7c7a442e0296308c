"""The timeline's forms: record a domestic step as taken (its fact is set through the fact service) and
acknowledge a withdrawal alert. Both return to the timeline."""

from __future__ import annotations

from typing import Annotated

from fastapi import Form, Response

from missiongate.server.deps import WS
from missiongate.services import alerts, watch
from missiongate.web.auth import AnalystForm
from missiongate.web.routes.base import Version, page_router, see_other

router = page_router()


@router.post("/cases/{case_id}/steps/{step_id}/taken")
def step_taken(case_id: int, step_id: str, actor: AnalystForm, ws: WS, version: Version) -> Response:
    watch.record_step_taken(ws, actor, case_id, step_id, version)
    return see_other(f"/cases/{case_id}/timeline#step-{step_id}")


@router.post("/cases/{case_id}/alerts/{alert_id}/acknowledge")
def acknowledge(
    case_id: int,
    alert_id: int,
    actor: AnalystForm,
    ws: WS,
    note: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    alerts.acknowledge(ws, actor, case_id, alert_id, note)
    return see_other(f"/cases/{case_id}/timeline#alerts")
