"""`/api/docs` is served from the package: the page and every file it loads come from this server."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

ASSET = re.compile(r'(?:src|href)="([^"]+)"')


def test_api_docs_load_only_our_own_files(client: TestClient) -> None:
    page = client.get("/api/docs")
    assert page.status_code == 200
    assets = ASSET.findall(page.text)
    assert any(a.endswith("swagger-ui-bundle.js") for a in assets)
    assert all(a.startswith(("/api/", "/static/")) for a in assets), assets
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for asset in assets:
        response = client.get(asset)
        assert response.status_code == 200, asset
        assert "cdn" not in response.text[:2000].lower()
    assert client.get("/api/openapi.json").json()["info"]["title"] == "MissionGate case workspace"
