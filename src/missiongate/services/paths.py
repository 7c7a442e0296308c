"""Path to yes and force generation on a case as it stands: read only, nothing recorded."""

from __future__ import annotations

from dataclasses import dataclass

from missiongate.mission import Mission
from missiongate.paths import PathsResult, paths_to_yes
from missiongate.paths.forcegen import ForceGeneration, force_generation
from missiongate.paths.path import PATH_LIMIT
from missiongate.services.workspace import Workspace
from missiongate.store import cases
from missiongate.store.accounts import Actor
from missiongate.store.models import Case


@dataclass(frozen=True)
class CasePaths:
    case: Case
    mission: Mission
    result: PathsResult


@dataclass(frozen=True)
class CaseForceGeneration:
    case: Case
    mission: Mission
    view: ForceGeneration


def _load(ws: Workspace, actor: Actor, case_id: int) -> tuple[Case, Mission]:
    with ws.db.read() as session:
        case = cases.get_case(session, actor, case_id)
        return case, cases.case_mission(session, case)


def case_paths(
    ws: Workspace, actor: Actor, case_id: int, doctrine_id: str | None = None, limit: int = PATH_LIMIT
) -> CasePaths:
    """The minimal paths to yes under `doctrine_id` (else the case's own doctrine), best first."""
    case, mission = _load(ws, actor, case_id)
    doctrine = ws.doctrines.get(doctrine_id or case.doctrine_id)
    return CasePaths(case, mission, paths_to_yes(doctrine, mission, limit=limit))


def case_forcegen(ws: Workspace, actor: Actor, case_id: int) -> CaseForceGeneration:
    """Every doctrine offered: verdict, conditions and best path; the mandate changes that win or lose."""
    case, mission = _load(ws, actor, case_id)
    return CaseForceGeneration(case, mission, force_generation(ws.doctrines.doctrines(), mission))
