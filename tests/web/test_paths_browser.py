"""In headless Chromium: the overview loads the "Path to yes" panel, and choosing a doctrine swaps it."""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.helpers import LiveServer, Watch, browser_login, screenshot, seed_case

pytestmark = pytest.mark.slow


def test_path_to_yes_panel_loads_and_swaps(live: LiveServer, browser: Any) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    watch = Watch(page)
    case_id = seed_case(live.database)
    browser_login(page, live.url, "viewer")
    page.goto(f"{live.url}/cases/{case_id}")
    panel = page.locator("#path-to-yes")
    expect(panel.get_by_role("heading", name="Path to yes under UN baseline")).to_be_visible()
    panel.get_by_label("Doctrine").select_option("azerbaijan")
    panel.get_by_role("button", name="Show").click()
    expect(page.get_by_role("heading", name="Path to yes under Azerbaijan")).to_be_visible()
    expect(page.locator("#path-to-yes li", has_text="Protection of strategic sites").first).to_be_visible()
    assert page.url.endswith(f"/cases/{case_id}")  # swapped in place
    screenshot(page, "path-to-yes-panel")
    page.goto(f"{live.url}/cases/{case_id}/forcegen")
    expect(page.get_by_role("heading", name="Mandate designer")).to_be_visible()
    screenshot(page, "force-generation")
    watch.clean("path to yes and force generation")
    context.close()
