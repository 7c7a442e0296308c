"""Text the store refuses (`store/texts.py`, `inputs.text_problem`), whichever face wrote it."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import update

from missiongate.errors import MissionGateError
from missiongate.inputs import text_problem
from missiongate.store import accounts, cases
from missiongate.store.accounts import Actor
from missiongate.store.db import Database
from missiongate.store.models import Case, Role

CONTROLS = [chr(c) for c in (*range(0x20), 0x7F)]
BREAKS = ["\t", "\n", "\r"]


@given(st.text())
def test_text_problem_refuses_exactly_the_controls_and_surrogates(value: str) -> None:
    encodable = not any(0xD800 <= ord(c) <= 0xDFFF for c in value)
    multi_ok = encodable and not any(c in CONTROLS and c not in BREAKS for c in value)
    one_ok = multi_ok and not any(c in BREAKS for c in value)
    assert (text_problem(value, one_line=False) is None) == multi_ok
    assert (text_problem(value, one_line=True) is None) == one_ok


@given(
    st.recursive(
        st.text() | st.integers() | st.none(),
        lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
    )
)
def test_json_is_refused_when_any_of_its_strings_is(value: object) -> None:
    def strings(item: object) -> list[str]:
        if isinstance(item, dict):
            return [*item.keys(), *(s for v in item.values() for s in strings(v))]
        if isinstance(item, list):
            return [s for v in item for s in strings(v)]
        return [item] if isinstance(item, str) else []

    any_bad = any(text_problem(s, one_line=False) for s in strings(value))
    assert (text_problem(value, one_line=False) is not None) == any_bad


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("bell\x07", "control character U+0007"),
        ("two\nlines", "must be one line"),
        ("tab\there", "must be one line"),
        ("nul\x00", "control character U+0000"),
        ("lone \ud800", "unpaired surrogate"),
    ],
)
def test_a_case_title_with_control_characters_is_refused_and_nothing_written(
    database: Database, value: str, words: str
) -> None:
    with database.write() as session:
        actor = Actor.of(accounts.create_user(session, "setup", "ana", Role.ANALYST))
    with pytest.raises(MissionGateError, match=f"^title: .*{re.escape(words)}"), database.write() as session:
        cases.create_case(session, actor, cases.CaseInput(title=value))
    with database.read() as session:
        assert cases.list_cases(session, actor)[1] == 0


def test_multi_line_text_keeps_tabs_and_line_breaks(database: Database) -> None:
    with database.write() as session:
        actor = Actor.of(accounts.create_user(session, "setup", "ana", Role.ANALYST))
        case = cases.create_case(session, actor, cases.CaseInput(title="Inquiry", description="a\tb\nc\r\n"))
    assert case.description == "a\tb\nc\r\n"
    refused = pytest.raises(MissionGateError, match=r"^description: contains the control character U\+001B")
    with refused, database.write() as session:
        cases.update_case(session, actor, case.id, None, {"description": "colour\x1b[31m"})


def test_fact_records_are_checked_and_name_the_fact(database: Database) -> None:
    with database.write() as session:
        actor = Actor.of(accounts.create_user(session, "setup", "ana", Role.ANALYST))
        case = cases.create_case(session, actor, cases.CaseInput(title="Inquiry"))
    bad = {"value": "United\x01 States", "source": "note"}
    refused = pytest.raises(MissionGateError, match=r"^fact request\.requesting_party: .*U\+0001")
    with refused, database.write() as session:
        cases.set_facts(session, actor, case.id, None, {"request.requesting_party": bad})
    noted = {"value": "United States", "source": "note", "note": "first line\nsecond line"}
    with database.write() as session:
        cases.set_facts(session, actor, case.id, None, {"request.requesting_party": noted})


def test_a_record_stored_before_the_rule_can_still_be_changed(database: Database) -> None:
    """Only the values a write gives are checked: an old title does not block a new description."""
    with database.write() as session:
        actor = Actor.of(accounts.create_user(session, "setup", "ana", Role.ANALYST))
        case = cases.create_case(session, actor, cases.CaseInput(title="Inquiry"))
        session.execute(update(Case).where(Case.id == case.id).values(title="Old\x07 title"))
    with database.write() as session:
        changed = cases.update_case(session, actor, case.id, None, {"description": "new notes"})
    assert changed.title == "Old\x07 title" and changed.description == "new notes"


def test_a_quote_from_a_document_keeps_its_page_break(database: Database) -> None:
    """Evidence quotes the document as it is (a PDF's pages are joined by form feeds): not checked."""
    with database.write() as session:
        actor = Actor.of(accounts.create_user(session, "setup", "ana", Role.ANALYST))
        case = cases.create_case(session, actor, cases.CaseInput(title="Inquiry"))
    evidence = {"quote": "all necessary\x0cmeasures"}
    quoted = {"value": "all_necessary_measures", "status": "proposed", "evidence": evidence}
    with database.write() as session:
        cases.set_facts(session, actor, case.id, None, {"mandate.use_of_force": quoted})
    with database.read() as session:
        stored = cases.case_facts(session, cases.get_case(session, actor, case.id))
    assert stored["mandate.use_of_force"].record["evidence"]["quote"] == "all necessary\x0cmeasures"
