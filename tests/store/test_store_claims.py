"""The claims core on a workspace case: one position vocabulary, claims stored with their audit entries.

Runs on SQLite and PostgreSQL (the workspace's `database` fixture, see tests/support/backends.py).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select, text
from tests.doctrine.files import write_doctrine

from missiongate.claims.position import PositionStance, Verdict, position_from_case
from missiongate.doctrine import load_registry
from missiongate.errors import MissionGateError
from missiongate.store import audit, cases
from missiongate.store import claims as stored
from missiongate.store import decisions as store_decisions
from missiongate.store.accounts import Actor
from missiongate.store.db import Database
from missiongate.store.models import AuditEntry, Position, Role

ARTICLE = (
    "Azerbaijan has agreed to send troops to the International Stabilization Force in Gaza, "
    "a US envoy told reporters on Monday. "
    "Azerbaijan is still studying the request, Foreign Minister Jeyhun Bayramov said. "
    "Japan has ruled out joining UNIFIL."
)


@pytest.fixture
def case_id(database: Database, actors: dict[Role, Actor]) -> int:
    with database.write() as session:
        case = cases.create_case(
            session,
            actors[Role.ANALYST],
            cases.CaseInput(
                title="International Stabilization Force, Gaza",
                mission_ref="gaza-isf-inquiry",
                doctrine_id="azerbaijan",
            ),
        )
        return case.id


def test_one_position_vocabulary() -> None:
    assert [p.value for p in Position] == [s.value for s in PositionStance]
    for value in Position:
        position = position_from_case("aze", "gaza-isf", value, dt.date(2026, 1, 5), "No decision.")
        assert position.stance == PositionStance(value.value) and position.country == "AZE"
    with pytest.raises(MissionGateError, match="stance"):
        position_from_case("AZE", None, "maybe")
    with pytest.raises(MissionGateError, match="country"):
        position_from_case("XXX", None, "considering")


def test_case_position_comes_from_the_case(
    database: Database, actors: dict[Role, Actor], case_id: int
) -> None:
    approver = actors[Role.APPROVER]
    with database.write() as session:
        store_decisions.record_position(
            session,
            approver,
            case_id,
            position=Position.CONSIDERING,
            stated_on=dt.date(2026, 1, 5),
            statement="The request is under consideration.",
            source="MFA press release",
        )
        position = stored.case_position(session, approver, case_id)
    assert position.country == "AZE" and position.mission == "gaza-isf"
    assert position.stance is PositionStance.CONSIDERING
    assert position.date == dt.date(2026, 1, 5) and position.source == "MFA press release"


def test_checked_claims_are_stored_audited_and_append_only(
    database: Database, actors: dict[Role, Actor], case_id: int
) -> None:
    analyst = actors[Role.ANALYST]
    with database.write() as session:
        rows = stored.check_text(session, analyst, case_id, ARTICLE, source="wire")
        ids = [r.id for r in rows]
    verdicts = {(r.country, r.verdict) for r in rows}
    assert ("AZE", "contradicts") in verdicts  # agreed, but no consent is recorded (A9)
    assert ("AZE", "consistent") in verdicts  # still studying
    assert ("JPN", "cannot_check") in verdicts
    contradicting = next(r for r in rows if r.verdict == "contradicts")
    assert contradicting.rebuttal_note and contradicting.rebuttal_public_line
    assert ARTICLE[contradicting.start : contradicting.end] == contradicting.text
    assert all(r.rebuttal_note is None for r in rows if r.verdict != "contradicts")

    with database.read() as session:
        listed, total = stored.list_claims(session, analyst, case_id)
        assert total == len(ids) and sorted(r.id for r in listed) == sorted(ids)
        only, count = stored.list_claims(session, actors[Role.VIEWER], case_id, verdict="contradicts")
        assert count == 1 and only[0].id == contradicting.id
        page, _ = stored.list_claims(session, analyst, case_id, limit=1, offset=1)
        assert len(page) == 1
        result = stored.check_result(stored.get_claim(session, analyst, case_id, contradicting.id))
        assert result.verdict is Verdict.CONTRADICTS and result.position is not None
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "claims.check")).one()
        assert entry.target == f"case:{case_id}" and str(contradicting.id) in entry.details
        assert audit.verify(session).ok
        with pytest.raises(MissionGateError):
            stored.list_claims(session, analyst, case_id, verdict="maybe")
        with pytest.raises(MissionGateError):
            stored.get_claim(session, analyst, case_id, 10_000)

    with pytest.raises(Exception, match="append-only"), database.engine.begin() as connection:
        connection.execute(text("UPDATE claims SET verdict = 'consistent'"))


def test_no_claims_writes_nothing(database: Database, actors: dict[Role, Actor], case_id: int) -> None:
    with database.write() as session:
        assert stored.check_text(session, actors[Role.ANALYST], case_id, "The weather was fine.") == []
        assert session.scalar(select(AuditEntry).where(AuditEntry.action == "claims.check")) is None


def test_doctrine_without_a_country_needs_one(database: Database, actors: dict[Role, Actor]) -> None:
    analyst = actors[Role.ANALYST]
    with database.write() as session:
        case = cases.create_case(session, analyst, cases.CaseInput(title="x", doctrine_id="un-principles"))
        with pytest.raises(MissionGateError, match="names no country"):
            stored.check_text(session, analyst, case.id, ARTICLE)
        rows = stored.check_text(session, analyst, case.id, ARTICLE, country="AZE")
        assert any(r.verdict == "contradicts" for r in rows)


def test_the_country_comes_from_a_file_doctrine_too(
    database: Database, actors: dict[Role, Actor], tmp_path: Path
) -> None:
    analyst = actors[Role.ANALYST]
    write_doctrine(tmp_path, "azerbaijan-2027.yaml", "azerbaijan-2027", country="AZE")
    offered = load_registry(tmp_path)
    with database.write() as session:
        data = cases.CaseInput(title="International Stabilization Force, Gaza", doctrine_id="azerbaijan-2027")
        case = cases.create_case(session, analyst, data, doctrines=offered)
        assert stored.case_country(case, offered) == "AZE"
        rows = stored.check_text(session, analyst, case.id, ARTICLE, doctrines=offered)
        assert any(r.verdict == "contradicts" and r.country == "AZE" for r in rows)
        with pytest.raises(MissionGateError, match="names no country"):  # not offered: no country known
            stored.case_position(session, analyst, case.id)
