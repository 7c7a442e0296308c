"""The clarification questionnaire: what is still unknown, its exports, its versions as sent, and answers."""

from __future__ import annotations

import datetime as dt
import re
from collections import OrderedDict
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Form, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from missiongate.errors import ConflictError, MissionGateError, NotFoundError
from missiongate.questionnaire.render import to_markdown, to_text
from missiongate.questionnaire.xlsform import xlsform_bytes
from missiongate.server.deps import WS
from missiongate.server.responses import attachment, download
from missiongate.services import cases, exports, questionnaires
from missiongate.services.queries import CaseView, Names, case_view
from missiongate.services.types import Actor, AnswersInput, Case
from missiongate.services.workspace import Workspace
from missiongate.web.auth import AnalystForm, ViewerPage
from missiongate.web.fact_forms import answers_from_form, input_kind
from missiongate.web.render import page
from missiongate.web.routes.base import page_router, see_other

router = page_router()
Exporter = Callable[[CaseView], bytes]
ExportKey = tuple[int, int, str, str, dt.date]
_rendered: OrderedDict[ExportKey, bytes] = OrderedDict()
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _exports() -> dict[str, tuple[str, str, Exporter]]:
    """Live exports of the questionnaire as the facts stand: format -> (label, media type, renderer)."""
    return {
        "md": ("Markdown", "text/markdown; charset=utf-8", lambda v: to_markdown(v.questionnaire).encode()),
        "txt": ("Plain text", "text/plain; charset=utf-8", lambda v: to_text(v.questionnaire).encode()),
        "xlsx": ("XLSForm (ODK, KoboToolbox)", XLSX, lambda v: xlsform_bytes(v.questionnaire)),
    }


@router.get("/cases/{case_id}/questionnaires/{number}/note.{kind}")
def note(case_id: int, number: int, kind: str, actor: ViewerPage, ws: WS) -> Response:
    """A kept version as the numbered diplomatic note (DOCX or PDF), as the API serves it."""
    return download(exports.note(ws, actor, case_id, number, kind))


def _context(ws: Workspace, actor: Actor, case_id: int) -> dict[str, Any]:
    found = questionnaires.questionnaire_view(ws, actor, case_id)
    names = Names(ws.db)
    return dict(
        view=found.view,
        case=found.view.case,
        exports=_exports(),
        input_kind=input_kind,
        versions=[(q, names(q.created_by)) for q in found.versions],
        answers=[(a, names(a.recorded_by)) for a in found.answers],
    )


@router.get("/cases/{case_id}/questionnaire")
def questionnaire_page(request: Request, case_id: int, actor: ViewerPage, ws: WS) -> Response:
    return _page(request, ws, actor, case_id)


def _page(
    request: Request,
    ws: Workspace,
    actor: Actor,
    case_id: int,
    status: int = 200,
    *,
    form: dict[str, list[str]] | None = None,
    error: str | None = None,
    sending: dict[str, str] | None = None,
) -> Response:
    """The page; after a refused form, with the reason and what was entered (`form`: the answers,
    `sending`: channel and recipient of a version being kept)."""
    return page(
        request,
        "case/questionnaire.html",
        status,
        nav="cases",
        tab="questionnaire",
        form=form or {},
        error=error,
        conflict=status == 409,
        sending=sending or {},
        today=dt.date.today(),
        **_context(ws, actor, case_id),
    )


@router.get("/cases/{case_id}/questionnaire/export")
def export(
    case_id: int,
    actor: ViewerPage,
    ws: WS,
    format: Annotated[str, Query(max_length=8)] = "md",
) -> Response:
    exports = _exports()
    if format not in exports:
        raise MissionGateError(f"unknown export format {format!r} (one of {', '.join(exports)})")
    _, media_type, render = exports[format]
    today = dt.date.today()
    case = cases.get_case(ws, actor, case_id)  # the access check, before any cached answer
    body = _rendered.get(_key(case, format, today))
    if body is None:
        view = case_view(ws, actor, case_id)
        body = render(view)
        _remember(_key(view.case, format, today), body)  # the version rendered, if it moved meanwhile
    slug = re.sub(r"[^A-Za-z0-9]+", "-", case.mission_ref).strip("-") or "case"
    filename = f"questionnaire-{slug}-{today.isoformat()}.{format}"
    return Response(body, media_type=media_type, headers={"Content-Disposition": attachment(filename)})


def _key(case: Case, format: str, today: dt.date) -> ExportKey:
    return (case.id, case.version, case.doctrine_id, format, today)


def _remember(key: ExportKey, body: bytes) -> None:
    """Exports of the same case version on the same day are identical; building a workbook is slow."""
    _rendered[key] = body
    if len(_rendered) > 32:
        _rendered.popitem(last=False)


@router.post("/cases/{case_id}/questionnaires")
def freeze(
    request: Request,
    case_id: int,
    actor: AnalystForm,
    ws: WS,
    channel: Annotated[str, Form(max_length=200)] = "",
    recipient: Annotated[str, Form(max_length=300)] = "",
) -> Response:
    """Keep the questionnaire as it stands as the next version; with a channel and recipient, as sent."""
    sent = channel.strip() and recipient.strip()
    dispatch = questionnaires.Dispatch(channel.strip(), recipient.strip()) if sent else None
    try:
        questionnaires.create_questionnaire(ws, actor, case_id, send=dispatch)
    except NotFoundError:
        raise
    except MissionGateError as exc:  # e.g. a control character in the recipient: nothing kept
        sending = {"channel": channel, "recipient": recipient}
        return _page(request, ws, actor, case_id, 422, error=exc.message, sending=sending)
    return see_other(f"/cases/{case_id}/questionnaire#versions")


@router.post("/cases/{case_id}/answers")
async def record_answers(request: Request, case_id: int, actor: AnalystForm, ws: WS) -> Response:
    form = await request.form()
    fields = {key: [str(v) for v in form.getlist(key)] for key in form}
    return await run_in_threadpool(_record_answers, request, ws, actor, case_id, fields)


def _record_answers(
    request: Request, ws: Workspace, actor: Actor, case_id: int, fields: dict[str, list[str]]
) -> Response:
    one = {key: values[0].strip() if values else "" for key, values in fields.items()}
    try:
        answers = AnswersInput(
            received_on=_date(one.get("received_on", "")),
            answered_by=one.get("answered_by", "")[:300],
            channel=one.get("channel", "")[:200],
            facts=answers_from_form(fields),
            note=one.get("note", ""),
            questionnaire=int(one["questionnaire"]) if one.get("questionnaire", "").isdigit() else None,
        )
        questionnaires.record_answers(ws, actor, case_id, answers, _version(one.get("version", "")))
    except (ConflictError, MissionGateError) as exc:
        status = 409 if isinstance(exc, ConflictError) else 422
        return _page(request, ws, actor, case_id, status, form=fields, error=exc.message)
    return see_other(f"/cases/{case_id}#verdict")


def _date(raw: str) -> dt.date:
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise MissionGateError("give the date the answers were received (YYYY-MM-DD)") from None


def _version(raw: str) -> int:
    if not raw.isdigit():
        raise MissionGateError("the form is missing the case version; reload the page")
    return int(raw)
