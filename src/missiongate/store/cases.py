"""Cases and their facts: visibility, optimistic concurrency, and the history of every fact value.

Every change to a case's editable state bumps `cases.version` with a conditional UPDATE
(`... WHERE version = expected`): of two writers holding the same version exactly one wins and the
other gets `ConflictError` with nothing written. Fact values are kept twice: the current value in
`case_facts` and every value ever held (and removals) in `fact_revisions`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import Select, delete, exists, func, or_, select, update
from sqlalchemy.orm import Session

import missiongate
from missiongate.doctrine import DoctrineRegistry, builtin_registry
from missiongate.errors import ConflictError, MissionGateError, NotFoundError
from missiongate.store import audit
from missiongate.store.accounts import Actor
from missiongate.store.models import (
    Base,
    Case,
    CaseFact,
    CaseMember,
    CaseStatus,
    FactRevision,
    SignOff,
    User,
    utcnow,
)

Record = TypeVar("Record", bound=Base)
FactChanges = Mapping[str, Any | None]  # fact id -> value (bare or long form), None removes the fact


@dataclass
class CaseInput:
    title: str
    mission_ref: str | None = None
    description: str = ""
    requesting_party: str | None = None
    received_on: dt.date | None = None
    channel: str | None = None
    operation: str | None = None
    doctrine_id: str | None = None
    restricted: bool = False
    example: bool = False
    members: list[str] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)
    parties: list[dict[str, Any]] = field(default_factory=list)  # consent per party, as in a mission file


EDITABLE = ("title", "description", "requesting_party", "received_on", "channel", "operation", "doctrine_id")


def registry(doctrines: DoctrineRegistry | None) -> DoctrineRegistry:
    """The doctrines cases can be opened with and assessed against: those the caller's workspace offers
    (built from its settings at start-up), else the built-in ones."""
    return doctrines if doctrines is not None else builtin_registry()


def validate_facts(changes: FactChanges) -> dict[str, dict[str, Any] | None]:
    """Check values against the fact catalogue; return them in the stored long form (None = remove)."""
    given = {fact_id: raw for fact_id, raw in changes.items() if raw is not None}
    mission = missiongate.mission_from_data({"id": "facts", "title": "facts", "facts": given}, source="facts")
    return {
        fact_id: (stored_form(mission.facts[fact_id]) if fact_id in given else None) for fact_id in changes
    }


def validate_parties(
    parties: list[dict[str, Any]], facts: Mapping[str, Any] | None = None
) -> list[dict[str, Any]]:
    """Check per-party consent as a mission file's `parties:` (and against consent facts set directly)."""
    data = {"id": "parties", "title": "parties", "parties": parties, "facts": dict(facts or {})}
    mission = missiongate.mission_from_data(data, source="parties")
    return [party.model_dump(mode="json", exclude_defaults=True) for party in mission.parties]


def set_parties(
    session: Session, actor: Actor, case_id: int, expected: int | None, parties: list[dict[str, Any]]
) -> Case:
    """Record the consent of each party; the consent facts are derived from it (docs/semantics.md)."""
    case = get_case(session, actor, case_id)
    current = {fact_id: row.record for fact_id, row in case_facts(session, case).items()}
    stored = validate_parties(parties, current) or None
    if stored == case.parties:
        check_version(case, expected)
        return case
    bump_version(session, case, expected)
    case.parties = stored
    audit.append(session, actor.username, "case.parties", f"case:{case.id}", {"parties": stored or []})
    return case


def stored_form(record: missiongate.FactRecord) -> dict[str, Any]:
    data = record.to_data()
    long_form: dict[str, Any] = data if isinstance(data, dict) else {"value": data}
    return {**long_form, "status": record.status.value}


def _visible(stmt: Select[Any], actor: Actor) -> Select[Any]:
    if actor.is_admin:
        return stmt
    member = exists().where(CaseMember.case_id == Case.id, CaseMember.user_id == actor.id)
    return stmt.where(or_(Case.restricted.is_(False), member))


def get_case(session: Session, actor: Actor, case_id: int) -> Case:
    case: Case | None = session.scalar(_visible(select(Case).where(Case.id == case_id), actor))
    if case is None:
        raise NotFoundError(f"no case {case_id}")
    return case


def list_cases(
    session: Session,
    actor: Actor,
    *,
    status: str | None = None,
    verdict: str | None = None,
    query: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[Case], int]:
    stmt = _visible(select(Case), actor)
    if status:
        stmt = stmt.where(Case.status == status)
    if verdict:
        stmt = stmt.where(Case.latest_verdict == verdict)
    if query:
        pattern = f"%{query.lower()}%"
        stmt = stmt.where(or_(func.lower(Case.title).like(pattern), func.lower(Case.operation).like(pattern)))
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(stmt.order_by(Case.updated_at.desc(), Case.id.desc()).limit(limit).offset(offset))
    return list(rows), total


def create_case(
    session: Session, actor: Actor, data: CaseInput, *, doctrines: DoctrineRegistry | None = None
) -> Case:
    facts = validate_facts(data.facts)
    parties = validate_parties(data.parties, data.facts) or None
    offered = registry(doctrines)
    case = Case(
        mission_ref=data.mission_ref or "case",
        title=data.title,
        description=data.description,
        requesting_party=data.requesting_party,
        received_on=data.received_on,
        channel=data.channel,
        operation=data.operation,
        doctrine_id=offered.check(data.doctrine_id or offered.default_id),
        restricted=data.restricted,
        example=data.example,
        parties=parties,
        created_by=actor.id,
    )
    session.add(case)
    session.flush()
    if not data.mission_ref:
        case.mission_ref = f"case-{case.id}"
    _set_members(session, actor, case, data.members)
    _write_facts(session, actor, case, facts, action="set")
    audit.append(
        session,
        actor.username,
        "case.create",
        f"case:{case.id}",
        {"title": case.title, "restricted": case.restricted, "facts": facts},
    )
    return case


def bump_version(session: Session, case: Case, expected: int | None) -> None:
    """Advance the case version; with `expected`, only if nobody else has advanced it since."""
    audit.touch(session, Case, Case.id == case.id)
    stmt = update(Case).where(Case.id == case.id).values(version=Case.version + 1, updated_at=utcnow())
    if expected is not None:
        stmt = stmt.where(Case.version == expected)
    if session.execute(stmt.execution_options(synchronize_session=False)).rowcount != 1:  # type: ignore[attr-defined]
        raise _stale(case, expected, session.scalar(select(Case.version).where(Case.id == case.id)))
    session.refresh(case)


def check_version(case: Case, expected: int | None) -> None:
    """For a write that turned out to change nothing: a stale precondition is still a conflict."""
    if expected is not None and expected != case.version:
        raise _stale(case, expected, case.version)


def _stale(case: Case, expected: int | None, current: int | None) -> ConflictError:
    return ConflictError(
        f"case {case.id} has changed since version {expected} (now version {current}); "
        "reload it and apply your change again",
        current_version=current,
    )


def update_case(
    session: Session,
    actor: Actor,
    case_id: int,
    expected: int | None,
    changes: Mapping[str, Any],
    *,
    doctrines: DoctrineRegistry | None = None,
) -> Case:
    case = get_case(session, actor, case_id)
    applied = _apply_case_changes(session, actor, case, changes, registry(doctrines))
    if not applied:  # nothing to write, but a stale precondition is still a conflict
        check_version(case, expected)
        return case
    bump_version(session, case, expected)
    audit.append(session, actor.username, "case.update", f"case:{case.id}", applied)
    return case


def _apply_case_changes(
    session: Session, actor: Actor, case: Case, changes: Mapping[str, Any], doctrines: DoctrineRegistry
) -> dict[str, Any]:
    applied: dict[str, Any] = {}
    for name in EDITABLE:
        if name in changes and changes[name] != getattr(case, name):
            value = doctrines.check(changes[name]) if name == "doctrine_id" else changes[name]
            setattr(case, name, value)
            applied[name] = value
    if "status" in changes and changes["status"] != case.status:
        status = CaseStatus(changes["status"])
        if status is CaseStatus.DECIDED and not _signed_off(session, case):
            raise MissionGateError("a case becomes decided when an approver signs off an assessment")
        case.status = applied["status"] = status.value
    restricting = "restricted" in changes and changes["restricted"] != case.restricted
    if (restricting or changes.get("members") is not None) and not _may_restrict(actor, case):
        raise MissionGateError("only the case's creator or an administrator may change who can see it")
    if "restricted" in changes and changes["restricted"] != case.restricted:
        case.restricted = applied["restricted"] = bool(changes["restricted"])
    if changes.get("members") is not None:
        applied["members"] = _set_members(session, actor, case, changes["members"])
    return applied


def _may_restrict(actor: Actor, case: Case) -> bool:
    return actor.is_admin or actor.id == case.created_by


def _signed_off(session: Session, case: Case) -> bool:
    return session.scalar(select(SignOff.id).where(SignOff.case_id == case.id).limit(1)) is not None


def _set_members(session: Session, actor: Actor, case: Case, usernames: Iterable[str]) -> list[str]:
    wanted = set(usernames)
    if not actor.is_admin:
        wanted.add(actor.username)  # whoever restricts a case keeps access to it
    users = list(session.scalars(select(User).where(User.username.in_(wanted))))
    missing = wanted - {u.username for u in users}
    if missing:
        raise MissionGateError(f"unknown user {sorted(missing)[0]!r} in members")
    audit.touch(session, CaseMember, CaseMember.case_id == case.id)
    session.execute(delete(CaseMember).where(CaseMember.case_id == case.id))
    session.add_all(CaseMember(case_id=case.id, user_id=u.id) for u in users)
    return sorted(wanted)


def members(session: Session, case: Case) -> list[str]:
    stmt = select(User.username).join(CaseMember, CaseMember.user_id == User.id)
    return sorted(session.scalars(stmt.where(CaseMember.case_id == case.id)))


def case_facts(session: Session, case: Case) -> dict[str, CaseFact]:
    rows = session.scalars(select(CaseFact).where(CaseFact.case_id == case.id))
    return {row.fact_id: row for row in rows}


def set_facts(
    session: Session,
    actor: Actor,
    case_id: int,
    expected: int | None,
    changes: FactChanges,
    *,
    action: str = "set",
) -> Case:
    case = get_case(session, actor, case_id)
    facts = validate_facts(changes)
    # Lock the case row before reading its facts, so that two writers creating the same fact in parallel
    # (If-Match: *) are serialised on PostgreSQL; SQLite's write transaction already is.
    session.refresh(case, with_for_update=True)
    current = case_facts(session, case)
    absent = sorted(f for f, record in facts.items() if record is None and f not in current)
    if absent:
        raise NotFoundError(f"case {case.id} has no value for fact {absent[0]!r}")
    bump_version(session, case, expected)
    _write_facts(session, actor, case, facts, action=action, current=current)
    audit.append(session, actor.username, f"facts.{action}", f"case:{case.id}", {"facts": facts})
    return case


def accept_fact(session: Session, actor: Actor, case_id: int, fact_id: str, expected: int | None) -> Case:
    """An analyst accepts a proposed fact (e.g. found by document analysis): it becomes confirmed."""
    case = get_case(session, actor, case_id)
    row = case_facts(session, case).get(fact_id)
    if row is None:
        raise NotFoundError(f"case {case.id} has no value for fact {fact_id!r}")
    return set_facts(
        session, actor, case_id, expected, {fact_id: {**row.record, "status": "confirmed"}}, action="accept"
    )


def _write_facts(
    session: Session,
    actor: Actor,
    case: Case,
    facts: Mapping[str, dict[str, Any] | None],
    *,
    action: str,
    current: dict[str, CaseFact] | None = None,
) -> None:
    current = current if current is not None else {}
    now = utcnow()
    for fact_id, record in facts.items():
        existing = current.get(fact_id)
        if record is None and existing is not None:
            session.delete(existing)
        elif existing is not None and record is not None:
            existing.record, existing.status = record, record["status"]
            existing.updated_at, existing.updated_by = now, actor.id
        elif record is not None:
            session.add(
                CaseFact(
                    case_id=case.id,
                    fact_id=fact_id,
                    record=record,
                    status=record["status"],
                    updated_at=now,
                    updated_by=actor.id,
                )
            )
        revision_action = "remove" if record is None else action
        session.add(
            FactRevision(
                case_id=case.id,
                fact_id=fact_id,
                record=record,
                action=revision_action,
                case_version=case.version,
                at=now,
                by=actor.id,
            )
        )


def fact_history(session: Session, case: Case, fact_id: str | None = None) -> list[FactRevision]:
    stmt = select(FactRevision).where(FactRevision.case_id == case.id)
    if fact_id is not None:
        stmt = stmt.where(FactRevision.fact_id == fact_id)
    return list(session.scalars(stmt.order_by(FactRevision.id)))


def case_mission(session: Session, case: Case) -> missiongate.Mission:
    """The case as a core `Mission`, ready for `missiongate.assess`."""
    data: dict[str, Any] = {
        "id": case.mission_ref,
        "title": case.title,
        "description": case.description,
        "example": case.example,
        "facts": {fact_id: row.record for fact_id, row in case_facts(session, case).items()},
        "parties": case.parties or [],
    }
    return missiongate.mission_from_data(data, source=f"case {case.id}")


def record_of_case(session: Session, model: type[Record], case: Case, record_id: int, what: str) -> Record:
    """A record of the case by id; one of another case is not found, like a missing one."""
    record = session.get(model, record_id)
    if record is None or getattr(record, "case_id", None) != case.id:
        raise NotFoundError(f"case {case.id} has no {what} {record_id}")
    return record


def case_records(session: Session, model: type[Record], case: Case) -> list[Record]:
    """Every record of one kind of the case, oldest first."""
    stmt = select(model).where(model.case_id == case.id).order_by(model.id)  # type: ignore[attr-defined]
    return list(session.scalars(stmt))
