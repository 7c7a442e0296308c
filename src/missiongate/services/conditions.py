"""Our conditions on a case: each one's state (stated, accepted, refused, amended) with who, when and through
which channel, and its history; recording a change sets the condition's facts and reassesses, in one write.

The meaning is in docs/decision-documents.md ("Conditions on a case"); the logic in `decision/tracking.py`.
`kept` guards every other write of facts (answers, fact edits): one that makes a condition on record as
stated, accepted or amended fail is refused whole.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

import missiongate
from missiongate.catalogue import FactValue, to_plain
from missiongate.decision import tracking
from missiongate.decision.tracking import Channel, ConditionChange, ConditionState
from missiongate.doctrine.model import Doctrine, Rule, RuleKind
from missiongate.errors import MissionGateError
from missiongate.evaluator import Effect, RuleStatus, Verdict, evaluate, rule_status
from missiongate.services.decisions import reassess
from missiongate.services.queries import Names
from missiongate.services.workspace import Workspace
from missiongate.store import cases
from missiongate.store import conditions as stored
from missiongate.store.accounts import Actor
from missiongate.store.models import Case, ConditionRecord

__all__ = [
    "CaseConditions",
    "ConditionChange",
    "ConditionRecord",
    "Recorded",
    "TrackedCondition",
    "kept",
    "list_conditions",
    "record_condition",
]

LIMITS = {"counterpart": 300, "reference": 300, "terms": 20_000, "note": 20_000}
# What the record and the doctrine's reading of the facts should agree on; anything else is shown as at odds.
AGREES = {
    ConditionState.ACCEPTED: {Effect.SECURED},
    ConditionState.AMENDED: {Effect.SECURED, Effect.TO_SECURE},
    ConditionState.REFUSED: {Effect.DECLINES, Effect.RISK},
}


@dataclass(frozen=True)
class TrackedCondition:
    rule_id: str
    rule: Rule | None  # None: no longer a condition of the case's doctrine
    effect: Effect  # the doctrine's reading of the facts now; NONE when the condition does not apply
    history: tuple[ConditionRecord, ...]  # oldest first

    @property
    def current(self) -> ConditionRecord | None:
        return self.history[-1] if self.history else None

    @property
    def state(self) -> str:
        return self.current.state if self.current else "not_stated"

    @property
    def title(self) -> str:
        return self.rule.title if self.rule else self.rule_id

    @property
    def agrees(self) -> bool:
        """Whether the facts still say what the record says (a removed fact or a new doctrine may not)."""
        expected = AGREES.get(ConditionState(self.state)) if self.current else None
        return expected is None or self.effect in expected


@dataclass(frozen=True)
class CaseConditions:
    case: Case
    doctrine: Doctrine
    verdict: Verdict
    values: Mapping[str, FactValue]
    conditions: tuple[TrackedCondition, ...]  # the applicable ones in doctrine order, then other records
    usernames: Mapping[int, str]

    def get(self, rule_id: str) -> TrackedCondition:
        return next(c for c in self.conditions if c.rule_id == rule_id)


@dataclass(frozen=True)
class Recorded:
    record: ConditionRecord
    before: Verdict
    view: CaseConditions

    @property
    def condition(self) -> TrackedCondition:
        return self.view.get(self.record.rule_id)


def list_conditions(ws: Workspace, actor: Actor, case_id: int) -> CaseConditions:
    with ws.db.read() as session:
        return _view(session, ws, actor, case_id)


def record_condition(
    ws: Workspace, actor: Actor, case_id: int, rule_id: str, change: ConditionChange, expected: int | None
) -> Recorded:
    """Record a change of one condition's state: the facts it settles, reassessed, or nothing at all."""
    state = _checked(change)
    catalogue = missiongate.load_catalogue()
    with ws.db.write() as session:
        case = cases.get_case(session, actor, case_id)
        session.refresh(case, with_for_update=True)  # the facts judged below are the ones written over
        doctrine = ws.doctrines.get(case.doctrine_id)
        rule = tracking.condition_rule(doctrine, rule_id)
        before = cases.case_mission(session, case).values
        if rule_status(rule, before) is RuleStatus.NOT_APPLICABLE:
            raise MissionGateError(f"condition {rule.id} does not apply to this case as its facts stand")
        given = tracking.coerce_values(rule, change.values, catalogue)
        settled = tracking.settling_values(rule, state, before, given, catalogue)
        with kept(session, ws, actor, case.id, skip=[rule.id]):
            _apply(session, actor, case, expected, rule, change, settled)
        after = cases.case_mission(session, case).values
        if state is ConditionState.AMENDED:
            tracking.check_amendment(doctrine, rule, before, after)
        plain = {fact_id: to_plain(value) for fact_id, value in settled.items()}
        record = stored.add_record(session, actor, case, doctrine.id, rule.id, change, plain)
        reassess(session, ws, actor, case.id)
        return Recorded(record, evaluate(doctrine, before).verdict, _view(session, ws, actor, case.id))


def _checked(change: ConditionChange) -> ConditionState:
    """The change's state, once its words are complete and within bounds."""
    try:
        state = ConditionState(change.state)
        Channel(change.channel)
    except ValueError:
        raise MissionGateError(
            f"state must be one of {', '.join(ConditionState)} and channel one of {', '.join(Channel)}"
        ) from None
    if not change.counterpart.strip():
        raise MissionGateError("say who on the other side (e.g. 'Permanent Mission of X', 'the lead nation')")
    if state is ConditionState.AMENDED and not change.terms.strip():
        raise MissionGateError("give the amended terms in words")
    if change.occurred_on > dt.date.today():
        raise MissionGateError(f"the date {change.occurred_on.isoformat()} is in the future")
    for name, limit in LIMITS.items():
        if len(getattr(change, name)) > limit:
            raise MissionGateError(f"{name} is longer than {limit} characters")
    return state


def _apply(
    session: Session,
    actor: Actor,
    case: Case,
    expected: int | None,
    rule: Rule,
    change: ConditionChange,
    settled: Mapping[str, FactValue],
) -> None:
    """Set the settled facts with the change's provenance (or, setting none, still advance the version)."""
    if not settled:
        cases.bump_version(session, case, expected)
        return
    source = f"condition {rule.id} {change.state}" + (f", {change.reference}" if change.reference else "")
    provenance: dict[str, Any] = {
        "source": source,
        "date": change.occurred_on.isoformat(),
        "answered_by": change.counterpart,
        "channel": Channel(change.channel).label,
    }
    if change.terms:
        provenance["note"] = change.terms
    records = {fact_id: {"value": to_plain(value), **provenance} for fact_id, value in settled.items()}
    cases.set_facts(session, actor, case.id, expected, records, action="condition")


@contextmanager
def kept(
    session: Session, ws: Workspace, actor: Actor, case_id: int, *, skip: Iterable[str] = ()
) -> Iterator[None]:
    """Around a write of a case's facts in a service: refuse it (and so the whole transaction) when it
    makes a condition on record as stated, accepted or amended fail. The case row is locked first, so the
    conditions read here are the ones the write will be judged against."""
    case = cases.get_case(session, actor, case_id)
    session.refresh(case, with_for_update=True)
    current = stored.current(session, case)
    binding = {rule_id: r.state for rule_id, r in current.items() if r.state in tracking.BINDING}
    before = cases.case_mission(session, case).values if binding else {}
    yield
    if not binding:
        return
    doctrine = ws.doctrines.get(case.doctrine_id)
    after = cases.case_mission(session, case).values
    broken = tracking.contradicted(doctrine, binding, before, after, skip)
    if broken:
        raise MissionGateError(_contradiction(broken[0], current[broken[0].id], after))


def _contradiction(rule: Rule, record: ConditionRecord, after: Mapping[str, FactValue]) -> str:
    catalogue = missiongate.load_catalogue()
    values = "; ".join(
        f"{catalogue.fact(f).label}: {catalogue.fact(f).describe(after[f])}"
        for f in tracking.demand_facts(rule)
        if f in after
    )
    return (
        f"this contradicts condition {rule.id} ({rule.title}), {record.state} with {record.counterpart} "
        f"on {record.occurred_on.isoformat()}: {values} would fail it. If the other side refuses it now, "
        "record a refusal under the case's conditions instead; nothing was recorded"
    )


def _view(session: Session, ws: Workspace, actor: Actor, case_id: int) -> CaseConditions:
    case = cases.get_case(session, actor, case_id)
    doctrine = ws.doctrines.get(case.doctrine_id)
    mission = cases.case_mission(session, case)
    assessment = evaluate(doctrine, mission)
    history: dict[str, list[ConditionRecord]] = {}
    for record in stored.records(session, case):
        history.setdefault(record.rule_id, []).append(record)
    tracked = [
        TrackedCondition(o.rule.id, o.rule, o.effect, tuple(history.pop(o.rule.id, [])))
        for o in assessment.conditions
    ]
    for rule_id, rows in history.items():
        rule = doctrine.rules_by_id.get(rule_id)
        condition = rule if rule is not None and rule.kind is RuleKind.CONDITION else None
        tracked.append(TrackedCondition(rule_id, condition, Effect.NONE, tuple(rows)))
    names = Names(session)
    usernames = {r.recorded_by: names(r.recorded_by) for c in tracked for r in c.history}
    return CaseConditions(case, doctrine, assessment.verdict, mission.values, tuple(tracked), usernames)
