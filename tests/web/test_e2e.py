"""End to end in headless Chromium against a live server: what an analyst, a viewer, two editors and an
administrator do."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest

from tests.web.helpers import (
    RESOLUTION,
    LiveServer,
    Watch,
    browser_login,
    screenshot,
    seed_case,
    stored_facts,
    stored_history,
)

pytestmark = pytest.mark.slow


@pytest.fixture
def context(browser: Any) -> Any:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    yield context
    context.close()


def _page(context: Any) -> tuple[Any, Watch]:
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page, Watch(page)


def _verdict(page: Any) -> str:
    text: str = page.locator("#verdict .verdict-line").inner_text()
    return text.strip()


def _download(page: Any, link: str, tmp_path: Path) -> Path:
    with page.expect_download() as info:
        page.get_by_role("link", name=link).click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    return target


def test_analyst_journey(live: LiveServer, context: Any, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    page, watch = _page(context)
    base = live.url
    browser_login(page, base, "analyst")
    expect(page.get_by_role("heading", name="No inquiries yet")).to_be_visible()
    screenshot(page, "cases-empty")
    watch.clean("case list (empty)")

    # Open an inquiry.
    page.get_by_role("link", name="New inquiry").click()
    page.get_by_label("Title").fill("Stabilization force: inquiry from the UN")
    page.get_by_label("Operation").fill("UN Assistance Mission (test)")
    page.get_by_label("Requested by").fill("United Nations Secretariat")
    page.get_by_label("Doctrine to apply").select_option("un-principles")
    screenshot(page, "case-new")
    page.get_by_role("button", name="Open the case").click()
    expect(page.get_by_role("heading", name="Stabilization force: inquiry from the UN")).to_be_visible()
    assert "Clarification required" in _verdict(page)
    screenshot(page, "case-overview-new")
    watch.clean("case overview")
    case_url = page.url

    # Export the questionnaire: the files download and open.
    page.get_by_role("link", name="Questionnaire & answers").click()
    expect(page.get_by_role("heading", name="Questions for the requesting party (6)")).to_be_visible()
    xlsx = _download(page, "XLSForm (ODK, KoboToolbox)", tmp_path)
    survey = openpyxl.load_workbook(xlsx)["survey"]
    names = {row[1] for row in survey.iter_rows(values_only=True)}
    assert "consent__main_parties" in names  # consent is asked per party
    markdown = _download(page, "Markdown", tmp_path).read_text()
    assert "Request for clarification" in markdown
    page.get_by_label("Recipient").fill("United Nations Secretariat")
    page.get_by_label("Sent via").fill("note verbale")
    page.get_by_role("button", name="Keep this version").click()
    expect(page.get_by_text("Questionnaire 1 · 6 questions")).to_be_visible()
    note = docx.Document(io.BytesIO(_download(page, "DOCX (note 1)", tmp_path).read_bytes()))
    assert any("impartially" in p.text for p in note.paragraphs)
    screenshot(page, "case-questionnaire")
    watch.clean("questionnaire and exports")

    # Record an answer from the requesting party.
    for fact, value in (
        ("consent.host_state", "true"),
        ("operation.impartial", "true"),
        ("operation.offensive_operations", "false"),
        ("operation.forcible_disarmament", "false"),
    ):
        page.locator(f'input[name="fact:{fact}"][value="{value}"]').check()
    page.get_by_role("button", name="Record the answers").click()
    expect(page.locator("#verdict")).to_be_visible()
    assert "Clarification required" in _verdict(page)
    watch.clean("answers recorded")

    # Upload the resolution; review the proposals next to their quotes.
    page.get_by_role("link", name="Documents").click()
    page.get_by_label("File").set_input_files(str(RESOLUTION))
    page.get_by_role("button", name="Upload and analyse").click()
    expect(page.get_by_role("heading", name="What the analyzer proposes")).to_be_visible()
    assert page.locator("pre.text mark").count() >= 3
    before = _verdict(page)
    assert "(provisional)" in before
    screenshot(page, "document-review")
    watch.clean("document review")

    # Accept three proposals: the verdict is firm, but the force the mandate authorises is still unread.
    for anchor in ("consent-all_parties", "operation-type", "mandate-authority"):
        proposal = page.locator(f"#proposal-{anchor}")
        proposal.get_by_role("button", name="Accept").click()
        expect(page.locator(f"#proposal-{anchor} .badge")).to_have_text("accepted")
    expect(page.locator("#verdict .verdict-line")).to_have_text("? Clarification required")
    watch.clean("accepting proposals")
    # The analyst reads the force from the resolution (self-defence only): the operation is consistent.
    page.goto(f"{case_url}/facts/mandate.use_of_force/edit")
    page.get_by_label("Force authorised by the mandate").select_option("self_defence_only")
    page.get_by_label("Source").fill("S/RES/872 (1993): no use of force authorised")
    with page.expect_navigation():
        page.get_by_role("button", name="Save").click()
    page.wait_for_load_state("networkidle")  # leaving earlier would cancel the facts page's own requests
    page.goto(case_url)
    assert _verdict(page) == "✓ Acceptable"
    screenshot(page, "case-overview-decided")
    watch.clean("case overview after review")

    _visit_main_pages(page, watch, base, case_url)
    _download_brief(page, watch, case_url, tmp_path)


def _visit_main_pages(page: Any, watch: Watch, base: str, case_url: str) -> None:
    from playwright.sync_api import expect

    for name, url, heading in (
        ("case-facts", f"{case_url}/facts", "Consent and political process"),
        ("case-documents", f"{case_url}/documents", "Documents received"),
        ("case-timeline", f"{case_url}/timeline", "Timeline"),
        ("case-position", f"{case_url}/position", "Official position"),
        ("case-compare", f"{case_url}/compare", "across all doctrines"),
        ("cases", f"{base}/cases", "Cases"),
        ("doctrines", f"{base}/doctrines", "Doctrines"),
        ("doctrine-azerbaijan", f"{base}/doctrines/azerbaijan", "Azerbaijan"),
        ("compare", f"{base}/compare", "Compare doctrines"),
    ):
        page.goto(url)
        expect(page.get_by_role("heading", name=heading).first).to_be_visible()
        screenshot(page, name)
        watch.clean(name)
    page.goto(f"{case_url}/timeline")
    assert page.locator(".event-assessment").count() >= 4  # opened, answered, uploaded, two accepted


def _download_brief(page: Any, watch: Watch, case_url: str, tmp_path: Path) -> None:
    """The latest assessment's decision brief downloads as a PDF that states its verdict."""
    from pypdf import PdfReader

    page.goto(f"{case_url}/timeline")
    page.locator(".event-assessment a").first.click()
    brief = PdfReader(_download(page, "Decision brief (PDF)", tmp_path))
    text = "".join(p.extract_text() for p in brief.pages)
    assert "consistent with the principles" in text.lower() and "Sources" in text  # a classification
    watch.clean("decision brief")


def test_viewer_cannot_edit(live: LiveServer, context: Any) -> None:
    from playwright.sync_api import expect

    case_id = seed_case(live.database)
    page, watch = _page(context)
    browser_login(page, live.url, "viewer")
    expect(page.get_by_role("link", name="New inquiry")).to_have_count(0)
    page.goto(f"{live.url}/cases/{case_id}/facts")
    expect(page.get_by_role("heading", name="Consent and political process")).to_be_visible()
    expect(page.get_by_role("link", name="Edit")).to_have_count(0)
    expect(page.locator("main form")).to_have_count(0)
    watch.clean("facts page as viewer")

    page.goto(f"{live.url}/cases/{case_id}/facts/operation.impartial/edit")
    expect(page.get_by_role("heading", name="Not allowed")).to_be_visible()
    screenshot(page, "viewer-not-allowed")
    watch.forget()  # the refusal is the expected 403
    status = page.evaluate(
        """async ([url, token]) => (await fetch(url, {method: 'POST', headers: {'X-CSRF-Token': token,
             'Content-Type': 'application/x-www-form-urlencoded'}, body: 'version=1&value=true'})).status""",
        [f"{live.url}/cases/{case_id}/facts/operation.impartial", _csrf(page)],
    )
    assert status == 403
    assert "operation.impartial" not in stored_facts(live.database, case_id)


def _csrf(page: Any) -> str:
    token: str = page.locator('input[name="csrf_token"]').first.get_attribute("value")
    return token


def test_stale_edit_shows_conflict_and_loses_nothing(live: LiveServer, browser: Any) -> None:
    from playwright.sync_api import expect

    case_id = seed_case(live.database)
    edit = f"{live.url}/cases/{case_id}/facts/operation.impartial/edit"
    first_context, second_context = browser.new_context(), browser.new_context()
    first, first_watch = _page(first_context)
    second, _ = _page(second_context)
    browser_login(first, live.url, "analyst")
    browser_login(second, live.url, "approver")
    first.goto(edit)
    second.goto(edit)

    second.get_by_label("No", exact=True).check()
    second.get_by_label("Source").fill("phone call with the Secretariat")
    second.get_by_role("button", name="Save").click()
    expect(second.locator("#fact-operation\\.impartial")).to_contain_text("no")

    first.get_by_label("Yes", exact=True).check()
    first.get_by_label("Source").fill("note verbale of 12 January")
    first.get_by_role("button", name="Save").click()
    expect(first.get_by_role("alert")).to_contain_text("Someone changed this case while you were editing")
    expect(first.get_by_role("alert")).to_contain_text("no")
    expect(first.get_by_label("Yes", exact=True)).to_be_checked()
    expect(first.get_by_label("Source")).to_have_value("note verbale of 12 January")
    screenshot(first, "conflict")
    first_watch.forget()  # the 409 is the point of this test

    first.get_by_role("button", name="Save").click()
    expect(first.locator("#fact-operation\\.impartial")).to_contain_text("yes")
    assert [r.record["value"] for r in stored_history(live.database, case_id) if r.record] == [False, True]
    first_context.close()
    second_context.close()


def test_admin_adds_an_analyst_who_logs_in(live: LiveServer, browser: Any) -> None:
    from playwright.sync_api import expect

    admin_context, analyst_context = browser.new_context(), browser.new_context()
    page, watch = _page(admin_context)
    browser_login(page, live.url, "admin")
    page.get_by_role("link", name="Users").click()
    expect(page.get_by_role("heading", name="Users", exact=True)).to_be_visible()
    page.get_by_label("Username").fill("nadia")
    page.get_by_label("Name", exact=True).fill("Nadia Karimova")
    page.get_by_label("Role").select_option("analyst")
    page.get_by_role("button", name="Add the user").click()
    expect(page.get_by_text("shown only this once")).to_be_visible()
    password = page.locator("#new-password").inner_text().strip()
    assert page.url == f"{live.url}/admin/users"
    expect(page.get_by_role("row", name="nadia")).to_contain_text("analyst")
    screenshot(page, "admin-users")
    watch.clean("user added")

    other, other_watch = _page(analyst_context)
    other.goto(f"{live.url}/login")
    other.get_by_label("Username").fill("nadia")
    other.get_by_label("Password").fill(password)
    other.get_by_role("button", name="Log in").click()
    other.wait_for_url(f"{live.url}/cases")
    expect(other.locator(".who")).to_contain_text("Nadia Karimova")  # the display name, not the username
    expect(other.get_by_role("link", name="New inquiry")).to_be_visible()  # an analyst
    expect(other.get_by_role("link", name="Users")).to_have_count(0)

    # Her own account: a token shown once, then revoked in place (htmx swaps the token table).
    other.get_by_role("link", name="Your account").click()
    other.get_by_label("Token name").fill("laptop script")
    other.get_by_role("button", name="Create the token").click()
    expect(other.locator("#new-token")).to_contain_text("mgt_")
    assert other.url == f"{live.url}/account"
    screenshot(other, "account")
    other.once("dialog", lambda dialog: dialog.accept())
    other.get_by_role("button", name="Revoke the token laptop script").click()
    expect(other.locator("#tokens")).to_contain_text("revoked")
    other_watch.clean("account and token")

    # The administrator sees her last login and the revoked token.
    page.get_by_role("table").get_by_role("link", name="nadia").click()
    expect(page.get_by_role("heading", name="nadia")).to_be_visible()
    expect(page.locator("#tokens")).to_contain_text("laptop script")
    expect(page.locator("dl.profile")).to_contain_text("UTC")
    screenshot(page, "admin-user")
    watch.clean("user page")
    admin_context.close()
    analyst_context.close()
