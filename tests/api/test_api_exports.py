"""Document exports over the API: the files download with the right type and open."""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from fastapi.testclient import TestClient
from pypdf import PdfReader

H = dict[str, str]


def test_note_and_brief_download_and_open(
    client: TestClient, analyst: H, example_case: dict[str, Any]
) -> None:
    url = f"/api/cases/{example_case['id']}"
    client.post(f"{url}/questionnaires", json={}, headers=analyst)
    docx = client.get(f"{url}/questionnaires/1/note.docx", headers=analyst)
    assert docx.status_code == 200 and docx.headers["content-type"].startswith("application/vnd.openxml")
    assert "note-case-" in docx.headers["content-disposition"]
    assert any(p.text.startswith("1. ") for p in Document(io.BytesIO(docx.content)).paragraphs)
    pdf = client.get(f"{url}/questionnaires/1/note.pdf", headers=analyst)
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    first = " ".join(PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text().split())
    assert "Security Council resolution 2803 (2025)" in first and "No. MG/" in first
    assessment = client.post(f"{url}/assessments", json={}, headers=analyst).json()
    brief = client.get(f"{url}/assessments/{assessment['id']}/brief.pdf", headers=analyst)
    assert brief.status_code == 200
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(brief.content)).pages)
    assert "Ask first" in text and "Not yet signed off" in " ".join(text.split())
    assert client.get(f"{url}/questionnaires/9/note.pdf", headers=analyst).status_code == 404
