"""The withdrawal alert on the pages: a banner (role "alert") on every case tab and on the case list until an
analyst acknowledges it; the timeline lists the domestic steps, the mandate's dates, the triggers and the
alerts, and records a step as taken. In Chromium: no serious axe violation with the banner shown."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

import missiongate
from missiongate.services import cases as case_service
from missiongate.store import accounts
from missiongate.store.accounts import Actor
from missiongate.store.cases import CaseInput
from missiongate.store.db import Database
from tests.web.a11y import assert_accessible
from tests.web.helpers import ROOT, LiveServer, browser_login, login, make_app

KFOR_LIKE = ROOT / "examples" / "site-protection-chapter7.yaml"
TABS = (
    "",
    "/facts",
    "/documents",
    "/questionnaire",
    "/timeline",
    "/position",
    "/claims",
    "/compare",
    "/paths",
)
BANNER = re.compile(r'<div class="notice error withdrawal-alert" role="alert">(.*?)</div>', re.S)


def _alerted_case(app: FastAPI, database: Database) -> int:
    """A deployed contingent's case whose host has withdrawn consent: one open alert."""
    with database.read() as session:
        user = accounts.user_by_name(session, "analyst")
        assert user is not None
        analyst = Actor.of(user)
    facts = missiongate.load_mission(KFOR_LIKE).to_data()["facts"]
    data = CaseInput(
        title="KFOR-like", doctrine_id="azerbaijan", facts={**facts, "contingent.deployed": True}
    )
    ws = app.state.workspace
    case = case_service.create_case(ws, analyst, data)
    case_service.set_facts(ws, analyst, case.id, None, {"consent.host_state": False})
    return case.id


def test_the_banner_shows_on_every_case_tab_and_the_list(
    app: FastAPI, client: TestClient, database: Database
) -> None:
    case_id = _alerted_case(app, database)
    login(client, "viewer")
    for tab in TABS:
        banner = BANNER.search(client.get(f"/cases/{case_id}{tab}").text)
        assert banner is not None, tab
        assert "Withdrawal required: Consent of the host state" in banner.group(1)
    listing = client.get("/cases").text
    banner = BANNER.search(listing)
    assert banner is not None and f'href="/cases/{case_id}/timeline#alerts">KFOR-like</a>' in banner.group(1)
    assert '<span class="badge v-decline">Withdrawal alert</span>' in listing
    timeline = client.get(f"/cases/{case_id}/timeline").text
    assert "Acknowledge</button>" not in timeline and "Not yet acknowledged." in timeline  # a viewer


def test_an_analyst_acknowledges_and_the_alert_stays_in_the_history(
    app: FastAPI, client: TestClient, database: Database
) -> None:
    case_id = _alerted_case(app, database)
    csrf = login(client, "analyst")
    timeline = client.get(f"/cases/{case_id}/timeline").text
    form = re.search(rf'action="(/cases/{case_id}/alerts/(\d+)/acknowledge)"', timeline)
    assert form is not None
    done = client.post(
        form.group(1), data={"csrf_token": csrf, "note": "Lead informed"}, follow_redirects=False
    )
    assert done.status_code == 303 and done.headers["location"] == f"/cases/{case_id}/timeline#alerts"
    after = client.get(f"/cases/{case_id}/timeline").text
    assert BANNER.search(after) is None and BANNER.search(client.get("/cases").text) is None
    assert "Acknowledged by analyst" in after and "Lead informed" in after
    again = client.post(form.group(1), data={"csrf_token": csrf})
    assert again.status_code == 409


def test_the_timeline_shows_steps_mandate_and_triggers(client: TestClient, app: FastAPI) -> None:
    with app.state.workspace.db.read() as session:
        user = accounts.user_by_name(session, "analyst")
        assert user is not None
    facts = missiongate.load_mission(KFOR_LIKE).to_data()["facts"]
    case = case_service.create_case(
        app.state.workspace, Actor.of(user), CaseInput(title="KFOR-like", doctrine_id="ireland", facts=facts)
    )
    csrf = login(client, "analyst")
    page = client.get(f"/cases/{case.id}/timeline").text
    assert "Decision of the Government on the despatch" in page and "Resolution of Dáil Éireann" in page
    assert (
        "The mandate ends on 31 December 2027" in page and "The mandate provides for periodic review." in page
    )
    assert "not recorded as deployed" in page
    assert page.count("Record as taken</button>") == 2
    taken = client.post(
        f"/cases/{case.id}/steps/dail-resolution/taken",
        data={"csrf_token": csrf, "version": str(case.version)},
        follow_redirects=False,
    )
    assert taken.status_code == 303 and taken.headers["location"].endswith("#step-dail-resolution")
    page = client.get(f"/cases/{case.id}/timeline").text
    assert page.count("Record as taken</button>") == 1 and "<strong>Taken</strong>" in page
    stale = client.post(
        f"/cases/{case.id}/steps/government-decision/taken", data={"csrf_token": csrf, "version": "1"}
    )
    assert stale.status_code == 409
    unknown = client.post(f"/cases/{case.id}/steps/senate/taken", data={"csrf_token": csrf, "version": "2"})
    assert unknown.status_code == 404


@pytest.mark.slow
def test_the_banner_is_accessible(database: Database, tmp_path: Path, browser: Any) -> None:
    from playwright.sync_api import expect

    app = make_app(database, tmp_path)
    case_id = _alerted_case(app, database)
    with LiveServer(app, database) as live:
        page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        browser_login(page, live.url, "analyst")
        assert_accessible(page, "case list with an alert")
        for tab in ("", "/timeline"):
            page.goto(f"{live.url}/cases/{case_id}{tab}")
            expect(page.get_by_role("alert")).to_contain_text("Withdrawal required")
            assert_accessible(page, f"case page {tab or '/'} with an alert")
        page.get_by_label("Note (optional)").fill("Lead informed")
        page.get_by_role("button", name="Acknowledge").click()
        expect(page.get_by_text("Acknowledged by analyst")).to_be_visible()
        expect(page.get_by_role("alert")).to_have_count(0)
        assert_accessible(page, "timeline, alert acknowledged")
        page.context.close()
