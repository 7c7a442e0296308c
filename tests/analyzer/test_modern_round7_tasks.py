"""Round 7 on modern mandates, tasks: the codebook's families of wordings for political-mission mandates,
and three structures ("expects <operation> to", "the importance of <operation> continuing to", clearing
explosive ordnance). Short resolutions written for the test, in the Council's drafting (no text of a
held-out resolution)."""

from __future__ import annotations

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
A, M, S = "Assist", "Monitor", "Security"


def _tasks(*operative: str) -> set[tuple[str, str]]:
    body = "\n\n".join(f"{i}. {text}" for i, text in enumerate((EXTEND, *operative), start=1))
    text = f"{HEAD}The Security Council,\n\nRecalling its resolutions,\n\n{body}\n"
    return {(task.task, task.modality) for task in summarise(analyze_text(text)).tasks}


def _requested(words: str) -> set[tuple[str, str]]:
    return _tasks(f"Requests UNAMX to {words};")


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("support the negotiation process between the Government and the armed movements", "PeaceProcess"),
        ("facilitate a peaceful settlement of the conflict", "PeaceProcess"),
        ("support efforts towards a comprehensive and lasting political solution", "PeaceProcess"),
        ("assist the parties in reaching a negotiated settlement", "PeaceProcess"),
        ("support the peacemaking efforts of the Personal Envoy", "PeaceProcess"),
        ("assist in the promotion of reconciliation among all segments of society", "Reconcil"),
        ("help the authorities advance an inclusive reconciliation agenda", "Reconcil"),
        ("support mechanisms to resolve local disputes over land", "LocalReconcil"),
        ("promote community dialogue and peaceful coexistence", "LocalReconcil"),
        ("support local conflict-resolution initiatives", "LocalReconcil"),
        ("facilitate regional engagement in support of stability", "RegReconcil"),
        ("support improved relations between the two countries", "RegReconcil"),
        ("promote cooperation with neighbouring States", "RegReconcil"),
        ("support the administration of justice", "JusticeReform"),
        ("support the strengthening of national courts", "JusticeReform"),
        ("support the integration of former combatants into the national army", "MilitaryReform"),
        ("support the implementation of the national stabilization strategy", "StateAuthority"),
        ("support the extension of the authority of the State throughout the country", "StateAuthority"),
        ("support the restoration of local administration", "StateAuthority"),
        ("help mobilize support for recovery and development", "EcDevelop"),
        ("support the Government's national development priorities", "EcDevelop"),
        ("support the preparation of a new constitution", "LegalReform"),
        ("support the registration of voters", "VoterEducation"),
        ("support the work of the ceasefire committee and de-escalation efforts", "Ceasefire"),
        ("support the rights of minorities", "HumanRights"),
        ("promote respect for fundamental freedoms, including freedom of expression", "HumanRights"),
    ],
)
def test_the_codebook_family_of_a_task_is_found(words: str, expected: str) -> None:
    assert _requested(words) == {(expected, A)}


def test_six_grave_violations_are_violations_against_children() -> None:
    assert _requested("monitor and report on the six grave violations") == {("ChildRights", M)}


def test_arbitrary_detention_is_monitored_as_human_rights() -> None:
    assert _requested("monitor and report on cases of arbitrary detention") == {("HumanRights", M)}


def test_justice_beside_corrections_is_the_justice_sector() -> None:
    expected = {("JusticeReform", A), ("CorrectionsReform", A)}
    assert _requested("provide advice to the justice and corrections institutions") == expected


def test_prisoners_are_not_prisons() -> None:
    assert _requested("facilitate the exchange of prisoners and detainees") == set()


# data/modern/README.md: security sector reform is coded MilitaryReform + PoliceReform, in every wording
@pytest.mark.parametrize(
    "words",
    [
        "advise the Government on security sector reform",
        "support the reform of the security sector",
        "support national ownership of SSR",
        "support the building of professional, accountable security institutions",
    ],
)
def test_security_sector_reform_is_military_and_police_reform(words: str) -> None:
    assert _requested(words) == {("MilitaryReform", A), ("PoliceReform", A)}


def test_stabilization_and_recovery_is_state_authority() -> None:
    found = _requested("support the stabilization and recovery of areas freed from armed groups")
    assert ("StateAuthority", A) in found


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("clear explosive ordnance along main supply routes", S),
        ("carry out the clearance of explosive remnants of war", S),
        ("dispose of unexploded ordnance near its bases", S),
        ("support the authorities to clear explosive ordnance", A),
        ("provide mine action assistance to the authorities", A),
    ],
)
def test_the_operation_clears_explosive_ordnance_itself(words: str, expected: str) -> None:
    assert _requested(words) == {("Demining", expected)}


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("advise on the protection of journalists and media freedom", {("Media", A)}),
        ("support the protection of human rights defenders", {("HumanRights", A)}),
        ("ensure the protection of humanitarian personnel", {("HumanRelief", S)}),
        ("support the protection of civilians", {("CivProtect", S)}),
        ("foster a secure environment for the return of refugees", {("RefugeeIDPs", S)}),
    ],
)
def test_help_with_someone_elses_protection_is_assist(words: str, expected: set[tuple[str, str]]) -> None:
    assert _requested(words) == expected


@pytest.mark.parametrize(
    "operative",
    [
        "Expects UNAMX to support the electoral process;",
        "Underlines the importance of UNAMX continuing to support the electoral process;",
        "Stresses the importance of UNAMX continuing to support the electoral process;",
    ],
)
def test_the_council_expecting_the_operation_to_act_mandates_it(operative: str) -> None:
    assert _tasks(operative) == {("ElectAssist", A)}


@pytest.mark.parametrize(
    "operative",
    [
        "Expects the Government to hold elections on time;",
        "Underlines the importance of the Government continuing to support the electoral process;",
        "Underlines the importance of free and fair elections;",
    ],
)
def test_expectations_of_others_are_not_the_operations_tasks(operative: str) -> None:
    assert _tasks(operative) == set()


def test_a_paragraph_that_restarts_its_list_keeps_the_operation() -> None:
    operative = (
        "Decides that UNAMX shall continue to support the peace process, and decides further that the "
        "Mission shall:\n(i) monitor the ceasefire;\n(ii) support the return of refugees;"
    )
    expected = {("PeaceProcess", A), ("Ceasefire", M), ("RefugeeIDPs", A)}
    assert _tasks(operative) == expected


@pytest.mark.parametrize(
    "operative",
    [
        "Calls on the Government to pursue reconciliation and security sector reform;",
        "Urges Member States to support a negotiated settlement;",
        "Welcomes the efforts of the authorities towards a peaceful settlement;",
        "Requests the Secretary-General to report on progress towards a political solution;",
    ],
)
def test_the_new_families_are_not_tasks_of_others(operative: str) -> None:
    assert _tasks(operative) == set()


_HELP = [
    "support", "assist", "facilitate", "promote", "help advance", "work with the authorities on", "advise on",
]  # fmt: skip
_FAMILY = [
    ("a negotiated settlement", "PeaceProcess"),
    ("a peaceful settlement", "PeaceProcess"),
    ("reconciliation", "Reconcil"),
    ("peaceful coexistence", "LocalReconcil"),
    ("the administration of justice", "JusticeReform"),
    ("the authority of the State", "StateAuthority"),
    ("the registration of voters", "VoterEducation"),
]


@settings(max_examples=25, deadline=None)
@given(verb=st.sampled_from(_HELP), family=st.sampled_from(_FAMILY))
def test_every_verb_of_help_gives_the_family_its_code(verb: str, family: tuple[str, str]) -> None:
    words, code = family
    assert _requested(f"{verb} {words}") == {(code, A)}


def test_a_task_named_only_in_a_heading_takes_the_items_first_activity() -> None:
    operative = (
        "Decides that UNAMX shall carry out the following tasks:\n(a) Human rights: monitoring, reporting "
        "and advocacy;\n(b) Elections: technical advice to the electoral commission;"
    )
    assert _tasks(operative) == {("HumanRights", M), ("ElectAssist", A)}


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("conduct fact-finding on human rights violations", {("HumanRights", M)}),
        ("monitor the situation of persons arbitrarily detained", {("HumanRights", M)}),
        ("promote an open civic space", {("CivilSociety", A)}),
    ],
)
def test_fact_finding_detention_and_civic_space(words: str, expected: set[tuple[str, str]]) -> None:
    assert _requested(words) == expected


def test_active_patrolling_to_protect_is_not_monitoring() -> None:
    words = "ensure the protection of civilians, including through active patrolling near displaced persons"
    assert ("RefugeeIDPs", M) not in _requested(words)


@pytest.mark.parametrize(
    "words",
    ["support the intra-party talks", "facilitate direct negotiations", "support the political road map"],
)
def test_talks_negotiations_and_road_maps_are_the_peace_process(words: str) -> None:
    assert _requested(words) == {("PeaceProcess", A)}


def test_support_to_the_security_sector_is_security_sector_reform() -> None:
    expected = {("MilitaryReform", A), ("PoliceReform", A)}
    assert _requested("provide strategic advice to the security sector") == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("provide security during the electoral process", {("ElectSec", S)}),
        ("ensure the security of polling stations", {("ElectSec", S)}),
        ("provide a secure environment for the electoral process", {("ElectSec", S)}),
        ("monitor the security situation during the elections", {("ElectSec", M)}),
        (
            "support the national police in ensuring security during the elections",
            {("ElectSec", A), ("PoliceReform", A)},
        ),
    ],
)
def test_the_operation_secures_the_vote_itself_unless_it_helps(
    words: str, expected: set[tuple[str, str]]
) -> None:
    assert _requested(words) == expected


def test_civilian_casualties_are_monitored_as_protection_of_civilians() -> None:
    assert _requested("monitor and report on civilian casualties") == {("CivProtect", M)}


def test_the_security_architecture_is_security_sector_reform() -> None:
    expected = {("MilitaryReform", A), ("PoliceReform", A)}
    assert _requested("support the development of the national security architecture") == expected
