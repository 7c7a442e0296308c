"""Round 8 on modern mandates, tasks: a task followed by its monitoring, the parties' redeployment, the law
the operation acts under, exit benchmarks, weapons collection, threats against civilians, help to others who
secure, and a second lead-in that continues the numbering. Short resolutions written for the test, in the
Council's drafting (no text of a held-out resolution)."""

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


def _coded(*operative: str) -> set[tuple[str, str, str]]:
    body = "\n\n".join(f"{i}. {text}" for i, text in enumerate((EXTEND, *operative), start=1))
    text = f"{HEAD}The Security Council,\n\nRecalling its resolutions,\n\n{body}\n"
    return {(t.task, t.modality, t.paragraph) for t in summarise(analyze_text(text)).tasks}


def _tasks(*operative: str) -> set[tuple[str, str]]:
    return {(task, modality) for task, modality, _ in _coded(*operative)}


def _requested(words: str) -> set[tuple[str, str]]:
    return _tasks(f"Requests UNAMX to {words};")


@pytest.mark.parametrize("by", ["including through", "including by"])
@pytest.mark.parametrize("verb", ["monitoring and reporting on", "verifying", "investigating"])
def test_a_task_followed_by_its_monitoring_is_also_monitored(by: str, verb: str) -> None:
    words = f"support the implementation of the ceasefire, {by} {verb} violations"
    assert _requested(words) == {("Ceasefire", A), ("Ceasefire", M)}


def test_the_monitoring_after_a_later_task_is_that_task_s() -> None:
    words = "support the ceasefire and the return of refugees, including by monitoring their safety"
    assert _requested(words) == {("Ceasefire", A), ("RefugeeIDPs", A), ("RefugeeIDPs", M)}


@pytest.mark.parametrize(
    "forces", ["forces of the parties", "the armed forces to their barracks", "all troops of both sides"]
)
def test_the_parties_redeployment_is_disengagement(forces: str) -> None:
    assert _requested(f"monitor the redeployment of {forces}") == {("Demil", M)}


def test_the_operation_s_own_redeployment_is_not_disengagement() -> None:
    assert _requested("plan the redeployment of its troops to the eastern provinces") == set()


@pytest.mark.parametrize(
    "law",
    [
        "in compliance with international humanitarian law and international human rights law",
        "in accordance with international law, including international human rights law and refugee law",
        "consistent with the obligations of the Government under international human rights law",
    ],
)
def test_the_law_the_operation_acts_under_is_no_human_rights_task(law: str) -> None:
    assert _requested(f"facilitate the delivery of humanitarian assistance, {law}") == {("HumanRelief", A)}


def test_monitoring_violations_of_human_rights_law_is_still_the_task() -> None:
    words = "monitor and report on violations of international human rights law"
    assert _requested(words) == {("HumanRights", M)}


@pytest.mark.parametrize(
    "plan",
    [
        "benchmarks for the drawdown of UNAMX, including progress in the protection of civilians",
        "an exit strategy, with indicators on the reform of the security sector",
        "a transition plan that sets out progress on the extension of State authority",
    ],
)
def test_what_the_exit_is_measured_by_is_no_task(plan: str) -> None:
    assert _tasks(f"Requests UNAMX to develop, in consultation with the Government, {plan};") == set()


def test_benchmarks_the_operation_helps_reach_stay_a_task() -> None:
    words = "support the authorities in achieving the benchmarks for the review of the arms embargo"
    assert _requested(words) == {("ArmsEmbargo", A)}


@pytest.mark.parametrize(
    "words",
    [
        "support the collection and destruction of surplus weapons",
        "advise the authorities on the safe storage of arms and ammunition",
        "assist the Government to collect illicit weapons",
    ],
)
def test_weapons_collection_and_destruction_is_arms_control(words: str) -> None:
    assert _requested(words) == {("ControlSALW", A)}


@pytest.mark.parametrize(
    "words",
    [
        "deter threats against civilians",
        "prevent attacks against civilians",
        "respond to violence against civilians",
    ],
)
def test_threats_against_civilians_are_the_operation_s_protection(words: str) -> None:
    assert _requested(words) == {("CivProtect", S)}


def test_threats_against_civilians_monitored_are_monitored() -> None:
    assert _requested("monitor and report on threats against civilians") == {("CivProtect", M)}


@pytest.mark.parametrize(
    ("words", "task"),
    [
        ("assist the Government in securing its borders", "BorderControl"),
        ("help the national authorities to secure the border crossings", "BorderControl"),
    ],
)
def test_help_to_others_who_secure_is_assistance(words: str, task: str) -> None:
    assert _requested(words) == {(task, A)}


def test_securing_the_border_itself_stays_security() -> None:
    assert _requested("secure the border areas") == {("BorderControl", S)}


def test_training_and_mentoring_the_armed_forces_is_military_reform() -> None:
    words = "provide training, mentoring and advice to the national armed forces"
    assert _requested(words) == {("MilitaryReform", A)}


def test_violations_by_armed_forces_are_no_military_reform() -> None:
    assert _requested("monitor violations of the ceasefire by the armed forces") == {("Ceasefire", M)}


@pytest.mark.parametrize("verb", ["enforce", "report violations of"])
def test_enforcing_secures_and_reporting_violations_monitors(verb: str) -> None:
    expected = S if verb == "enforce" else M
    assert _requested(f"{verb} the ceasefire") == {("Ceasefire", expected)}


def _listed(second_lead: str, numbers: tuple[str, str]) -> set[tuple[str, str, str]]:
    return _coded(
        "Decides that the mandate of UNAMX shall be as follows:\n(i) To monitor the ceasefire;\n"
        f"(ii) To support the peace process;\n{second_lead}\n"
        f"({numbers[0]}) Support the reform of the national police;\n"
        f"({numbers[1]}) Support the holding of elections;"
    )


@pytest.mark.parametrize("numbers", [("iii", "iv"), ("i", "ii")])
def test_a_second_lead_in_on_its_own_line_continues_or_restarts_the_list(numbers: tuple[str, str]) -> None:
    found = _listed("Further decides that UNAMX shall:", numbers)
    assert ("PoliceReform", A, f"2{numbers[0]}") in found
    assert ("ElectAssist", A, f"2{numbers[1]}") in found
    assert ("Ceasefire", M, "2i") in found


@settings(max_examples=25, deadline=None)
@given(
    law=st.sampled_from(
        ["international human rights law", "human rights obligations", "human rights standards"]
    ),
    frame=st.sampled_from(["in compliance with", "in accordance with", "consistent with", "in line with"]),
    before=st.sampled_from(
        ["applicable ", "international humanitarian law and ", "the Charter, refugee law and applicable "]
    ),
    task=st.sampled_from(
        [("support the peace process", "PeaceProcess"), ("protect civilians", "CivProtect")]
    ),
)
def test_no_compliance_frame_gives_a_human_rights_task(
    law: str, frame: str, before: str, task: tuple[str, str]
) -> None:
    found = _requested(f"{task[0]}, {frame} {before}{law}")
    assert {code for code, _ in found} == {task[1]}


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("support the return of former combatants to civilian life", "Reintegration"),
        ("support the reform of the defence sector", "MilitaryReform"),
        ("support the rebuilding of the national army", "MilitaryReform"),
        ("support accountability for serious crimes", "TransJustice"),
        ("cooperate with the International Criminal Court", "TransJustice"),
        ("support the improvement of detention facilities", "CorrectionsReform"),
        ("support the return of civil servants to the regions", "StateAuthority"),
        ("support the work of the national parliament", "Democratization"),
        ("support the transition to democratic rule", "Democratization"),
        ("support dialogue between local communities", "LocalReconcil"),
        ("support the reconstruction of the economy", "EcDevelop"),
        ("support youth employment", "EcDevelop"),
        ("support the drafting of new laws", "LegalReform"),
        ("support the demarcation of the boundaries", "BorderControl"),
        ("support efforts to counter the proliferation of small arms", "ControlSALW"),
    ],
)
def test_round8_codebook_family_of_a_task_is_found(words: str, expected: str) -> None:
    assert _requested(words) == {(expected, A)}


def test_the_cessation_of_armed_hostilities_is_a_ceasefire() -> None:
    assert _requested("monitor the cessation of armed hostilities") == {("Ceasefire", M)}


def test_crimes_against_peacekeepers_are_no_transitional_justice() -> None:
    words = "take measures to establish accountability for crimes against peacekeepers"
    assert _requested(words) == set()


def test_armed_groups_that_threaten_civilians_are_no_task_of_their_own() -> None:
    words = "seize weapons of armed groups that present an imminent threat to civilians"
    assert _requested(words) == set()


@pytest.mark.parametrize(
    ("words", "modality"),
    [
        ("secure the electoral process", S),
        ("support the national police in securing the electoral process", A),
    ],
)
def test_who_secures_the_vote_sets_its_modality(words: str, modality: str) -> None:
    assert ("ElectSec", modality) in _requested(words)


def test_an_item_s_title_line_gives_way_to_what_its_text_does() -> None:
    found = _coded(
        "Decides that the mandate of UNAMX shall include the following tasks:\n\n"
        "(a) Facilitate the delivery of humanitarian assistance\n\n"
        "To contribute to the creation of a secure environment for the delivery of humanitarian "
        "assistance;\n\n"
        "(b) Promotion of human rights\n\n"
        "To monitor, investigate and report on violations of human rights;"
    )
    assert {(t, m) for t, m, p in found if p in {"2a", "2b"}} == {("HumanRelief", S), ("HumanRights", M)}


def test_weapons_of_mass_destruction_are_no_small_arms() -> None:
    assert _requested("support efforts against the proliferation of weapons of mass destruction") == set()


def test_protecting_civilians_and_facilitating_relief_are_two_activities() -> None:
    words = "protect civilians and to facilitate the delivery of humanitarian assistance"
    assert _requested(words) == {("CivProtect", S), ("HumanRelief", A)}


def test_security_provided_to_assist_the_return_governs_it() -> None:
    words = "provide security, as appropriate, to assist in the return of refugees"
    assert _requested(words) == {("RefugeeIDPs", S)}


@pytest.mark.parametrize(
    "frame",
    [
        "consistent with the Government's primary responsibility to protect civilians",
        "bearing in mind that the Government is responsible for the protection of civilians",
        "in accordance with resolution 1325 (2000) on women and peace and security",
        "in compliance with the policy on child protection, including the release of children",
        "in full respect of the rule of law",
        "taking into account the need to protect civilians",
    ],
)
def test_the_frame_the_operation_works_in_is_no_task(frame: str) -> None:
    assert _requested(f"support the national police, {frame}") == {("PoliceReform", A)}


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("support the authorities, in accordance with its mandate, to protect civilians", ("CivProtect", S)),
        ("act in accordance with its mandate, and monitor human rights", ("HumanRights", M)),
        ("support the authorities, in line with the national strategy for the reform of the police",
         ("PoliceReform", A)),
    ],
)  # fmt: skip
def test_an_activity_after_the_frame_is_a_task(words: str, expected: tuple[str, str]) -> None:
    assert expected in _requested(words)


def test_integration_into_the_security_and_defence_forces_is_military_reform() -> None:
    words = "support the integration of former combatants into the security and defence forces"
    assert ("MilitaryReform", A) in _requested(words)


@pytest.mark.parametrize(
    ("words", "second"),
    [
        ("monitor the ceasefire and to mobilize resources for economic recovery", ("EcDevelop", A)),
        ("verify the ceasefire and to rebuild the national police", ("PoliceReform", A)),
        ("monitor the ceasefire and convene regular meetings of the parties on the peace process",
         ("PeaceProcess", A)),
    ],
)  # fmt: skip
def test_a_second_activity_is_not_governed_by_the_first_verb(words: str, second: tuple[str, str]) -> None:
    assert _requested(words) == {("Ceasefire", M), second}


@pytest.mark.parametrize("verb", ["intercept", "interdict"])
def test_intercepting_embargoed_cargo_secures_the_embargo(verb: str) -> None:
    assert _requested(f"{verb} vessels in violation of the arms embargo") == {("ArmsEmbargo", S)}


@pytest.mark.parametrize(
    "words",
    [
        "ensure that its personnel comply with international human rights law",
        "ensure that all its personnel respect human rights in the conduct of its operations",
        "ensure that its contingents abide by international humanitarian law and the protection of civilians",
    ],
)
def test_the_operation_s_own_conduct_is_no_task(words: str) -> None:
    assert _requested(words) == set()


def test_helping_others_respect_human_rights_stays_a_task() -> None:
    words = "support the national police to respect human rights"
    assert _requested(words) == {("PoliceReform", A), ("HumanRights", A)}
