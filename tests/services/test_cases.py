"""Cases and facts through the services: the reassessment rule, fact ids checked once, mission import."""

from __future__ import annotations

import pytest

import missiongate
from missiongate.errors import ConflictError, MissionGateError, NotFoundError
from missiongate.services import Workspace, cases
from missiongate.store import decisions as store_decisions
from missiongate.store.accounts import Actor
from missiongate.store.cases import CaseInput
from missiongate.store.models import Role
from tests.services.conftest import EXAMPLE


def _assessments(ws: Workspace, actor: Actor, case_id: int) -> list[str]:
    with ws.db.read() as session:
        rows, _ = store_decisions.list_assessments(session, actor, case_id)
    return [r.verdict for r in rows]


def test_every_fact_change_records_an_assessment(ws: Workspace, analyst: Actor) -> None:
    case = cases.create_case(ws, analyst, CaseInput(title="Inquiry", doctrine_id="azerbaijan"))
    assert len(_assessments(ws, analyst, case.id)) == 1
    case = cases.set_facts(ws, analyst, case.id, case.version, {"operation.type": "peace_enforcement"})
    assert _assessments(ws, analyst, case.id)[0] == "DECLINE"
    case = cases.set_facts(ws, analyst, case.id, case.version, {"operation.type": None})
    assert len(_assessments(ws, analyst, case.id)) == 3
    assert _assessments(ws, analyst, case.id)[0] != "DECLINE"


def test_a_stale_version_writes_nothing(ws: Workspace, analyst: Actor) -> None:
    case = cases.create_case(ws, analyst, CaseInput(title="Inquiry"))
    cases.set_facts(ws, analyst, case.id, case.version, {"consent.host_state": True})
    with pytest.raises(ConflictError):
        cases.set_facts(ws, analyst, case.id, case.version, {"consent.host_state": False})
    assert len(_assessments(ws, analyst, case.id)) == 2


def test_unknown_fact_ids_are_not_found_everywhere(ws: Workspace, analyst: Actor) -> None:
    case = cases.create_case(ws, analyst, CaseInput(title="Inquiry"))
    with pytest.raises(NotFoundError, match=r"no fact 'no\.such'"):
        cases.set_facts(ws, analyst, case.id, case.version, {"no.such": 1})
    with pytest.raises(NotFoundError):
        cases.accept_fact(ws, analyst, case.id, "no.such", case.version)
    assert cases.known_fact("consent.host_state") == "consent.host_state"


def test_accepting_confirms_and_reassesses(ws: Workspace, analyst: Actor) -> None:
    proposed = {"value": "peace_enforcement", "source": "a reading", "status": "proposed"}
    case = cases.create_case(ws, analyst, CaseInput(title="Inquiry", facts={"operation.type": proposed}))
    case = cases.accept_fact(ws, analyst, case.id, "operation.type", case.version)
    with ws.db.read() as session:
        latest, _ = store_decisions.list_assessments(session, analyst, case.id, limit=1)
    assert latest[0].provisional is False and len(_assessments(ws, analyst, case.id)) == 2


def test_update_reassesses_only_when_the_doctrine_changes(ws: Workspace, analyst: Actor) -> None:
    case = cases.create_case(ws, analyst, CaseInput(title="Inquiry", doctrine_id="azerbaijan"))
    case = cases.update_case(ws, analyst, case.id, case.version, {"title": "Renamed"})
    assert len(_assessments(ws, analyst, case.id)) == 1
    case = cases.update_case(ws, analyst, case.id, case.version, {"doctrine_id": "japan"})
    assert len(_assessments(ws, analyst, case.id)) == 2
    with pytest.raises(MissionGateError, match="title cannot be null"):
        cases.update_case(ws, analyst, case.id, case.version, {"title": None})


def test_import_opens_an_assessed_case_once(ws: Workspace, actors: dict[Role, Actor]) -> None:
    mission = missiongate.load_mission(EXAMPLE)
    imported = cases.import_mission(ws, "analyst", mission)
    assert imported.case is not None and imported.case.requesting_party == "United States of America"
    assert len(_assessments(ws, actors[Role.ANALYST], imported.case.id)) == 1
    assert cases.import_mission(ws, "analyst", mission, if_missing=True).case is None
    with pytest.raises(MissionGateError, match="no user 'nobody'"):
        cases.import_mission(ws, "nobody", mission)


def test_import_keeps_consent_per_party(ws: Workspace, actors: dict[Role, Actor]) -> None:
    """Nothing of a mission file is lost on import: the parties and their consent come with it."""
    mission = missiongate.load_mission(EXAMPLE.parent / "gaza-isf-2803.yaml")
    imported = cases.import_mission(ws, "analyst", mission)
    assert imported.case is not None
    with ws.db.read() as session:
        from missiongate.store import cases as store_cases

        stored = store_cases.case_mission(
            session, store_cases.get_case(session, actors[Role.ANALYST], imported.case.id)
        )
    assert [p.id for p in stored.parties] == [p.id for p in mission.parties]
    assert stored.values.get("consent.all_parties") == mission.values.get("consent.all_parties")
