"""Pages with a ministry's own doctrine files: listed with their origin, used to open and assess a case."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from missiongate.store import accounts
from missiongate.store import decisions as store_decisions
from missiongate.store import questionnaires as store_questionnaires
from missiongate.store.db import Database
from tests.doctrine.files import ministry_directory
from tests.web.helpers import login, make_app

TITLE = "Ruritania — participation in peace operations"


@pytest.fixture
def app(database: Database, tmp_path: Path) -> FastAPI:
    return make_app(database, tmp_path, doctrines_dir=ministry_directory(tmp_path / "doctrines"))


def test_doctrine_pages_show_file_doctrines_with_their_origin(client: TestClient) -> None:
    login(client, "viewer")
    listing = client.get("/doctrines")
    assert listing.status_code == 200 and TITLE in listing.text
    assert "file <code>ruritania.yaml</code>" in listing.text and "built in" in listing.text
    assert "japan-2027.yaml" not in listing.text and "A doctrine with a mistake" not in listing.text
    detail = client.get("/doctrines/ruritania")
    assert detail.status_code == 200 and "file <code>ruritania.yaml</code>" in detail.text
    assert "Consent of the parties" in detail.text
    assert "built in" in client.get("/doctrines/japan").text
    assert client.get("/doctrines/broken").status_code == 404  # skipped: no doctrine by that id


def test_a_case_opened_with_a_file_doctrine_is_assessed_with_it(
    client: TestClient, database: Database
) -> None:
    csrf = login(client, "analyst")
    form = client.get("/cases/new").text
    assert f'<option value="ruritania">{TITLE} (2026.1, ruritania.yaml)</option>' in form
    opened = client.post(
        "/cases",
        data={"title": "Ruritanian inquiry", "doctrine": "ruritania", "csrf_token": csrf},
        follow_redirects=False,
    )
    assert opened.status_code == 303, opened.text[:300]
    url = opened.headers["location"]
    case_id = int(url.rsplit("/", 1)[1])
    overview = client.get(url)
    assert overview.status_code == 200 and 'href="/doctrines/ruritania"' in overview.text
    edited = client.post(
        f"{url}/facts/consent.host_state",
        data={"value": "false", "source": "host government", "version": "1", "csrf_token": csrf},
        follow_redirects=False,
    )
    assert edited.status_code == 303, edited.text[:300]
    frozen = client.post(f"{url}/questionnaires", data={"csrf_token": csrf}, follow_redirects=False)
    assert frozen.status_code == 303
    compare = client.get(f"{url}/compare")
    assert compare.status_code == 200 and "Ruritania" in compare.text
    with database.read() as session:
        analyst = accounts.Actor.of(accounts.user_by_name(session, "analyst"))  # type: ignore[arg-type]
        assessments, _ = store_decisions.list_assessments(session, analyst, case_id)
        questionnaires = store_questionnaires.list_questionnaires(session, analyst, case_id)
    assert [a.doctrine_id for a in assessments] == ["ruritania", "ruritania"]
    assert [a.verdict for a in assessments] == ["DECLINE", "CLARIFICATION_REQUIRED"]
    assert [q.doctrine_id for q in questionnaires] == ["ruritania"]
    record = client.get(f"{url}/assessments/{assessments[0].id}")
    assert "doctrine ruritania 2026.1" in record.text and assessments[0].doctrine_hash[:12] in record.text
