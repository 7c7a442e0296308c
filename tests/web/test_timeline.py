"""The timeline tells what happened and why: questionnaires kept and sent, proposals accepted, each
assessment with its cause; a write that leaves the report as it was adds no assessment."""

from __future__ import annotations

import re
from itertools import pairwise

from fastapi.testclient import TestClient

from missiongate.store import decisions as store_decisions
from missiongate.store.accounts import Actor
from missiongate.store.db import Database
from missiongate.store.models import AssessmentRecord, Role
from tests.web.helpers import form_version, login, seed_case, upload_resolution


def _assessments(database: Database, case_id: int) -> list[AssessmentRecord]:
    with database.read() as session:
        actor = Actor(id=0, username="admin", role=Role.ADMIN)
        rows, _ = store_decisions.list_assessments(session, actor, case_id, limit=500)
        return rows


def test_timeline_shows_questionnaires_acceptances_and_causes(client: TestClient, database: Database) -> None:
    case_id = seed_case(database, doctrine="azerbaijan")
    csrf = login(client, "analyst")
    kept = client.post(
        f"/cases/{case_id}/questionnaires",
        data={"csrf_token": csrf, "channel": "note verbale", "recipient": "UN Secretariat"},
    )
    assert kept.status_code == 200
    document = upload_resolution(client, csrf, case_id)
    review = client.get(document).text
    fact = re.search(r"/proposals/([\w.]+)/accept", review)
    assert fact is not None
    accept = f"{document}/proposals/{fact.group(1)}/accept"
    accepted = client.post(accept, data={"csrf_token": csrf, "version": form_version(review)})
    assert accepted.status_code == 200

    timeline = client.get(f"/cases/{case_id}/timeline").text
    assert "Questionnaire 1</a> kept" in timeline
    assert "sent to UN Secretariat via note verbale" in timeline
    assert "Proposal accepted:" in timeline
    assert "Cause: facts proposed by document analysis" in timeline
    assert "Cause: proposals accepted" in timeline
    assert fact.group(1) not in re.sub(r'(href|action|hx-post)="[^"]*"', "", timeline)  # labels, not ids


def test_an_upload_that_changes_nothing_adds_no_assessment(client: TestClient, database: Database) -> None:
    case_id = seed_case(database, doctrine="azerbaijan")
    csrf = login(client, "analyst")
    upload_resolution(client, csrf, case_id)
    after_first = _assessments(database, case_id)
    upload_resolution(client, csrf, case_id)  # the same text again: it proposes what the case already holds
    after_second = _assessments(database, case_id)
    assert len(after_second) == len(after_first)
    reports = [a.report for a in after_second]
    assert all(a != b for a, b in pairwise(reports))  # no two in a row alike
