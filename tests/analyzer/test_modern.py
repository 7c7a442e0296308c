"""The analyzer on modern drafting: the classes of issue 13, on committed development texts (PEMA dev rows
of MONUSCO and UNMISS in data/pema/texts) and on short resolutions written for the test."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from missiongate.analyzer.analysis import analyze_file, analyze_text
from missiongate.analyzer.structure import parse_structure
from missiongate.analyzer.summary import summarise
from missiongate.errors import MissionGateError
from tests.analyzer.helpers import DATA, HEAD, fields_of

PEMA_TEXTS = DATA / "pema" / "texts"
# development rows only (data/pema/split.json "added"."dev"); the held-out rows are never opened here
DEV_TEXTS = ("S_RES_1996_2011", "S_RES_2147_2014", "S_RES_2211_2015", "S_RES_2277_2016", "S_RES_2348_2017")


def _fields(pre: str, *operative: str) -> dict[str, Any]:
    return fields_of(pre, *operative)


@pytest.mark.parametrize("name", DEV_TEXTS)
def test_structure_agrees_with_the_source_paragraphs(name: str) -> None:
    """Every numbered operative paragraph of the source JSON is a top-level paragraph, in order."""
    source = json.loads((PEMA_TEXTS / f"{name}.json").read_text(encoding="utf-8"))
    numbers = [p["prefix"].rstrip(".") for p in source if p.get("paragraph_type") == "operative"
               and p.get("paragraph_level") == 1 and p.get("prefix")]  # fmt: skip
    structure = parse_structure((PEMA_TEXTS / f"{name}.txt").read_text(encoding="utf-8"))
    assert [p.id for p in structure.top_level()] == numbers


def test_romans_first_nest_letters_under_them() -> None:
    # 2277 para 35: "(i) Protection of civilians" then "(a) Ensure ... protection of civilians"
    structure = parse_structure((PEMA_TEXTS / "S_RES_2277_2016.txt").read_text(encoding="utf-8"))
    ids = {p.id for p in structure.operative}
    assert {"35i", "35ia", "35ib", "35ii", "35iia"} <= ids and "35a" not in ids


def test_monusco_renewal() -> None:
    fields = summarise(analyze_file(PEMA_TEXTS / "S_RES_2147_2014.txt")).fields
    assert fields["operation_action"] == "extend" and fields["operation_name"] == "MONUSCO"
    assert fields["end_date"] == "2015-03-31"
    # "19,815 military personnel, 760 military observers and staff officers, 391 police personnel, 1,050
    # personnel of formed police units": military adds observers and staff officers, police adds formed units
    assert (fields["ceiling_military"], fields["ceiling_police"]) == (20575, 1441)
    assert fields["force_authorised"] and fields["force_addressee"] == "un_operation"
    # "reaffirming the basic principles of peacekeeping, including consent of the parties" is no consent
    assert fields["consent_parties"] is None


def test_the_operation_established_not_the_first_acronym() -> None:
    fields = summarise(analyze_file(PEMA_TEXTS / "S_RES_1996_2011.txt")).fields
    assert fields["operation_name"] == "UNMISS"  # the preamble names UNAMID first
    assert fields["operation_action"] == "establish"
    assert (fields["ceiling_military"], fields["ceiling_police"]) == (7000, 900)


def test_hereafter_names_and_forces_outside_the_un() -> None:
    fields = _fields(
        "Acting under Chapter VII of the Charter of the United Nations,",
        "Authorizes the Member States of the African Union to deploy the African Union Transition Mission in "
        "Somewhere (hereafter ATMIS) until 31 December 2031, and decides that ATMIS shall replace AMISOM;",
        "Authorizes ATMIS to take all necessary measures to carry out its mandate;",
    )
    assert fields["operation_name"] == "ATMIS" and fields["operation_action"] == "replace"
    assert fields["force_addressee"] == "regional_force" and fields["force_for"] == ("mandate",)
    assert fields["end_date"] == "2031-12-31" and fields["chapter_vii_scope"] == "whole_resolution"


def test_multinational_force_deployment_is_authorised() -> None:
    fields = _fields(
        "Welcoming the letter from the Prime Minister of Somewhere requesting international support,",
        "Authorizes Member States to establish a multinational security support mission (MSSM) for a "
        "period of "
        "twelve months from the adoption of this resolution;",
        "Authorizes the multinational security support mission to take all necessary action to protect "
        "civilians;",
    )
    assert fields["operation_action"] == "authorise_deployment" and fields["operation_name"] == "MSSM"
    assert fields["force_authorised"] and fields["force_addressee"] == "multinational_force"
    assert fields["consent_host_state"] is True and fields["end_date"] == "2031-02-28"


@pytest.mark.parametrize(
    ("operative", "action"),
    [
        ("Decides to establish a Committee of the Security Council to oversee the measures;", "none"),
        ("Decides to establish a travel ban on the individuals listed;", "none"),
        ("Decides to extend, to 15 July 2031 the mandate of BINUH;", "extend"),
        ("Decides to renew the authorization provided by paragraph 11 for a further period of twelve months;",
         "extend"),
        ("Decides to terminate the mandate of UNXYZ on 30 June 2031;", "terminate"),
    ],
)  # fmt: skip
def test_actions(operative: str, action: str) -> None:
    assert _fields("Noting the report,", operative)["operation_action"] == action


def test_open_ended_and_ceiling_forms() -> None:
    fields = _fields(
        "Noting the report,",
        "Decides to extend the mandate of UNXYZ until the Council decides otherwise;",
        "Decides to increase the troop ceiling to 15,000, including 1,200 for the reserve, and that UNXYZ "
        "shall "
        "have a police ceiling of 2,101 police;",
        "Recalls the reduction of the Force by 2,000 troops;",
    )
    assert fields["end_date"] == "open_ended"
    assert (fields["ceiling_military"], fields["ceiling_police"]) == (15000, 2101)


def test_consent_recorded_versus_recalled() -> None:
    recalled = _fields(
        "Reaffirming the basic principles of peacekeeping, including consent of the parties, impartiality,",
        "Decides to extend the mandate of UNXYZ until 1 May 2031;",
    )
    recorded = _fields(
        "Noting the acceptance by both parties of the deployment, and acting at the request of the "
        "Government of Somewhere,",
        "Decides to extend the mandate of UNXYZ until 1 May 2031;",
    )
    assert (recalled["consent_parties"], recalled["consent_host_state"]) == (None, None)
    assert (recorded["consent_parties"], recorded["consent_host_state"]) == (True, True)


def test_agreements_cited_by_name_once() -> None:
    fields = _fields(
        "Welcoming the Revitalized Agreement on the Resolution of the Conflict in the Republic of Somewhere "
        "and "
        "recalling the Status of Forces Agreement,",
        "Calls on the parties to implement the Revitalized Agreement fully;",
    )
    assert fields["peace_agreements"] == (
        "Revitalized Agreement on the Resolution of the Conflict in the Republic of Somewhere",
    )


def test_a_lead_in_of_several_clauses_passes_on_the_mandate() -> None:
    text = (
        f"{HEAD}The Security Council,\n\nNoting the report,\n\n"
        "1. Decides that the mandate of UNXYZ shall be as follows, authorizes UNXYZ to use all necessary "
        "means "
        "to carry out its mandate, requests the Secretary-General to report, and stresses that the tasks are "
        "mutually reinforcing:\n\n(a) To monitor the ceasefire;\n\n(b) To protect civilians under threat;\n"
    )
    tasks = {(t.task, t.modality, t.paragraph) for t in summarise(analyze_text(text)).tasks}
    assert {("Ceasefire", "Monitor", "1a"), ("CivProtect", "Security", "1b")} <= tasks


def test_arrests_are_not_offensive_operations() -> None:
    text = f"{HEAD}The Security Council,\n\nNoting,\n\n1. Requests UNXYZ to support the arrest of suspects;\n"
    assert "OffensOper" not in {t.task for t in summarise(analyze_text(text)).tasks}


def test_chapter_vii_scope_forms() -> None:
    section = _fields(
        "Noting the report,",
        "Acting under Chapter VII of the Charter, authorizes UNXYZ to take all necessary action to protect "
        "civilians;",
    )
    assert section["chapter_vii"] and section["chapter_vii_scope"] == "section_only"
    assert section["force_for"] == ("protection_of_civilians",)
    none = _fields("Noting the report,", "Decides to remain seized of the matter.")
    assert (none["chapter_vii"], none["chapter_vii_scope"], none["force_authorised"]) == (
        False,
        "not_applicable",
        False,
    )


def test_an_annex_is_not_part_of_the_last_paragraph() -> None:
    annex = "\n\n".join(f"{i}. The parties shall protect civilians in zone {i};" for i in range(1, 40))
    text = f"{HEAD}The Security Council,\n\nNoting,\n\n1. Endorses the plan annexed;\n\nAnnex I\n\n{annex}\n"
    analysis = analyze_text(text)
    assert [p.id for p in analysis.structure.top_level()] == ["1"]
    assert analysis.structure.text[analysis.structure.body_end :].startswith("Annex I")
    assert not analysis.of_kind("task")


def test_more_than_26_lettered_sub_paragraphs() -> None:
    letters = "\n\n".join(
        f"({chr(97 + i % 26)}{'' if i < 26 else chr(97 + i % 26)}) item {i};" for i in range(30)
    )
    structure = parse_structure(
        f"{HEAD}The Security Council,\n\nNoting,\n\n1. Decides as follows:\n\n{letters}\n"
    )
    assert [p.id for p in structure.operative][:3] == ["1", "1a", "1b"] and "1z" in {
        p.id for p in structure.operative
    }


def test_a_body_far_beyond_any_resolution_is_refused() -> None:
    paragraphs = "\n\n".join(
        f"{i}. Requests UNXYZ to monitor the ceasefire in sector {i};" for i in range(1, 25000)
    )
    with pytest.raises(MissionGateError, match="over the 1,000,000-character limit"):
        analyze_text(f"{HEAD}The Security Council,\n\nNoting,\n\n{paragraphs}\n")


def _tasks(operative: str) -> set[tuple[str, str, str]]:
    renewal = "1. Decides to extend the mandate of UNXYZ until 1 May 2031;"
    text = f"{HEAD}The Security Council,\n\nNoting,\n\n{renewal}\n\n2. {operative}\n"
    return {(t.task, t.modality, t.paragraph) for t in summarise(analyze_text(text)).tasks}


def test_the_operations_own_police_is_no_police_reform() -> None:
    assert not {t for t in _tasks("Decides that UNXYZ shall include 391 police personnel;") if
                t[0] == "PoliceReform"}  # fmt: skip
    assert ("PoliceReform", "Assist", "2") in _tasks(
        "Requests UNXYZ to support the reform of the national police;"
    )


def test_good_offices_for_another_task_are_the_means() -> None:
    found = _tasks("Requests UNXYZ to provide good offices, advice and support for the reform of the police;")
    assert {t[0] for t in found} == {"PoliceReform"}
    assert {t[0] for t in _tasks("Requests UNXYZ to provide good offices to the parties;")} == {
        "PeaceProcess"
    }


def test_where_women_take_part_is_no_task_and_child_protection_is_assisted() -> None:
    found = _tasks(
        "Requests UNXYZ to take into account child protection and to assist the Government in ensuring the "
        "participation of women in security sector reform and disarmament;"
    )
    assert {t[0] for t in found} == {"ChildRights", "Gender"}
    assert ("ChildRights", "Security", "2") not in found


MODERN = DATA / "modern"


def _dev_texts() -> list[Path]:
    split = yaml.safe_load((MODERN / "split.yaml").read_text(encoding="utf-8"))
    listed = [*split["resolutions"], *split.get("added_dev", [])]
    dev = [MODERN / "texts" / r["file"] for r in listed if r["split"] == "dev"]
    return dev + [PEMA_TEXTS / f"{name}.txt" for name in DEV_TEXTS]


@pytest.mark.parametrize("path", _dev_texts(), ids=lambda p: p.stem)
def test_sub_paragraphs_agree_with_the_source(path: Path) -> None:
    """Each lettered or roman prefix of the source JSON is a sub-paragraph of the same numbered paragraph (the
    JSON sometimes drops a roman heading level, so only the last token is compared). An annex, whose numbers
    start again at 1 (S/RES/1636, 2118), is not the operative part."""
    source = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    structure = parse_structure(path.read_text(encoding="utf-8"))
    ids = {p.id for p in structure.operative}
    top = ""
    for entry in source:
        prefix = re.sub(r"[().]", "", entry.get("prefix") or "")
        if entry.get("paragraph_type") != "operative" or not prefix:
            continue
        if entry.get("paragraph_level") == 1:
            if top.isdigit() and prefix.isdigit() and int(prefix) <= int(top):
                break  # the annex
            top = prefix
        elif re.fullmatch(r"[a-z]{1,4}", prefix):
            assert any(i.startswith(top) and i.endswith(prefix) and i != top for i in ids), (top, prefix)


EUFOR = (
    "Authorizes the Member States acting through or in cooperation with the EU to establish for a further "
    "period of twelve months a multinational stabilization force (EUFOR ALTHEA);"
)
ATMIS = (
    "Authorizes the Member States of the African Union to maintain the deployment of the African Union "
    "Transition Mission in Somewhere (ATMIS), which shall support offensive operations against armed "
    "groups;"
)
EXTEND = "Decides to extend the mandate of the United Nations {} until 1 May 2031;"
UNDOF = EXTEND.format("Disengagement Observer Force (UNDOF)")
VERIFICATION = EXTEND.format("Verification Mission in Somewhere")
OFFICE = EXTEND.format("Integrated Office in Somewhere (BINUX)")


@pytest.mark.parametrize(
    ("operative", "expected"),
    [(EUFOR, "stabilization"), (ATMIS, "peace_enforcement"), (UNDOF, "traditional_peacekeeping"),
     (VERIFICATION, "observer_mission"), (OFFICE, None)],
)  # fmt: skip
def test_operation_types(operative: str, expected: str | None) -> None:
    assert _fields("Noting,", operative)["operation_type"] == expected


def test_named_without_an_acronym_and_consent_by_status_of_forces() -> None:
    fields = _fields(
        "Recalling the Status of Forces Agreement, and the United Nations Verification Mission in Somewhere "
        "(the Verification Mission),",
        "Decides that the Verification Mission shall monitor the implementation of the Final Agreement;",
    )
    assert fields["operation_name"] == "UNITED NATIONS VERIFICATION MISSION IN SOMEWHERE"
    assert fields["operation_action"] == "revise" and fields["consent_host_state"] is True


def test_what_force_is_authorised_for() -> None:
    fields = _fields(
        "Acting under Chapter VII,",
        "Authorizes the Member States acting under paragraph 1 to take all necessary measures to ensure "
        "compliance with the rules governing the airspace, and in defence of the force;",
        "Decides to extend the mandate of UNXYZ until 30 June 2031;",
    )
    assert fields["force_for"] == ("airspace_control", "self_defence")
    assert fields["force_addressee"] == "member_states"


def test_the_proposed_operation_name_is_the_one_acted_on() -> None:
    from missiongate.analyzer.facts import proposed_facts

    facts = proposed_facts(analyze_file(PEMA_TEXTS / "S_RES_1996_2011.txt"))
    assert facts["operation.name"].value == "United Nations Mission in the Republic of South Sudan (UNMISS)"
