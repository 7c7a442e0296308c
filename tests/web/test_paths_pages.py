"""The "Path to yes" panel (a page, and a fragment the overview loads) and the force-generation page."""

from __future__ import annotations

from fastapi.testclient import TestClient

from missiongate.store.db import Database
from tests.web.helpers import login, seed_case


def test_path_to_yes_page_and_fragment(client: TestClient, database: Database) -> None:
    case_id = seed_case(database)
    login(client, "viewer")
    overview = client.get(f"/cases/{case_id}").text
    assert f'hx-get="/cases/{case_id}/paths?limit=3"' in overview
    page = client.get(f"/cases/{case_id}/paths")
    assert page.status_code == 200 and "<html" in page.text
    assert "Path to yes under UN baseline" in page.text and 'aria-current="page">Path to yes<' in page.text
    url = f"/cases/{case_id}/paths?doctrine=azerbaijan&limit=1"
    fragment = client.get(url, headers={"HX-Request": "true"})
    assert fragment.status_code == 200 and "<html" not in fragment.text
    assert fragment.text.lstrip().startswith('<section id="path-to-yes"')
    assert "Path to yes under Azerbaijan" in fragment.text
    assert "Roles requested of the contingent: Protection of strategic sites" in fragment.text
    assert "We decide" in fragment.text and "Nobody (facts of the world)" in fragment.text
    assert fragment.text.count("<details") == 1 and "see more</a>" in fragment.text
    assert client.get(f"/cases/{case_id}/paths?limit=0").status_code == 422


def test_unknown_doctrine_is_a_plain_error(client: TestClient, database: Database) -> None:
    case_id = seed_case(database)
    login(client, "viewer")
    response = client.get(f"/cases/{case_id}/paths?doctrine=atlantis")
    assert response.status_code == 422
    assert "unknown doctrine" in response.text and "atlantis" in response.text


def test_force_generation_page(client: TestClient, database: Database) -> None:
    case_id = seed_case(database)
    login(client, "viewer")
    response = client.get(f"/cases/{case_id}/forcegen")
    assert response.status_code == 200
    for words in ("Who would join, on which terms", "Mandate designer", "Azerbaijan", "UN baseline"):
        assert words in response.text
    assert f'href="/cases/{case_id}/paths?doctrine=japan"' in response.text
