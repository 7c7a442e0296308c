"""The case's "Conditions" tab: each condition with its state, a form to record a change, refusals shown on
the form as it was filled in, and (in Chromium) no serious accessibility violation."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

import missiongate
from missiongate.services import cases as case_service
from missiongate.store.db import Database
from tests.web.helpers import ROOT, LiveServer, Watch, browser_login, login, screenshot, stored_facts

EXAMPLE = ROOT / "examples" / "gaza-isf-inquiry.yaml"


def _gaza(app: FastAPI) -> int:
    imported = case_service.import_mission(app.state.workspace, "analyst", missiongate.load_mission(EXAMPLE))
    assert imported.case is not None
    return imported.case.id


def _form(csrf: str, state: str, **extra: str) -> dict[str, str]:
    return {
        "csrf_token": csrf,
        "version": "1",
        "state": state,
        "counterpart": "Embassy of the United States of America",
        "occurred_on": "2026-03-02",
        "channel": "note_verbale",
        "reference": "note No. 12/2026",
        **extra,
    }


def test_the_tab_lists_each_condition_with_its_state(app: FastAPI, client: TestClient) -> None:
    case_id = _gaza(app)
    login(client, "viewer")
    page = client.get(f"/cases/{case_id}/conditions")
    assert page.status_code == 200
    assert 'aria-current="page">Conditions<' in page.text
    assert page.text.count('<article id="condition-C') == 10
    assert "Not stated" in page.text and "to be secured" in page.text
    assert "Record a change" not in page.text  # a viewer reads only


def test_a_form_post_records_and_redirects(app: FastAPI, client: TestClient, database: Database) -> None:
    case_id = _gaza(app)
    csrf = login(client, "analyst")
    page = client.get(f"/cases/{case_id}/conditions").text
    assert "Record a change" in page and "<legend>What happened</legend>" in page
    assert re.search(r'<label for="c-C1-counterpart">', page)
    done = client.post(
        f"/cases/{case_id}/conditions/C1", data=_form(csrf, "accepted"), follow_redirects=False
    )
    assert done.status_code == 303 and done.headers["location"].endswith("/conditions#condition-C1")
    assert stored_facts(database, case_id)["contingent.caveats_accepted"].record["value"] is True
    shown = client.get(f"/cases/{case_id}/conditions").text
    assert "Accepted</span>" in shown and "note No. 12/2026" in shown and "recorded by analyst" in shown


def test_a_refused_change_shows_the_form_again_with_the_reason(app: FastAPI, client: TestClient) -> None:
    case_id = _gaza(app)
    csrf = login(client, "analyst")
    amended = _form(
        csrf, "amended", terms="evacuation by road only", **{"fact:risk.medical_evacuation": "false"}
    )
    answer = client.post(f"/cases/{case_id}/conditions/C6", data=amended)
    assert answer.status_code == 422
    assert "Nothing was recorded for condition C6" in answer.text
    assert "the doctrine refuses this" in answer.text
    assert "evacuation by road only</textarea>" in answer.text  # what was typed is kept
    stale = client.post(f"/cases/{case_id}/conditions/C1", data={**_form(csrf, "stated"), "version": "7"})
    assert stale.status_code == 409 and "The case changed" in stale.text
    unknown = client.post(f"/cases/{case_id}/conditions/A1", data=_form(csrf, "stated"))
    assert unknown.status_code == 404
    with TestClient(app) as viewer:
        viewer_csrf = login(viewer, "viewer")
        refused = viewer.post(f"/cases/{case_id}/conditions/C1", data=_form(viewer_csrf, "stated"))
    assert refused.status_code == 403


@pytest.mark.slow
def test_the_tab_is_accessible(live: LiveServer, browser: Any) -> None:
    from playwright.sync_api import expect

    from tests.web.a11y import assert_accessible

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    watch = Watch(page)
    workspace = live.server.config.app.state.workspace
    imported = case_service.import_mission(workspace, "analyst", missiongate.load_mission(EXAMPLE))
    assert imported.case is not None
    browser_login(page, live.url, "analyst")
    page.goto(f"{live.url}/cases/{imported.case.id}/conditions")
    article = page.locator("#condition-C1")
    article.get_by_text("Record a change").click()
    article.get_by_label("Stated: we communicated it").check()
    article.get_by_role("button", name="Record for C1").click()
    expect(page.locator("#condition-C1 .badge", has_text="Stated")).to_be_visible()
    article.get_by_text("Record a change").click()
    assert_accessible(page, "conditions tab")
    screenshot(page, "conditions-tab")
    watch.clean("conditions tab")
    context.close()
