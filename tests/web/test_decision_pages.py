"""The case's Decision tab: the memo shown from its data, the note's preview (or the declining note's
notice), the offer or why it cannot be made, and the downloads behind each link."""

from __future__ import annotations

import html
import io
import re

from docx import Document
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pypdf import PdfReader

import missiongate
from missiongate.services import cases as case_service
from missiongate.store.db import Database
from tests.web.helpers import ROOT, login, seed_case

GAZA = ROOT / "examples" / "gaza-isf-inquiry.yaml"
LINK = re.compile(r'href="(/cases/\d+/decision/(?:memo|note|offer)\.(?:pdf|docx|md)[^"]*)"')


def _words(page: str) -> str:
    """The page's text without its tags, as a reader sees it."""
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def _import(app: FastAPI, path: str = "gaza-isf-inquiry.yaml") -> int:
    imported = case_service.import_mission(
        app.state.workspace, "analyst", missiongate.load_mission(ROOT / "examples" / path)
    )
    assert imported.case is not None
    return imported.case.id


def test_the_tab_shows_memo_note_and_why_no_offer(app: FastAPI, client: TestClient) -> None:
    case_id = _import(app)
    login(client, "viewer")
    overview = client.get(f"/cases/{case_id}").text
    assert f'<a href="/cases/{case_id}/decision">memo, note and offer</a>' in overview
    response = client.get(f"/cases/{case_id}/decision")
    assert response.status_code == 200
    assert 'aria-current="page">Decision<' in response.text
    text = _words(response.text)
    for words in (
        "Memo to the Minister",
        "Make no commitment yet. Send the note verbale",
        "Offer on conditions",
        "What would change the answer",
        "The facts it rests on",
        "Stated positions and interpretations",
        "presents its compliments to the Embassy of the United States of America",
        "No offer can be made now: questions are still open",
    ):
        assert words in text, words
    assert "courteous declining note" not in text and "mandate.authority" not in text
    links = LINK.findall(response.text)
    # memo and note (in English and in French), 3 formats each
    assert len(links) == 9 and not any("/offer." in link for link in links)


def test_every_download_link_opens(app: FastAPI, client: TestClient) -> None:
    case_id = _import(app)
    login(client, "viewer")
    page = client.get(f"/cases/{case_id}/decision", params={"number": "12/2026", "date": "2026-01-20"}).text
    links = LINK.findall(page)
    assert sum("lang=fr" in link for link in links) == 3  # the note in French, in each format
    for link in links:
        day = "20 janvier 2026" if "lang=fr" in link else "20 January 2026"
        response = client.get(html.unescape(link))
        assert response.status_code == 200, link
        disposition = "inline;" if ".pdf" in link else "attachment;"
        assert response.headers["content-disposition"].startswith(disposition)
        if link.split("?")[0].endswith(".pdf"):
            pages = PdfReader(io.BytesIO(response.content)).pages
            text = " ".join(" ".join(page.extract_text() for page in pages).split())
            assert day in text, link
        elif link.split("?")[0].endswith(".docx"):
            assert Document(io.BytesIO(response.content)).paragraphs
        else:
            assert day in " ".join(response.text.split())  # French dates hold a no-break space
    note = client.get(f"/cases/{case_id}/decision/note.md?number=12%2F2026").text
    assert "No. 12/2026" in note


def test_a_declined_case_says_the_note_declines(app: FastAPI, client: TestClient) -> None:
    case_id = _import(app, "gaza-isf-peace-enforcement.yaml")
    login(client, "viewer")
    text = _words(client.get(f"/cases/{case_id}/decision").text)
    assert "this note is a courteous declining note, not a questionnaire" in text
    assert "is not in a position to contribute forces to the operation" in text
    assert "No offer can be made now: the case is declined" in text
    overview = _words(client.get(f"/cases/{case_id}").text)
    assert "(a courteous declining note: the case is declined)" in overview


def test_a_doctrine_that_only_classifies_explains_itself(client: TestClient, database: Database) -> None:
    case_id = seed_case(database)  # under the UN baseline
    login(client, "viewer")
    response = client.get(f"/cases/{case_id}/decision")
    assert response.status_code == 200
    assert (
        html.unescape(response.text).count("decision documents need a country's participation doctrine") == 3
    )
    memo = client.get(f"/cases/{case_id}/decision/memo.pdf")
    assert memo.status_code == 409 and "participation doctrine" in memo.text


def test_bad_addresses_and_letters(app: FastAPI, client: TestClient) -> None:
    case_id = _import(app)
    login(client, "viewer")
    assert client.get(f"/cases/{case_id}/decision/memo.odt").status_code == 404
    assert client.get(f"/cases/{case_id}/decision/memo.pdf?date=tomorrow").status_code == 422
    assert client.get(f"/cases/{case_id}/decision?number=%07").status_code == 422
    assert client.get(f"/cases/{case_id + 99}/decision").status_code == 404
    client.cookies.clear()
    assert client.get(f"/cases/{case_id}/decision", follow_redirects=False).status_code == 303
