"""The append-only audit log: every write adds one entry, chained to the previous one by SHA-256.

Entry n stores `hash = sha256(canonical JSON of its fields and the hash of entry n-1)`, and the single
`audit_head` row holds the last sequence number and hash. Editing an entry breaks its hash, deleting one
leaves a gap in the sequence or a broken link, and cutting off the tail no longer matches the head.
Appending locks the head row, so concurrent writers queue and the chain never forks.

The chain also covers the data (`rows`): every entry carries the SHA-256 of each row of the recorded
tables (`COVERED`) that its transaction wrote since the previous entry, as read back from the database,
or null for a row it deleted. `verify` re-reads those tables and reports any row edited, deleted or
inserted outside the application. Rows written after a transaction's last entry get a `data.write`
entry of their own at commit, so no write escapes. An anchor (the head hash written down elsewhere)
detects what the chain alone cannot: the whole log and data replaced by a consistent forgery.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Table, event, func, insert, select, tuple_, update
from sqlalchemy.orm import Session

from missiongate.store.models import (
    AnswerRecord,
    ApiToken,
    AssessmentRecord,
    AuditEntry,
    AuditHead,
    Base,
    Case,
    CaseAlert,
    CaseFact,
    CaseMember,
    ClaimRecord,
    ConditionRecord,
    Document,
    FactRevision,
    PositionRecord,
    QuestionnaireRecord,
    SignOff,
    User,
)

GENESIS_HASH = "0" * 64


def canonical_json(data: Any) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def entry_hash(entry: AuditEntry) -> str:
    fields: dict[str, Any] = {
        "seq": entry.seq,
        "at": entry.at,
        "actor": entry.actor,
        "action": entry.action,
        "target": entry.target,
        "details": entry.details,
        "prev": entry.prev_hash,
    }
    if entry.rows is not None:  # entries written before rows were recorded keep their hashes
        fields["rows"] = entry.rows
    return hashlib.sha256(canonical_json(fields).encode()).hexdigest()


def append(session: Session, actor: str, action: str, target: str, details: dict[str, Any]) -> AuditEntry:
    """Add an entry in the caller's transaction, so the write and its audit entry commit together. It
    carries the hashes of the recorded rows written since the transaction's previous entry."""
    session.flush()  # the rows written so far are tracked, and readable for hashing
    rows = _written_rows(session)
    head = session.execute(select(AuditHead).where(AuditHead.id == 1).with_for_update()).scalar_one()
    entry = AuditEntry(
        seq=head.seq + 1,
        at=dt.datetime.now(dt.UTC).isoformat(timespec="microseconds"),
        actor=actor,
        action=action,
        target=target,
        details=canonical_json(details),
        prev_hash=head.hash,
        rows=canonical_json(rows) if rows else None,
    )
    entry.hash = entry_hash(entry)
    session.add(entry)
    head.seq, head.hash = entry.seq, entry.hash
    session.info[_LAST] = (actor, target)
    return entry


# -- the data under the chain ----------------------------------------------------------------------------


# Everything a decision rests on or that grants access. Not covered: login sessions and throttle
# failures, which come and go by design, and the audit tables themselves.
def _table(model: type[Base]) -> Table:
    return cast(Table, model.__table__)


COVERED: tuple[type[Base], ...] = (
    User,
    ApiToken,
    Case,
    CaseMember,
    CaseFact,
    FactRevision,
    Document,
    QuestionnaireRecord,
    AnswerRecord,
    AssessmentRecord,
    SignOff,
    PositionRecord,
    ClaimRecord,
    ConditionRecord,
    CaseAlert,
)
_TABLES: dict[str, Table] = {_table(model).name: _table(model) for model in COVERED}
_TOUCHED = "missiongate.audit.touched"
_LAST = "missiongate.audit.last"
RowKey = tuple[str, tuple[Any, ...]]


def touch(session: Session, model: type[Base], *where: Any) -> None:
    """Record rows an UPDATE or DELETE statement is about to change, which the session cannot see."""
    table = _table(model)
    keys = session.execute(select(*table.primary_key.columns).where(*where)).all()
    session.info.setdefault(_TOUCHED, set()).update((table.name, tuple(key)) for key in keys)


@event.listens_for(Session, "after_flush")
def _track(session: Session, _context: Any) -> None:
    touched = session.info.setdefault(_TOUCHED, set())
    for instance in (*session.new, *session.dirty, *session.deleted):
        table = getattr(instance, "__table__", None)
        if table is not None and table.name in _TABLES:
            key = tuple(getattr(instance, column.key) for column in table.primary_key.columns)
            touched.add((table.name, key))


@event.listens_for(Session, "before_commit")
def _cover_late_writes(session: Session) -> None:
    """Rows written after the transaction's last entry get an entry of their own."""
    session.flush()
    if session.info.get(_TOUCHED):
        actor, target = session.info.get(_LAST, ("system", "data"))
        append(session, actor, "data.write", target, {})
    session.info.pop(_LAST, None)


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(_TOUCHED, None)
    session.info.pop(_LAST, None)


def _written_rows(session: Session) -> dict[str, str | None]:
    touched: set[RowKey] = session.info.pop(_TOUCHED, set())
    by_table: dict[str, list[tuple[Any, ...]]] = {}
    for name, key in touched:
        by_table.setdefault(name, []).append(key)
    rows: dict[str, str | None] = {}
    for name, keys in by_table.items():
        table = _TABLES[name]
        found = {_key(table, row): row_hash(row) for row in _select(session, table, keys)}
        rows.update({row_key(name, key): found.get(key) for key in keys})
    return rows


def _select(session: Session, table: Table, keys: list[tuple[Any, ...]]) -> Any:
    columns = list(table.primary_key.columns)
    where = columns[0].in_([k[0] for k in keys]) if len(columns) == 1 else tuple_(*columns).in_(keys)
    return session.execute(select(table).where(where)).mappings()


def _key(table: Table, row: Any) -> tuple[Any, ...]:
    return tuple(row[column.name] for column in table.primary_key.columns)


def row_key(table: str, key: tuple[Any, ...]) -> str:
    return f"{table}:" + "/".join(str(part) for part in key)


def row_hash(row: Any) -> str:
    """SHA-256 of a row as read from the database: every column but the null ones (so a column added
    later, null in the rows already there, changes no hash), bytes by their own SHA-256, times in UTC."""
    values = {name: _plain(value) for name, value in row.items() if value is not None}
    return hashlib.sha256(canonical_json(values).encode()).hexdigest()


def _plain(value: Any) -> Any:
    if isinstance(value, bytes | memoryview):
        return "sha256:" + hashlib.sha256(value).hexdigest()
    if isinstance(value, dt.datetime):  # SQLite hands back naive UTC times, PostgreSQL aware ones
        aware = value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)
        return aware.isoformat()
    return value


def current_rows(session: Session, tables: dict[str, Table] | None = None) -> dict[str, str]:
    """Row key -> hash of every covered row now in the database (`tables`: reflected ones, for migrations
    that run before the models' later columns exist)."""
    found: dict[str, str] = {}
    for name, table in (tables or _TABLES).items():
        query = select(table).execution_options(yield_per=500)
        for row in session.execute(query).mappings():
            found[row_key(name, _key(table, row))] = row_hash(row)
    return found


def baseline(session: Session, actor: str, tables: dict[str, Table] | None = None) -> AuditEntry | None:
    """One entry covering every row already there (databases from before rows were recorded). Written
    with plain statements: in a migration, the models may already have columns added later."""
    rows = current_rows(session, tables)
    if not rows:
        return None
    session.info.pop(_TOUCHED, None)
    head = session.execute(select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == 1)).one()
    entry = AuditEntry(
        seq=head.seq + 1,
        at=dt.datetime.now(dt.UTC).isoformat(timespec="microseconds"),
        actor=actor,
        action="audit.baseline",
        target="data",
        details=canonical_json({"rows": len(rows)}),
        prev_hash=head.hash,
        rows=canonical_json(rows),
    )
    entry.hash = entry_hash(entry)
    values = {column: getattr(entry, column) for column in _ENTRY_COLUMNS}
    session.execute(insert(_table(AuditEntry)).values(**values))
    session.execute(update(_table(AuditHead)).where(AuditHead.id == 1).values(seq=entry.seq, hash=entry.hash))
    return entry


_ENTRY_COLUMNS = ("seq", "at", "actor", "action", "target", "details", "prev_hash", "hash", "rows")


@dataclass
class ChainReport:
    entries: int = 0
    head_hash: str = GENESIS_HASH
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


MAX_LISTED = 20


def list_entries(
    session: Session,
    *,
    target: str | None = None,
    action: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[AuditEntry], int]:
    """Entries, newest first, for `target` and of `action` when given; and how many match in all."""
    stmt = select(AuditEntry)
    if target:
        stmt = stmt.where(AuditEntry.target == target)
    if action:
        stmt = stmt.where(AuditEntry.action == action)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(stmt.order_by(AuditEntry.seq.desc()).limit(limit).offset(offset))
    return list(rows), total


def verify(session: Session, anchor: str | None = None) -> ChainReport:
    """Walk the whole chain; report every edited, missing or reordered entry, a cut-off tail, every
    covered row changed outside the application, and an `anchor` (a head hash kept elsewhere) that is no
    longer in the chain."""
    report = _verify_chain(session, anchor)
    recorded = _recorded_rows(session)
    current = current_rows(session)
    problems = [
        *(f"row {key} was edited outside the application" for key in recorded.keys() & current.keys()
          if recorded[key] is not None and recorded[key] != current[key]),
        *(f"row {key} was deleted outside the application" for key, value in recorded.items()
          if value is not None and key not in current),
        *(f"row {key} was inserted outside the application" for key in current
          if recorded.get(key) is None),
    ]  # fmt: skip
    report.problems.extend(sorted(problems)[:MAX_LISTED])
    if len(problems) > MAX_LISTED:
        report.problems.append(
            f"... and {len(problems) - MAX_LISTED} more rows changed outside the application"
        )
    return report


def _recorded_rows(session: Session) -> dict[str, str | None]:
    recorded: dict[str, str | None] = {}
    query = select(AuditEntry.rows).where(AuditEntry.rows.is_not(None)).order_by(AuditEntry.seq)
    for rows in session.scalars(query.execution_options(yield_per=2000)):
        recorded.update(json.loads(rows or "{}"))
    return recorded


def _verify_chain(session: Session, anchor: str | None) -> ChainReport:
    report = ChainReport()
    expected_seq, prev_hash = 1, GENESIS_HASH
    anchored = anchor is None
    entries = select(AuditEntry).order_by(AuditEntry.seq).execution_options(yield_per=2000)
    for entry in session.scalars(entries):
        anchored = anchored or entry.hash == anchor
        if entry.seq != expected_seq:
            report.problems.append(f"entries {expected_seq}..{entry.seq - 1} are missing")
        if entry.prev_hash != prev_hash:
            report.problems.append(f"entry {entry.seq} does not link to the entry before it")
        if entry_hash(entry) != entry.hash:
            report.problems.append(f"entry {entry.seq} ({entry.action} {entry.target}) was altered")
        report.entries += 1
        expected_seq, prev_hash = entry.seq + 1, entry.hash
    head = session.get(AuditHead, 1)
    if head is None:
        report.problems.append("the audit head record is missing")
    elif (head.seq, head.hash) != (expected_seq - 1, prev_hash):
        last = expected_seq - 1
        report.problems.append(f"the log ends at entry {last} but the head records entry {head.seq}")
    if not anchored:
        report.problems.append(f"the anchor {anchor} is not in the chain: the log was replaced or cut")
    report.head_hash = prev_hash
    return report
