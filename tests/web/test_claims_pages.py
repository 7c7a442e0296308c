"""The claims page of a case: check pasted text, see verdicts and drafts, download ClaimReview; CSRF."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from missiongate.store.db import Database
from tests.web.helpers import login, seed_case

ARTICLE = (
    "Azerbaijan has agreed to send troops to the International Stabilization Force in Gaza, "
    "a US envoy told reporters on Monday."
)


def test_check_pasted_text_and_download_review(app: FastAPI, database: Database) -> None:
    case_id = seed_case(database, title="International Stabilization Force, Gaza", doctrine="azerbaijan")
    with TestClient(app, base_url="https://testserver") as client:
        csrf = login(client, "analyst")
        url = f"/cases/{case_id}/claims"
        refused = client.post(url, data={"text": ARTICLE}, follow_redirects=False)
        assert refused.status_code == 403 and "CSRF" in refused.text
        done = client.post(url, data={"text": ARTICLE, "csrf_token": csrf}, follow_redirects=False)
        assert done.status_code == 303, done.text[:300]
        page = client.get(done.headers["location"])
        assert "Contradicts the position" in page.text and "Draft rebuttal" in page.text
        assert "1 claim(s) found and checked" in page.text
        review = client.get(f"{url}/claimreview.jsonld")
        assert review.status_code == 200 and review.json()[0]["@type"] == "ClaimReview"
        empty = client.post(url, data={"text": "  ", "csrf_token": csrf}, follow_redirects=False)
        assert empty.status_code == 422
    with TestClient(app, base_url="https://testserver") as viewer:
        login(viewer, "viewer")
        page = viewer.get(f"/cases/{case_id}/claims")
        assert page.status_code == 200 and "Contradicts the position" in page.text
        assert "Check the claims" not in page.text  # no form for viewers
