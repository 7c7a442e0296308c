"""Round 9 on modern mandates, tasks: classes learned from the two blind constructed sets (named settlements,
an inserted "in support of", gerunds of conduct, encouragements, help with another's protection, and object
families). Short resolutions written for the test, in the Council's drafting (no writer's item, no text of a
held-out resolution); the constructed sets themselves are re-scored against a floor."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from missiongate.analyzer.analysis import analyze_text
from missiongate.analyzer.summary import summarise
from tests.analyzer.helpers import HEAD

EXTEND = (
    "Decides to extend the mandate of the United Nations Assistance Mission in Somewhere (UNAMX) until "
    "31 March 2031;"
)
A, M, S, E = "Assist", "Monitor", "Security", "Encouraged"
CONSTRUCTED = Path(__file__).resolve().parents[2] / "data" / "modern" / "constructed"


def _tasks(*operative: str) -> set[tuple[str, str]]:
    body = "\n\n".join(f"{i}. {text}" for i, text in enumerate((EXTEND, *operative), start=1))
    text = f"{HEAD}The Security Council,\n\nRecalling its resolutions,\n\n{body}\n"
    return {(t.task, t.modality) for t in summarise(analyze_text(text)).tasks}


def _requested(words: str) -> set[tuple[str, str]]:
    return _tasks(f"Requests UNAMX to {words};")


@pytest.mark.parametrize(
    "words",
    [
        "verify the implementation by both parties of the Global Peace Settlement",
        "monitor the adherence of the signatories to the Bantry Accord",
        "verify compliance by the parties with the Lakeside Settlement",
    ],
)
def test_a_named_settlement_or_accord_is_the_peace_process(words: str) -> None:
    assert _requested(words) == {("PeaceProcess", M)}


def test_a_status_of_forces_agreement_is_no_peace_process() -> None:
    assert _requested("monitor compliance with the Status of Forces Agreement") == set()


@pytest.mark.parametrize(
    "support", ["in support of the national authorities", "in close coordination with the Government"]
)
def test_an_inserted_support_phrase_leaves_the_operation_s_own_security(support: str) -> None:
    decided = f"Decides that UNAMX shall, {support}, provide security for the electoral process;"
    assert _tasks(decided) == {("ElectSec", S)}


def test_help_to_others_who_secure_the_vote_stays_help() -> None:
    assert _requested("support the national authorities in providing security for the elections") == {
        ("ElectSec", A)
    }


@pytest.mark.parametrize("verb", ["conducting", "carrying out", "undertaking"])
def test_offensive_operations_conducted_in_every_form_are_the_operation_s_own(verb: str) -> None:
    words = f"counter attacks on civilians, including by {verb} operations against the armed elements"
    assert ("OffensOper", S) in _requested(words)


@pytest.mark.parametrize(
    ("words", "task"),
    [
        ("Calls upon UNAMX to protect the monuments of the old city from looting;", "CulturalHeritage"),
        ("Urges UNAMX to support the ceasefire monitoring committees;", "Ceasefire"),
        ("Encourages UNAMX to support the national mediation efforts between the parties;", "PeaceProcess"),
    ],
)
def test_an_encouraged_activity_is_encouraged_for_every_code(words: str, task: str) -> None:
    assert (task, E) in _tasks(words)


def test_a_task_named_in_passing_in_an_encouragement_is_not_encouraged() -> None:
    words = "Encourages UNAMX to enhance its ability to manage the risks posed by explosive hazards;"
    assert ("Demining", E) not in _tasks(words)


@pytest.mark.parametrize(
    "words",
    [
        "assist the authorities, where feasible, in protecting the cultural heritage of the country",
        "support the Government in restoring and protecting historic sites",
    ],
)
def test_help_with_another_s_protection_is_help(words: str) -> None:
    assert _requested(words) == {("CulturalHeritage", A)}


def test_protecting_cultural_sites_itself_is_security() -> None:
    assert _requested("protect the cultural and religious sites of the capital") == {("CulturalHeritage", S)}


@pytest.mark.parametrize(
    ("words", "task"),
    [
        ("help the electoral body in the sensitization of voters", "VoterEducation"),
        ("advise on the resolution of land disputes in the western districts", "LocalReconcil"),
        ("prevent conflicts between herders and farmers", "LocalReconcil"),
        ("promote good-neighbourliness between the two States", "RegReconcil"),
        ("support the laying down of arms by the militias", "DisarmDemob"),
        ("support the authorities in responding to infectious diseases", "PublicHealth"),
        ("advise on the restructuring of the Orlandian Armed Forces", "MilitaryReform"),
        ("support the reform of the military justice system", "MilitaryReform"),
        ("assist the Government in re-establishing its administration in the north", "StateAuthority"),
        ("support the rehabilitation of courts in the provinces", "JusticeReform"),
        ("advise on reducing pre-trial detention", "JusticeReform"),
        ("help the authorities in disseminating accurate information on the vote", "PublicInfo"),
        ("support the reform of the nationality law", "LegalReform"),
    ],
)
def test_object_families(words: str, task: str) -> None:
    assert (task, A) in _requested(words)


def test_security_for_candidates_and_registration_centres_is_electoral_security() -> None:
    words = "provide security for candidates and voter registration centres during the campaign"
    assert _requested(words) == {("ElectSec", S)}


def test_neutralising_armed_elements_is_an_offensive_task() -> None:
    assert ("OffensOper", S) in _requested(
        "carry out targeted operations to neutralize and disarm armed elements"
    )


def test_a_place_bordering_another_state_is_no_border_task() -> None:
    assert _requested("support the authorities in the districts bordering the neighbouring State") == set()


@settings(max_examples=25, deadline=None)
@given(name=st.from_regex(r"[A-Z][a-z]{3,9}", fullmatch=True))
def test_any_name_of_a_settlement_reads_as_the_peace_process(name: str) -> None:
    assert ("PeaceProcess", M) in _requested(f"verify the implementation of the {name} Accord")


def test_a_heading_with_a_verb_like_noun_is_no_activity() -> None:
    decided = (
        "Decides that the mandate of UNAMX shall include the following tasks:\n(a) Support for the truce: to "
        "monitor and report on violations of the ceasefire;\n(b) Assistance to the elections: to provide "
        "logistical support to the electoral commission;"
    )
    assert _tasks(decided) == {("Ceasefire", M), ("ElectAssist", A)}
