"""A ministry's own doctrine files in the workspace: listed with their origin, used to open and assess."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.doctrine.files import ministry_directory, write_doctrine

import missiongate
from missiongate.server.app import create_app
from missiongate.settings import Settings
from missiongate.store.db import Database
from missiongate.store.models import Role

H = dict[str, str]
ARTICLE = (
    "Azerbaijan has agreed to send troops to the International Stabilization Force in Gaza, "
    "a US envoy told reporters on Monday."
)


@pytest.fixture
def doctrines_dir(tmp_path: Path) -> Path:
    return ministry_directory(tmp_path / "doctrines")


@pytest.fixture
def settings(settings: Settings, doctrines_dir: Path) -> Settings:
    return settings.model_copy(update={"doctrines_dir": doctrines_dir})


def _problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    return body


def _open(client: TestClient, analyst: H, doctrine: str, **fields: Any) -> dict[str, Any]:
    body = {"title": "Ruritanian inquiry", "doctrine": doctrine, **fields}
    response = client.post("/api/cases", json=body, headers=analyst)
    assert response.status_code == 201, response.text
    case: dict[str, Any] = response.json()
    return case


def test_doctrines_list_builtin_and_file_doctrines_with_their_origin(
    client: TestClient, tokens: dict[Role, H]
) -> None:
    listed = client.get("/api/doctrines", headers=tokens[Role.VIEWER])
    assert listed.status_code == 200
    origins = {row["id"]: row["origin"] for row in listed.json()}
    builtin = {doctrine_id: "builtin" for doctrine_id in missiongate.builtin_ids()}
    assert origins == {**builtin, "ruritania": "ruritania.yaml"}  # broken.yaml, japan-2027.yaml: rejected
    ruritania = next(row for row in listed.json() if row["id"] == "ruritania")
    assert ruritania["country"] == "RUR" and ruritania["version"] == "2026.1" and ruritania["rules"] > 0
    one = client.get("/api/doctrines/ruritania", headers=tokens[Role.VIEWER]).json()
    assert one["origin"] == "ruritania.yaml" and one["content_hash"] == ruritania["content_hash"]
    japan = client.get("/api/doctrines/japan", headers=tokens[Role.VIEWER]).json()
    assert japan["origin"] == "builtin"
    assert japan["content_hash"] == missiongate.load_builtin("japan").content_hash  # not shadowed
    _problem(client.get("/api/doctrines/broken", headers=tokens[Role.VIEWER]), 404)


def test_a_case_opened_and_assessed_with_a_file_doctrine(client: TestClient, analyst: H) -> None:
    doctrine = client.get("/api/doctrines/ruritania", headers=analyst).json()
    facts = {"consent.host_state": {"value": False, "source": "statement of the host government"}}
    case = _open(client, analyst, "ruritania", facts=facts)
    assert case["doctrine"] == "ruritania"
    url = f"/api/cases/{case['id']}"
    assessed = client.post(f"{url}/assessments", json={}, headers=analyst)
    assert assessed.status_code == 201, assessed.text
    record = assessed.json()
    assert (record["doctrine"], record["doctrine_version"], record["doctrine_hash"]) == (
        "ruritania",
        "2026.1",
        doctrine["content_hash"],
    )
    assert record["report"]["doctrine"]["id"] == "ruritania"
    # The file holds the UN baseline's rules, so it decides as the built-in baseline does.
    baseline = client.post(f"{url}/assessments", json={"doctrine": "un-principles"}, headers=analyst).json()
    assert record["verdict"] == baseline["verdict"] == "DECLINE"
    assert record["report"]["deciding_rules"] == baseline["report"]["deciding_rules"]
    assert client.get(url, headers=analyst).json()["latest_verdict"] == "DECLINE"
    questionnaire = client.post(f"{url}/questionnaires", json={}, headers=analyst)
    assert questionnaire.status_code == 201 and questionnaire.json()["doctrine"] == "ruritania"
    compared = {row["doctrine"]: row for row in client.get(f"{url}/compare", headers=analyst).json()}
    assert set(compared) == {*missiongate.builtin_ids(), "ruritania"}
    assert compared["ruritania"]["verdict"] == "DECLINE"


def test_a_case_can_switch_to_a_file_doctrine(client: TestClient, analyst: H) -> None:
    case = _open(client, analyst, "japan")
    url = f"/api/cases/{case['id']}"
    patched = client.patch(url, json={"doctrine": "ruritania"}, headers={**analyst, "If-Match": '"v1"'})
    assert patched.status_code == 200 and patched.json()["doctrine"] == "ruritania"
    refused = client.patch(url, json={"doctrine": "broken"}, headers={**analyst, "If-Match": "*"})
    assert "unknown doctrine 'broken'" in _problem(refused, 422)["detail"]


def test_rejected_and_unknown_doctrines_stay_422_problems(client: TestClient, analyst: H) -> None:
    for doctrine in ("broken", "narnia"):
        body = _problem(
            client.post("/api/cases", json={"title": "x", "doctrine": doctrine}, headers=analyst), 422
        )
        assert f"unknown doctrine {doctrine!r}" in body["detail"] and "ruritania" in body["detail"]
    case = _open(client, analyst, "ruritania")
    refused = client.post(
        f"/api/cases/{case['id']}/assessments", json={"doctrine": "broken"}, headers=analyst
    )
    _problem(refused, 422)
    assert client.get("/api/cases", headers=analyst).json()["total"] == 1


def test_an_edited_file_shows_in_the_records_made_after_the_restart(
    client: TestClient, analyst: H, settings: Settings, database: Database, doctrines_dir: Path
) -> None:
    case = _open(client, analyst, "ruritania")
    url = f"/api/cases/{case['id']}/assessments"
    first = client.post(url, json={}, headers=analyst).json()
    write_doctrine(doctrines_dir, "ruritania.yaml", "ruritania", version="2026.2", country="RUR")
    unchanged = client.post(url, json={}, headers=analyst).json()  # files are read once, at start
    assert (unchanged["doctrine_version"], unchanged["doctrine_hash"]) == (
        first["doctrine_version"],
        first["doctrine_hash"],
    )
    with TestClient(create_app(settings, database)) as restarted:
        later = restarted.post(url, json={}, headers=analyst).json()
        kept = restarted.get(f"{url}/{first['id']}", headers=analyst).json()
    assert later["doctrine"] == "ruritania" and later["doctrine_version"] == "2026.2"
    assert later["doctrine_hash"] != first["doctrine_hash"]
    assert (kept["doctrine_version"], kept["doctrine_hash"]) == ("2026.1", first["doctrine_hash"])
    assert kept["report"] == first["report"]


@pytest.fixture
def azerbaijan_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "azerbaijan"
    write_doctrine(directory, "azerbaijan-2027.yaml", "azerbaijan-2027", country="AZE")
    return directory


def test_claims_are_checked_for_the_country_of_a_file_doctrine(
    settings: Settings, database: Database, tokens: dict[Role, H], azerbaijan_dir: Path
) -> None:
    analyst, approver = tokens[Role.ANALYST], tokens[Role.APPROVER]
    app = create_app(settings.model_copy(update={"doctrines_dir": azerbaijan_dir}), database)
    with TestClient(app) as client:
        case = _open(client, analyst, "azerbaijan-2027", title="International Stabilization Force, Gaza")
        url = f"/api/cases/{case['id']}"
        position = {"position": "considering", "stated_on": "2026-01-05", "statement": "Under study."}
        assert client.post(f"{url}/positions", json=position, headers=approver).status_code == 201
        checked = client.post(f"{url}/claims/check", json={"text": ARTICLE}, headers=analyst)
    assert checked.status_code == 201, checked.text
    assert checked.json()["contradicts"] == 1 and checked.json()["items"][0]["country"] == "AZE"


def test_an_unusable_doctrines_directory_stops_the_start(
    settings: Settings, database: Database, tmp_path: Path
) -> None:
    missing = settings.model_copy(update={"doctrines_dir": tmp_path / "no-such-directory"})
    with pytest.raises(missiongate.MissionGateError, match="doctrines directory does not exist"):
        create_app(missing, database)
