"""A mandate uploaded through the API: its analysis, and its proposed facts added to the case."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pypdf import PdfWriter
from tests.analyzer.helpers import TEXT_STREAM, raw_pdf

from missiongate.analyzer import readers
from missiongate.store.models import Role

H = dict[str, str]
RESOLUTION = Path(__file__).resolve().parents[2] / "data" / "unsc-resolutions" / "S_RES_0872_1993_EN_GOLD.txt"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PROBLEM = "application/problem+json"


def _upload(client: TestClient, headers: H, case_id: int, file: tuple[str, bytes, str]) -> int:
    response = client.post(
        f"/api/cases/{case_id}/documents", files={"file": file}, data={"kind": "mandate"}, headers=headers
    )
    assert response.status_code == 201, response.text
    document_id: int = response.json()["id"]
    return document_id


def _resolution(client: TestClient, headers: H, case_id: int) -> int:
    return _upload(client, headers, case_id, (RESOLUTION.name, RESOLUTION.read_bytes(), "text/plain"))


def _facts(client: TestClient, headers: H, case_id: int) -> dict[str, Any]:
    return {f["fact"]: f for f in client.get(f"/api/cases/{case_id}/facts", headers=headers).json()["facts"]}


def test_analysis_of_an_uploaded_resolution(
    client: TestClient, tokens: dict[Role, H], example_case: dict[str, Any]
) -> None:
    case_id = example_case["id"]
    document_id = _resolution(client, tokens[Role.ANALYST], case_id)
    response = client.get(
        f"/api/cases/{case_id}/documents/{document_id}/analysis", headers=tokens[Role.VIEWER]
    )
    assert response.status_code == 200, response.text
    analysis = response.json()
    assert (analysis["case"], analysis["document"]) == (case_id, document_id)
    assert (analysis["symbol"], analysis["adopted"]) == ("S/RES/872 (1993)", "1993-10-05")
    assert (analysis["source"], analysis["format"]) == (RESOLUTION.name, "text")

    text = RESOLUTION.read_text(encoding="utf-8")
    tasks = [f for f in analysis["findings"] if f["kind"] == "task"]
    assert tasks and {f["kind"] for f in analysis["findings"]} >= {"instrument", "task"}
    for finding in analysis["findings"]:
        evidence = finding["evidence"]
        assert text[evidence["start"] : evidence["end"]] == evidence["quote"]
        selector = evidence["selector"]
        assert selector["type"] == "TextQuoteSelector" and selector["exact"] == evidence["quote"]
        assert text[: evidence["start"]].endswith(selector["prefix"])
        assert text[evidence["end"] :].startswith(selector["suffix"])
        assert finding["rule"] and 0 < finding["confidence"] <= 1
    assert all(f["detail"]["modality"] for f in tasks) and all(f["evidence"]["paragraph"] for f in tasks)
    assert "detail" not in next(f for f in analysis["findings"] if f["kind"] == "instrument")

    assert analysis["pema"]["Demining"] == {"modalities": ["Assist"], "paragraphs": "3d"}
    assert set(analysis["pema"]) == {f["value"] for f in tasks}
    proposed = analysis["facts"]["operation.tasks"]
    assert proposed["status"] == "proposed" and proposed["value"] == sorted(analysis["pema"])
    evidence = proposed["evidence"]
    assert evidence["document_id"] == document_id and evidence["document"] == RESOLUTION.name
    assert text[evidence["start"] : evidence["end"]] == evidence["quote"]
    assert {"rule", "confidence", "selector", "paragraph"} <= set(evidence)


def test_proposals_join_the_case_and_confirmed_facts_stay(
    client: TestClient, tokens: dict[Role, H], example_case: dict[str, Any]
) -> None:
    analyst, viewer = tokens[Role.ANALYST], tokens[Role.VIEWER]
    case_id = example_case["id"]
    before = _facts(client, viewer, case_id)
    assert before["mandate.instrument"]["status"] == "confirmed"
    document_id = _resolution(client, analyst, case_id)
    url = f"/api/cases/{case_id}/documents/{document_id}/proposals"

    refused = client.post(url, headers=viewer)
    assert refused.status_code == 403 and refused.headers["content-type"] == PROBLEM

    response = client.post(url, headers=analyst)
    assert response.status_code == 200, response.text
    result = response.json()
    assert (result["case"], result["document"], result["version"]) == (case_id, document_id, 2)
    assert response.headers["etag"] == result["etag"] == '"v2"'
    assert "operation.tasks" in result["added"] and "mandate.instrument" in result["kept_confirmed"]
    assert result["unchanged"] == []

    after = _facts(client, viewer, case_id)
    tasks = after["operation.tasks"]
    assert tasks["status"] == "proposed" and tasks["record"]["evidence"]["document_id"] == document_id
    assert after["mandate.instrument"] == before["mandate.instrument"]
    assert after["mandate.instrument"]["value"] == "S/RES/2803 (2025)"
    case = client.get(f"/api/cases/{case_id}", headers=viewer)
    assert case.headers["etag"] == '"v2"'
    history = client.get(f"/api/cases/{case_id}/facts/operation.tasks/history", headers=viewer).json()
    assert [(h["action"], h["by"], h["case_version"]) for h in history] == [("propose", "analyst", 2)]
    audit = client.get("/api/audit", headers=tokens[Role.ADMIN]).json()["items"]
    assert any(e["action"] == "facts.propose" and e["target"] == f"case:{case_id}" for e in audit)

    again = client.post(url, headers=analyst)
    assert again.status_code == 200 and again.json()["added"] == [] and again.json()["version"] == 2
    assert set(again.json()["unchanged"]) == set(result["added"])


def test_proposals_take_an_optional_if_match(
    client: TestClient, analyst: H, example_case: dict[str, Any]
) -> None:
    case_id = example_case["id"]
    url = f"/api/cases/{case_id}/documents/{_resolution(client, analyst, case_id)}/proposals"
    entered = client.put(
        f"/api/cases/{case_id}/facts/operation.type",
        json={"value": "observer_mission", "status": "proposed", "source": "first reading"},
        headers={**analyst, "If-Match": '"v1"'},
    )
    assert entered.status_code == 200, entered.text
    stale = client.post(url, headers={**analyst, "If-Match": '"v1"'})
    assert stale.status_code == 409 and stale.headers["content-type"] == PROBLEM
    assert stale.json()["current_version"] == 2 and stale.headers["etag"] == '"v2"'
    assert _facts(client, analyst, case_id)["operation.type"]["record"]["source"] == "first reading"
    malformed = client.post(url, headers={**analyst, "If-Match": "v2"})
    assert malformed.status_code == 400
    current = client.post(url, headers={**analyst, "If-Match": '"v2"'})
    assert current.status_code == 200 and current.headers["etag"] == '"v3"'
    assert "operation.type" in current.json()["added"]  # a proposed value gives way to the document's


def test_documents_that_cannot_be_analysed_answer_422(
    client: TestClient, analyst: H, example_case: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(readers, "MAX_CHARS", 20_000)  # the real limit is above the tests' upload limit
    case_id = example_case["id"]
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    scan = io.BytesIO()
    writer.write(scan)
    docx = _upload(client, analyst, case_id, ("resolution.docx", b"PK\x03\x04 word", DOCX))
    pdf = _upload(client, analyst, case_id, ("scan.pdf", scan.getvalue(), "application/pdf"))
    broken = raw_pdf("/Filter /NoSuchDecode", TEXT_STREAM)
    filtered = _upload(client, analyst, case_id, ("filter.pdf", broken, "application/pdf"))
    long = _upload(client, analyst, case_id, ("long.txt", b"Decides " * 3000, "text/plain"))
    for document_id, reason in (
        (docx, "not a valid Word (DOCX) file"),
        (pdf, "no text layer"),
        (filtered, "PDF"),
        (long, "over the analyzer's limit"),
    ):
        base = f"/api/cases/{case_id}/documents/{document_id}"
        for response in (
            client.get(f"{base}/analysis", headers=analyst),
            client.post(f"{base}/proposals", headers=analyst),
        ):
            assert response.status_code == 422 and response.headers["content-type"] == PROBLEM
            problem = response.json()
            assert problem["type"] == "urn:missiongate:problem:not-analysable" and reason in problem["detail"]
    facts = client.get(f"/api/cases/{case_id}/facts", headers=analyst)
    assert facts.headers["etag"] == '"v1"'


def test_unknown_cases_and_documents_answer_404(
    client: TestClient, analyst: H, example_case: dict[str, Any]
) -> None:
    case_id = example_case["id"]
    document_id = _resolution(client, analyst, case_id)
    other = client.post("/api/cases", json={"title": "Another inquiry"}, headers=analyst).json()["id"]
    for path in (
        f"/api/cases/{case_id}/documents/{document_id + 1}",
        f"/api/cases/{case_id + 100}/documents/{document_id}",
        f"/api/cases/{other}/documents/{document_id}",  # a document of another case
    ):
        for response in (
            client.get(f"{path}/analysis", headers=analyst),
            client.post(f"{path}/proposals", headers=analyst),
        ):
            assert response.status_code == 404, (path, response.status_code)
            assert response.json()["type"] == "urn:missiongate:problem:not-found"


@pytest.mark.parametrize("content_type", ["application/xml", "text/xml", "application/akn+xml"])
def test_akoma_ntoso_is_accepted_under_each_of_its_types(
    client: TestClient, analyst: H, example_case: dict[str, Any], content_type: str
) -> None:
    markup = (
        b'<?xml version="1.0"?><akomaNtoso><act><body><paragraph><num>1.</num><content><p>Decides to '
        b"establish a peace-keeping operation;</p></content></paragraph></body></act></akomaNtoso>"
    )
    document = _upload(client, analyst, example_case["id"], ("resolution.xml", markup, content_type))
    analysis = client.get(f"/api/cases/{example_case['id']}/documents/{document}/analysis", headers=analyst)
    assert analysis.status_code == 200 and analysis.json()["format"] == "xml"
