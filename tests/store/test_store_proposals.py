"""Proposed facts from a stored mandate: analysed once per content, added as `proposed`, never over a
confirmed value, audited; on SQLite and PostgreSQL."""

from __future__ import annotations

import io
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfWriter
from sqlalchemy import select

from missiongate.analyzer.analysis import Analysis
from missiongate.errors import ConflictError, NotFoundError
from missiongate.store import audit, cases, proposals
from missiongate.store import documents as store_documents
from missiongate.store.accounts import Actor
from missiongate.store.db import Database
from missiongate.store.models import AuditEntry, Case, Document

RESOLUTION = Path(__file__).resolve().parents[2] / "data" / "unsc-resolutions" / "S_RES_0872_1993_EN_GOLD.txt"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _case(database: Database, analyst: Actor, facts: dict[str, Any] | None = None) -> int:
    with database.write() as session:
        return cases.create_case(session, analyst, cases.CaseInput(title="UNAMIR", facts=facts or {})).id


def _upload(
    database: Database,
    analyst: Actor,
    case_id: int,
    data: bytes | None = None,
    *,
    filename: str = "res872.txt",
    content_type: str = "text/plain",
) -> int:
    with database.write() as session:
        document = store_documents.add_document(
            session,
            analyst,
            case_id,
            filename=filename,
            content_type=content_type,
            data=RESOLUTION.read_bytes() if data is None else data,
            kind="mandate",
        )
        return document.id


def _propose(
    database: Database, analyst: Actor, case_id: int, document_id: int, expected: int | None = None
) -> proposals.Proposed:
    with database.write() as session:
        document = store_documents.get_document(session, analyst, case_id, document_id, with_data=True)
        return proposals.propose(session, analyst, case_id, document, expected=expected)


def _facts(database: Database, analyst: Actor, case_id: int) -> tuple[Case, dict[str, Any]]:
    with database.read() as session:
        case = cases.get_case(session, analyst, case_id)
        return case, {f: (row.status, row.record) for f, row in cases.case_facts(session, case).items()}


def test_proposals_join_the_case_as_proposed_and_keep_confirmed_values(
    database: Database, analyst: Actor
) -> None:
    confirmed = {"value": True, "source": "the parties' letters"}
    earlier = {"value": "observer_mission", "status": "proposed", "source": "an earlier reading"}
    case_id = _case(database, analyst, {"consent.all_parties": confirmed, "operation.type": earlier})
    document_id = _upload(database, analyst, case_id)

    result = _propose(database, analyst, case_id, document_id)

    assert {"operation.tasks", "operation.type", "mandate.instrument"} <= set(result.added)
    assert result.kept_confirmed == ["consent.all_parties"] and result.unchanged == []
    assert result.problem is None and result.case.version == 2
    case, facts = _facts(database, analyst, case_id)
    assert case.version == 2
    status, tasks = facts["operation.tasks"]
    assert status == "proposed" and "Demining" in tasks["value"]
    assert tasks["evidence"]["document_id"] == document_id and tasks["evidence"]["document"] == "res872.txt"
    text = RESOLUTION.read_text(encoding="utf-8")
    evidence = tasks["evidence"]
    assert text[evidence["start"] : evidence["end"]] == evidence["quote"] == evidence["selector"]["exact"]
    assert (
        facts["operation.type"][0] == "proposed" and facts["operation.type"][1]["value"] != "observer_mission"
    )
    assert facts["consent.all_parties"] == ("confirmed", {**confirmed, "status": "confirmed"})
    with database.read() as session:
        history = cases.fact_history(session, case, "operation.tasks")
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
        report = audit.verify(session)
    assert [(r.action, r.case_version) for r in history] == [("propose", 2)]
    assert last.action == "facts.propose" and last.target == f"case:{case_id}"
    assert report.ok, report.problems


def test_proposing_again_writes_nothing_and_honours_the_expected_version(
    database: Database, analyst: Actor
) -> None:
    case_id = _case(database, analyst)
    document_id = _upload(database, analyst, case_id)
    first = _propose(database, analyst, case_id, document_id, expected=1)
    assert first.added and first.case.version == 2

    again = _propose(database, analyst, case_id, document_id)
    assert again.added == [] and again.unchanged == first.added and again.case.version == 2
    with pytest.raises(ConflictError) as stale:
        _propose(database, analyst, case_id, document_id, expected=1)
    assert stale.value.current_version == 2
    assert _propose(database, analyst, case_id, document_id, expected=2).case.version == 2


def test_an_accepted_proposal_stays_confirmed_and_a_removed_one_comes_back(
    database: Database, analyst: Actor
) -> None:
    case_id = _case(database, analyst)
    document_id = _upload(database, analyst, case_id)
    _propose(database, analyst, case_id, document_id)
    with database.write() as session:
        cases.accept_fact(session, analyst, case_id, "operation.tasks", None)
        cases.set_facts(session, analyst, case_id, None, {"operation.name": None})
    result = _propose(database, analyst, case_id, document_id)
    assert result.added == ["operation.name"] and result.kept_confirmed == ["operation.tasks"]
    _, facts = _facts(database, analyst, case_id)
    assert facts["operation.tasks"][0] == "confirmed" and facts["operation.name"][0] == "proposed"


def test_documents_that_cannot_be_analysed_propose_nothing(database: Database, analyst: Actor) -> None:
    case_id = _case(database, analyst)
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    scan = io.BytesIO()
    writer.write(scan)
    docx = _upload(
        database, analyst, case_id, b"PK\x03\x04 a word document", filename="r.docx", content_type=DOCX
    )
    pdf = _upload(
        database, analyst, case_id, scan.getvalue(), filename="scan.pdf", content_type="application/pdf"
    )

    refused = _propose(database, analyst, case_id, docx)
    assert refused.added == [] and refused.problem == (
        "the document could not be read: it is not a valid Word (DOCX) file"
    )
    scanned = _propose(database, analyst, case_id, pdf)
    assert scanned.problem is not None and "no text layer" in scanned.problem and "OCR" in scanned.problem
    case, facts = _facts(database, analyst, case_id)
    assert case.version == 1 and facts == {}


def test_a_document_of_another_case_is_not_found(database: Database, analyst: Actor) -> None:
    first, second = _case(database, analyst), _case(database, analyst)
    document_id = _upload(database, analyst, first)
    with database.write() as session:
        document = store_documents.get_document(session, analyst, first, document_id, with_data=True)
        with pytest.raises(NotFoundError, match=f"case {second} has no document {document_id}"):
            proposals.propose(session, analyst, second, document)


def test_the_analysis_cache_tells_type_and_name_apart(database: Database, analyst: Actor) -> None:
    """Same bytes, another type or name: analysed for what they are, never with another upload's name."""
    case_id = _case(database, analyst)
    data = RESOLUTION.read_bytes()
    ids = [
        _upload(database, analyst, case_id, data, filename="a.txt"),
        _upload(database, analyst, case_id, data, filename="b.txt"),
        _upload(database, analyst, case_id, data, filename="c.doc", content_type="application/msword"),
    ]
    with database.read() as session:
        documents: list[Document] = [
            store_documents.get_document(session, analyst, case_id, i, with_data=True) for i in ids
        ]
        first, second, word = (proposals.analyse(d) for d in documents)
        assert isinstance(first, Analysis) and isinstance(second, Analysis) and isinstance(word, str)
        assert (first.source, second.source) == ("a.txt", "b.txt")
        assert proposals.analyse(documents[0]) is first  # cached
        found = proposals.proposals(first, documents[0])
    assert all(record["evidence"]["document_id"] == ids[0] for record in found.values())
    assert all(record["status"] == "proposed" for record in found.values())


def test_a_fact_confirmed_while_proposals_wait_is_never_overwritten(
    database: Database, analyst: Actor
) -> None:
    """The merge reads the case's facts under its row lock: a confirmation committed first is kept."""
    case_id = _case(database, analyst)
    document_id = _upload(database, analyst, case_id)
    _propose(database, analyst, case_id, document_id)
    with database.write() as session:  # the case holds the proposal of another document now
        value = {"value": "UNAMIR", "status": "proposed", "source": "the inquiry"}
        cases.set_facts(session, analyst, case_id, None, {"operation.name": value})
    outcome: list[proposals.Proposed | BaseException] = []

    def propose() -> None:
        try:
            outcome.append(_propose(database, analyst, case_id, document_id))
        except BaseException as exc:
            outcome.append(exc)

    with database.write() as session:
        cases.accept_fact(session, analyst, case_id, "operation.name", None)
        worker = threading.Thread(target=propose)
        worker.start()
        time.sleep(0.5)  # the proposal is waiting for this transaction (its lock) when it commits
    worker.join(30)
    assert len(outcome) == 1 and isinstance(outcome[0], proposals.Proposed), outcome
    assert "operation.name" in outcome[0].kept_confirmed
    _, facts = _facts(database, analyst, case_id)
    assert facts["operation.name"] == ("confirmed", {**value, "status": "confirmed"})
