"""Round 10 on modern mandates, tasks: classes learned from the blind constructed sets taskwritec (political,
integrated and verification missions) and taskwrited (robust operations and non-UN forces): lead-ins that
pass their verb or their agent to a list, item headings over lists, the operation's own communication, object
families, precision classes and modality classes. Short resolutions written for the test, in the Council's
drafting (no writer's item, no text of a held-out resolution); the two constructed sets themselves are
re-scored against a floor."""

from __future__ import annotations

from pathlib import Path

import pytest

from missiongate.analyzer.analysis import analyze_text
from missiongate.analyzer.evaluation import Counts
from missiongate.analyzer.summary import summarise
from missiongate.yamlio import read_yaml
from tests.analyzer.helpers import HEAD

EXTEND = (
    "Decides to extend the mandate of the United Nations Assistance Mission in Somewhere (UNAMX) until "
    "31 March 2031;"
)
A, M, S, E = "Assist", "Monitor", "Security", "Encouraged"
CONSTRUCTED = Path(__file__).resolve().parents[2] / "data" / "modern" / "constructed"


def _text(*operative: str) -> str:
    body = "\n".join(f"{i}. {text}" for i, text in enumerate((EXTEND, *operative), start=1))
    return f"{HEAD}The Security Council,\n\nRecalling its resolutions,\n\n{body}\n"


def _found(*operative: str) -> set[tuple[str, str]]:
    """The task findings (before the summary's gate), as (code, modality)."""
    return {(f.value, f.detail["modality"]) for f in analyze_text(_text(*operative)).of_kind("task")}


def _codes(*operative: str) -> set[str]:
    return {code for code, _ in _found(*operative)}


def _requested(words: str) -> set[tuple[str, str]]:
    return _found(f"Requests UNAMX to {words};")


# -- lead-ins -------------------------------------------------------------------------------------------


def test_a_passive_lead_in_mandates_the_operation_it_names_as_agent() -> None:
    listed = (
        "(a) protecting relief convoys and humanitarian personnel;\n(b) supporting the return of refugees;"
    )
    by_operation = f"Decides that the following tasks shall be carried out by UNAMX, in this order:\n{listed}"
    by_government = f"Decides that the following tasks shall be carried out by the Government:\n{listed}"
    assert {("HumanRelief", S), ("RefugeeIDPs", A)} <= _found(by_operation)
    assert not _codes(by_government) & {"HumanRelief", "RefugeeIDPs"}


def test_a_lead_in_verb_governs_the_items_that_name_no_activity() -> None:
    verify = (
        "Decides that UNAMX shall, giving priority to the northern districts, verify:\n"
        "(a) the respect by both sides of the cessation of hostilities;\n"
        "(b) the demobilization of combatants in the assembly areas;"
    )
    assert {("Ceasefire", M), ("DisarmDemob", M)} <= _found(verify)
    following = (
        "Decides that UNAMX shall verify, in line with the Accord, the following:\n"
        "(a) the return of displaced families to their villages;"
    )
    assert ("RefugeeIDPs", M) in _found(following)


def test_a_lead_in_that_only_carries_out_its_list_governs_no_item() -> None:
    carried = "Requests UNAMX to carry out the following tasks:\n(a) offensive operations against the groups;"
    assert ("OffensOper", S) in _found(carried)


def test_an_item_with_its_own_verb_keeps_it_under_a_verifying_lead_in() -> None:
    verify = (
        "Decides that UNAMX shall, as set out below, verify:\n(a) to support the demobilization of fighters;"
    )
    assert ("DisarmDemob", A) in _found(verify)


# -- the operation's own communication --------------------------------------------------------------------


@pytest.mark.parametrize(
    "words",
    [
        "conduct an information campaign explaining its role to the population",
        "counter misinformation about the Mission through its own radio",
        "strengthen its strategic communications",
        "conduct public outreach to explain its mandate",
    ],
)
def test_the_operation_s_communication_about_itself_is_its_own(words: str) -> None:
    assert ("PublicInfo", S) in _requested(words)


def test_help_with_someone_else_s_public_information_stays_help() -> None:
    assert ("PublicInfo", A) in _requested("support the public information campaign of the electoral body")
    in_its_mandate = (
        "support the public information campaign of the Government in the implementation of its mandate"
    )
    assert _requested(in_its_mandate) == {("PublicInfo", A)}


# -- object families ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "task"),
    [
        ("support the distribution of powers between the centre and the regions", "PowerSharing"),
        ("assist in the allocation of ministerial posts among the signatories", "PowerSharing"),
        ("advise on the transparent use of hydrocarbon revenues", "Resources"),
        ("support the Government in the management of its forests", "Resources"),
        ("monitor the trade in gold in the mining areas", "Resources"),
        ("assist in recovering looted artefacts for the national museum", "CulturalHeritage"),
        ("support the rehabilitation of the historic mosques of the old town", "CulturalHeritage"),
        ("support the national vaccination campaign", "PublicHealth"),
        ("support the response to the cholera outbreak", "PublicHealth"),
        ("support the return of displaced families", "RefugeeIDPs"),
        ("guard the displacement sites near its bases", "RefugeeIDPs"),
        ("support dialogue between herding and farming communities", "LocalReconcil"),
        ("support confidence-building between the communities of the valley", "LocalReconcil"),
        ("promote confidence-building between the two Governments", "RegReconcil"),
        ("support the normalization of relations between the two neighbours", "RegReconcil"),
        ("support the prevention of violence against women and girls", "SGBViolence"),
        ("support the Government in ending child recruitment", "ChildRights"),
        ("verify the disbandment of the militias and the handover of their weapons", "DisarmDemob"),
        ("support the reception of disengaged combatants", "DisarmDemob"),
        ("support the work of the historical clarification commission", "TransJustice"),
        ("support the truth, justice and reparations commission", "TransJustice"),
        ("assist national human rights institutions and non-governmental organizations", "CivilSociety"),
        ("support the presence of State institutions in the provinces", "StateAuthority"),
        ("advise on the security arrangements for the elections", "ElectSec"),
        ("support the revision of the penal code", "LegalReform"),
        ("assist the prison service, including the correctional facilities", "CorrectionsReform"),
        ("support the reform of the armed forces into a professional army", "MilitaryReform"),
        ("train, mentor and advise the national army", "MilitaryReform"),
        ("support the armed forces in capacity-building and training", "MilitaryReform"),
        ("advise on the reform of the internal security forces", "PoliceReform"),
        ("support the revival of local markets", "EcDevelop"),
        ("verify the reduction of troops in the border districts", "Demil"),
        ("monitor the neutral strip between the two sides", "Demil"),
        ("report on arms transfers in breach of the embargo", "ArmsEmbargo"),
        ("support the dialogue among political parties", "PolPartyAssist"),
        ("support the implementation of the National Unity Charter", "PeaceProcess"),
    ],
)
def test_object_families(words: str, task: str) -> None:
    assert task in {code for code, _ in _requested(words)}


@pytest.mark.parametrize(
    ("words", "task"),
    [
        ("support the fisheries protection capability of the coast guard", "Resources"),
        ("support the reintegration of disengaged combatants", "DisarmDemob"),
        ("support the national border police", "PoliceReform"),
        ("support the Electoral Tribunal", "TransJustice"),
        (
            "facilitate the work of humanitarian organizations and non-governmental organizations",
            "CivilSociety",
        ),
        ("complete the withdrawal of its uniformed personnel", "Demil"),
        ("ensure respect for the Charter of the United Nations", "PeaceProcess"),
        ("verify the cantonment of heavy weapons", "DisarmDemob"),
    ],
)
def test_near_misses_of_the_families_are_not_found(words: str, task: str) -> None:
    assert task not in {code for code, _ in _requested(words)}


# -- precision --------------------------------------------------------------------------------------------


def test_a_heading_over_a_list_is_the_list_s_title() -> None:
    decided = (
        "Decides that the mandate of UNAMX shall be as follows:\n"
        "(a) Rule of law and security:\n(i) to support the reform of the armed forces;\n"
        "(b) Protection of civilians and human rights:\n(i) to protect civilians under threat;"
    )
    found = _codes(decided)
    assert {"MilitaryReform", "CivProtect"} <= found
    assert not found & {"JusticeReform", "HumanRights"}


def test_a_national_police_force_helped_is_the_police() -> None:
    assert "PoliceReform" in _codes("Requests UNAMX to support the reform of the Somewhere Police Force;")
    assert "PoliceReform" not in _codes(
        "Requests UNAMX to provide medical evacuation for the Somewhere Police Force;"
    )


def test_a_task_no_longer_carried_out_or_named_as_a_time_is_not_given() -> None:
    assert "Ceasefire" not in _codes(
        "Decides that UNAMX shall no longer carry out the ceasefire monitoring tasks;"
    )
    assert "ElectAssist" not in _codes(
        "Requests UNAMX to support democratic institutions ahead of the elections;"
    )


def test_cargo_inspected_at_border_crossings_under_an_embargo_is_the_embargo_s() -> None:
    found = _codes(
        "Requests UNAMX to monitor the arms embargo, including by inspecting cargo at airports and border "
        "crossings;"
    )
    assert "ArmsEmbargo" in found and "BorderControl" not in found


def test_beside_voter_education_the_electoral_body_helped_is_no_electoral_assistance() -> None:
    assert _requested("assist the National Electoral Commission in civic and voter education") == {
        ("VoterEducation", A)
    }


def test_the_parties_and_agencies_addressed_are_not_the_operation() -> None:
    assert not _found("Calls upon both parties to provide UNAMX with maps of all minefields;")
    assert not _found(
        "Requests the United Nations High Commissioner for Refugees to lead the return of refugees;"
    )


def test_an_acronym_with_a_hyphen_names_the_operation() -> None:
    deployed = "Authorizes Member States to deploy a Regional Police Support Force in Somewhere (RPSF-S);"
    assert ("CivProtect", S) in _found(deployed, "Authorizes the RPSF-S to protect civilians under threat;")


def test_women_the_task_reaches_are_no_gender_task() -> None:
    assert "Gender" not in _requested("protect civilians, with particular attention to women and children")
    assert "Gender" not in _requested("protect civilians, including by escorting women and girls")
    assert "Gender" in {c for c, _ in _requested("support the participation of women in the peace talks")}


def test_humanitarian_agencies_worked_with_are_partners() -> None:
    found = _requested("support the return of refugees, in coordination with humanitarian agencies")
    assert "HumanRelief" not in {c for c, _ in found}


def test_a_settlement_s_provisions_on_one_subject_are_that_subject_s() -> None:
    provisions = _requested(
        "support the implementation of the power-sharing provisions of the Bantry Agreement"
    )
    assert "PowerSharing" in {c for c, _ in provisions} and "PeaceProcess" not in {c for c, _ in provisions}
    assert "PeaceProcess" in {c for c, _ in _requested("support the implementation of the Bantry Agreement")}


def test_improving_conditions_of_detention_is_prison_reform_monitoring_them_is_rights() -> None:
    improving = {c for c, _ in _requested("assist the prison service in improving conditions of detention")}
    assert "CorrectionsReform" in improving and "HumanRights" not in improving
    assert ("HumanRights", M) in _requested("monitor the conditions of detention")


def test_investigating_and_prosecuting_is_the_criminal_justice_chain() -> None:
    found = {c for c, _ in _requested("support the judicial authorities to investigate and prosecute abuses")}
    assert "JusticeReform" in found and "TransJustice" not in found
    assert "TransJustice" in {c for c, _ in _requested("support the hybrid special court")}


# -- modality -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "task"),
    [
        ("conduct, jointly with the national army, offensive operations against armed groups", "OffensOper"),
        ("clear, within its capabilities, explosive ordnance from the main roads", "Demining"),
        ("ensure the provision of security for polling stations", "ElectSec"),
        ("facilitate the delivery of humanitarian assistance by securing the supply routes", "HumanRelief"),
        ("disarm, forcibly if necessary, the members of armed groups", "DisarmDemob"),
        ("neutralize and disarm the fighters of the armed groups", "DisarmDemob"),
        ("create, within its capabilities, a secure environment for the delivery of humanitarian assistance",
         "HumanRelief"),
        ("escort the transport of ballots and electoral materials", "ElectSec"),
        ("protect candidates and electoral officials under threat", "ElectSec"),
        ("interpose itself between the forces to prevent a resumption of hostilities", "Ceasefire"),
        ("patrol the buffer zone", "Demil"),
    ],
)  # fmt: skip
def test_what_the_operation_does_itself_is_security(words: str, task: str) -> None:
    assert (task, S) in _requested(words)


def test_help_to_another_s_operations_by_securing_routes_stays_help() -> None:
    found = _requested(
        "support Government-led operations against the armed groups, including by securing routes"
    )
    assert ("OffensOper", A) in found and ("OffensOper", S) not in found


def test_securing_the_vote_is_not_general_electoral_assistance() -> None:
    found = _requested("escort the transport of ballots and electoral materials")
    assert "ElectAssist" not in {c for c, _ in found}


# -- the constructed sets ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "floor"),
    [("taskwritea", 0.86), ("taskwriteb", 0.82), ("taskwritec", 0.95), ("taskwrited", 0.90)],
)
def test_the_constructed_sets_keep_their_floor(name: str, floor: float) -> None:
    """Development material since round 9 (a, b: 0.888 and 0.843 ungated at that round's last commit) and
    round 10 (c, d: 0.973 and 0.925), less a margin; scored as `bench/tasks_constructed.py --ungated` scores
    them."""
    counts = Counts()
    for raw in read_yaml(CONSTRUCTED / f"{name}.yaml").data["items"]:
        want = {task["code"] for task in raw.get("tasks") or []}
        got = {f.value for f in analyze_text(raw["text"]).of_kind("task")}
        counts.tp += len(want & got)
        counts.fp += len(got - want)
        counts.fn += len(want - got)
    assert counts.f1 >= floor


def test_the_summary_keeps_a_passive_lead_in_s_tasks() -> None:
    """The gated summary too: the operation renewed, its list given by a passive lead-in."""
    text = _text(
        "Decides that the following tasks shall be undertaken by UNAMX:\n"
        "(a) supporting the return of refugees;"
    )
    assert ("RefugeeIDPs", A) in {(t.task, t.modality) for t in summarise(analyze_text(text)).tasks}
