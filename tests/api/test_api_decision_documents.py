"""The memo, the note verbale and the offer over the API: formats, file names, the declining note's
header, refusals as problem documents; DOCX read back with python-docx, PDF with pypdf."""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from fastapi.testclient import TestClient
from pypdf import PdfReader

from missiongate.store.models import Role

H = dict[str, str]
PROBLEM = "application/problem+json"


def _pdf_text(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split())


def test_the_memo_in_three_formats(
    client: TestClient, tokens: dict[Role, H], example_case: dict[str, Any]
) -> None:
    url, viewer = f"/api/cases/{example_case['id']}/memo", tokens[Role.VIEWER]
    md = client.get(url, params={"date": "2026-01-20"}, headers=viewer)
    assert md.status_code == 200 and md.headers["content-type"] == "text/markdown; charset=utf-8"
    assert md.text.startswith("# Memo to the Minister") and "> **Example data**" in md.text
    assert "*20 January 2026 — Government of Azerbaijan" in md.text
    assert f'filename="memo-case-{example_case["id"]}.md"' in md.headers["content-disposition"]
    docx = client.get(url, params={"format": "docx"}, headers=viewer)
    assert docx.headers["content-type"].startswith("application/vnd.openxmlformats")
    paragraphs = [p.text for p in Document(io.BytesIO(docx.content)).paragraphs]
    assert any(p.startswith("Memo to the Minister: International Stabilization Force") for p in paragraphs)
    assert any(p.startswith("Make no commitment yet.") for p in paragraphs)
    pdf = client.get(url, params={"format": "pdf"}, headers=viewer)
    assert pdf.headers["content-type"] == "application/pdf"
    text = _pdf_text(pdf.content)
    assert "Memo to the Minister" in text and "Annex B: the rule-by-rule report" in text


def test_the_note_and_the_refused_offer(
    client: TestClient, tokens: dict[Role, H], example_case: dict[str, Any]
) -> None:
    url, viewer = f"/api/cases/{example_case['id']}", tokens[Role.VIEWER]
    note = client.get(f"{url}/note", params={"format": "pdf", "number": "12/2026"}, headers=viewer)
    assert note.status_code == 200 and note.headers["x-note-kind"] == "questions"
    text = _pdf_text(note.content)
    assert "No. 12/2026" in text and "presents its compliments to the Embassy of the United States" in text
    assert "International Stabilization Force authorised by Security Council resolution 2803 (2025)" in text
    offer = client.get(f"{url}/offer", params={"format": "docx"}, headers=viewer)
    assert offer.status_code == 409 and offer.headers["content-type"] == PROBLEM
    assert offer.json()["detail"].startswith("questions are still open")


def test_a_declined_case_gets_the_declining_note(
    client: TestClient, tokens: dict[Role, H], analyst: H, example_case: dict[str, Any]
) -> None:
    url = f"/api/cases/{example_case['id']}"
    changed = client.put(
        f"{url}/facts/operation.type",
        json={"value": "peace_enforcement"},
        headers={**analyst, "If-Match": "*"},
    )
    assert changed.status_code == 200, changed.text
    note = client.get(f"{url}/note", params={"format": "docx", "to": "Embassy of France"}, headers=analyst)
    assert note.status_code == 200 and note.headers["x-note-kind"] == "declining"
    paragraphs = [p.text for p in Document(io.BytesIO(note.content)).paragraphs]
    assert any("is not in a position to contribute forces" in p for p in paragraphs)
    assert any("presents its compliments to the Embassy of France" in p for p in paragraphs)
    assert not any(p.split(".")[0].isdigit() for p in paragraphs)  # no numbered question
    offer = client.get(f"{url}/offer", headers=analyst)
    assert offer.status_code == 409 and "the case is declined" in offer.json()["detail"]


def test_bad_requests_are_problems(
    client: TestClient, tokens: dict[Role, H], example_case: dict[str, Any]
) -> None:
    url, viewer = f"/api/cases/{example_case['id']}", tokens[Role.VIEWER]
    for path, params, status in (
        ("memo", {"format": "odt"}, 422),
        ("memo", {"date": "2026-02-30"}, 422),
        ("note", {"number": "1\x07"}, 422),
        ("note", {"to": "x" * 301}, 422),
    ):
        response = client.get(f"{url}/{path}", params=params, headers=viewer)
        assert response.status_code == status and response.headers["content-type"] == PROBLEM, (path, params)
    missing = client.get(f"/api/cases/{example_case['id'] + 99}/memo", headers=viewer)
    assert missing.status_code == 404 and missing.headers["content-type"] == PROBLEM
    assert client.get(f"{url}/memo").status_code == 401


def test_the_operations_are_documented(client: TestClient) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    for name in ("memo", "note", "offer"):
        operation = paths[f"/api/cases/{{case_id}}/{name}"]["get"]
        assert operation["summary"] and set(operation["responses"]["200"]["content"]) == {
            "text/markdown; charset=utf-8",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/pdf",
        }
        assert {"404", "409", "422"} <= set(operation["responses"])
    assert "X-Note-Kind" in paths["/api/cases/{case_id}/note"]["get"]["responses"]["200"]["headers"]


def test_the_note_in_french(client: TestClient, tokens: dict[Role, H], example_case: dict[str, Any]) -> None:
    url, viewer = f"/api/cases/{example_case['id']}/note", tokens[Role.VIEWER]
    french = client.get(url, params={"lang": "fr", "format": "docx", "number": "12/2026"}, headers=viewer)
    assert french.status_code == 200 and french.headers["x-note-kind"] == "questions"
    assert f'filename="note-case-{example_case["id"]}-fr.docx"' in french.headers["content-disposition"]
    text = "\n".join(p.text for p in Document(io.BytesIO(french.content)).paragraphs)
    assert "présente ses compliments à l'Ambassade des États-Unis d'Amérique" in text
    assert "très haute considération" in text and "presents its compliments" not in text
    other = client.get(url, params={"lang": "de"}, headers=viewer)
    assert other.status_code == 422 and other.headers["content-type"] == PROBLEM
