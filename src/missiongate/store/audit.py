"""The append-only audit log: every write adds one entry, chained to the previous one by SHA-256.

Entry n stores `hash = sha256(canonical JSON of its fields and the hash of entry n-1)`, and the single
`audit_head` row holds the last sequence number and hash. Editing an entry breaks its hash, deleting one
leaves a gap in the sequence or a broken link, and cutting off the tail no longer matches the head.
Appending locks the head row, so concurrent writers queue and the chain never forks.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from missiongate.store.models import AuditEntry, AuditHead

GENESIS_HASH = "0" * 64


def canonical_json(data: Any) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def entry_hash(entry: AuditEntry) -> str:
    payload = canonical_json(
        {
            "seq": entry.seq,
            "at": entry.at,
            "actor": entry.actor,
            "action": entry.action,
            "target": entry.target,
            "details": entry.details,
            "prev": entry.prev_hash,
        }
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def append(session: Session, actor: str, action: str, target: str, details: dict[str, Any]) -> AuditEntry:
    """Add an entry in the caller's transaction, so the write and its audit entry commit together."""
    head = session.execute(select(AuditHead).where(AuditHead.id == 1).with_for_update()).scalar_one()
    entry = AuditEntry(
        seq=head.seq + 1,
        at=dt.datetime.now(dt.UTC).isoformat(timespec="microseconds"),
        actor=actor,
        action=action,
        target=target,
        details=canonical_json(details),
        prev_hash=head.hash,
    )
    entry.hash = entry_hash(entry)
    session.add(entry)
    head.seq, head.hash = entry.seq, entry.hash
    return entry


@dataclass
class ChainReport:
    entries: int = 0
    head_hash: str = GENESIS_HASH
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(session: Session) -> ChainReport:
    """Walk the whole chain; report every edited, missing or reordered entry and a cut-off tail."""
    report = ChainReport()
    expected_seq, prev_hash = 1, GENESIS_HASH
    entries = select(AuditEntry).order_by(AuditEntry.seq).execution_options(yield_per=2000)
    for entry in session.scalars(entries):
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
    report.head_hash = prev_hash
    return report
