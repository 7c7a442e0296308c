"""Cases and their facts: open (from a form or a mission file), change, set, accept and clear facts.

Each call is one transaction; each one that changes facts or the doctrine also records the assessment the
reassessment rule asks for (`services.decisions.reassess`). A change of facts that would make a condition on
record fail is refused whole (`services.conditions.kept`). Fact ids are checked against the catalogue
here, so every face answers an unknown one the same way (not found).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

import missiongate
from missiongate.errors import MissionGateError, NotFoundError
from missiongate.services.conditions import kept
from missiongate.services.decisions import reassess
from missiongate.services.workspace import Workspace
from missiongate.store import accounts, cases
from missiongate.store.accounts import Actor
from missiongate.store.cases import CaseInput
from missiongate.store.models import Case, CaseFact, CaseStatus, FactRevision

NOT_NULL = ("title", "description", "doctrine_id", "status", "restricted")


def known_fact(fact_id: str) -> str:
    """The fact id, if the catalogue defines it."""
    if fact_id not in missiongate.load_catalogue():
        raise NotFoundError(f"no fact {fact_id!r} in the fact catalogue")
    return fact_id


def create_case(ws: Workspace, actor: Actor, data: CaseInput) -> Case:
    """Open a case; its first assessment is recorded with it."""
    with ws.db.write() as session:
        case = cases.create_case(session, actor, data, doctrines=ws.doctrines)
        reassess(session, ws, actor, case.id)
        return case


def update_case(
    ws: Workspace, actor: Actor, case_id: int, expected: int | None, changes: Mapping[str, Any]
) -> Case:
    """Change a case's details (not its facts); a new doctrine means a new assessment."""
    for name in NOT_NULL:
        if name in changes and changes[name] is None:
            raise MissionGateError(f"{name.removesuffix('_id')} cannot be null")
    with ws.db.write() as session:
        before = cases.get_case(session, actor, case_id).doctrine_id
        case = cases.update_case(session, actor, case_id, expected, changes, doctrines=ws.doctrines)
        if case.doctrine_id != before:
            reassess(session, ws, actor, case.id)
        return case


def set_facts(
    ws: Workspace, actor: Actor, case_id: int, expected: int | None, changes: Mapping[str, Any | None]
) -> Case:
    """Set several facts (a value, bare or long form) or clear them (None), from `expected` version."""
    for fact_id in changes:
        known_fact(fact_id)
    with ws.db.write() as session:
        with kept(session, ws, actor, case_id):
            case = cases.set_facts(session, actor, case_id, expected, changes)
        reassess(session, ws, actor, case.id)
        return case


def accept_fact(ws: Workspace, actor: Actor, case_id: int, fact_id: str, expected: int | None) -> Case:
    """A proposed value becomes confirmed."""
    known_fact(fact_id)
    with ws.db.write() as session:
        case = cases.accept_fact(session, actor, case_id, fact_id, expected)
        reassess(session, ws, actor, case.id)
        return case


def set_parties(
    ws: Workspace, actor: Actor, case_id: int, expected: int | None, parties: list[dict[str, Any]]
) -> Case:
    """Record consent per party (each party's role, status, scope, source, date) from `expected` version."""
    with ws.db.write() as session:
        with kept(session, ws, actor, case_id):
            case = cases.set_parties(session, actor, case_id, expected, parties)
        reassess(session, ws, actor, case.id)
        return case


@dataclass(frozen=True)
class Imported:
    case: Case | None  # None: a case for this mission existed and `if_missing` asked to leave it
    mission: missiongate.Mission


def import_mission(
    ws: Workspace, owner: str, mission: missiongate.Mission, *, if_missing: bool = False
) -> Imported:
    """Open a case from a mission file, with its facts and their provenance, as user `owner`."""
    with ws.db.write() as session:
        user = accounts.user_by_name(session, owner)
        if user is None:
            raise MissionGateError(f"no user {owner!r}; create it with 'missiongate user add'")
        if if_missing and session.scalar(select(Case.id).where(Case.mission_ref == mission.id)) is not None:
            return Imported(None, mission)
        data = mission.to_data()
        actor = Actor.of(user)
        case = cases.create_case(
            session,
            actor,
            CaseInput(
                title=mission.title,
                mission_ref=mission.id,
                description=mission.description,
                example=mission.example,
                requesting_party=_text(data["facts"].get("request.requesting_party")),
                facts=data["facts"],
                parties=data.get("parties", []),
            ),
            doctrines=ws.doctrines,
        )
        reassess(session, ws, actor, case.id)
        return Imported(case, mission)


def _text(record: object) -> str | None:
    value = record.get("value") if isinstance(record, dict) else record
    return str(value) if value is not None else None


# Reads: what the API and the pages show of a case (each one read transaction).


@dataclass(frozen=True)
class CaseDetail:
    case: Case
    members: list[str]


@dataclass(frozen=True)
class CaseFacts:
    case: Case
    facts: dict[str, CaseFact]


def list_cases(
    ws: Workspace,
    actor: Actor,
    *,
    status: CaseStatus | None = None,
    verdict: str | None = None,
    query: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[Case], int]:
    """The cases the actor may see, most recently changed first, and how many match in all."""
    with ws.db.read() as session:
        return cases.list_cases(
            session,
            actor,
            status=status.value if status else None,
            verdict=verdict,
            query=query,
            limit=limit,
            offset=offset,
        )


def get_case(ws: Workspace, actor: Actor, case_id: int) -> Case:
    with ws.db.read() as session:
        return cases.get_case(session, actor, case_id)


def case_detail(ws: Workspace, actor: Actor, case_id: int) -> CaseDetail:
    with ws.db.read() as session:
        case = cases.get_case(session, actor, case_id)
        return CaseDetail(case, cases.members(session, case))


def case_facts(ws: Workspace, actor: Actor, case_id: int) -> CaseFacts:
    with ws.db.read() as session:
        case = cases.get_case(session, actor, case_id)
        return CaseFacts(case, cases.case_facts(session, case))


def case_mission(ws: Workspace, actor: Actor, case_id: int) -> missiongate.Mission:
    """The case as a mission file."""
    with ws.db.read() as session:
        return cases.case_mission(session, cases.get_case(session, actor, case_id))


def fact_history(ws: Workspace, actor: Actor, case_id: int, fact_id: str | None = None) -> list[FactRevision]:
    """Every value one fact (or, without `fact_id`, every fact) of the case has had, oldest first."""
    if fact_id is not None:
        known_fact(fact_id)
    with ws.db.read() as session:
        return cases.fact_history(session, cases.get_case(session, actor, case_id), fact_id)
