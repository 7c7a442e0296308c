"""Round 5 on modern mandates, the decision fields: every wording the Council uses for host consent, named
agreements, the action on the operation, its name, end date and type, tried in short resolutions written
for the test in the Council's drafting (no text of a held-out resolution)."""

from __future__ import annotations

from typing import Any

import pytest

from missiongate.analyzer.mandate_eval import same_value
from tests.analyzer.helpers import fields_of

EXTEND = (
    "Decides to extend the mandate of the United Nations Assistance Mission in Somewhere (UNAMX) until "
    "31 March 2031;"
)
RECALL = "Recalling resolution 8000 (2029) on the United Nations Assistance Mission in Somewhere (UNAMX),"


def _fields(pre: str, *operative: str) -> dict[str, Any]:
    return fields_of(pre, *(operative or (EXTEND,)))


# Host consent (README: a request, an agreement, a shared letter or a status-of-forces/mission agreement with
# the host State), in the forms the Council records it: any organ, active or passive, a letter between the
# State and its verb, a request "contained in" a letter.
@pytest.mark.parametrize(
    "pre",
    [
        "Noting the request contained in the letter of the Prime Minister of Somewhere "
        "for the continuation of the Mission,",
        "Noting that the Government of Somewhere, in its letter of 3 February 2030, "
        "requested the extension of the Mission,",
        "Noting that the Government of Somewhere, in a letter to the Secretary-General, has requested the "
        "renewal of the mandate,",
        "Noting that the Presidency Council of Somewhere has requested the continued support of UNAMX,",
        "Welcoming the letter dated 5 January 2030 from the President of Somewhere to the Secretary-General "
        "requesting the extension of the mandate of UNAMX,",
        "Acting at the request of the Government of Somewhere,",
        "Welcoming the deployment of UNAMX following the invitation of the Government of Somewhere,",
        "Noting that the Mission operates with the agreement of the Government of Somewhere,",
        "Stressing that the Mission operates in accordance with the Status of Forces Agreement,",
        "Noting the Government’s request for a gradual drawdown of the Mission,",
        "Taking note of the letter dated 3 February 2030 from the Minister for Foreign Affairs of Somewhere "
        "supporting the renewal of the Mission,",
        "Noting the wish expressed by the Government of Somewhere for the continued presence of the Mission,",
        "Recalling the request of the Government of Somewhere referred to in the letter of 3 May 2030,",
        "Welcoming the request by the State of Somewhere for the continued presence of UNAMX,",
    ],
)
def test_the_host_state_requests_or_agrees_in_any_wording(pre: str) -> None:
    assert _fields(pre)["consent_host_state"] is True


@pytest.mark.parametrize(
    "verb",
    ["at the request of", "upon the request of", "in response to the request of", "as requested by"],
)
def test_a_decision_taken_at_the_states_request(verb: str) -> None:
    operative = (
        f"Decides, {verb} the Government of Somewhere, to extend the mandate of the "
        "United Nations Assistance Mission in Somewhere (UNAMX) until 31 March 2031;"
    )
    assert _fields("Recalling its resolutions,", operative)["consent_host_state"] is True


# Narrowly: the State's request must be about the operation, not for something else.
@pytest.mark.parametrize(
    "pre",
    [
        "Taking note of the letter dated 1 May 2030 from the Permanent Representative of "
        "Somewhere addressed to the President of the Security Council, and of the report of "
        "the Secretary-General requesting "
        "additional resources,",
        "Taking note of the request of the Government of Somewhere for the lifting of the arms embargo,",
        "Noting the request of the Government of Somewhere to the Peacebuilding Commission for advice,",
        "Welcoming the Government’s invitation to the Special Rapporteur to visit the country,",
        "Noting the request by the Government of Somewhere for the removal of individuals from the sanctions "
        "list,",
        "Noting the request of the Government of Somewhere for an exemption to the assets freeze,",
        "Taking note of the request of the Government of Somewhere that the Council "
        "refer the situation to the International Criminal Court,",
        "Encouraging the Government of Somewhere to request support from the Mission for elections,",
        "Taking note of the letter dated 3 February 2030 from the Permanent Representative of Somewhere on "
        "the situation in the region,",
        "Noting the request of the Government of Somewhere for the termination of the Mission,",
    ],
)
def test_a_request_for_something_else_is_no_consent(pre: str) -> None:
    assert _fields(pre)["consent_host_state"] is None


def test_help_given_upon_a_future_request_is_a_condition() -> None:
    operative = (
        "Requests UNAMX to provide, upon request of the Government, technical assistance to elections;"
    )
    assert _fields("Recalling its resolutions,", EXTEND, operative)["consent_host_state"] is None


def _agreements(pre: str) -> tuple[str, ...]:
    return tuple(_fields(pre)["peace_agreements"])


@pytest.mark.parametrize(
    ("pre", "name"),
    [
        ("Recalling the Agreement between the Government of Somewhere and the Movement for Justice on "
         "Temporary Arrangements for the Border Area of 20 June 2029,",
         "Agreement on Temporary Arrangements for the Border Area"),
        ("Recalling the Portville Protocol,", "Portville Protocol"),
        ("Recalling the Capital Protocols,", "Capital Protocols"),
        ("Recalling the Juba Agreement for Peace in Somewhere,", "Juba Agreement for Peace in Somewhere"),
        ("Recalling the Global and Inclusive Agreement on the Transition,",
         "Global and Inclusive Agreement on the Transition"),
        ("Recalling the Capital agreements,", "Capital agreements"),
    ],
)  # fmt: skip
def test_named_agreements_in_more_forms(pre: str, name: str) -> None:
    assert same_value("peace_agreements", (name,), _agreements(pre))


@pytest.mark.parametrize(
    "pre",
    [
        "Recalling the Optional Protocol to the Convention on the Rights of the Child,",
        "Recalling the Protocols Additional to the Geneva Conventions,",
        "Recalling the Geneva Protocol,",
        "Recalling the Kyoto Protocol,",
        "Welcoming the signing of the Agreement on the Status of the Mission,",
        "Recalling the Agreement between the United Nations and the Government of Somewhere on the Mission,",
        "Welcoming the Tripartite Agreement on the Voluntary Repatriation of Refugees,",
    ],
)
def test_treaty_protocols_status_and_repatriation_agreements_are_not_peace_agreements(pre: str) -> None:
    assert _agreements(pre) == ()


def _operation(operative: str, pre: str = RECALL) -> tuple[object, object, object]:
    fields = _fields(pre, operative)
    return fields["operation_action"], fields["operation_name"], fields["end_date"]


@pytest.mark.parametrize(
    ("operative", "expected"),
    [
        ("Decides to extend, on an exceptional basis, the mandate of UNAMX until 31 March 2031;",
         ("extend", "UNAMX", "2031-03-31")),
        ("Decides that UNAMX shall continue its mandate until 31 March 2031;",
         ("extend", "UNAMX", "2031-03-31")),
        ("Decides to maintain UNAMX until 31 March 2031;", ("extend", "UNAMX", "2031-03-31")),
        ("Decides that the mandate of UNAMX is hereby extended until 31 March 2031;",
         ("extend", "UNAMX", "2031-03-31")),
        ("Decides to extend the mandate of UNAMX up to and including 31 March 2031;",
         ("extend", "UNAMX", "2031-03-31")),
        ("Decides to authorize the Member States of the African Union to maintain the "
         "African Union Mission in Somewhere (AMISX) until 31 December 2030;",
         ("extend", "AMISX", "2030-12-31")),
        ("Decides to reduce the troop ceiling of UNAMX to 2,000 troops;", ("revise", "UNAMX", None)),
        ("Decides to amend the mandate of UNAMX to include support to elections;", ("revise", "UNAMX", None)),
        ("Decides to bring the mandate of UNAMX to an end on 31 December 2030;",
         ("terminate", "UNAMX", "2030-12-31")),
        ("Decides that UNAMX shall cease all operations on 31 December 2030;",
         ("terminate", "UNAMX", "2030-12-31")),
        ("Decides that the mandate of UNAMX shall expire on 31 December 2030;",
         ("terminate", "UNAMX", "2030-12-31")),
        ("Decides to replace UNAMX with the United Nations Transition Mission in Somewhere (UNTMX) until "
         "31 March 2031;", ("replace", "UNTMX", "2031-03-31")),
        ("Decides that the United Nations Transition Mission in Somewhere (UNTMX) shall replace UNAMX until "
         "31 March 2031;", ("replace", "UNTMX", "2031-03-31")),
        ("Decides that UNAMX shall be replaced by the United Nations Transition Mission in Somewhere (UNTMX) "
         "until 31 October 2031;", ("replace", "UNTMX", "2031-10-31")),
        ("Decides that UNAMX shall transition into a United Nations Transition Mission in Somewhere (UNTMX);",
         ("replace", "UNTMX", None)),
        ("Decides to authorize the deployment of UNAMX until 31 March 2031;",
         ("authorise_deployment", "UNAMX", "2031-03-31")),
    ],
)  # fmt: skip
def test_every_way_of_acting_on_the_operation(operative: str, expected: tuple[object, ...]) -> None:
    assert _operation(operative) == expected


@pytest.mark.parametrize(
    "operative",
    [
        "Notes the need to reduce the size of charcoal stockpiles in the port;",
        "Requests the Secretary-General to establish a Team of Experts on the rule of law;",
        "Decides to extend the mandate of the Team of Experts until 31 March 2031;",
        "Decides that paragraph 5 of resolution 8001 (2029) shall be replaced by the following text;",
        "Decides to extend the mandate of the Panel of Experts until 31 March 2031;",
    ],
)
def test_reductions_and_extensions_of_no_operation(operative: str) -> None:
    assert _operation(operative)[0] == "none"


def _type(pre: str, *operative: str) -> object:
    return _fields(pre, *operative)["operation_type"]


@pytest.mark.parametrize(
    "name",
    [
        "United Nations Support Mission in Somewhere (UNSMX)",
        "United Nations Assistance Mission in Somewhere (UNAMX)",
        "United Nations Political Mission in Somewhere (UNPMX)",
    ],
)
def test_a_special_political_mission_that_monitors_a_ceasefire_has_no_type(name: str) -> None:
    acronym = name.split("(")[1].rstrip(")")
    extend = f"Decides to extend the mandate of the {name} until 30 September 2030;"
    monitor = f"Requests {acronym} to monitor the ceasefire and to support elections;"
    assert _type("Recalling its resolutions,", extend, monitor) is None


def test_a_mission_that_monitors_a_ceasefire_is_an_observer_mission() -> None:
    extend = (
        "Decides to extend the mandate of the United Nations Mission to support the "
        "Portville Agreement (UNMPX) until 14 July 2031;"
    )
    monitor = "Decides that UNMPX shall monitor the compliance of the parties with the ceasefire;"
    assert _type("Recalling its resolutions,", extend, monitor) == "observer_mission"


def test_an_african_union_mission_fighting_armed_groups_enforces_peace() -> None:
    operative = (
        "Decides to authorize the Member States of the African Union to maintain the "
        "African Union Mission in Somewhere (AMISX) until 31 December 2030, which shall be "
        "authorized to take all necessary measures to conduct offensive operations against "
        "armed groups;"
    )
    pre = "Acting under Chapter VII of the Charter of the United Nations,"
    assert _type(pre, operative) == "peace_enforcement"


# End dates: adopted 1 March 2030; "N months" from a start ends the day before (README)
@pytest.mark.parametrize(
    ("period", "end"),
    [
        ("by six months", "2030-08-31"),
        ("for a twelve-month period", "2031-02-28"),
        ("for a period of one year, from 15 March 2030", "2031-03-14"),
        ("for a period of 12 months from the expiry of its current mandate on 15 March 2030", "2031-03-14"),
        ("for a period of twelve months, ending on 28 February 2031", "2031-02-28"),
    ],
)
def test_end_dates_in_more_forms(period: str, end: str) -> None:
    assert _operation(f"Decides to extend the mandate of UNAMX {period};") == ("extend", "UNAMX", end)


def test_a_mandate_which_shall_expire_is_extended_not_terminated() -> None:
    operative = "Decides to extend the mandate of UNAMX, which shall expire on 28 February 2031;"
    assert _operation(operative) == ("extend", "UNAMX", "2031-02-28")


@pytest.mark.parametrize(
    "operative",
    [
        "Expresses its intention to consider extending the mandate of UNAMX;",
        "Recalls its decision in resolution 8000 (2029) to extend the mandate of UNAMX until 31 March 2031;",
        "Expresses its readiness to review and adjust the mandate of UNAMX as appropriate;",
        "Expresses its willingness to work with the Government to extend the mandate of UNAMX;",
        "Looks forward to the renewal of the mandate of UNAMX in March 2031;",
    ],
)
def test_an_action_intended_considered_or_recalled_is_not_taken(operative: str) -> None:
    assert _operation(operative)[0] == "none"


@pytest.mark.parametrize(
    "operative",
    [
        "Approves the continuation of UNAMX’s mandate until 31 March 2031;",
        "Approves the recommendation of the Secretary-General for the continuation of UNAMX until "
        "31 March 2031;",
    ],
)
def test_the_continuation_of_the_mandate_approved_extends_it(operative: str) -> None:
    assert _operation(operative) == ("extend", "UNAMX", "2031-03-31")


@pytest.mark.parametrize(
    ("pre", "host"),
    [
        ("Welcoming the Prime Minister’s letter dated 3 February 2030 requesting the continued support "
         "of UNAMX,", True),
        ("Noting the letter of 3 February 2030 from the Minister for Foreign Affairs of Somewhere "
         "requesting the renewal of UNAMX,", True),
        ("Encouraging the Government to conclude a Status of Forces Agreement with the Mission,", None),
        ("Welcoming the signing of the Status of Forces Agreement,", True),
    ],
)  # fmt: skip
def test_letters_of_ministers_and_agreements_still_to_be_made(pre: str, host: object) -> None:
    assert _fields(pre)["consent_host_state"] is host


REFERENDUM = (
    "Recalling its resolutions on the United Nations Mission for the Referendum in Somewhere (MINURSX),"
)
RENEW = "Decides to extend the mandate of MINURSX until 31 October 2030;"


@pytest.mark.parametrize(
    ("operative", "expected"),
    [
        ("Calls upon the parties to respect the ceasefire and to cooperate fully with MINURSX in its "
         "monitoring of it;", "observer_mission"),
        ("Calls upon the parties to cooperate fully with MINURSX;", None),
        ("Requests MINURSX to monitor the human rights situation;", None),
    ],
)  # fmt: skip
def test_a_mission_renewed_by_reference_watching_a_ceasefire_is_an_observer_mission(
    operative: str, expected: object
) -> None:
    assert _type(REFERENDUM, RENEW, operative) == expected


@pytest.mark.parametrize(
    ("operative", "expected"),
    [
        ("Decides to deploy, for an initial period of six months, a United Nations Supervision Mission in "
         "Somewhere (UNSMX);", ("establish", "UNSMX", "observer_mission")),
        ("Decides to dispatch a team of United Nations observers to verify the ceasefire;",
         ("establish", "TEAM OF UNITED NATIONS OBSERVERS", "observer_mission")),
        ("Decides to authorize an advance team of United Nations personnel to provide early assistance;",
         ("establish", "ADVANCE TEAM OF UNITED NATIONS PERSONNEL", None)),
        ("Decides to deploy 200 additional troops to the Mission;", ("none", None, None)),
        ("Decides to send a special mission of three members of the Security Council to Capital;",
         ("none", None, None)),
        ("Decides to authorize a multinational force under unified command;",
         ("authorise_deployment", None, None)),
    ],
)  # fmt: skip
def test_an_operation_deployed_or_dispatched_is_established(
    operative: str, expected: tuple[object, ...]
) -> None:
    fields = _fields("Recalling its resolutions,", operative)
    assert (fields["operation_action"], fields["operation_name"], fields["operation_type"]) == expected


def test_force_given_to_member_states_does_not_type_a_un_mission() -> None:
    inspect = (
        "Authorizes Member States to use all necessary measures to inspect vessels on the high seas "
        "suspected of carrying arms;"
    )
    pre = "Acting under Chapter VII of the Charter of the United Nations,"
    fields = _fields(pre, EXTEND, inspect)
    assert (fields["force_addressee"], fields["operation_name"], fields["operation_type"]) == (
        "member_states",
        "UNAMX",
        None,
    )


@pytest.mark.parametrize(
    ("wanted", "host"),
    [
        ("for the extension of AMISX", None),
        ("for the extension of UNAMX", True),
        ("for the continued presence of the Mission", True),
        ("for UNAMX to take over tasks from AMISX", True),
    ],
)
def test_a_request_about_another_operation_is_no_consent_to_this_one(wanted: str, host: object) -> None:
    pre = (
        "Recalling its resolutions on the African Union Mission in Somewhere (AMISX),\n\n"
        f"Welcoming the request of the Government of Somewhere {wanted},"
    )
    assert _fields(pre)["consent_host_state"] is host


@pytest.mark.parametrize(
    ("pre", "host"),
    [
        ("Stressing the importance of host-country consent and cooperation for all peace operations,", None),
        ("Underlining the need for the consent of the host Government to the deployment of any mission,",
         None),
        ("Stressing the importance of the Memorandum of Understanding between the United Nations and the "
         "Government of Somewhere,", True),
    ],
)  # fmt: skip
def test_consent_stated_as_a_principle_records_none(pre: str, host: object) -> None:
    assert _fields(pre)["consent_host_state"] is host
