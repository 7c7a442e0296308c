"""The memo, the note verbale and the offer on a stored case: the core's documents on the case's mission,
refusals named, nothing recorded; and the questionnaire export as the same note verbale."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

import missiongate
from missiongate.decision import build_memo, build_note
from missiongate.decision.markdown import memo_markdown, note_markdown
from missiongate.errors import ConflictError, MissionGateError
from missiongate.services import Workspace, cases, exports, questionnaires
from missiongate.services import decision_documents as documents
from missiongate.services.decision_documents import Letter, checked
from missiongate.settings import Settings
from missiongate.store import cases as store_cases
from missiongate.store.accounts import Actor
from missiongate.store.cases import CaseInput
from missiongate.store.models import AuditEntry
from tests.services.conftest import EXAMPLE, ROOT

DAY = dt.date(2026, 1, 20)
SITE = ROOT / "examples" / "site-protection-chapter7.yaml"
FACT_IDS = [fact.id for fact in missiongate.load_catalogue().facts]


def _no_fact_id(text: str) -> bool:
    return not [fact_id for fact_id in FACT_IDS if fact_id in text]


def _case(ws: Workspace, analyst: Actor, path: Path = EXAMPLE, **details: Any) -> int:
    mission = missiongate.load_mission(path)
    data = CaseInput(title=mission.title, example=True, facts=mission.to_data()["facts"], **details)
    return cases.create_case(ws, analyst, data).id


def _mission(ws: Workspace, analyst: Actor, case_id: int) -> missiongate.Mission:
    with ws.db.read() as session:
        return store_cases.case_mission(session, store_cases.get_case(session, analyst, case_id))


def _recorded(ws: Workspace, analyst: Actor, case_id: int) -> tuple[int, int]:
    """The case's version and the audit log's length: what a write would change."""
    with ws.db.read() as session:
        version = store_cases.get_case(session, analyst, case_id).version
        return version, session.scalar(select(func.count()).select_from(AuditEntry)) or 0


def test_the_memo_is_the_cli_s_memo_of_the_case(ws: Workspace, analyst: Actor) -> None:
    case_id = _case(ws, analyst)
    found = documents.memo(ws, analyst, case_id, "md", DAY)
    built = build_memo(
        ws.doctrines.get("azerbaijan"), _mission(ws, analyst, case_id), country="Azerbaijan", date=DAY
    )
    assert found.data.decode() == memo_markdown(built)
    assert found.media_type.startswith("text/markdown") and found.filename == f"memo-case-{case_id}.md"
    assert "Make no commitment yet" in found.data.decode()
    assert documents.memo(ws, analyst, case_id, "pdf", DAY).data.startswith(b"%PDF")


def test_the_note_asks_the_questions_and_states_the_conditions(ws: Workspace, analyst: Actor) -> None:
    case_id = _case(ws, analyst)
    before = _recorded(ws, analyst, case_id)
    found = documents.note(ws, analyst, case_id, "md", Letter(DAY, " 12/2026 "))
    built = build_note(
        ws.doctrines.get("azerbaijan"), _mission(ws, analyst, case_id), number="12/2026", date=DAY
    )
    text = found.data.decode()
    assert text == note_markdown(built.context()) and not found.declining
    assert (
        "The Ministry of Foreign Affairs of Azerbaijan presents its compliments to the Embassy of the United "
        "States of America" in text
    )
    assert "No. 12/2026" in text and "would be subject to the following conditions" in text
    assert _no_fact_id(text) and "inquiry as first received" not in text
    assert _recorded(ws, analyst, case_id) == before  # reading documents records nothing


def test_a_declined_case_gets_the_declining_note_and_no_offer(ws: Workspace, analyst: Actor) -> None:
    case_id = _case(ws, analyst)
    cases.set_facts(ws, analyst, case_id, None, {"operation.type": "peace_enforcement"})
    before = _recorded(ws, analyst, case_id)
    found = documents.note(ws, analyst, case_id, "docx")
    assert found.declining and found.data.startswith(b"PK")
    text = documents.note(ws, analyst, case_id, "md").data.decode()
    assert "is not in a position to contribute forces" in text and "clarification" not in text
    with pytest.raises(ConflictError, match="the case is declined"):
        documents.offer(ws, analyst, case_id, "md")
    page = documents.case_documents(ws, analyst, case_id)
    assert page.note is not None and page.note.declining and page.offer is None and page.memo is not None
    assert "declined" in page.refused["offer"] and set(page.refused) == {"offer"}
    assert _recorded(ws, analyst, case_id) == before


def test_an_offer_where_the_doctrine_allows_one(ws: Workspace, analyst: Actor) -> None:
    case_id = _case(ws, analyst, SITE, requesting_party="United Kingdom", operation="Kosovo Force")
    found = documents.offer(ws, analyst, case_id, "md", Letter(DAY, "7/2026"))
    text = found.data.decode()
    assert "presents its compliments to the Embassy of the United Kingdom" in text
    assert (
        "contribution of Azerbaijan to the Kosovo Force authorised by Security Council resolution 1244"
        in text
    )
    assert "is prepared to contribute" in text and "Annex: conditions and national caveats" in text
    other = documents.offer(ws, analyst, case_id, "md", Letter(DAY, "7/2026", "the Embassy of France"))
    assert "presents its compliments to the Embassy of France" in other.data.decode()


def test_an_offer_with_questions_open_is_refused_with_the_reason(ws: Workspace, analyst: Actor) -> None:
    case_id = _case(ws, analyst)
    with pytest.raises(ConflictError, match="questions are still open"):
        documents.offer(ws, analyst, case_id, "pdf")
    page = documents.case_documents(ws, analyst, case_id)
    assert page.memo is not None and page.note is not None and page.offer is None
    assert page.refused == {
        "offer": "questions are still open: send the note first, then offer once they are answered"
    }


def test_a_doctrine_that_only_classifies_gives_no_document(ws: Workspace, analyst: Actor) -> None:
    case_id = _case(ws, analyst, doctrine_id="un-principles")
    for build in (documents.memo, documents.note, documents.offer):
        with pytest.raises(ConflictError, match="participation doctrine"):
            build(ws, analyst, case_id, "md")
    page = documents.case_documents(ws, analyst, case_id)
    assert (page.memo, page.note, page.offer) == (None, None, None) and set(page.refused) == {
        "memo",
        "note",
        "offer",
    }


def test_the_ministry_a_workspace_sets_signs_the_letters(
    ws: Workspace, analyst: Actor, tmp_path: Path
) -> None:
    chosen = Settings(data_dir=tmp_path, database_url=ws.db.url, auto_migrate=False, sender="Royal Ministry")
    royal = Workspace(ws.db, ws.doctrines, chosen)
    text = documents.note(royal, analyst, _case(royal, analyst), "md").data.decode()
    assert "The Royal Ministry presents its compliments" in text


def test_bad_formats_and_letters_are_refused(ws: Workspace, analyst: Actor) -> None:
    case_id = _case(ws, analyst)
    with pytest.raises(MissionGateError, match="md, docx or pdf"):
        documents.memo(ws, analyst, case_id, "odt")
    with pytest.raises(MissionGateError, match="control character"):
        documents.note(ws, analyst, case_id, "md", Letter(number="1\x07"))
    with pytest.raises(MissionGateError, match="longer than 300"):
        documents.note(ws, analyst, case_id, "md", Letter(to="x" * 301))
    with pytest.raises(missiongate.errors.NotFoundError):
        documents.memo(ws, analyst, case_id + 1000, "md")


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(number=st.text(max_size=60), to=st.one_of(st.none(), st.text(max_size=310)))
def test_letters_are_kept_trimmed_or_refused(number: str, to: str | None) -> None:
    try:
        kept = checked(Letter(DAY, number, to))
    except MissionGateError:
        return
    assert kept.number == (number.strip() or "____") and kept.to == ((to or "").strip() or None)
    assert len(kept.number) <= 50 and all(ord(c) >= 32 or c == "\t" for c in kept.number + (kept.to or ""))


def test_the_questionnaire_export_is_the_same_note_verbale(ws: Workspace, analyst: Actor) -> None:
    case_id = _case(ws, analyst, requesting_party="United States of America")
    questionnaires.create_questionnaire(
        ws, analyst, case_id, send=questionnaires.Dispatch("note verbale", "United States of America")
    )
    exported = exports.note(ws, analyst, case_id, 1, "docx")
    paragraphs = [p.text for p in Document(io.BytesIO(exported.data)).paragraphs]
    text = "\n".join(paragraphs)
    assert (
        f"No. MG/{case_id}/Q1" in text
        and "presents its compliments to the Embassy of the United States" in text
    )
    assert "would be subject to the following conditions" in text and "highest consideration" in text
    assert _no_fact_id(text) and "inquiry as first received" not in text
    numbered = [p for p in paragraphs if p.split(".")[0].isdigit()]
    assert numbered[0].startswith("1. ") and len(numbered) > 15
    # The version asks what it asked when sent, whatever the case has learnt since.
    cases.set_facts(ws, analyst, case_id, None, {"operation.type": "peace_enforcement"})
    again = [
        p.text for p in Document(io.BytesIO(exports.note(ws, analyst, case_id, 1, "docx").data)).paragraphs
    ]
    assert [p for p in again if p.split(".")[0].isdigit()] == numbered


def test_a_questionnaire_under_the_un_baseline_exports_as_a_note(ws: Workspace, analyst: Actor) -> None:
    """The baseline names no country: the workspace's default doctrine says whose ministry writes."""
    case_id = _case(ws, analyst, doctrine_id="un-principles")
    questionnaires.create_questionnaire(ws, analyst, case_id)
    exported = exports.note(ws, analyst, case_id, 1, "docx")
    text = "\n".join(p.text for p in Document(io.BytesIO(exported.data)).paragraphs)
    assert "Ministry of Foreign Affairs of Azerbaijan presents its compliments to the Embassy of the" in text
    assert "1. " in text and _no_fact_id(text)
