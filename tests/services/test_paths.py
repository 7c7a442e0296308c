"""Path to yes and force generation on a stored case: the same answers as the core on the case's mission."""

from __future__ import annotations

import pytest

import missiongate
from missiongate.errors import MissionGateError, NotFoundError
from missiongate.paths import paths_to_yes
from missiongate.services import Workspace, cases, paths
from missiongate.store.accounts import Actor
from missiongate.store.cases import CaseInput
from tests.services.conftest import EXAMPLE


def _case(ws: Workspace, analyst: Actor) -> int:
    mission = missiongate.load_mission(EXAMPLE)
    return cases.create_case(ws, analyst, CaseInput(title="Inquiry", facts=mission.to_data()["facts"])).id


def test_paths_on_a_case_are_the_core_s(ws: Workspace, analyst: Actor) -> None:
    case_id = _case(ws, analyst)
    found = paths.case_paths(ws, analyst, case_id, "japan", limit=3)
    assert found.case.id == case_id and found.result.doctrine.id == "japan"
    assert found.result == paths_to_yes(ws.doctrines.get("japan"), found.mission, limit=3)
    assert paths.case_paths(ws, analyst, case_id).result.doctrine.id == ws.doctrines.default_id


def test_forcegen_covers_every_doctrine_offered(ws: Workspace, analyst: Actor) -> None:
    found = paths.case_forcegen(ws, analyst, _case(ws, analyst))
    assert [row.doctrine.id for row in found.view.doctrines] == ws.doctrines.ids


def test_unknown_doctrine_or_case_is_refused(ws: Workspace, analyst: Actor) -> None:
    case_id = _case(ws, analyst)
    with pytest.raises(MissionGateError, match="unknown doctrine 'atlantis'"):
        paths.case_paths(ws, analyst, case_id, "atlantis")
    with pytest.raises(NotFoundError):
        paths.case_paths(ws, analyst, case_id + 1000)
