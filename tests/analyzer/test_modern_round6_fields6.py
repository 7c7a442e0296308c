"""Round 6 on modern mandates, the weak held-out fields: agreements named, host consent and operation type.
Each convention of `data/modern/README.md` tried in every way the Council words it, in short resolutions
written for the test in the Council's drafting (no text of a held-out resolution)."""

from __future__ import annotations

import csv
from typing import Any

import pytest

from missiongate.analyzer.mandate_eval import same_value
from missiongate.analyzer.missions import PEACEKEEPING
from tests.analyzer.helpers import DATA, fields_of

EXTEND = (
    "Decides to extend the mandate of the United Nations Assistance Mission in Somewhere (UNAMX) until "
    "31 March 2031;"
)


def _fields(pre: str, *operative: str) -> dict[str, Any]:
    return fields_of(pre, *(operative or (EXTEND,)))


def _agreements(pre: str, *operative: str) -> tuple[str, ...]:
    return tuple(_fields(pre, *operative)["peace_agreements"])


# Agreements named (README: "listed only when named"; electoral agreements, joint declarations, proposals,
# communiqués, statements, road maps and pacts are not; named transition agreements are).
@pytest.mark.parametrize(
    ("pre", "names"),
    [
        # a capitalised plural is one name, as a lower-case one is
        ("Recalling the Portville Agreements,", ("Portville Agreements",)),
        ("Recalling the Portville Accords,", ("Portville Accords",)),
        # a list of places before one plural noun names one agreement per place
        ("Recalling the Portville and Capital Agreements,", ("Portville Agreement", "Capital Agreement")),
        ("Recalling the Portville and Capital Peace Agreements,",
         ("Portville Peace Agreement", "Capital Peace Agreement")),
        ("Recalling the Portville, Eastbay and Capital Accords,",
         ("Portville Accord", "Eastbay Accord", "Capital Accord")),
        # a generic title with the place and date of its signature names the agreement
        ("Recalling the Peace Agreement signed in Portville on 3 October 2029, and welcoming the Capital "
         "Agreement,", ("Peace Agreement signed in Portville on 3 October 2029", "Capital Agreement")),
        ("Recalling the Ceasefire Agreement of 23 October 2029, and welcoming the Capital Agreement,",
         ("Ceasefire Agreement of 23 October 2029", "Capital Agreement")),
        ("Recalling the Cessation of Hostilities Agreement signed on 21 December 2029, and the Capital "
         "Agreement,",
         ("Cessation of Hostilities Agreement signed on 21 December 2029", "Capital Agreement")),
        ("Recalling the 23 October 2029 Ceasefire Agreement, and the Capital Agreement,",
         ("23 October 2029 Ceasefire Agreement", "Capital Agreement")),
        ("Recalling the Political Framework Agreement of 5 December 2029, and the Capital Agreement,",
         ("Political Framework Agreement of 5 December 2029", "Capital Agreement")),
        ("Recalling the Juba Agreement of 3 October 2029,", ("Juba Agreement",)),
        # a short name after the first mention is the same agreement
        ("Recalling the Revitalized Agreement on the Resolution of the Conflict in Somewhere (R-ARCSX), "
         "and calling for the implementation of the Revitalized Agreement,",
         ("Revitalized Agreement on the Resolution of the Conflict in Somewhere",)),
        ("Recalling the Comprehensive Peace Agreement,", ("Comprehensive Peace Agreement",)),
        ("Recalling the Algiers Accord,", ("Algiers Accord",)),
        ("Recalling the Agreement on Peace and Reconciliation in Somewhere, and the Portville Agreement,",
         ("Agreement on Peace and Reconciliation in Somewhere", "Portville Agreement")),
        ("Recalling the Agreement on the City of Portville and the Ports of Portville, Eastbay and Westbay,",
         ("Agreement on the City of Portville and the Ports of Portville, Eastbay and Westbay",)),
        ("Recalling the Agreement on the Roadmap to a Peaceful End of the Transition Period,",
         ("Agreement on the Roadmap to a Peaceful End of the Transition Period",)),
        ("Recalling the Capital Document for Peace in Somewhere,",
         ("Capital Document for Peace in Somewhere",)),
        # lower-case "agreement" after a place of two words, or with an apostrophe; listed places
        ("Recalling the Sun City agreement,", ("Sun City agreement",)),
        ("Recalling the N’Djamena agreement,", ("N’Djamena agreement",)),
        ("Recalling the Portville and Capital agreements,", ("Portville agreement", "Capital agreement")),
        # the same agreement under a shorter name with a generic word ("Peace") is listed once
        ("Recalling the Revitalized Peace Agreement and the Revitalized Agreement on the Resolution of the "
         "Conflict in Somewhere,", ("Revitalized Agreement on the Resolution of the Conflict in Somewhere",)),
    ],
)  # fmt: skip
def test_agreements_named_in_every_form(pre: str, names: tuple[str, ...]) -> None:
    assert same_value("peace_agreements", tuple(sorted(names)), _agreements(pre))


@pytest.mark.parametrize(
    "pre",
    [
        "Welcoming the Portville Communiqué of 3 May 2029,",
        "Welcoming the Joint Declaration of Principles,",
        "Welcoming the Capital Road Map for Peace,",
        "Welcoming the Capital Roadmap,",
        "Welcoming the Pact for Peace and Stability,",
        "Welcoming the Political Framework for the Transition,",
        "Welcoming the arrangements for the transition agreed in Portville,",
        "Welcoming the Electoral Agreement,",
        "Welcoming the Military Technical Agreement,",
        "Welcoming the Memorandum of Understanding on the Transition,",
        "Welcoming the Status of Mission Agreement,",
        "Welcoming the proposals for a ceasefire,",
        "Recalling the Portville Statement,",
        "Welcoming the Cooperation Agreements of 27 September 2029,",
        "Welcoming the signing of the Status-of-Forces Agreement,",
        "Welcoming the Host-Country Agreement,",
        "Recalling the Capital Declaration of Agreement between the parties,",
        "Welcoming the National Security Architecture agreement,",
        "Welcoming the Transitional Federal Government agreement,",
    ],
)
def test_what_the_convention_leaves_out(pre: str) -> None:
    assert _agreements(pre) == ()


# Host consent (README: a request, an agreement, a shared letter or a status-of-forces/mission agreement
# with the host State; not the stock principle; a request for something else is not consent).
@pytest.mark.parametrize(
    "pre",
    [
        "Noting that the Government of Somewhere, through its Permanent Representative, requested the "
        "extension of the mandate of UNAMX,",
        "Noting that the Government of Somewhere, on 3 February 2030, requested the extension of the "
        "mandate of UNAMX,",
        "Noting that the Government of Somewhere has given its consent to the continued presence of UNAMX,",
        "Noting that the Government of Somewhere has expressed its support for the extension of the mandate "
        "of UNAMX,",
        "Noting that the Government of Somewhere has welcomed the work of UNAMX and requested the "
        "continuation of its mandate,",
        "Taking note of the Presidency Council’s request for the continued support of UNAMX,",
        "Taking note of the Government’s expressed wish for the continued presence of UNAMX,",
        "Taking note of the request dated 3 February 2030 from the Government of Somewhere for the renewal "
        "of the mandate of UNAMX,",
        "Having received a request from the Government of Somewhere for the continued presence of UNAMX,",
        "Welcoming the invitation extended by the Government of Somewhere to UNAMX,",
        "Noting that the authorities of Somewhere have consented to the deployment of UNAMX,",
        "Responding to the request of the Government of National Unity of Somewhere,",
        "Noting the host Government’s acceptance of the deployment of UNAMX,",
        "Recalling the exchange of letters between the Secretary-General and the Government of Somewhere "
        "on the presence of UNAMX,",
        "Taking note of the letter of the Government of Somewhere dated 3 May 2030 requesting the extension "
        "of UNAMX,",
        "Noting that UNAMX operates with the agreement of Somewhere,",
        "Noting that UNAMX operates in agreement with the Government of Somewhere,",
        "Noting that UNAMX was deployed as invited by the Government,",
        "Noting the Government’s wish for UNAMX to continue its work,",
        "Noting that the Government of Somewhere supports the extension of the mandate of UNAMX,",
        "Noting the Government of Somewhere’s continued support for the presence of UNAMX,",
        "Welcoming the Somewhere Government’s request for the continued support of UNAMX,",
        "Noting the request in the letter from the Government of Somewhere for the extension of UNAMX,",
        "Noting that the Government of Somewhere, as set out in its letter, has requested the extension of "
        "UNAMX,",
        "Noting that the Presidential Council has requested the continued support of UNAMX,",
        "Noting the Government’s wish that the mandate of UNAMX be renewed,",
        "Taking note of the identical letters dated 3 May 2030 from the Permanent Representative of "
        "Somewhere addressed to the Secretary-General and the President of the Security Council "
        "requesting the extension of UNAMX,",
    ],
)
def test_host_consent_in_every_construction(pre: str) -> None:
    assert _fields(pre)["consent_host_state"] is True


@pytest.mark.parametrize(
    "pre",
    [
        "Recognizing that the consent of the host State is one of the basic principles of peacekeeping,",
        "Stressing the need to obtain the consent of the host Government before any deployment,",
        "Reaffirming the basic principles of peacekeeping, such as consent of the host State, impartiality "
        "and non-use of force,",
        "Noting the request of the Government of Somewhere for the lifting of the sanctions measures,",
        "Noting the request of the Government of Somewhere for the closure of UNAMX,",
        "Encouraging the Government of Somewhere to request technical assistance from the Special "
        "Rapporteur,",
        "Noting the Government’s request for assistance from the United Nations Development Programme,",
        "Noting the request of the Government of Somewhere for a commission of inquiry into the events of "
        "May,",
        "Noting the agreement of Somewhere and Elsewhere on the border,",
        "Noting that the Peace and Security Council of the African Union has requested the continued support "
        "of UNAMX,",
        "Noting the request in paragraph 5 of resolution 8000 (2029),",
        "Taking note of the identical letters dated 3 May 2030 from the Permanent Representative of "
        "Somewhere addressed to the Secretary-General and the President of the Security Council,",
    ],
)
def test_principles_and_requests_for_something_else_record_no_consent(pre: str) -> None:
    assert _fields(pre)["consent_host_state"] is None


# Operation type (README: Chapter VII and "all necessary means/measures" for a UN peacekeeping operation is
# robust; ceasefire and buffer forces without it traditional; verification and monitoring missions observer;
# AU forces fighting armed groups peace enforcement; political offices none).
@pytest.mark.parametrize(
    ("acronym", "expected"),
    [
        ("UNFICYP", "traditional_peacekeeping"),
        ("UNDOF", "traditional_peacekeeping"),
        ("UNMOGIP", "observer_mission"),
        ("UNTSO", "observer_mission"),
    ],
)
def test_a_un_operation_named_only_by_its_acronym_is_typed_by_its_name(acronym: str, expected: str) -> None:
    operative = f"Decides to extend the mandate of {acronym} for a further period ending 31 January 2031;"
    patrol = f"Calls on the parties to respect the ceasefire lines monitored by {acronym};"
    assert _fields("Recalling its resolutions,", operative, patrol)["operation_type"] == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("United Nations Mission in Somewhere (UNMX)", "observer_mission"),
        ("United Nations Support Mission in Somewhere (UNSMX)", None),
    ],
)
def test_a_mission_of_unarmed_military_observers_is_an_observer_mission(name: str, expected: object) -> None:
    operative = (
        f"Decides to establish the {name}, composed of up to 300 unarmed military observers, for an initial "
        "period of 90 days;"
    )
    assert _fields("Recalling its resolutions,", operative)["operation_type"] == expected


CHAPTER7 = "Acting under Chapter VII of the Charter of the United Nations,"
RECALLING = "Recalling its resolutions,"


@pytest.mark.parametrize(
    ("pre", "operative", "expected"),
    [
        # a UN peacekeeping operation with Chapter VII and the formula is robust, whatever else it does
        (CHAPTER7, "Decides that the mandate of the United Nations Multidimensional Integrated "
         "Stabilization Mission in Somewhere (MINUSX) shall be extended until 15 November 2031 and "
         "authorizes MINUSX to use all necessary means to carry out its mandate;", "robust_peacekeeping"),
        (RECALLING, "Decides to extend the mandate of the United Nations Interim Security Force for "
         "Somewhere (UNISFX) until 15 November 2031 and, acting under Chapter VII of the Charter, "
         "authorizes UNISFX to take the necessary actions to protect civilians under imminent threat;",
         "robust_peacekeeping"),
        # a force without the formula is traditional
        (RECALLING, "Decides to extend the mandate of the United Nations Interim Force in Somewhere (UNIFX) "
         "until 31 August 2031;", "traditional_peacekeeping"),
        # a mission that oversees a ceasefire is an observer mission
        (RECALLING, "Decides to extend the mandate of the United Nations Mission to support the Portville "
         "Agreement (UNMPX) until 14 July 2031, to lead the Redeployment Coordination Committee and "
         "oversee the ceasefire and the redeployment of forces;", "observer_mission"),
        # regional forces: fighting armed groups is peace enforcement; a stabilization force is one
        (CHAPTER7, "Authorizes the Member States of the African Union to take all necessary measures to "
         "carry out the mandate of the African Union Transition Mission in Somewhere (ATMIX) until "
         "31 December 2030, including to conduct joint operations with the national army against armed "
         "groups;", "peace_enforcement"),
        (CHAPTER7, "Authorizes the Member States acting through or in cooperation with the European Union "
         "to establish for a further period of twelve months a multinational stabilization force (EUFOX) "
         "as a legal successor to the Stabilization Force;", "stabilization"),
        # political offices and missions have no type
        (RECALLING, "Decides to extend the mandate of the United Nations Integrated Office in Somewhere "
         "(UNIOX) until 28 February 2031 and requests it to monitor the ceasefire;", None),
        (RECALLING, "Decides to extend the mandate of the United Nations Transition Mission in Somewhere "
         "(UNTMX) until 31 October 2031 and requests it to monitor human rights;", None),
    ],
)  # fmt: skip
def test_operation_type_for_each_kind_of_force(pre: str, operative: str, expected: object) -> None:
    assert _fields(pre, operative)["operation_type"] == expected


@pytest.mark.parametrize(
    "operative",
    [
        "Authorizes the Member States of the African Union to take all necessary measures to carry out "
        "the mandate of the African Union Transition Mission in Somewhere (ATMIX) until 31 December 2030;",
        "Decides to authorize the Member States of the African Union to take all necessary measures to "
        "fulfil the mandate of the African Union Transition Mission in Somewhere (ATMIX) for a further "
        "period of twelve months;",
    ],
)
def test_a_regional_force_authorised_again_for_a_period_is_extended(operative: str) -> None:
    fields = _fields(CHAPTER7, operative)
    assert (fields["operation_action"], fields["operation_name"]) == ("extend", "ATMIX")


def test_force_to_inspect_vessels_for_a_period_extends_no_operation() -> None:
    operative = (
        "Authorizes Member States to use all necessary measures to inspect vessels on the high seas "
        "for a period of twelve months;"
    )
    assert _fields(CHAPTER7, operative)["operation_action"] == "none"


@pytest.mark.parametrize(
    "operative",
    [
        "Decides that UNMX shall use all necessary means, within its capabilities and areas of deployment, "
        "to protect civilians under threat of physical violence;",
        "Decides that the mandate of UNMX shall include the use of all necessary means to protect civilians;",
        "Underlines that UNMX is mandated to use all necessary means to protect civilians;",
    ],
)
def test_force_the_council_gives_the_operation_by_shall_makes_it_robust(operative: str) -> None:
    extend = (
        "Decides to extend the mandate of the United Nations Mission in Somewhere (UNMX) until 30 April 2031;"
    )
    fields = _fields(CHAPTER7, extend, operative)
    assert (fields["force_addressee"], fields["operation_type"]) == ("un_operation", "robust_peacekeeping")


def test_all_states_that_shall_take_all_necessary_measures_are_not_authorised() -> None:
    operative = "Decides that all States shall take all necessary measures to prevent the supply of arms;"
    fields = _fields(CHAPTER7, operative)
    assert (fields["force_authorised"], fields["operation_type"]) == (False, None)


def test_a_generic_title_alone_is_named_by_its_signature() -> None:
    pre = "Recalling the Peace Agreement signed in Portville on 23 September 2029,"
    assert _agreements(pre) == ("Peace Agreement signed in Portville on 23 September 2029",)


def test_the_list_of_peacekeeping_operations_is_the_data_hubs() -> None:
    rows = csv.DictReader((DATA / "missions" / "un-peacekeeping-missions.csv").open(encoding="utf-8"))
    official = {row["mission_acronym"].strip(): " ".join(row["mission_name"].split()) for row in rows}
    assert PEACEKEEPING.items() <= official.items()
    assert {"UNFICYP", "UNDOF", "UNTSO", "UNMOGIP", "MINURSO", "UNISFA"} <= PEACEKEEPING.keys()
