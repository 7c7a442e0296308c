"""`make run PORT=... HOST=...` serves where it is told (dry run: make prints the commands it would run); the
example cases it imports show their decision documents."""

from __future__ import annotations

import html
import re
import shutil
import subprocess

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

import missiongate
from missiongate.services import cases as case_service
from tests.web.helpers import ROOT, login


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
@pytest.mark.parametrize(
    ("args", "expected"),
    [([], "--host 127.0.0.1 --port 8000"), (["PORT=8080", "HOST=0.0.0.0"], "--host 0.0.0.0 --port 8080")],
)
def test_make_run_serves_on_the_port_given(args: list[str], expected: str) -> None:
    dry = subprocess.run(
        ["make", "-n", "-C", str(ROOT), "run", *args], capture_output=True, text=True, check=True
    )
    serve = [line for line in dry.stdout.splitlines() if "missiongate serve" in line]
    assert serve and serve[0].endswith(expected)


def test_the_example_cases_show_memo_note_and_offer(app: FastAPI, client: TestClient) -> None:
    """The cases `make run` imports, as `case import` opens them: each Decision tab holds the memo, the
    note and the offer, or the reason no offer can be made yet."""
    missions = re.findall(r"missiongate case import (\S+)", (ROOT / "Makefile").read_text())
    assert missions
    ids = []
    for path in missions:
        imported = case_service.import_mission(
            app.state.workspace, "admin", missiongate.load_mission(ROOT / path), if_missing=True
        )
        assert imported.case is not None
        ids.append(imported.case.id)
    login(client, "viewer")
    for case_id in ids:
        text = html.unescape(client.get(f"/cases/{case_id}/decision").text)
        assert "Memo to the Minister" in text and "Memo (PDF)" in text and "Note (PDF)" in text, case_id
        assert "Offer (PDF)" in text or "No offer can be made now: " in text, case_id
        assert "No memo:" not in text and "No note:" not in text, case_id
