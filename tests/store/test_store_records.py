"""Decision records: assessments, questionnaires as sent, answers with provenance, sign-off, positions."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from tests.doctrine.files import write_doctrine

from missiongate.doctrine import load_registry
from missiongate.errors import (
    ConflictError,
    MissionGateError,
    NotFoundError,
    TooLargeError,
    UnsupportedTypeError,
)
from missiongate.store import cases
from missiongate.store import decisions as store_decisions
from missiongate.store import documents as store_documents
from missiongate.store import questionnaires as store_questionnaires
from missiongate.store.accounts import Actor
from missiongate.store.db import Database
from missiongate.store.models import CaseStatus, Decision, Position, Role


@pytest.fixture
def case_id(database: Database, analyst: Actor, example_facts: dict[str, Any]) -> int:
    with database.write() as session:
        data = cases.CaseInput(title="ISF", mission_ref="gaza-isf-inquiry", facts=example_facts, example=True)
        return cases.create_case(session, analyst, data).id


def test_assessment_keeps_inputs_doctrine_and_report(
    database: Database, analyst: Actor, case_id: int
) -> None:
    import missiongate

    with database.write() as session:
        record = store_decisions.create_assessment(session, analyst, case_id)
    doctrine = missiongate.load_builtin("azerbaijan")
    assert (record.doctrine_id, record.doctrine_version, record.doctrine_hash) == (
        doctrine.id,
        doctrine.version,
        doctrine.content_hash,
    )
    assert record.verdict == "CLARIFICATION_REQUIRED" and len(record.report["questions"]) > 20
    assert record.inputs["facts"]["mandate.instrument"]["value"] == "S/RES/2803 (2025)"
    assert record.report["schema"] == "missiongate.assessment/2"
    with database.write() as session:
        cases.set_facts(session, analyst, case_id, 1, {"operation.type": "peace_enforcement"})
        later = store_decisions.create_assessment(session, analyst, case_id)
    assert later.verdict == "DECLINE" and "A1" in later.report["deciding_rules"]
    with database.read() as session:
        first = store_decisions.get_assessment(session, analyst, case_id, record.id)
        listed, total = store_decisions.list_assessments(session, analyst, case_id)
        summary = cases.get_case(session, analyst, case_id)
    assert first.verdict == "CLARIFICATION_REQUIRED" and "operation.type" not in first.inputs["facts"]
    assert [a.id for a in listed] == [later.id, record.id] and total == 2
    assert summary.latest_verdict == "DECLINE"


def test_questionnaire_versions_are_frozen_once_sent(
    database: Database, analyst: Actor, case_id: int
) -> None:
    with database.write() as session:
        first = store_questionnaires.create_questionnaire(session, analyst, case_id)
    assert first.number == 1 and len(first.questions) > 20
    assert [q["number"] for q in first.questions] == list(range(1, len(first.questions) + 1))
    with database.write() as session:
        store_questionnaires.send_questionnaire(
            session, analyst, case_id, 1, channel="note verbale", recipient="Embassy"
        )
    with pytest.raises(ConflictError, match="already sent"), database.write() as session:
        store_questionnaires.send_questionnaire(
            session, analyst, case_id, 1, channel="again", recipient="Embassy"
        )
    with database.write() as session:
        cases.set_facts(session, analyst, case_id, None, {"operation.type": "stabilization"})
        second = store_questionnaires.create_questionnaire(session, analyst, case_id)
    assert second.number == 2 and len(second.questions) < len(first.questions)
    with database.read() as session:
        sent = store_questionnaires.get_questionnaire(session, analyst, case_id, 1)
        case = cases.get_case(session, analyst, case_id)
    assert sent.sent_channel == "note verbale" and sent.questions == first.questions
    assert case.status == CaseStatus.AWAITING_ANSWERS.value


def test_answers_apply_with_who_when_and_channel(database: Database, analyst: Actor, case_id: int) -> None:
    with database.write() as session:
        store_questionnaires.create_questionnaire(session, analyst, case_id)
    answers = store_questionnaires.AnswersInput(
        received_on=dt.date(2026, 2, 1),
        answered_by="Embassy of the requesting state",
        channel="note verbale",
        facts={"operation.type": "stabilization", "consent.all_parties": False},
        questionnaire=1,
    )
    with database.write() as session:
        answer = store_questionnaires.record_answers(session, analyst, case_id, answers)
    with database.read() as session:
        mission = cases.case_mission(session, cases.get_case(session, analyst, case_id))
        stored = store_questionnaires.list_answers(session, analyst, case_id)
    record = mission.facts["consent.all_parties"]
    assert record.value is False and record.answered_by == "Embassy of the requesting state"
    assert record.channel == "note verbale" and record.date == dt.date(2026, 2, 1)
    assert record.source == "answer to questionnaire 1"
    assert [a.id for a in stored] == [answer.id] and stored[0].facts["operation.type"] == "stabilization"


def test_sign_off_needs_the_current_assessment(
    database: Database, actors: dict[Role, Actor], case_id: int
) -> None:
    analyst, approver = actors[Role.ANALYST], actors[Role.APPROVER]
    with database.write() as session:
        stale = store_decisions.create_assessment(session, analyst, case_id)
        cases.set_facts(session, analyst, case_id, None, {"operation.type": "peace_enforcement"})
        current = store_decisions.create_assessment(session, analyst, case_id)
    with pytest.raises(ConflictError, match="assess again"), database.write() as session:
        store_decisions.sign_off(session, approver, case_id, stale.id, Decision.DECLINE)
    with database.write() as session:  # sending a questionnaire changes the case, not its facts
        store_questionnaires.create_questionnaire(session, analyst, case_id)
        store_questionnaires.send_questionnaire(
            session, analyst, case_id, 1, channel="note verbale", recipient="Embassy"
        )
    with database.write() as session:
        signoff = store_decisions.sign_off(
            session, approver, case_id, current.id, Decision.DECLINE, "red line A1"
        )
    assert signoff.signed_by == approver.id
    with pytest.raises(ConflictError), database.write() as session:
        store_decisions.sign_off(session, approver, case_id, current.id, Decision.DECLINE)
    with database.read() as session:
        assert cases.get_case(session, analyst, case_id).status == CaseStatus.DECIDED.value


def test_official_positions_are_kept_in_order(
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
            statement="The questions must be answered first.",
        )
        store_decisions.record_position(
            session,
            approver,
            case_id,
            position=Position.NO_CONSENT_GIVEN,
            stated_on=dt.date(2026, 1, 20),
            statement="No consent has been given.",
            source="Ministry press release",
        )
    with database.read() as session:
        positions = store_decisions.list_positions(session, approver, case_id)
        case = cases.get_case(session, approver, case_id)
    assert [p.position for p in positions] == ["considering", "no_consent_given"]
    assert case.position == "no_consent_given"


def test_documents_keep_bytes_and_hash(database: Database, analyst: Actor, case_id: int) -> None:
    data = b"S/RES/2803 (2025)\nThe Security Council ..."
    with database.write() as session:
        document = store_documents.add_document(
            session,
            analyst,
            case_id,
            filename="res.txt",
            content_type="text/plain",
            data=data,
            kind="mandate",
        )
    with database.read() as session:
        stored = store_documents.get_document(session, analyst, case_id, document.id, with_data=True)
        with pytest.raises(NotFoundError):
            store_documents.get_document(session, analyst, case_id + 1, document.id)
    import hashlib

    assert (
        stored.data == data and stored.sha256 == hashlib.sha256(data).hexdigest() and stored.size == len(data)
    )


def test_records_made_with_a_file_doctrine_keep_its_id_version_and_hash(
    database: Database, analyst: Actor, example_facts: dict[str, Any], tmp_path: Path
) -> None:
    write_doctrine(tmp_path, "ruritania.yaml", "ruritania", version="2026.1")
    offered = load_registry(tmp_path)
    doctrine = offered.get("ruritania")
    with database.write() as session:
        data = cases.CaseInput(title="ISF", facts=example_facts, doctrine_id="ruritania")
        case_id = cases.create_case(session, analyst, data, doctrines=offered).id
        assessment = store_decisions.create_assessment(session, analyst, case_id, doctrines=offered)
        questionnaire = store_questionnaires.create_questionnaire(
            session, analyst, case_id, doctrines=offered
        )
    for record in (assessment, questionnaire):
        assert (record.doctrine_id, record.doctrine_version, record.doctrine_hash) == (
            "ruritania",
            "2026.1",
            doctrine.content_hash,
        )
    assert assessment.report["doctrine"]["id"] == "ruritania"
    write_doctrine(tmp_path, "ruritania.yaml", "ruritania", version="2026.2")
    edited = load_registry(tmp_path)
    with database.write() as session:
        later = store_decisions.create_assessment(session, analyst, case_id, doctrines=edited)
    assert later.doctrine_version == "2026.2" and later.doctrine_hash != assessment.doctrine_hash
    with database.read() as session:
        kept = store_decisions.get_assessment(session, analyst, case_id, assessment.id)
    assert (kept.doctrine_version, kept.doctrine_hash) == ("2026.1", doctrine.content_hash)
    # Assessing it without the registry that offers its doctrine fails rather than using another one.
    with pytest.raises(MissionGateError, match="unknown doctrine 'ruritania'"), database.write() as session:
        store_decisions.create_assessment(session, analyst, case_id)


def test_documents_refused_before_anything_is_kept(database: Database, analyst: Actor, case_id: int) -> None:
    upload = {"filename": "res.txt", "content_type": "text/plain; charset=utf-8", "data": b"text"}
    for change, error in (
        ({"content_type": "application/x-msdownload"}, UnsupportedTypeError),
        ({"data": b""}, MissionGateError),
        ({"note": "a\x00b"}, MissionGateError),
    ):
        with pytest.raises(error), database.write() as session:
            store_documents.add_document(session, analyst, case_id, **{**upload, **change})  # type: ignore[arg-type]
    with database.read() as session:
        assert store_documents.list_documents(session, analyst, case_id) == []
    with pytest.raises(TooLargeError):
        store_documents.read_upload(io.BytesIO(b"x" * 11), 10)
    assert store_documents.read_upload(io.BytesIO(b"x" * 10), 10) == b"x" * 10
