"""Path to yes and force generation on a case as it stands (docs/paths.md); nothing is recorded."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from missiongate.api.problems import PROBLEM_RESPONSES
from missiongate.api.schemas import CaseId, ForcegenOut, PathsOut
from missiongate.paths.render import forcegen_data, paths_data
from missiongate.server.deps import WS, Viewer
from missiongate.services import paths

router = APIRouter(prefix="/cases/{case_id}", responses=PROBLEM_RESPONSES, tags=["paths"])


@router.get(
    "/paths",
    response_model=PathsOut,
    summary="The minimal changes that would turn the verdict into a yes, and who controls each",
)
def case_paths(
    case_id: CaseId,
    actor: Viewer,
    ws: WS,
    doctrine: Annotated[str | None, Query(description="Doctrine id (default: the case's own).")] = None,
    limit: Annotated[int, Query(ge=1, le=100, description="Paths returned, best first.")] = 10,
) -> PathsOut:
    found = paths.case_paths(ws, actor, case_id, doctrine, limit)
    return PathsOut.model_validate(paths_data(found.result, found.mission.id))


@router.get(
    "/forcegen",
    response_model=ForcegenOut,
    summary="Every doctrine's verdict, conditions and best path; the mandate changes that win or lose any",
)
def case_forcegen(case_id: CaseId, actor: Viewer, ws: WS) -> ForcegenOut:
    found = paths.case_forcegen(ws, actor, case_id)
    return ForcegenOut.model_validate(forcegen_data(found.view, found.mission.id))
