"""Documents through the services: upload checks, proposals with a version check, pending-only decisions."""

from __future__ import annotations

import io

import pytest

from missiongate.errors import (
    ConflictError,
    MissionGateError,
    NotAnalysableError,
    TooLargeError,
    UnsupportedTypeError,
)
from missiongate.services import Workspace, cases, documents
from missiongate.store import cases as stored
from missiongate.store import decisions as store_decisions
from missiongate.store import documents as store_documents
from missiongate.store.accounts import Actor
from missiongate.store.cases import CaseInput
from missiongate.store.models import Case
from tests.services.conftest import RESOLUTION


def _upload(data: bytes, content_type: str = "text/plain", name: str = "res.txt") -> documents.Upload:
    return documents.Upload(name, content_type, io.BytesIO(data), kind="mandate")


def _case(ws: Workspace, analyst: Actor) -> Case:
    return cases.create_case(ws, analyst, CaseInput(title="Inquiry", doctrine_id="un-principles"))


def _count(ws: Workspace, analyst: Actor, case_id: int) -> int:
    with ws.db.read() as session:
        return store_decisions.list_assessments(session, analyst, case_id)[1]


def test_upload_with_proposals_adds_facts_and_reassesses(ws: Workspace, analyst: Actor) -> None:
    case = _case(ws, analyst)
    uploaded = documents.upload_document(
        ws, analyst, case.id, _upload(RESOLUTION.read_bytes()), propose=True, expected=case.version
    )
    assert uploaded.proposed is not None and uploaded.proposed.added
    assert _count(ws, analyst, case.id) == 2


def test_upload_with_proposals_checks_the_version(ws: Workspace, analyst: Actor) -> None:
    case = _case(ws, analyst)
    cases.set_facts(ws, analyst, case.id, case.version, {"consent.host_state": True})
    with pytest.raises(ConflictError):
        documents.upload_document(
            ws, analyst, case.id, _upload(RESOLUTION.read_bytes()), propose=True, expected=case.version
        )
    with ws.db.read() as session:
        assert store_documents.list_documents(session, analyst, case.id) == []  # nothing half-kept


def test_plain_upload_keeps_the_file_only(ws: Workspace, analyst: Actor) -> None:
    case = _case(ws, analyst)
    uploaded = documents.upload_document(ws, analyst, case.id, _upload(b"a note"), propose=False)
    assert uploaded.proposed is None and uploaded.document.size == 6
    assert _count(ws, analyst, case.id) == 1


def test_uploads_are_refused_by_type_and_size(ws: Workspace, analyst: Actor) -> None:
    case = _case(ws, analyst)
    with pytest.raises(UnsupportedTypeError):
        documents.upload_document(ws, analyst, case.id, _upload(b"MZ", "application/x-exe"), propose=False)
    with pytest.raises(TooLargeError):
        documents.upload_document(ws, analyst, case.id, _upload(b"x" * (65 * 1024)), propose=False)


def test_analysis_and_proposals_of_a_stored_document(ws: Workspace, analyst: Actor) -> None:
    case = _case(ws, analyst)
    stored = documents.upload_document(ws, analyst, case.id, _upload(RESOLUTION.read_bytes()), propose=False)
    document, analysis = documents.analyse(ws, analyst, case.id, stored.document.id)
    assert document.id == stored.document.id and analysis.structure.text
    _, first = documents.propose(ws, analyst, case.id, document.id)
    _, again = documents.propose(ws, analyst, case.id, document.id)
    assert first.added and not again.added and again.unchanged == first.added
    assert _count(ws, analyst, case.id) == 2  # the second call changed nothing, so no new assessment


def test_a_scan_cannot_be_analysed(ws: Workspace, analyst: Actor) -> None:
    case = _case(ws, analyst)
    png = documents.upload_document(ws, analyst, case.id, _upload(b"\x89PNG", "image/png"), propose=False)
    with pytest.raises(NotAnalysableError):
        documents.analyse(ws, analyst, case.id, png.document.id)
    with pytest.raises(NotAnalysableError):
        documents.propose(ws, analyst, case.id, png.document.id)


def test_proposals_are_decided_only_while_pending(ws: Workspace, analyst: Actor) -> None:
    case = _case(ws, analyst)
    uploaded = documents.upload_document(
        ws, analyst, case.id, _upload(RESOLUTION.read_bytes()), propose=True, expected=case.version
    )
    assert uploaded.proposed is not None
    first, second = uploaded.proposed.added[:2]
    doc = uploaded.document.id
    case = documents.accept_proposal(ws, analyst, case.id, doc, first, uploaded.proposed.case.version)
    with pytest.raises(MissionGateError, match="no longer pending; nothing was accepted"):
        documents.accept_proposal(ws, analyst, case.id, doc, first, case.version)
    with pytest.raises(ConflictError):  # a stale page is a conflict before anything else
        documents.reject_proposal(ws, analyst, case.id, doc, second, case.version - 1)
    case = documents.reject_proposal(ws, analyst, case.id, doc, second, case.version)
    with pytest.raises(MissionGateError, match="no longer pending; nothing was removed"):
        documents.reject_proposal(ws, analyst, case.id, doc, second, case.version)
    with ws.db.read() as session:
        facts = stored.case_facts(session, stored.get_case(session, analyst, case.id))
    assert documents.proposal_state(facts.get(first), doc) == "accepted"
    assert documents.proposal_state(facts.get(second), doc) == "rejected"
    assert documents.proposal_state(facts.get(first), doc + 1) == "superseded"
