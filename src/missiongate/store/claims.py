"""Claims flagged on a case: public statements checked against the case's official position (issue 6).

The position a claim is checked against is the one stored on the case (`cases.position`, with the date,
statement and source of the latest `positions` record), turned into the claims core's `Position` by
`claims.position.position_from_case`. The country is the doctrine's (`azerbaijan` -> AZE) unless given;
the operation is found in the case's operation, title or mission reference (None: any operation).

Every check is appended, never rewritten, and written with one audit entry (`claims.check`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from missiongate.claims.extract import extract_claims
from missiongate.claims.missions import find_missions
from missiongate.claims.model import Claim, Stance
from missiongate.claims.position import (
    CheckResult,
    Position,
    PositionStance,
    Verdict,
    check_claims,
    position_from_case,
)
from missiongate.claims.rebuttal import draft_rebuttal
from missiongate.doctrine import DoctrineRegistry
from missiongate.errors import MissionGateError, NotFoundError
from missiongate.store import audit
from missiongate.store.accounts import Actor
from missiongate.store.cases import get_case, registry
from missiongate.store.models import Case, ClaimRecord, PositionRecord

VERDICTS = tuple(v.value for v in Verdict)


def case_country(case: Case, doctrines: DoctrineRegistry | None = None) -> str:
    """The country whose position the case records: the country of the case's doctrine."""
    try:
        country = registry(doctrines).get(case.doctrine_id).country
    except MissionGateError:  # a doctrine no longer offered: say what to do rather than fail obscurely
        country = None
    if not country:
        raise MissionGateError(
            f"the doctrine of case {case.id} ({case.doctrine_id}) names no country; give the country "
            "(ISO 3166 alpha-3) whose position the case records"
        )
    return country


def case_operation(case: Case) -> str | None:
    """The claims core's slug of the case's operation, found in its operation, title or mission reference."""
    for text in (case.operation, case.title, case.mission_ref.replace("-", " ")):
        for ref in find_missions(text or ""):
            if not ref.historical:
                return ref.slug
    return None


def case_position(
    session: Session,
    actor: Actor,
    case_id: int,
    country: str | None = None,
    *,
    doctrines: DoctrineRegistry | None = None,
) -> Position:
    """The case's official position as the claims core's `Position`."""
    case = get_case(session, actor, case_id)
    latest = session.scalar(
        select(PositionRecord)
        .where(PositionRecord.case_id == case.id)
        .order_by(PositionRecord.id.desc())
        .limit(1)
    )
    return position_from_case(
        country or case_country(case, doctrines),
        case_operation(case),
        case.position,
        latest.stated_on if latest else None,
        latest.statement if latest else None,
        (latest.source or None) if latest else None,
    )


def check_text(
    session: Session,
    actor: Actor,
    case_id: int,
    text: str,
    *,
    source: str = "",
    country: str | None = None,
    doctrines: DoctrineRegistry | None = None,
) -> list[ClaimRecord]:
    """Extract the claims in `text`, check them against the case's position and record them."""
    position = case_position(session, actor, case_id, country, doctrines=doctrines)
    results = check_claims(extract_claims(text, source or None), [position])
    return record_checks(session, actor, case_id, results, source=source)


def record_checks(
    session: Session, actor: Actor, case_id: int, results: Sequence[CheckResult], *, source: str = ""
) -> list[ClaimRecord]:
    """Append checked claims to the case (with draft rebuttals for contradictions) and one audit entry."""
    case = get_case(session, actor, case_id)
    if not results:
        return []
    rows = [_record(case, actor, result, source) for result in results]
    session.add_all(rows)
    session.flush()
    details: dict[str, Any] = {
        "claims": [row.id for row in rows],
        "source": source[:500],
        "verdicts": {v: sum(row.verdict == v for row in rows) for v in VERDICTS},
    }
    audit.append(session, actor.username, "claims.check", f"case:{case.id}", details)
    return rows


def _record(case: Case, actor: Actor, result: CheckResult, source: str) -> ClaimRecord:
    claim, position = result.claim, result.position
    rebuttal = draft_rebuttal(result) if result.verdict is Verdict.CONTRADICTS else None
    return ClaimRecord(
        case_id=case.id,
        text=claim.text,
        quote=claim.quote,
        speaker=_cut(claim.speaker, 300),
        speaker_role=_cut(claim.speaker_role, 300),
        country=claim.country,
        mission=_cut(claim.mission, 100),
        stance=str(claim.stance),
        start=claim.start,
        end=claim.end,
        source=(claim.source or source)[:500],
        verdict=str(result.verdict),
        reason=result.reason,
        position=str(position.stance) if position else None,
        position_date=position.date if position else None,
        mission_assumed=result.mission_assumed,
        detail=result.to_dict(),
        rebuttal_note=rebuttal.note if rebuttal else None,
        rebuttal_public_line=rebuttal.public_line if rebuttal else None,
        checked_by=actor.id,
    )


def _cut(value: str | None, size: int) -> str | None:
    return value[:size] if value else None


def list_claims(
    session: Session,
    actor: Actor,
    case_id: int,
    *,
    verdict: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[ClaimRecord], int]:
    """The case's claims, newest first, optionally of one verdict; with the total count."""
    case = get_case(session, actor, case_id)
    if verdict is not None and verdict not in VERDICTS:
        raise MissionGateError(f"unknown verdict {verdict!r} (one of {', '.join(VERDICTS)})")
    stmt = select(ClaimRecord).where(ClaimRecord.case_id == case.id)
    if verdict:
        stmt = stmt.where(ClaimRecord.verdict == verdict)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(stmt.order_by(ClaimRecord.id.desc()).limit(limit).offset(offset))
    return list(rows), total


def get_claim(session: Session, actor: Actor, case_id: int, claim_id: int) -> ClaimRecord:
    case = get_case(session, actor, case_id)
    record = session.get(ClaimRecord, claim_id)
    if record is None or record.case_id != case.id:
        raise NotFoundError(f"case {case.id} has no claim {claim_id}")
    return record


def check_result(record: ClaimRecord) -> CheckResult:
    """The stored check as the claims core's `CheckResult` (for ClaimReview and the CLI's output)."""
    data = record.detail
    claim_data = dict(data["claim"])
    claim = Claim(**{**claim_data, "stance": Stance(claim_data["stance"])})
    stored = data.get("position")
    position = None
    if stored:
        date = stored.get("date")
        position = Position(
            stored["country"],
            PositionStance(stored["stance"]),
            stored.get("mission"),
            dt.date.fromisoformat(date) if date else None,
            stored.get("statement"),
            stored.get("source"),
        )
    return CheckResult(claim, Verdict(record.verdict), record.reason, position, record.mission_assumed)
