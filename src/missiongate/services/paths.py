"""Path to yes and force generation on a case as it stands: read only, nothing recorded."""

from __future__ import annotations

from missiongate.mission import Mission
from missiongate.paths import PathsResult, paths_to_yes
from missiongate.paths.forcegen import ForceGeneration, force_generation
from missiongate.paths.path import PATH_LIMIT
from missiongate.services.workspace import Workspace
from missiongate.store import cases
from missiongate.store.accounts import Actor


def _mission(ws: Workspace, actor: Actor, case_id: int) -> tuple[Mission, str]:
    with ws.db.read() as session:
        case = cases.get_case(session, actor, case_id)
        return cases.case_mission(session, case), case.doctrine_id


def case_paths(
    ws: Workspace, actor: Actor, case_id: int, doctrine_id: str | None = None, limit: int = PATH_LIMIT
) -> tuple[Mission, PathsResult]:
    """The minimal paths to yes under `doctrine_id` (else the case's own doctrine), best first."""
    mission, own = _mission(ws, actor, case_id)
    return mission, paths_to_yes(ws.doctrines.get(doctrine_id or own), mission, limit=limit)


def case_forcegen(ws: Workspace, actor: Actor, case_id: int) -> tuple[Mission, ForceGeneration]:
    """Every doctrine offered: verdict, conditions and best path; the mandate changes that win or lose."""
    mission, _ = _mission(ws, actor, case_id)
    return mission, force_generation(ws.doctrines.doctrines(), mission)
