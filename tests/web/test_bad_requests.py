"""The red team's requests against the pages: an error page or a redirect, never a 500, nothing lost."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from missiongate.store import documents
from missiongate.store.accounts import Actor, user_by_name
from missiongate.store.db import Database
from tests.analyzer.helpers import TEXT_STREAM, raw_pdf
from tests.web.helpers import login, seed_case


@pytest.mark.parametrize(
    "path",
    [
        "/cases/99999999999999999999",
        "/cases/9223372036854775808/documents",
        "/cases/99999999999999999999/facts",
        "/admin/users/99999999999999999999",
        "/cases/\u0661\u0662",
        "/cases/\uff11/timeline",
    ],
)
def test_impossible_ids_are_404_pages(client: TestClient, path: str) -> None:
    login(client, "admin")
    response = client.get(path)
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")


def test_a_malformed_pdf_upload_is_kept_and_says_why_it_was_not_analysed(
    client: TestClient, database: Database
) -> None:
    case_id = seed_case(database)
    csrf = login(client, "analyst")
    upload = client.post(
        f"/cases/{case_id}/documents",
        data={"csrf_token": csrf, "kind": "mandate"},
        files={"file": ("broken.pdf", raw_pdf("/Filter /NoSuchDecode", TEXT_STREAM), "application/pdf")},
        follow_redirects=False,
    )
    assert upload.status_code == 303, upload.text
    page = client.get(upload.headers["location"])
    assert page.status_code == 200 and "PDF" in page.text
    with database.read() as session:
        analyst = Actor.of(user_by_name(session, "analyst"))  # type: ignore[arg-type]
        kept = documents.list_documents(session, analyst, case_id)
    assert [d.filename for d in kept] == ["broken.pdf"]
