"""The review of an uploaded document: a document that names another instrument needs an explicit override
before any of its proposals joins the case; derived proposals show every passage they rest on; a proposal
the case already holds says so; unreviewed proposals leave the questionnaire alone."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient

import missiongate
from missiongate.services import cases as case_service
from missiongate.store import accounts
from missiongate.store.accounts import Actor
from missiongate.store.db import Database
from tests.web.helpers import (
    RESOLUTION,
    ROOT,
    form_version,
    login,
    seed_case,
    stored_facts,
    upload_resolution,
)

GAZA = missiongate.load_mission(ROOT / "examples" / "gaza-isf-inquiry.yaml")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
QUESTIONS = re.compile(r"Questions for the requesting party \((\d+)\)")


def test_a_document_of_another_mission_needs_an_explicit_override(app: FastAPI, client: TestClient) -> None:
    imported = case_service.import_mission(app.state.workspace, "analyst", GAZA)
    assert imported.case is not None
    case_id = imported.case.id
    csrf = login(client, "analyst")
    document = upload_resolution(client, csrf, case_id)
    review = client.get(document).text
    assert "This document may not belong to this case" in review
    assert "S/RES/872 (1993)" in review and "S/RES/2803 (2025)" in review
    assert 'name="override" value="yes" required' in review

    accept = f"{document}/proposals/operation.name/accept"
    refused = client.post(accept, data={"csrf_token": csrf, "version": form_version(review)})
    assert refused.status_code == 422
    assert "explicit override" in refused.text
    database = app.state.workspace.db
    assert stored_facts(database, case_id)["operation.name"].status == "proposed"

    overridden = {"csrf_token": csrf, "version": form_version(review), "override": "yes"}
    allowed = client.post(accept, data=overridden)
    assert allowed.status_code == 200
    assert stored_facts(database, case_id)["operation.name"].status == "confirmed"


def test_a_fitting_document_asks_no_override(app: FastAPI, client: TestClient, database: Database) -> None:
    case_id = seed_case(database)
    with database.read() as session:
        user = accounts.user_by_name(session, "analyst")
        assert user is not None
        actor = Actor.of(user)
    case_service.set_facts(
        app.state.workspace, actor, case_id, None, {"mandate.instrument": {"value": "S/RES/872 (1993)"}}
    )
    csrf = login(client, "analyst")
    review = client.get(upload_resolution(client, csrf, case_id)).text
    assert "may not belong" not in review
    assert 'name="override"' not in review
    assert "case holds the same value" in review  # the instrument, entered by hand before
    assert "case holds another value" not in review


def test_derived_proposals_show_every_passage(client: TestClient, database: Database) -> None:
    case_id = seed_case(database)
    csrf = login(client, "analyst")
    review = client.get(upload_resolution(client, csrf, case_id)).text
    tasks = review[review.index('id="proposal-operation-tasks"') :]
    tasks = tasks[: tasks.index("</li>\n")]
    passages = re.search(r"Derived from (\d+) passages", tasks)
    assert passages is not None and int(passages.group(1)) > 1
    assert tasks.count("para.") > 1


def test_unreviewed_proposals_leave_the_questionnaire_alone(app: FastAPI, client: TestClient) -> None:
    imported = case_service.import_mission(app.state.workspace, "analyst", GAZA)
    assert imported.case is not None
    case_id = imported.case.id
    csrf = login(client, "analyst")
    before = QUESTIONS.search(client.get(f"/cases/{case_id}/questionnaire").text)
    review = client.get(upload_resolution(client, csrf, case_id)).text
    assert "awaiting review" in review  # proposals were made, none accepted
    after = QUESTIONS.search(client.get(f"/cases/{case_id}/questionnaire").text)
    assert before is not None and after is not None
    assert after.group(1) == before.group(1)


def test_a_word_file_is_analysed(client: TestClient, database: Database, tmp_path: Path) -> None:
    import docx

    word = docx.Document()
    for paragraph in RESOLUTION.read_text(encoding="utf-8").split("\n\n"):
        word.add_paragraph(re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", paragraph))  # page breaks
    target = tmp_path / "resolution-872.docx"
    word.save(str(target))
    case_id = seed_case(database)
    csrf = login(client, "analyst")
    response = client.post(
        f"/cases/{case_id}/documents",
        data={"csrf_token": csrf},
        files={"file": (target.name, target.read_bytes(), DOCX)},
    )
    assert response.status_code == 200
    assert "kept but not analysed" not in response.text
    assert "awaiting review" in response.text
    assert "<mark" in response.text


def test_a_file_not_analysed_says_why_in_words(client: TestClient, database: Database) -> None:
    from missiongate.store.models import Document
    from missiongate.store.proposals import _analyse

    problem = _analyse(Document(content_type="image/png", data=b"", filename="map.png"))
    assert isinstance(problem, str)
    assert "image/png" in problem and "PDF, Word (DOCX), HTML, XML and plain text" in problem
