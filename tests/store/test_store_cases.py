"""Cases and facts: validation, visibility, optimistic concurrency, and history that loses nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.doctrine.files import ministry_directory

from missiongate.doctrine import load_registry
from missiongate.errors import ConflictError, MissionGateError, NotFoundError
from missiongate.store import cases
from missiongate.store import decisions as records
from missiongate.store.accounts import Actor, create_user
from missiongate.store.db import Database
from missiongate.store.models import Decision, Role


def _case(database: Database, actor: Actor, **fields: Any) -> int:
    with database.write() as session:
        return cases.create_case(
            session, actor, cases.CaseInput(title=fields.pop("title", "ISF"), **fields)
        ).id


def test_case_keeps_facts_with_provenance(
    database: Database, analyst: Actor, example_facts: dict[str, Any]
) -> None:
    case_id = _case(database, analyst, mission_ref="gaza-isf-inquiry", facts=example_facts, example=True)
    with database.read() as session:
        case = cases.get_case(session, analyst, case_id)
        mission = cases.case_mission(session, case)
    assert mission.id == "gaza-isf-inquiry" and mission.example
    record = mission.facts["mandate.authority"]
    assert record.value == "un_security_council"
    assert record.source == "text of the resolution"
    assert record.evidence is not None and "Stabilization Force" in record.evidence.quote
    assert case.version == 1 and case.doctrine_id == "azerbaijan"


@pytest.mark.parametrize(
    ("facts", "message"),
    [
        ({"operation.typo": "stabilization"}, "unknown fact id 'operation.typo'"),
        ({"operation.type": "invasion"}, "operation.type"),
        ({"contingent.size": "many"}, "contingent.size"),
    ],
)
def test_invalid_facts_are_refused_and_nothing_is_written(
    database: Database, analyst: Actor, facts: dict[str, Any], message: str
) -> None:
    case_id = _case(database, analyst)
    with pytest.raises(MissionGateError, match=message), database.write() as session:
        cases.set_facts(session, analyst, case_id, 1, facts)
    with database.read() as session:
        case = cases.get_case(session, analyst, case_id)
        assert case.version == 1 and cases.case_facts(session, case) == {}


def test_stale_write_conflicts_and_loses_nothing(database: Database, analyst: Actor) -> None:
    case_id = _case(database, analyst)
    with database.write() as session:
        cases.set_facts(session, analyst, case_id, 1, {"operation.type": "stabilization"})
    with pytest.raises(ConflictError) as caught, database.write() as session:
        cases.set_facts(session, analyst, case_id, 1, {"operation.type": "peace_enforcement"})
    assert caught.value.current_version == 2
    with database.read() as session:
        case = cases.get_case(session, analyst, case_id)
        assert cases.case_facts(session, case)["operation.type"].record["value"] == "stabilization"
        assert [r.record["value"] for r in cases.fact_history(session, case) if r.record] == ["stabilization"]


def test_removed_fact_stays_in_history(database: Database, analyst: Actor) -> None:
    case_id = _case(database, analyst, facts={"consent.host_state": True})
    with database.write() as session:
        cases.set_facts(session, analyst, case_id, 1, {"consent.host_state": None})
    with database.read() as session:
        case = cases.get_case(session, analyst, case_id)
        history = cases.fact_history(session, case, "consent.host_state")
        assert "consent.host_state" not in cases.case_facts(session, case)
    assert [(r.action, r.record and r.record["value"]) for r in history] == [("set", True), ("remove", None)]
    with pytest.raises(NotFoundError), database.write() as session:
        cases.set_facts(session, analyst, case_id, 2, {"consent.host_state": None})


def test_proposed_fact_is_accepted(database: Database, analyst: Actor) -> None:
    proposed = {
        "value": "chapter_vii",
        "status": "proposed",
        "source": "analyzer",
        "evidence": {"quote": "Acting"},
    }
    case_id = _case(database, analyst, facts={"mandate.charter_basis": proposed})
    with database.read() as session:
        assert cases.case_mission(session, cases.get_case(session, analyst, case_id)).proposed_facts()
    with database.write() as session:
        cases.accept_fact(session, analyst, case_id, "mandate.charter_basis", 1)
    with database.read() as session:
        case = cases.get_case(session, analyst, case_id)
        mission = cases.case_mission(session, case)
    assert not mission.proposed_facts()
    assert mission.facts["mandate.charter_basis"].source == "analyzer"
    assert case.version == 2


def test_restricted_case_is_invisible_to_non_members(database: Database, actors: dict[Role, Actor]) -> None:
    analyst, viewer, approver = actors[Role.ANALYST], actors[Role.VIEWER], actors[Role.APPROVER]
    secret = _case(database, analyst, title="Secret", restricted=True, members=["viewer"])
    _case(database, analyst, title="Open")
    with database.read() as session:
        assert cases.get_case(session, viewer, secret).title == "Secret"
        assert cases.get_case(session, actors[Role.ADMIN], secret).title == "Secret"
        with pytest.raises(NotFoundError):
            cases.get_case(session, approver, secret)
        assert [c.title for c in cases.list_cases(session, approver)[0]] == ["Open"]
        assert cases.members(session, cases.get_case(session, analyst, secret)) == ["analyst", "viewer"]


def test_list_filters_by_status_and_pages(database: Database, analyst: Actor) -> None:
    ids = [_case(database, analyst, title=f"Case {n}") for n in range(5)]
    with database.write() as session:
        cases.update_case(session, analyst, ids[0], 1, {"status": "closed"})
    with database.read() as session:
        closed, total_closed = cases.list_cases(session, analyst, status="closed")
        page, total = cases.list_cases(session, analyst, status="open", limit=2, offset=2)
        found, _ = cases.list_cases(session, analyst, query="case 3")
    assert [c.id for c in closed] == [ids[0]] and total_closed == 1
    assert total == 4 and len(page) == 2
    assert [c.title for c in found] == ["Case 3"]


def test_unknown_doctrine_and_member_are_refused(database: Database, analyst: Actor) -> None:
    with pytest.raises(MissionGateError, match="unknown doctrine"), database.write() as session:
        cases.create_case(session, analyst, cases.CaseInput(title="x", doctrine_id="narnia"))
    with pytest.raises(MissionGateError, match="unknown user"), database.write() as session:
        cases.create_case(session, analyst, cases.CaseInput(title="x", restricted=True, members=["nobody"]))


def test_an_edit_that_changes_nothing_keeps_the_version(database: Database, analyst: Actor) -> None:
    case_id = _case(database, analyst, title="ISF")
    with database.write() as session:
        assert cases.update_case(session, analyst, case_id, 1, {"title": "ISF"}).version == 1
    with database.write() as session:
        cases.update_case(session, analyst, case_id, 1, {"title": "ISF in Gaza"})
    with pytest.raises(ConflictError), database.write() as session:
        cases.update_case(session, analyst, case_id, 1, {"title": "ISF in Gaza"})


def test_cases_open_and_switch_to_the_doctrines_of_the_registry_given(
    database: Database, analyst: Actor, tmp_path: Path
) -> None:
    offered = load_registry(ministry_directory(tmp_path))
    with database.write() as session:
        case = cases.create_case(
            session, analyst, cases.CaseInput(title="x", doctrine_id="ruritania"), doctrines=offered
        )
        plain = cases.create_case(session, analyst, cases.CaseInput(title="y"), doctrines=offered)
        assert (case.doctrine_id, plain.doctrine_id) == ("ruritania", "azerbaijan")
        cases.update_case(session, analyst, plain.id, 1, {"doctrine_id": "ruritania"}, doctrines=offered)
        with pytest.raises(MissionGateError, match="unknown doctrine 'broken'"):
            cases.update_case(session, analyst, plain.id, None, {"doctrine_id": "broken"}, doctrines=offered)
    assert plain.doctrine_id == "ruritania"
    # Without a registry a case gets the built-in doctrines only: a file doctrine is refused, not guessed.
    with pytest.raises(MissionGateError, match="unknown doctrine 'ruritania'"), database.write() as session:
        cases.create_case(session, analyst, cases.CaseInput(title="z", doctrine_id="ruritania"))


def test_only_the_creator_or_an_admin_restricts_a_case(database: Database, actors: dict[Role, Actor]) -> None:
    analyst, admin = actors[Role.ANALYST], actors[Role.ADMIN]
    with database.write() as session:
        peer = Actor.of(create_user(session, "setup", "peer", Role.ANALYST))
    case_id = _case(database, analyst, title="Shared")
    for change in ({"restricted": True}, {"members": ["peer"]}):
        with (
            pytest.raises(MissionGateError, match="creator or an administrator"),
            database.write() as session,
        ):
            cases.update_case(session, peer, case_id, None, change)
    with database.read() as session:
        assert cases.get_case(session, analyst, case_id).restricted is False
    with database.write() as session:
        cases.update_case(
            session, peer, case_id, None, {"title": "Shared, retitled"}
        )  # other edits stay open
        cases.update_case(session, admin, case_id, None, {"restricted": True, "members": ["peer", "analyst"]})
    with database.write() as session:
        cases.update_case(session, analyst, case_id, None, {"restricted": False})


def test_a_case_is_decided_only_by_a_sign_off(database: Database, actors: dict[Role, Actor]) -> None:
    analyst, approver = actors[Role.ANALYST], actors[Role.APPROVER]
    case_id = _case(database, analyst, title="Inquiry")
    with pytest.raises(MissionGateError, match="signs off"), database.write() as session:
        cases.update_case(session, approver, case_id, None, {"status": "decided"})
    with database.write() as session:
        assessment = records.create_assessment(session, analyst, case_id)
    with database.write() as session:
        records.sign_off(session, approver, case_id, assessment.id, Decision.DECLINE)
    with database.write() as session:
        cases.update_case(session, analyst, case_id, None, {"status": "closed"})
        cases.update_case(session, analyst, case_id, None, {"status": "decided"})
    with database.read() as session:
        assert cases.get_case(session, analyst, case_id).status == "decided"
