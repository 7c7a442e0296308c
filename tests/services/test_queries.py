"""The reads every face makes, as services: access checked once, whole results (usernames, members,
sign-off) from one snapshot, no session left open for the presenter."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from missiongate.errors import MissionGateError, NotFoundError
from missiongate.services import Workspace, accounts, audit, cases, claims, decisions, documents, queries
from missiongate.services.types import Actor, CaseInput, CaseStatus, Decision, Role
from missiongate.services.workspace import open_existing
from missiongate.settings import Settings
from tests.services.conftest import RESOLUTION


def test_case_reads_check_access_and_return_whole_records(ws: Workspace, actors: dict[Role, Actor]) -> None:
    analyst, viewer = actors[Role.ANALYST], actors[Role.VIEWER]
    case = cases.create_case(ws, analyst, CaseInput(title="Restricted inquiry", restricted=True))
    cases.create_case(ws, analyst, CaseInput(title="Open inquiry"))
    assert [c.title for c in cases.list_cases(ws, viewer)[0]] == ["Open inquiry"]
    with pytest.raises(NotFoundError):
        cases.case_detail(ws, viewer, case.id)
    assert cases.case_detail(ws, analyst, case.id).members == ["analyst"]
    assert cases.list_cases(ws, analyst, status=CaseStatus.CLOSED)[1] == 0
    assert cases.list_cases(ws, analyst, query="Restricted")[1] == 1


def test_facts_and_their_history(ws: Workspace, analyst: Actor) -> None:
    case = cases.create_case(ws, analyst, CaseInput(title="Inquiry"))
    case = cases.set_facts(ws, analyst, case.id, case.version, {"consent.host_state": True})
    cases.set_facts(ws, analyst, case.id, case.version, {"consent.host_state": None})
    found = cases.case_facts(ws, analyst, case.id)
    assert found.facts == {} and found.case.version == case.version + 1
    history = cases.fact_history(ws, analyst, case.id, "consent.host_state")
    assert [r.action for r in history] == ["set", "remove"]
    assert cases.case_mission(ws, analyst, case.id).facts == {}
    with pytest.raises(NotFoundError, match="no fact"):
        cases.fact_history(ws, analyst, case.id, "no.such")


def test_the_assessment_page_has_its_sign_off_and_knows_when_it_is_current(
    ws: Workspace, actors: dict[Role, Actor]
) -> None:
    analyst, approver = actors[Role.ANALYST], actors[Role.APPROVER]
    case = cases.create_case(ws, analyst, CaseInput(title="Inquiry"))
    first = decisions.list_assessments(ws, analyst, case.id)[0][0]
    fresh = decisions.assessment_view(ws, analyst, case.id, first.id)
    assert fresh.current and fresh.signoff is None
    decisions.sign_off(ws, approver, case.id, first.id, Decision.SEEK_CLARIFICATION, "ask first")
    view = decisions.assessment_view(ws, analyst, case.id, first.id)
    assert view.signoff is not None and view.signoff.note == "ask first"
    cases.set_facts(ws, analyst, case.id, None, {"consent.host_state": True})
    assert not decisions.assessment_view(ws, analyst, case.id, first.id).current
    records = queries.case_records(ws, analyst, case.id)
    assert len(records.assessments) == 2 and records.signoffs[0].assessment_id == first.id
    assert records.assessments[0].id > records.assessments[1].id  # newest first


def test_the_comparison_page_lists_choices_and_the_chosen_case(ws: Workspace, analyst: Actor) -> None:
    case = cases.create_case(ws, analyst, CaseInput(title="Inquiry"))
    empty = decisions.compare_page(ws, analyst, None)
    assert [c.id for c in empty.choices] == [case.id] and empty.chosen is None
    chosen = decisions.compare_page(ws, analyst, case.id).chosen
    assert chosen is not None and chosen.case.id == case.id
    assert len(chosen.rows) == len(ws.doctrines.doctrines())


def test_the_review_of_a_document_and_of_one_that_cannot_be_analysed(ws: Workspace, analyst: Actor) -> None:
    case = cases.create_case(ws, analyst, CaseInput(title="UNAMIR"))
    with RESOLUTION.open("rb") as stream:
        upload = documents.Upload("res.txt", "text/plain", stream, kind="mandate")
        stored = documents.upload_document(ws, analyst, case.id, upload, propose=False).document
    review = documents.review(ws, analyst, case.id, stored.id)
    assert review.analysis is not None and review.problem is None and review.proposals
    assert set(documents.document_analysis(ws, analyst, case.id, stored.id).proposed) == set(review.proposals)
    assert (
        documents.get_document(ws, analyst, case.id, stored.id, with_data=True).data
        == RESOLUTION.read_bytes()
    )
    note = documents.Upload("n.png", "image/png", io.BytesIO(b"\x89PNG not an image"), kind="other")
    plain = documents.upload_document(ws, analyst, case.id, note, propose=False).document
    assert documents.review(ws, analyst, case.id, plain.id).problem is not None
    assert [d.id for d in documents.case_documents(ws, analyst, case.id).documents] == [stored.id, plain.id]


def test_accounts_reads_and_login(ws: Workspace, actors: dict[Role, Actor]) -> None:
    admin = actors[Role.ADMIN]
    made = accounts.create_user(ws, admin, "omar", Role.VIEWER, password="a long and fine passphrase")
    assert "omar" in [u.username for u in accounts.users_overview(ws).users]
    refused = accounts.login(ws, "omar", "wrong password", client="10.0.0.1", device=None)
    assert refused.outcome.user is None and refused.raw is None
    done = accounts.login(ws, "omar", "a long and fine passphrase", client="10.0.0.1", device=None)
    assert done.raw is not None and done.session is not None
    found = accounts.resolve_session(ws, done.raw)
    assert found is not None and found[0].id == made.user.id
    assert accounts.account(ws, made.user.id).last_login is not None
    accounts.end_session(ws, Actor.of(made.user), done.raw)
    assert accounts.resolve_session(ws, done.raw) is None


def test_audit_verify_with_an_anchor(ws: Workspace, analyst: Actor) -> None:
    head = audit.verify(ws.db).head_hash
    cases.create_case(ws, analyst, CaseInput(title="Inquiry"))
    assert audit.verify(ws.db, head.upper()).ok  # still in the chain, however it is written
    gone = audit.verify(ws.db, "f" * 64)
    assert not gone.ok and any("anchor" in p for p in gone.problems)
    entries, total = audit.list_entries(ws, action="case.create")
    assert total == 1 and entries[0].target.startswith("case:")


def test_a_claims_page_without_a_position_says_why(ws: Workspace, analyst: Actor) -> None:
    case = cases.create_case(ws, analyst, CaseInput(title="Inquiry", doctrine_id="un-principles"))
    view = claims.claims_view(ws, analyst, case.id)
    assert view.position is None and "names no country" in (view.position_problem or "")
    assert view.case.id == case.id and view.rows == []


def test_workspace_commands_refuse_a_missing_database(tmp_path: Path) -> None:
    with pytest.raises(MissionGateError, match="db upgrade"):
        open_existing(Settings(data_dir=tmp_path / "none"))
