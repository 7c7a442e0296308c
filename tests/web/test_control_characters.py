"""A form with a control character in a text (title, fact, statement, recipient, pasted claims) stores
nothing and comes back as 422 with the reason and what was entered; before, the new-case form stored it."""

from __future__ import annotations

import html
import re

from fastapi.testclient import TestClient

from missiongate.store import accounts, cases, claims, decisions, documents, questionnaires
from missiongate.store.db import Database
from tests.web.helpers import form_version, login, seed_case

ARTICLE = "Azerbaijan has agreed to send troops to the stabilization force in Gaza, a US envoy said."


def _alert(text: str) -> str:
    found = re.search(r'role="alert">(.*?)</div>', text, re.S)
    assert found is not None, text[:500]
    return html.unescape(found.group(1))


def _analyst(database: Database) -> accounts.Actor:
    with database.read() as session:
        user = accounts.user_by_name(session, "analyst")
        assert user is not None
        return accounts.Actor.of(user)


def test_a_case_titled_with_a_control_character_is_refused(client: TestClient, database: Database) -> None:
    csrf = login(client, "analyst")
    form = {"csrf_token": csrf, "title": "Bell\x07 inquiry", "doctrine": "azerbaijan", "channel": "note"}
    response = client.post("/cases", data=form, follow_redirects=False)
    assert response.status_code == 422
    assert "title: contains the control character U+0007" in _alert(response.text)
    assert 'value="note"' in response.text and '<option value="azerbaijan" selected>' in response.text
    with database.read() as session:
        assert cases.list_cases(session, _analyst(database))[1] == 0


def test_a_fact_value_with_a_control_character_is_refused(client: TestClient, database: Database) -> None:
    case_id = seed_case(database)
    csrf = login(client, "analyst")
    edit = client.get(f"/cases/{case_id}/facts/request.requesting_party/edit").text
    form = {"csrf_token": csrf, "version": form_version(edit), "value": "United\x1b Nations"}
    form["source"] = "note"
    response = client.post(f"/cases/{case_id}/facts/request.requesting_party", data=form)
    assert response.status_code == 422 and "U+001B" in response.text
    with database.read() as session:
        case = cases.get_case(session, _analyst(database), case_id)
        assert "request.requesting_party" not in cases.case_facts(session, case)


def test_a_position_statement_with_a_control_character_is_kept_on_the_form(
    client: TestClient, database: Database
) -> None:
    case_id = seed_case(database)
    csrf = login(client, "approver")
    form = {
        "csrf_token": csrf,
        "position": "declined",
        "stated_on": "2026-01-05",
        "statement": "We decline.\x08",
        "source": "press release",
    }
    response = client.post(f"/cases/{case_id}/position", data=form, follow_redirects=False)
    assert response.status_code == 422
    assert "statement: contains the control character U+0008" in _alert(response.text)
    assert "We decline." in response.text and 'value="press release"' in response.text
    with database.read() as session:
        assert decisions.list_positions(session, _analyst(database), case_id) == []


def test_a_recipient_on_two_lines_keeps_no_version(client: TestClient, database: Database) -> None:
    case_id = seed_case(database, doctrine="azerbaijan")
    csrf = login(client, "analyst")
    form = {"csrf_token": csrf, "channel": "note verbale", "recipient": "Embassy\r\nof Example"}
    response = client.post(f"/cases/{case_id}/questionnaires", data=form, follow_redirects=False)
    assert response.status_code == 422
    assert "recipient: must be one line" in _alert(response.text)
    assert 'value="note verbale"' in response.text
    with database.read() as session:
        assert questionnaires.list_questionnaires(session, _analyst(database), case_id) == []


def test_pasted_claims_with_a_control_character_are_kept_on_the_form(
    client: TestClient, database: Database
) -> None:
    case_id = seed_case(database, doctrine="azerbaijan")
    csrf = login(client, "analyst")
    text = ARTICLE.replace("troops", "troops\x07")
    response = client.post(
        f"/cases/{case_id}/claims", data={"csrf_token": csrf, "text": text}, follow_redirects=False
    )
    assert response.status_code == 422 and "U+0007" in _alert(response.text)
    assert "stabilization force in Gaza" in response.text
    with database.read() as session:
        assert claims.list_claims(session, _analyst(database), case_id)[1] == 0


def test_a_sign_off_note_with_a_control_character_is_kept_on_the_form(
    client: TestClient, database: Database
) -> None:
    case_id = seed_case(database)
    csrf = login(client, "approver")
    record = re.search(r"/assessments/(\d+)", client.get(f"/cases/{case_id}/timeline").text)
    assert record is not None
    url = f"/cases/{case_id}/assessments/{record.group(1)}"
    form = {"csrf_token": csrf, "decision": "decline", "note": "Minister\x07 agreed"}
    response = client.post(f"{url}/signoff", data=form, follow_redirects=False)
    assert response.status_code == 422
    assert "U+0007" in _alert(response.text)
    assert '<option value="decline" selected>' in response.text and "Minister" in response.text
    assert "Signed off as the decision" not in client.get(url).text


def test_an_upload_note_with_a_control_character_keeps_nothing_and_shows_the_form(
    client: TestClient, database: Database
) -> None:
    case_id = seed_case(database)
    csrf = login(client, "analyst")
    response = client.post(
        f"/cases/{case_id}/documents",
        data={"csrf_token": csrf, "kind": "inquiry", "note": "from the\x1b embassy"},
        files={"file": ("inquiry.txt", b"The Government requests a contribution.", "text/plain")},
        follow_redirects=False,
    )
    assert response.status_code == 422
    assert "U+001B" in _alert(response.text)
    assert '<option value="inquiry" selected>' in response.text and "embassy" in response.text
    with database.read() as session:
        assert documents.list_documents(session, _analyst(database), case_id) == []
