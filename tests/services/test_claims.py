"""Claims through the services: the same limits for pasted text and uploaded files."""

from __future__ import annotations

import io

import pytest

from missiongate.errors import MissionGateError, UnsupportedTypeError
from missiongate.services import Workspace, cases, claims
from missiongate.store.accounts import Actor
from missiongate.store.cases import CaseInput

ARTICLE = "Azerbaijan has agreed to send troops to the stabilization force in Gaza, a US envoy said."


def test_text_and_file_are_checked_alike(ws: Workspace, analyst: Actor) -> None:
    case = cases.create_case(ws, analyst, CaseInput(title="Gaza", doctrine_id="azerbaijan"))
    pasted = claims.check_text(ws, analyst, case.id, ARTICLE, country="aze")
    upload = claims.ClaimFile("article.txt", "text/plain", io.BytesIO(ARTICLE.encode()))
    uploaded = claims.check_file(ws, analyst, case.id, upload)
    assert [r.verdict for r in pasted] == [r.verdict for r in uploaded] and pasted
    assert uploaded[0].source == "article.txt"


@pytest.mark.parametrize("text", ["  ", "a\x00b", "x" * (claims.MAX_TEXT + 1)])
def test_unusable_text_is_refused(ws: Workspace, analyst: Actor, text: str) -> None:
    case = cases.create_case(ws, analyst, CaseInput(title="Gaza"))
    with pytest.raises(MissionGateError):
        claims.check_text(ws, analyst, case.id, text)


def test_files_of_other_types_are_refused(ws: Workspace, analyst: Actor) -> None:
    case = cases.create_case(ws, analyst, CaseInput(title="Gaza"))
    with pytest.raises(UnsupportedTypeError):
        claims.check_file(
            ws, analyst, case.id, claims.ClaimFile("x.png", "image/png", io.BytesIO(b"\x89PNG"))
        )
    broken = claims.ClaimFile("x.pdf", "application/pdf", io.BytesIO(b"not a pdf"))
    with pytest.raises(MissionGateError, match=r"^x\.pdf: "):
        claims.check_file(ws, analyst, case.id, broken)
