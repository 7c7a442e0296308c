"""Cases and their facts. Edits need `If-Match` with the case's ETag; a stale one gets 409, writes nothing."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response

from missiongate.api import present
from missiongate.api.problems import PROBLEM_RESPONSES
from missiongate.api.schemas import (
    CaseCreate,
    CaseDetail,
    CaseId,
    CaseOut,
    CasePatch,
    FactIn,
    FactRevisionOut,
    FactsOut,
    FactsPatch,
    Page,
    PartiesBody,
    PartyIn,
)
from missiongate.server.deps import WS, Analyst, ExpectedVersion, PageParams, Viewer
from missiongate.server.errors import etag
from missiongate.services import cases as service
from missiongate.services.queries import Names
from missiongate.services.types import Actor, Case, CaseInput, CaseStatus

router = APIRouter(prefix="/cases", tags=["cases"], responses=PROBLEM_RESPONSES)
FactPath = Annotated[str, Path(min_length=1, max_length=100, description="fact id from the catalogue")]


def _detail(ws: WS, actor: Actor, case_id: int, response: Response) -> CaseDetail:
    """The case as committed, read afresh, with its ETag (a write answers with this too)."""
    found = service.case_detail(ws, actor, case_id)
    response.headers["ETag"] = etag(found.case.version)
    return present.case_detail(found.case, found.members)


def _facts(ws: WS, actor: Actor, case_id: int, response: Response) -> FactsOut:
    found = service.case_facts(ws, actor, case_id)
    response.headers["ETag"] = etag(found.case.version)
    return present.facts(found.case, found.facts, Names(ws.db))


@router.get(
    "", response_model=Page[CaseOut], summary="Cases visible to the caller, most recently changed first"
)
def list_cases(
    actor: Viewer,
    ws: WS,
    page: PageParams,
    status: Annotated[CaseStatus | None, Query(description="only cases in this status")] = None,
    verdict: Annotated[str | None, Query(max_length=40, description="latest verdict, e.g. DECLINE")] = None,
    q: Annotated[str | None, Query(max_length=200, description="words in the title or operation")] = None,
) -> Page[CaseOut]:
    rows, total = service.list_cases(
        ws, actor, status=status, verdict=verdict, query=q, limit=page.limit, offset=page.offset
    )
    return Page(items=[present.case(r) for r in rows], total=total, limit=page.limit, offset=page.offset)


@router.post("", response_model=CaseDetail, status_code=201, summary="Open a case for an inquiry")
def create_case(body: CaseCreate, actor: Analyst, ws: WS, response: Response) -> CaseDetail:
    data = CaseInput(**body.model_dump(exclude={"doctrine"}), doctrine_id=body.doctrine)
    case = service.create_case(ws, actor, data)
    response.headers["Location"] = f"/api/cases/{case.id}"
    return _detail(ws, actor, case.id, response)


@router.get("/{case_id}", response_model=CaseDetail, summary="One case (its ETag is in the ETag header)")
def get_case(case_id: CaseId, actor: Viewer, ws: WS, response: Response) -> CaseDetail:
    return _detail(ws, actor, case_id, response)


@router.patch("/{case_id}", response_model=CaseDetail, summary="Change a case (needs If-Match)")
def update_case(
    case_id: CaseId,
    body: CasePatch,
    actor: Analyst,
    expected: ExpectedVersion,
    ws: WS,
    response: Response,
) -> CaseDetail:
    changes: dict[str, Any] = body.model_dump(exclude_unset=True)
    if "doctrine" in changes:
        changes["doctrine_id"] = changes.pop("doctrine")
    case = service.update_case(ws, actor, case_id, expected, changes)
    return _detail(ws, actor, case.id, response)


@router.get("/{case_id}/mission", summary="The case as a mission file (YAML structure as JSON)")
def get_mission(case_id: CaseId, actor: Viewer, ws: WS) -> dict[str, Any]:
    return service.case_mission(ws, actor, case_id).to_data()


@router.get("/{case_id}/parties", summary="Consent per party: each party's role and consent")
def get_parties(case_id: CaseId, actor: Viewer, ws: WS, response: Response) -> PartiesBody:
    case = service.get_case(ws, actor, case_id)
    response.headers["ETag"] = etag(case.version)
    return PartiesBody(parties=[PartyIn.model_validate(p) for p in case.parties or []])


@router.put("/{case_id}/parties", summary="Record consent per party (needs If-Match); the case is reassessed")
def put_parties(
    case_id: CaseId, body: PartiesBody, actor: Analyst, expected: ExpectedVersion, ws: WS, response: Response
) -> CaseDetail:
    parties = [party.model_dump(mode="json", exclude_none=True) for party in body.parties]
    case = service.set_parties(ws, actor, case_id, expected, parties)
    return _detail(ws, actor, case.id, response)


@router.get("/{case_id}/facts", response_model=FactsOut, summary="The case's known facts with provenance")
def get_facts(case_id: CaseId, actor: Viewer, ws: WS, response: Response) -> FactsOut:
    return _facts(ws, actor, case_id, response)


@router.patch(
    "/{case_id}/facts", response_model=FactsOut, summary="Set or clear several facts (needs If-Match)"
)
def patch_facts(
    case_id: CaseId, body: FactsPatch, actor: Analyst, expected: ExpectedVersion, ws: WS, response: Response
) -> FactsOut:
    changes = {f: (None if v is None else _record(v)) for f, v in body.facts.items()}
    return _write(ws, actor, service.set_facts(ws, actor, case_id, expected, changes), response)


@router.put("/{case_id}/facts/{fact_id}", response_model=FactsOut, summary="Set one fact (needs If-Match)")
def put_fact(
    case_id: CaseId,
    fact_id: FactPath,
    body: FactIn,
    actor: Analyst,
    expected: ExpectedVersion,
    ws: WS,
    response: Response,
) -> FactsOut:
    return _write(
        ws, actor, service.set_facts(ws, actor, case_id, expected, {fact_id: _record(body)}), response
    )


@router.delete(
    "/{case_id}/facts/{fact_id}",
    response_model=FactsOut,
    summary="Make a fact unknown again; its history is kept (needs If-Match)",
)
def delete_fact(
    case_id: CaseId, fact_id: FactPath, actor: Analyst, expected: ExpectedVersion, ws: WS, response: Response
) -> FactsOut:
    return _write(ws, actor, service.set_facts(ws, actor, case_id, expected, {fact_id: None}), response)


@router.post(
    "/{case_id}/facts/{fact_id}/accept",
    response_model=FactsOut,
    summary="Accept a proposed fact as confirmed (needs If-Match)",
)
def accept_fact(
    case_id: CaseId, fact_id: FactPath, actor: Analyst, expected: ExpectedVersion, ws: WS, response: Response
) -> FactsOut:
    return _write(ws, actor, service.accept_fact(ws, actor, case_id, fact_id, expected), response)


@router.get(
    "/{case_id}/facts/{fact_id}/history",
    response_model=list[FactRevisionOut],
    summary="Every value one fact has had",
)
def fact_history(case_id: CaseId, fact_id: FactPath, actor: Viewer, ws: WS) -> list[FactRevisionOut]:
    return present.each(present.revision, service.fact_history(ws, actor, case_id, fact_id), ws.db)


@router.get("/{case_id}/history", response_model=list[FactRevisionOut], summary="Every fact change of a case")
def case_history(case_id: CaseId, actor: Viewer, ws: WS) -> list[FactRevisionOut]:
    return present.each(present.revision, service.fact_history(ws, actor, case_id), ws.db)


def _record(body: FactIn) -> dict[str, Any]:
    return body.model_dump(mode="json", exclude_none=True)


def _write(ws: WS, actor: Actor, case: Case, response: Response) -> FactsOut:
    """A fact write's answer: the facts as committed, read afresh, with the new ETag."""
    return _facts(ws, actor, case.id, response)
