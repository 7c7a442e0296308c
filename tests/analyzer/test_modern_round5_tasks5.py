"""Round 5 on modern mandates, tasks and modality: the families of wordings the Council uses for each task
and its verbs of help and of monitoring. Short resolutions written for the test, in the Council's drafting
(no text of a held-out resolution)."""

from __future__ import annotations

import pytest

from missiongate.analyzer.analysis import analyze_text
from missiongate.analyzer.summary import summarise
from tests.analyzer.helpers import HEAD

EXTEND = (
    "Decides to extend the mandate of the United Nations Assistance Mission in Somewhere (UNAMX) until "
    "31 March 2031;"
)


def _tasks_of(*operative: str) -> set[tuple[str, str]]:
    body = "\n\n".join(f"{i}. {text}" for i, text in enumerate(operative, start=1))
    text = f"{HEAD}The Security Council,\n\nRecalling its resolutions,\n\n{body}\n"
    return {(task.task, task.modality) for task in summarise(analyze_text(text)).tasks}


def _tasks(*operative: str) -> set[tuple[str, str]]:
    return _tasks_of(EXTEND, *operative)


# "Decides that UNAMX shall <verb>" tells the operation what to do, as "Requests UNAMX to <verb>" does,
# whatever the verb of help
@pytest.mark.parametrize(
    "verb",
    ["advocate for", "work with the Government on", "mentor the authorities on", "foster", "mainstream",
     "engage with the authorities on", "liaise with the authorities on", "sensitize the population on"],
)  # fmt: skip
def test_the_operation_shall_help_whatever_the_verb(verb: str) -> None:
    assert _tasks(f"Decides that UNAMX shall {verb} human rights;") == {("HumanRights", "Assist")}


@pytest.mark.parametrize(
    "verb",
    ["track", "keep track of", "record", "report regularly on", "report publicly on",
     "gather information on", "collect information on"],
)  # fmt: skip
def test_tracking_recording_and_reporting_are_monitoring(verb: str) -> None:
    assert _tasks(f"Decides that UNAMX shall {verb} human rights violations;") == {("HumanRights", "Monitor")}


@pytest.mark.parametrize(
    "operative",
    [
        "Decides that the Mission will not be extended beyond 31 March 2031 unless the peace process moves;",
        "Decides that UNAMX shall comprise a human rights unit and an electoral unit;",
        "Decides that UNAMX’s police unit will include dedicated capacity on women’s protection;",
        "Decides that the tasks of UNAMX shall be carried out in a manner consistent with respect for human "
        "rights;",
    ],
)
def test_what_the_operation_is_or_how_it_works_is_no_task(operative: str) -> None:
    assert _tasks(operative) == set()


def test_a_broad_verb_heading_an_item_governs_only_what_is_near_it() -> None:
    operative = (
        "Requests UNAMX to carry out the following tasks:\n(a) Work with the Government to identify threats "
        "to civilians and ensure the protection of civilians, and to monitor, document and report on "
        "violations and abuses of human rights;"
    )
    assert _tasks(operative) == {("CivProtect", "Security"), ("HumanRights", "Monitor")}


def test_parties_that_engage_in_violations_are_not_helped() -> None:
    operative = "Requests UNAMX to report on parties that engage in violations against children;"
    assert _tasks(operative) == {("ChildRights", "Monitor")}


@pytest.mark.parametrize(
    ("operative", "expected"),
    [
        ("Decides that UNAMX shall advise the Independent Election Commission on preparing the vote;",
         ("ElectAssist", "Assist")),
        ("Requests UNAMX to support the National Electoral Commission;", ("ElectAssist", "Assist")),
        ("Requests UNAMX to support the Independent Human Rights Commission;", ("HumanRights", "Assist")),
        ("Requests UNAMX to support the conduct of credible local and national polls;",
         ("ElectAssist", "Assist")),
        ("Requests UNAMX to support access to justice;", ("JusticeReform", "Assist")),
        ("Requests UNAMX to support institution-building;", ("StateAuthority", "Assist")),
        ("Requests UNAMX to support the constitutional process;", ("LegalReform", "Assist")),
    ],
)  # fmt: skip
def test_the_family_of_each_task(operative: str, expected: tuple[str, str]) -> None:
    assert _tasks(operative) == {expected}


def test_a_body_that_is_the_operation_still_names_no_task() -> None:
    assert _tasks("Requests UNAMX to cooperate with the Truce Commission;") == set()


@pytest.mark.parametrize(
    "operative",
    [
        "Requests UNAMX to support a gender-sensitive programme of community violence reduction;",
        "Decides that UNAMX shall take gender considerations into account throughout its mandate;",
        "Requests UNAMX to integrate a gender perspective into its work;",
        "Requests the Secretary-General to ensure that UNAMX mainstreams gender throughout its activities;",
    ],
)
def test_how_the_operation_works_on_gender_is_no_gender_task(operative: str) -> None:
    assert "Gender" not in {task for task, _ in _tasks(operative)}


def test_support_to_women_is_still_a_gender_task() -> None:
    operative = "Requests UNAMX to take gender considerations into account and to support women in politics;"
    assert _tasks(operative) == {("Gender", "Assist")}


@pytest.mark.parametrize(
    "operative",
    [
        "Requests the Secretary-General to ensure that UNAMX has the necessary human rights capacity;",
        "Requests UNAMX to report to the Council on the implementation of its mandate, including on its "
        "support to elections;",
        "Requests the United Nations country team to support the electoral process;",
    ],
)
def test_the_operations_own_means_its_reports_and_the_country_team_are_no_tasks(operative: str) -> None:
    assert _tasks(operative) == set()


def test_the_operation_beside_the_country_team_is_still_addressed() -> None:
    operative = "Requests UNAMX and the United Nations country team to support the electoral process;"
    assert _tasks(operative) == {("ElectAssist", "Assist")}


def test_a_section_heading_with_commas_belongs_to_no_paragraph() -> None:
    operative = (
        "Requests UNAMX to support the electoral process;\n\n"
        "Gender, Sexual Violence, Disarmament and Reintegration\n\n"
        "3. Requests UNAMX to monitor and report on human rights;"
    )
    assert _tasks(operative) == {("ElectAssist", "Assist"), ("HumanRights", "Monitor")}


@pytest.mark.parametrize(
    "operative",
    [
        "Decides that the mandate of UNAMX shall be as follows:\n(a) Elections: to support the electoral "
        "process;\n(b) Human rights: to monitor and report on human rights;",
        "Decides that the mandate of UNAMX shall be as follows:\n(a) Elections:\n(i) to support the "
        "electoral process;\n(b) Human rights:\n(i) to monitor and report on human rights;",
        "Decides that the mandate of UNAMX shall be as follows: (a) Elections: (i) to support the electoral "
        "process; (b) Human rights: (i) to monitor and report on human rights;",
        "Decides that the mandate of UNAMX shall be as follows:\n(a) to support the electoral process;\n"
        "Human rights\n(b) to monitor and report on human rights;",
    ],
)
def test_a_task_named_in_an_items_heading_takes_the_items_modality(operative: str) -> None:
    assert _tasks(operative) == {("ElectAssist", "Assist"), ("HumanRights", "Monitor")}


def test_a_heading_whose_task_the_item_does_not_repeat_is_still_a_task() -> None:
    operative = "Decides that the mandate of UNAMX shall be as follows:\n(a) Human rights: to support women;"
    assert {task for task, _ in _tasks(operative)} == {"HumanRights", "Gender"}


@pytest.mark.parametrize(
    ("operative", "expected"),
    [
        ("Requests UNAMX to support the Government in monitoring human rights;", ("HumanRights", "Assist")),
        ("Requests UNAMX to assist the Panel of Experts in monitoring the arms embargo;",
         ("ArmsEmbargo", "Assist")),
        ("Requests UNAMX to support the Government by monitoring human rights;", ("HumanRights", "Monitor")),
        ("Requests UNAMX to support the elections and to monitor human rights;", ("HumanRights", "Monitor")),
    ],
)  # fmt: skip
def test_helping_others_monitor_is_assistance(operative: str, expected: tuple[str, str]) -> None:
    assert expected in _tasks(operative)


def test_a_task_taken_into_account_as_a_cross_cutting_issue_is_mainstreaming() -> None:
    operative = "Requests UNAMX to take fully into account child protection as a cross-cutting issue;"
    assert _tasks(operative) == set()
    operative = operative[:-1] + " and to assist the authorities in the protection of children;"
    assert _tasks(operative) == {("ChildRights", "Assist")}


def test_the_operation_encouraged_by_a_pronoun() -> None:
    operative = "Requests UNAMX to support the electoral process, and encourages it to promote human rights;"
    assert _tasks(operative) == {("ElectAssist", "Assist"), ("HumanRights", "Encouraged")}
    operative = "Urges the parties to hold elections, and encourages them to respect human rights;"
    assert _tasks(operative) == set()


@pytest.mark.parametrize(
    ("operative", "expected"),
    [
        ("Requests UNAMX to support the clearance of unexploded ordnance;", {("Demining", "Assist")}),
        ("Requests UNAMX to support the release of children associated with armed forces and groups;",
         {("ChildRights", "Assist")}),
        # the repatriation of foreign combatants is part of their DDR, not a return of refugees
        ("Requests UNAMX to support the disarmament and the repatriation, of foreign combatants;",
         {("DisarmDemob", "Assist")}),
        ("Requests UNAMX to support the repatriation of refugees;", {("RefugeeIDPs", "Assist")}),
    ],
)  # fmt: skip
def test_ordnance_children_in_armed_groups_and_whose_repatriation(
    operative: str, expected: set[tuple[str, str]]
) -> None:
    assert _tasks(operative) == expected


@pytest.mark.parametrize(
    ("establish", "acronym"),
    [
        ("Decides to establish the Multinational Security Support Mission (MSSX) for twelve months;", "MSSX"),
        ("Decides to extend until 31 March 2031 the mandate of the Special Political Office (SPOX);", "SPOX"),
        ("Decides to extend until 31 March 2031 the mandate of the Regional Force (hereafter “RFX”);", "RFX"),
    ],
)
def test_an_acronym_the_text_defines_for_its_operation_addresses_it(establish: str, acronym: str) -> None:
    assert _tasks_of(establish, f"Requests {acronym} to support the electoral process;") == {
        ("ElectAssist", "Assist")
    }
    assert _tasks_of(establish, f"Decides that {acronym} shall advocate for human rights;") == {
        ("HumanRights", "Assist")
    }


@pytest.mark.parametrize(
    "operative",
    [
        "Calls on troop-contributing countries of MSSX to provide training on sexual violence;",
        "Encourages the Office of the High Commissioner for Human Rights (OHCHR) to support elections;",
    ],
)
def test_contributors_and_agencies_are_not_the_operation(operative: str) -> None:
    establish = "Decides to establish the Multinational Security Support Mission (MSSX) for twelve months;"
    assert _tasks_of(establish, operative) == set()


@pytest.mark.parametrize(
    ("operative", "expected"),
    [
        ("Requests UNAMX to strengthen its human rights monitoring;", ("HumanRights", "Monitor")),
        ("Requests UNAMX to conduct independent human rights investigations;", ("HumanRights", "Monitor")),
        ("Requests UNAMX to deploy ceasefire monitors;", ("Ceasefire", "Monitor")),
        ("Requests UNAMX to strengthen national human rights monitoring;", ("HumanRights", "Assist")),
        ("Requests UNAMX to support the ceasefire monitoring mechanism;", ("Ceasefire", "Assist")),
    ],
)
def test_the_activity_named_after_the_task(operative: str, expected: tuple[str, str]) -> None:
    assert _tasks(operative) == {expected}


@pytest.mark.parametrize(
    "operative",
    [
        "Underlines that the strategic priority of UNAMX is to support the electoral process;",
        "Affirms that UNAMX’s priorities are:\n(a) to support the electoral process;",
        "Decides that the strategic priorities of UNAMX are:\n(a) to support the electoral process;",
    ],
)
def test_the_operations_priorities_are_its_tasks(operative: str) -> None:
    assert _tasks(operative) == {("ElectAssist", "Assist")}


def test_the_governments_priorities_are_not() -> None:
    assert _tasks("Underlines that the priority of the Government is to hold elections;") == set()


@pytest.mark.parametrize(
    ("operative", "expected"),
    [
        ("Decides that UNAMX shall operate in full respect of human rights;", set()),
        ("Requests UNAMX to carry out its tasks in accordance with international human rights law;", set()),
        ("Requests UNAMX to promote respect for human rights;", {("HumanRights", "Assist")}),
    ],
)
def test_how_the_operation_works_is_not_what_it_does(operative: str, expected: set[tuple[str, str]]) -> None:
    assert _tasks(operative) == expected
