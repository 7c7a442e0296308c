"""Answers received as files: read by the core reader, kept as a document, applied with provenance."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

H = dict[str, str]
ANSWERS = Path(__file__).resolve().parents[2] / "examples" / "answers" / "gaza-first-answers.yaml"


def test_yaml_answers_file_is_kept_and_applied(
    client: TestClient, analyst: H, example_case: dict[str, Any]
) -> None:
    url = f"/api/cases/{example_case['id']}"
    files = {"file": (ANSWERS.name, ANSWERS.read_bytes(), "application/yaml")}
    imported = client.post(f"{url}/answers/import", files=files, headers=analyst)
    assert imported.status_code == 201, imported.text
    answer = imported.json()
    assert (
        answer["answered_by"] == "Requesting government (example)" and answer["received_on"] == "2026-02-10"
    )
    assert answer["facts"]["operation.type"] == "peace_enforcement"
    facts = {f["fact"]: f["record"] for f in client.get(f"{url}/facts", headers=analyst).json()["facts"]}
    assert facts["operation.type"]["channel"] == "diplomatic note"
    assert facts["operation.type"]["source"] == f"answers file {ANSWERS.name}"
    document = client.get(f"{url}/documents/{answer['document']}/content", headers=analyst)
    assert document.content == ANSWERS.read_bytes()
    verdict = client.post(f"{url}/assessments", json={}, headers=analyst).json()["verdict"]
    assert verdict == "DECLINE"


def test_csv_answers_need_who_when_and_how(
    client: TestClient, analyst: H, example_case: dict[str, Any]
) -> None:
    url = f"/api/cases/{example_case['id']}/answers/import"
    csv = b"fact,value\noperation.type,stabilization\nconsent.all_parties,false\n"
    missing = client.post(url, files={"file": ("answers.csv", csv, "text/csv")}, headers=analyst)
    assert missing.status_code == 422 and "who answered" in missing.json()["detail"]
    form = {"answered_by": "Embassy", "channel": "e-mail", "received_on": "2026-02-12"}
    done = client.post(url, files={"file": ("answers.csv", csv, "text/csv")}, data=form, headers=analyst)
    assert done.status_code == 201, done.text
    assert done.json()["facts"] == {"operation.type": "stabilization", "consent.all_parties": False}


def test_bad_answer_files_are_refused(client: TestClient, analyst: H, example_case: dict[str, Any]) -> None:
    url = f"/api/cases/{example_case['id']}/answers/import"
    wrong_kind = client.post(url, files={"file": ("answers.txt", b"yes", "text/plain")}, headers=analyst)
    assert wrong_kind.status_code == 415
    bad_value = b"answered_by: x\nchannel: y\ndate: 2026-02-01\nanswers:\n  operation.type: invasion\n"
    refused = client.post(url, files={"file": ("a.yaml", bad_value, "application/yaml")}, headers=analyst)
    assert refused.status_code == 422 and "operation.type" in refused.json()["detail"]
    assert "/tmp" not in refused.json()["detail"]
    assert client.get(f"/api/cases/{example_case['id']}/documents", headers=analyst).json() == []


def test_alias_and_zip_bombs_are_refused_with_a_short_problem(
    client: TestClient, analyst: H, example_case: dict[str, Any]
) -> None:
    url = f"/api/cases/{example_case['id']}/answers/import"
    lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"l{n}: &l{n} [" + ",".join([f"*l{n - 1}"] * 9) + "]" for n in range(1, 9)]
    bomb = "\n".join([*lines, "answers:", "  operation.type: *l8", ""]).encode()
    refused = client.post(url, files={"file": ("a.yaml", bomb, "application/yaml")}, headers=analyst)
    assert refused.status_code == 422 and len(refused.content) < 1000
    assert refused.headers["content-type"] == "application/problem+json"
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as workbook:
        workbook.writestr("xl/workbook.xml", bytes(40 * 1024 * 1024))
    xlsx = ("a.xlsx", archive.getvalue(), "application/octet-stream")
    refused = client.post(url, files={"file": xlsx}, headers=analyst)
    assert refused.status_code == 422 and "unpacks to" in refused.json()["detail"]
    assert client.get(f"/api/cases/{example_case['id']}/documents", headers=analyst).json() == []
