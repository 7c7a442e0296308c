"""What the case pages say: the approver chooses the decision, one vocabulary with the brief, labels rather
than fact ids, the user's name, an imported case with its verdict, rule tests in the rule's own words."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient

import missiongate
from missiongate.documents.context import DECISION_TEXT, POSITION_TEXT
from missiongate.services import cases as case_service
from missiongate.store import accounts
from missiongate.store.db import Database
from missiongate.web.render import DECISIONS, POSITIONS, templates
from tests.web.helpers import ROOT, login, seed_case

EXAMPLE = ROOT / "examples" / "gaza-isf-inquiry.yaml"


def test_sign_off_preselects_no_decision(client: TestClient, database: Database) -> None:
    case_id = seed_case(database)
    csrf = login(client, "approver")
    record = re.search(r"/assessments/(\d+)", client.get(f"/cases/{case_id}/timeline").text)
    assert record is not None
    url = f"/cases/{case_id}/assessments/{record.group(1)}"
    form = client.get(url).text
    select = form[form.index('<select id="decision"') : form.index("</select>", form.index('id="decision"'))]
    assert " required" in select
    assert re.findall(r"<option[^>]*selected[^>]*>", select) == ['<option value="" selected disabled>']
    refused = client.post(f"{url}/signoff", data={"csrf_token": csrf, "note": "no choice made"})
    assert refused.status_code == 422
    assert "Signed off as the decision" not in client.get(url).text


def test_pages_and_brief_share_one_vocabulary(client: TestClient, database: Database) -> None:
    assert POSITIONS == POSITION_TEXT
    assert DECISIONS == DECISION_TEXT
    case_id = seed_case(database)
    login(client, "approver")
    assert "Under consideration" in client.get(f"/cases/{case_id}/position").text
    assert "Considering<" not in client.get(f"/cases/{case_id}/position").text


def test_header_names_the_user_and_an_imported_case_is_assessed(
    app: FastAPI, client: TestClient, database: Database
) -> None:
    with database.write() as session:
        user = accounts.user_by_name(session, "analyst")
        assert user is not None
        user.display_name = "Leyla Mammadova"
    imported = case_service.import_mission(app.state.workspace, "analyst", missiongate.load_mission(EXAMPLE))
    assert imported.case is not None
    login(client, "analyst")
    listing = client.get("/cases").text
    assert "Leyla Mammadova" in listing
    assert "Not assessed" not in listing
    assert "Clarification required" in listing


def test_a_failing_test_inside_an_open_condition_is_not_shown_as_not_met(tmp_path: Path) -> None:
    rule = {
        "id": "C9",
        "title": "Withdrawal on notice",
        "kind": "condition",
        "kind_text": "condition of participation",
        "status": "undetermined",
        "effect_text": "to be secured",
        "deciding": True,
        "rationale": "",
        "basis_text": "stated by the source",
        "source": "",
        "informed_by": None,
        "findings": [
            {"fact": "a", "test": "Notice period agreed", "met": False},
            {"fact": "b", "test": "Withdrawal right recognised", "met": None},
        ],
    }
    report = {"rules": [rule], "conditions": [], "risks": [], "provisional_because": [], "parties": []}
    body = templates.env.from_string('{% from "macros.html" import report_body %}{{ report_body(r) }}')
    html = body.render(r=report, csrf="")
    assert "not met" not in html
    assert "does not hold" in html
    assert "to be secured" in html
