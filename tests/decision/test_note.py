"""The note verbale: diplomatic form, only answerable and relevant questions, conditions stated as
conditions, no internal title, no fact ids, no task codes; a declining note for a declined case."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from missiongate import Doctrine, evaluate
from missiongate.decision import build_note
from missiongate.decision.markdown import note_markdown
from missiongate.decision.note import Note
from missiongate.decision.wording import addressee, with_article
from missiongate.doctrine.model import Purpose
from missiongate.errors import MissionGateError
from missiongate.evaluator import Verdict
from missiongate.mission import Mission
from missiongate.questionnaire import build_questionnaire
from missiongate.questionnaire.relevance import relevant
from tests.decision.support import example, fact_ids_in, task_codes_in, variant

DAY = dt.date(2026, 1, 9)


def _note(doctrine: Doctrine, mission: Mission, **options: str) -> Note:
    return build_note(doctrine, mission, number="12/2026", date=DAY, **options)


def _text(note: Note) -> str:
    return note_markdown(note.context())


def test_bare_gaza_inquiry_asks_at_least_20_questions_each_relevant(azerbaijan: Doctrine) -> None:
    mission = example("gaza-isf-inquiry")
    note = _note(azerbaijan, mission)
    relevant_facts = relevant(azerbaijan, mission.values)
    assert note.count >= 20, f"the doctrine asks {note.count} questions of the bare inquiry"
    assert set(note.facts_asked) <= set(relevant_facts)
    numbers = [q.number for _, questions in note.groups for q in questions]
    assert numbers == list(range(1, note.count + 1))


def test_the_note_leaks_nothing_internal(azerbaijan: Doctrine) -> None:
    mission = example("gaza-isf-inquiry")
    text = _text(_note(azerbaijan, mission))
    assert mission.title not in text and "as first received" not in text and mission.id not in text
    assert fact_ids_in(text) == set()
    assert task_codes_in(text) == set()
    assert "Embassy of Embassy" not in text
    assert "presents its compliments to the Embassy of the United States of America" in text
    assert "Security Council resolution 2803 (2025)" in text
    assert "highest consideration" in text and "No. 12/2026" in text and "9 January 2026" in text


def test_conditions_are_stated_never_asked(azerbaijan: Doctrine) -> None:
    mission = example("gaza-isf-inquiry")
    note = _note(azerbaijan, mission)
    questionnaire = build_questionnaire(azerbaijan, mission)
    condition_facts = set().union(*(rule.facts for rule in questionnaire.conditions))
    assert note.conditions and all(not c.endswith("?") for c in note.conditions)
    assert note.conditions_intro.endswith("would be subject to the following conditions:")
    assert not condition_facts & set(note.facts_asked)
    questions = [q.text for _, qs in note.groups for q in qs]
    assert all(q.endswith("?") for q in questions)
    assert not {r.statement for r in questionnaire.conditions} & set(questions)


def test_the_note_cites_the_requesting_partys_own_communication(azerbaijan: Doctrine) -> None:
    mission = variant("gaza-isf-inquiry", request__reference="No. 2026/014", request__date="2026-01-02")
    note = _note(
        azerbaijan, mission, ministry="the Ministry of Foreign Affairs of the Republic of Azerbaijan"
    )
    assert "with reference to note No. 2026/014 of 2 January 2026" in note.opening
    assert note.opening.startswith("The Ministry of Foreign Affairs of the Republic of Azerbaijan presents")
    assert "No. No." not in note.opening


def test_tasks_are_named_in_plain_words(azerbaijan: Doctrine) -> None:
    mission = variant("gaza-isf-inquiry", operation__tasks=["CivProtect", "BorderControl", "Demil"])
    text = _text(_note(azerbaijan, mission))
    assert "protection of civilians, demilitarisation and border control" in text
    assert task_codes_in(text) == set()


def test_a_declined_case_gets_a_courteous_declining_note(azerbaijan: Doctrine) -> None:
    note = _note(azerbaijan, example("gaza-isf-peace-enforcement"))
    assert note.declining and note.count == 0 and not note.conditions
    assert "is not in a position to contribute forces" in note.opening
    assert "highest consideration" in note.closing


def test_a_deployed_contingent_that_must_withdraw_gets_no_note(azerbaijan: Doctrine) -> None:
    mission = variant("site-protection-chapter7", contingent__deployed=True, consent__host_state=False)
    assert evaluate(azerbaijan, mission).verdict is Verdict.WITHDRAW
    with pytest.raises(MissionGateError, match="withdrawal"):
        _note(azerbaijan, mission, recipient="United Kingdom")


def test_a_note_needs_an_addressee(azerbaijan: Doctrine) -> None:
    with pytest.raises(MissionGateError, match="addressee"):
        _note(azerbaijan, example("site-protection-chapter7"))


def test_nothing_to_ask_and_nothing_to_state_is_refused(azerbaijan: Doctrine) -> None:
    with pytest.raises(MissionGateError, match="the offer letter"):
        _note(azerbaijan, example("site-protection-chapter7"), recipient="United Kingdom")


def test_a_classification_doctrine_writes_no_note(azerbaijan: Doctrine) -> None:
    classifying = azerbaijan.model_copy(update={"purpose": Purpose.CLASSIFICATION})
    with pytest.raises(MissionGateError, match="participation doctrine"):
        _note(classifying, example("gaza-isf-inquiry"))


@pytest.mark.parametrize(
    ("party", "expected"),
    [
        ("United States of America", "the Embassy of the United States of America"),
        ("France", "the Embassy of France"),
        ("Netherlands", "the Embassy of the Netherlands"),
        ("the Netherlands", "the Embassy of the Netherlands"),
        ("Republic of Korea", "the Embassy of the Republic of Korea"),
        ("Embassy of Egypt", "the Embassy of Egypt"),
        ("the Embassy of the United States of America", "the Embassy of the United States of America"),
        (
            "United Nations Department of Peace Operations",
            "the United Nations Department of Peace Operations",
        ),
    ],
)
def test_addressee_takes_its_proper_form(party: str, expected: str) -> None:
    assert addressee(party) == expected


@given(st.text(alphabet=st.characters(categories=["L", "Zs"]), min_size=1, max_size=40).filter(str.strip))
def test_addressee_is_stable_and_never_doubles_the_embassy(name: str) -> None:
    once = addressee(name)
    assert addressee(once) == once
    assert "Embassy of the Embassy" not in once and "Embassy of Embassy" not in once
    assert not once.lower().startswith("the the ")
    assert with_article(with_article(name)) == with_article(name)


_CHANGES = {
    "operation.type": ["peace_enforcement", "stabilization", "traditional_peacekeeping"],
    "operation.offensive_operations": [True, False],
    "consent.host_state": [True, False],
    "consent.all_parties": [True, False],
    "contingent.caveats_accepted": [True, False],
    "command.national_control": [True, False],
    "risk.threat_level": ["low", "high", "severe"],
    "contingent.roles": [["protection_of_strategic_sites"], ["combat_infantry"]],
    "operation.detention": [True, False],
}


@settings(max_examples=60, deadline=None)
@given(st.fixed_dictionaries({}, optional={k: st.sampled_from(v) for k, v in _CHANGES.items()}))
def test_any_answers_give_a_note_that_asks_only_relevant_questions(
    azerbaijan: Doctrine, answers: dict[str, object]
) -> None:
    mission = variant("gaza-isf-inquiry", **{k.replace(".", "__"): v for k, v in answers.items()})
    verdict = evaluate(azerbaijan, mission).verdict
    try:
        note = _note(azerbaijan, mission)
    except MissionGateError:
        assert verdict not in (Verdict.DECLINE, Verdict.CLARIFICATION_REQUIRED)
        return
    assert note.declining is (verdict is Verdict.DECLINE)
    questionnaire = build_questionnaire(azerbaijan, mission)
    assert set(note.facts_asked) <= set(questionnaire.facts)
    condition_facts = set().union(*(rule.facts for rule in questionnaire.conditions))
    assert not condition_facts & set(note.facts_asked)
    text = _text(note)
    assert fact_ids_in(text) == set() and mission.title not in text


def test_a_note_with_nothing_to_ask_states_the_conditions(azerbaijan: Doctrine) -> None:
    note = _note(azerbaijan, example("realistic/unisfa-2011"), recipient="France")
    assert note.count == 0 and note.conditions
    assert note.opening.endswith(
        "has the honour to set out the conditions to which any participation would be subject."
    )
    assert note.paragraphs == ("No decision on the participation of Azerbaijan has yet been taken.",)
    assert note.preamble and note.preamble[0].startswith("The Ministry has taken note of the tasks")
