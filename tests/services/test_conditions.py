"""Our conditions on a case through the services: each state change sets the facts it settles and reassesses,
or records nothing; answers and fact edits contradicting a condition on record are refused whole."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import select

import missiongate
from missiongate.decision.offer import build_offer
from missiongate.errors import ConflictError, MissionGateError, NotFoundError
from missiongate.services import Workspace, cases, conditions, questionnaires
from missiongate.services.conditions import ConditionChange
from missiongate.store import audit
from missiongate.store import cases as store_cases
from missiongate.store import decisions as store_decisions
from missiongate.store import documents as store_documents
from missiongate.store.accounts import Actor
from missiongate.store.cases import CaseInput
from missiongate.store.models import AuditEntry
from missiongate.store.questionnaires import AnswersInput
from tests.services.conftest import ROOT

SITE = ROOT / "examples" / "site-protection-chapter7.yaml"
# Facts our conditions demand (C1-C10 of the Azerbaijan doctrine) but C8's, which a red line reads too.
DEMANDED = {
    "command.national_control",
    "contingent.caveats_accepted",
    "contingent.withdrawal_right",
    "exit.strategy_defined",
    "force.rules_of_engagement",
    "legal.exclusive_jurisdiction",
    "legal.sofa",
    "mandate.review_mechanism",
    "request.no_premature_announcement",
    "risk.medical_evacuation",
}
ON = dt.date(2026, 3, 2)


def _case(ws: Workspace, actor: Actor) -> int:
    """Site protection under a Chapter VII mandate, every condition but C8 still to be secured."""
    facts = {k: v for k, v in missiongate.load_mission(SITE).to_data()["facts"].items() if k not in DEMANDED}
    data = CaseInput(title="Site protection", doctrine_id="azerbaijan", facts=facts, requesting_party="UK")
    return cases.create_case(ws, actor, data).id


def _change(state: str, **extra: Any) -> ConditionChange:
    base = ConditionChange(
        state=state, counterpart="Permanent Mission of the United Kingdom", occurred_on=ON,
        channel="note_verbale", reference="note No. 31/2026",
    )  # fmt: skip
    return dataclasses.replace(base, **extra)


def _version(ws: Workspace, actor: Actor, case_id: int) -> int:
    return conditions.list_conditions(ws, actor, case_id).case.version


def _verdicts(ws: Workspace, actor: Actor, case_id: int) -> list[str]:
    with ws.db.read() as session:
        rows, _ = store_decisions.list_assessments(session, actor, case_id)
    return [r.verdict for r in rows]


def _facts(ws: Workspace, actor: Actor, case_id: int) -> dict[str, Any]:
    with ws.db.read() as session:
        case = store_cases.get_case(session, actor, case_id)
        return {f: row.record for f, row in store_cases.case_facts(session, case).items()}


def test_the_conditions_of_a_case_are_the_doctrines_applicable_ones(ws: Workspace, analyst: Actor) -> None:
    case_id = _case(ws, analyst)
    view = conditions.list_conditions(ws, analyst, case_id)
    assert view.verdict.value == "ACCEPTABLE_WITH_CONDITIONS"
    assert [c.rule_id for c in view.conditions] == [f"C{n}" for n in range(1, 11)]
    assert {c.state for c in view.conditions} == {"not_stated"}
    assert view.get("C8").effect.value == "secured" and view.get("C1").effect.value == "to_secure"


def test_stated_then_accepted_secures_it_with_provenance_and_keeps_the_history(
    ws: Workspace, analyst: Actor
) -> None:
    case_id = _case(ws, analyst)
    version = _version(ws, analyst, case_id)
    stated = conditions.record_condition(ws, analyst, case_id, "C1", _change("stated"), version)
    assert stated.record.facts == {} and stated.view.case.version == version + 1
    assert "contingent.caveats_accepted" not in _facts(ws, analyst, case_id)
    accepted = conditions.record_condition(ws, analyst, case_id, "C1", _change("accepted"), version + 1)
    assert accepted.record.facts == {"contingent.caveats_accepted": True}
    condition = accepted.condition
    assert [r.state for r in condition.history] == ["stated", "accepted"]
    assert condition.effect.value == "secured" and condition.agrees
    record = _facts(ws, analyst, case_id)["contingent.caveats_accepted"]
    assert record["answered_by"] == "Permanent Mission of the United Kingdom"
    assert (record["channel"], record["date"]) == ("note verbale", "2026-03-02")
    assert record["source"] == "condition C1 accepted, note No. 31/2026"
    assert accepted.view.usernames[accepted.record.recorded_by] == analyst.username
    with ws.db.read() as session:
        mission = store_cases.case_mission(session, store_cases.get_case(session, analyst, case_id))
    offer = build_offer(ws.doctrines.get("azerbaijan"), mission, number="1/2026", recipient="the Embassy")
    states = {c.text.split(":")[0]: c.state for c in offer.conditions}
    assert states["Azerbaijan's contingent serves under national caveats accepted by the lead"] == (
        "accepted by the lead"
    )
    assert list(states.values()).count("accepted by the lead") == 1  # the others are still to be accepted


def test_a_refusal_reassesses_and_the_verdict_becomes_the_doctrines(ws: Workspace, analyst: Actor) -> None:
    case_id = _case(ws, analyst)
    done = conditions.record_condition(ws, analyst, case_id, "C2", _change("refused"), None)
    assert done.before.value == "ACCEPTABLE_WITH_CONDITIONS" and done.view.verdict.value == "DECLINE"
    assert _verdicts(ws, analyst, case_id)[0] == "DECLINE"
    assert _facts(ws, analyst, case_id)["command.national_control"]["value"] is False
    desirable = conditions.record_condition(ws, analyst, _case(ws, analyst), "C9", _change(
        "refused", values={"mandate.review_mechanism": False}
    ), None)  # fmt: skip
    assert desirable.condition.effect.value == "risk"
    assert desirable.view.verdict.value == "ACCEPTABLE_WITH_CONDITIONS"


def _snapshot(ws: Workspace, actor: Actor, case_id: int) -> tuple[Any, ...]:
    view = conditions.list_conditions(ws, actor, case_id)
    with ws.db.read() as session:
        entries = audit.verify(session).entries
    records = [[r.id for r in c.history] for c in view.conditions]
    return view.case.version, _facts(ws, actor, case_id), _verdicts(ws, actor, case_id), entries, records


@contextmanager
def _refused(ws: Workspace, actor: Actor, case_id: int, error: type[Exception], words: str) -> Iterator[None]:
    """The body raises `error` and leaves the case, its records and the audit log as they were."""
    before = _snapshot(ws, actor, case_id)
    with pytest.raises(error, match=words):
        yield
    assert _snapshot(ws, actor, case_id) == before


def test_an_amendment_the_doctrine_refuses_records_nothing(ws: Workspace, analyst: Actor) -> None:
    case_id = _case(ws, analyst)
    amended = _change("amended", terms="evacuation by road only", values={"risk.medical_evacuation": False})
    with _refused(ws, analyst, case_id, MissionGateError, r"fail condition C6 .*the doctrine refuses this"):
        conditions.record_condition(ws, analyst, case_id, "C6", amended, None)
    kept = _change("amended", terms="evacuation within two hours by a partner", values={
        "risk.medical_evacuation": "yes"
    })  # fmt: skip
    done = conditions.record_condition(ws, analyst, case_id, "C6", kept, None)
    assert done.condition.state == "amended" and done.condition.effect.value == "secured"
    assert _facts(ws, analyst, case_id)["risk.medical_evacuation"]["note"] == kept.terms


@pytest.mark.parametrize(
    ("rule_id", "change", "error", "words"),
    [
        ("A1", _change("accepted"), NotFoundError, "no condition 'A1'"),
        ("C9", _change("refused"), MissionGateError, "can be refused in several ways"),
        ("C1", _change("accepted", values={"legal.sofa": True}), MissionGateError, "reads contingent"),
        ("C1", _change("amended"), MissionGateError, "give the amended terms in words"),
        ("C1", _change("waved"), MissionGateError, "state must be one of stated, accepted"),
        ("C1", _change("stated", channel="pigeon"), MissionGateError, "channel one of note_verbale"),
        ("C1", _change("stated", counterpart=" "), MissionGateError, "say who on the other side"),
        ("C1", _change("stated", occurred_on=dt.date(2999, 1, 1)), MissionGateError, "in the future"),
    ],
)
def test_bad_changes_record_nothing(
    ws: Workspace, analyst: Actor, rule_id: str, change: ConditionChange, error: type[Exception], words: str
) -> None:
    case_id = _case(ws, analyst)
    with _refused(ws, analyst, case_id, error, words):
        conditions.record_condition(ws, analyst, case_id, rule_id, change, None)


def test_a_stale_version_is_a_conflict(ws: Workspace, analyst: Actor) -> None:
    case_id = _case(ws, analyst)
    version = _version(ws, analyst, case_id)
    conditions.record_condition(ws, analyst, case_id, "C1", _change("stated"), version)
    with pytest.raises(ConflictError):
        conditions.record_condition(ws, analyst, case_id, "C2", _change("accepted"), version)


def _answers(facts: dict[str, Any]) -> AnswersInput:
    return AnswersInput(received_on=ON, answered_by="Embassy", channel="note", facts=facts)


def test_answers_contradicting_a_condition_on_record_are_refused_whole(ws: Workspace, analyst: Actor) -> None:
    case_id = _case(ws, analyst)
    conditions.record_condition(ws, analyst, case_id, "C1", _change("accepted"), None)
    conditions.record_condition(ws, analyst, case_id, "C4", _change("stated"), None)
    batch = {"consent.host_state": True, "contingent.caveats_accepted": False}
    with _refused(ws, analyst, case_id, MissionGateError, r"contradicts condition C1 \(.*\), accepted with"):
        questionnaires.record_answers(ws, analyst, case_id, _answers(batch), None)
    with _refused(
        ws, analyst, case_id, MissionGateError, r"contradicts condition C4 .*record a refusal under"
    ):
        cases.set_facts(ws, analyst, case_id, None, {"legal.sofa": False})
    upload = questionnaires.AnswersFile(
        "answers.yaml", io.BytesIO(b"answers:\n  legal.sofa: false\n"), "Embassy", "note", ON
    )
    with _refused(ws, analyst, case_id, MissionGateError, "contradicts condition C4"):
        questionnaires.import_answers(ws, analyst, case_id, upload, None)
    with ws.db.read() as session:
        assert store_documents.list_documents(session, analyst, case_id) == []  # the file was not kept
    questionnaires.record_answers(ws, analyst, case_id, _answers({"legal.sofa": True}), None)  # agrees


def test_a_refused_condition_is_not_contradicted_again(ws: Workspace, analyst: Actor) -> None:
    case_id = _case(ws, analyst)
    conditions.record_condition(ws, analyst, case_id, "C2", _change("refused"), None)
    cases.set_facts(ws, analyst, case_id, None, {"command.national_control": {"value": False, "source": "x"}})
    removed = cases.set_facts(ws, analyst, case_id, None, {"command.national_control": None})
    view = conditions.list_conditions(ws, analyst, removed.id)
    assert view.get("C2").state == "refused" and not view.get("C2").agrees


def test_the_rows_are_audited_and_verified(ws: Workspace, analyst: Actor) -> None:
    case_id = _case(ws, analyst)
    done = conditions.record_condition(ws, analyst, case_id, "C3", _change("accepted"), None)
    with ws.db.read() as session:
        report = audit.verify(session)
        rows = session.scalars(select(AuditEntry.rows).where(AuditEntry.action == "condition.record")).all()
    assert report.ok, report.problems
    assert [f"case_conditions:{done.record.id}" in (r or "") for r in rows] == [True]
