"""In headless Chromium: the case's Decision tab passes axe, and its "Memo (PDF)" link opens the case's
memo in Chromium's PDF viewer, with its title and every page."""

from __future__ import annotations

import io
from typing import Any

import pytest
from pypdf import PdfReader

import missiongate
from missiongate.services import cases as case_service
from tests.web.a11y import assert_accessible
from tests.web.helpers import (
    PDF_TOOLBAR,
    ROOT,
    LiveServer,
    Watch,
    browser_login,
    pdf_viewer,
    poll,
    screenshot,
)

pytestmark = pytest.mark.slow


def test_the_case_memo_pdf_opens_in_chromium(live: LiveServer, browser: Any) -> None:
    from playwright.sync_api import expect

    workspace = live.server.config.app.state.workspace
    mission = missiongate.load_mission(ROOT / "examples" / "gaza-isf-inquiry.yaml")
    imported = case_service.import_mission(workspace, "analyst", mission)
    assert imported.case is not None
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    watch = Watch(page)
    browser_login(page, live.url, "viewer")
    page.goto(f"{live.url}/cases/{imported.case.id}")
    page.get_by_role("link", name="memo, note and offer").click()
    expect(page.get_by_role("heading", name="Memo to the Minister")).to_be_visible()
    page.get_by_text("Preview of the note").click()
    expect(page.get_by_text("presents its compliments").first).to_be_visible()
    assert_accessible(page, "decision tab")
    screenshot(page, "decision-tab")
    watch.clean("decision tab")
    link = page.get_by_role("link", name="Memo (PDF)")
    pdf = context.request.get(f"{live.url}{link.get_attribute('href')}").body()
    link.click()
    viewer = pdf_viewer(page)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert poll(page, lambda: viewer.evaluate(f"{PDF_TOOLBAR}?.docLength ?? 0")) == pages > 1
    title = viewer.evaluate(f"{PDF_TOOLBAR}.shadowRoot.querySelector('#title').textContent")
    assert title == f"Memo to the Minister: {mission.title}"
    screenshot(page, "decision-memo-pdf")
    context.close()
