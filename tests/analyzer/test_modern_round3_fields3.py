"""Round 3 on modern mandates, the decision fields: every way the Council records consent, sets a period,
names an operation or an agreement. Short resolutions written for the test, in the Council's drafting."""

from __future__ import annotations

from typing import Any

import pytest

from tests.analyzer.helpers import fields_of

EXTEND = (
    "Decides to extend the mandate of the United Nations Assistance Mission in Somewhere (UNAMX) until "
    "31 March 2031;"
)


def _fields(pre: str, *operative: str) -> dict[str, Any]:
    return fields_of(pre, *operative)


def _consent(pre: str, *operative: str) -> tuple[object, object]:
    fields = _fields(pre, *(operative or (EXTEND,)))
    return fields["consent_host_state"], fields["consent_parties"]


@pytest.mark.parametrize(
    "pre",
    [
        "Taking note of the letter of the Government of Somewhere dated 5 March 2030 requesting the "
        "continued presence of the Mission,",
        "Welcoming the requests from the Government of Somewhere for support,",
        "Acting at the request of the President of the Republic of Somewhere,",
        "Recalling that the Mission was established at the request of Somewhere,",
        "Welcoming the Somewhere authorities’ request for continued support,",
        "Noting that the Somewhere authorities have requested the continued support of the Mission,",
        "Noting that the Government of Somewhere requested the continued presence of the Mission,",
        "Noting that the Government of Somewhere has invited the Mission to continue its work,",
        "Noting that the Government of Somewhere has expressed its consent to the presence of the Mission,",
        "Welcoming the Government of Somewhere’s consent to the deployment,",
        "Taking note of the Government of Somewhere’s letter requesting continued support,",
        "Stressing that host-State consent has been obtained,",
        "Recalling the status-of-forces agreement between the United Nations and the Government,",
        "Recalling the status of mission agreement concluded with the Government,",
        "Welcoming the agreement between the United Nations and the Government of Somewhere on the Mission,",
        "Recalling the host country agreement signed with the Government of Somewhere,",
    ],
)
def test_the_host_state_consents_by_request_letter_invitation_or_agreement(pre: str) -> None:
    assert _consent(pre) == (True, None)


@pytest.mark.parametrize(
    "pre",
    [
        "Taking note of the letter dated 16 November 2030 from the Minister for Foreign Affairs of Somewhere "
        "requesting the immediate termination of the Mission,",
        "Welcoming the request of the African Union Peace and Security Council,",
        "Taking note of the request of ECOWAS and of the Acting Chair of the Commission,",
        "Welcoming the Secretary-General’s request for guidance,",
        "Noting the Prosecutor’s request for cooperation and the Coordinator’s request for access,",
        "Requesting the Government of Somewhere to cooperate fully with the Mission,",
    ],
)
def test_no_host_consent_from_a_request_to_leave_or_from_others_requests(pre: str) -> None:
    assert _consent(pre) == (None, None)


@pytest.mark.parametrize(
    "pre",
    [
        "Welcoming the parties’ request for the Mission,",
        "Welcoming the Agreement on the City as agreed by the parties in the capital,",
        "Calling on the parties to respect the military agreements reached with the Mission,",
        "Welcoming the agreements concluded between the Mission and the parties on the ceasefire,",
        "Noting the parties’ consent to the Mission,",
        "Noting the consent of all parties to the deployment of the Mission,",
        "Welcoming the acceptance by the two parties of the Mission,",
    ],
)
def test_the_parties_consent_by_their_request_or_agreements_with_the_operation(pre: str) -> None:
    assert _consent(pre) == (True, True)  # the host State is one of the parties


def test_an_agreement_of_the_parties_the_operation_rests_on() -> None:
    extend = "Decides to renew the mandate of the United Nations Observer Force (UNOFX) until 30 June 2031;"
    tied = _consent(
        "Recalling the 1974 Agreement on Disengagement between Somewhere and Elsewhere,",
        "Encourages the parties to the Disengagement Agreement to facilitate arrangements with UNOFX;",
        extend,
    )
    apart = _consent(
        "Urging the parties to the Disengagement Agreement to respect it,",
        "Welcomes the work of the country team;",
        extend,
    )
    assert tied == (True, True) and apart == (None, None)


@pytest.mark.parametrize(
    "pre",
    [
        "Recalling that the settlement shall hold once it has been freely agreed by the parties,",
        "Calling for the return of the displaced in areas where those have been agreed by the parties,",
        "Reaffirming the basic principles of peacekeeping, including consent of the parties, impartiality,",
        "Calls upon the parties to agree on a ceasefire,",
    ],
)
def test_a_condition_or_a_principle_records_no_consent(pre: str) -> None:
    assert _consent(pre) == (None, None)


def test_another_official_asked_to_establish_a_un_mechanism_establishes_an_observer_body() -> None:
    fields = _fields(
        "Gravely concerned at the humanitarian situation,",
        "Requests the Secretary-General to appoint a Coordinator, and further requests that the Coordinator "
        "expeditiously establish a UN mechanism for accelerating the provision of relief consignments;",
    )
    assert fields["operation_action"] == "establish"
    assert fields["operation_name"] == "UNITED NATIONS MECHANISM"  # "UN" and "United Nations" compare equal
    assert fields["operation_type"] == "observer_mission"


def test_a_task_added_after_an_inserted_clause_revises_the_mandate() -> None:
    fields = _fields(
        "Recalling its resolution 9000 (2029) establishing the United Nations Verification Mission in "
        "Somewhere,",
        "Decides that, in addition to the provisions of the Verification Mission’s existing mandate, the "
        "Verification Mission shall monitor and verify the implementation of the ceasefire;",
    )
    assert fields["operation_action"] == "revise"
    assert fields["operation_name"] == "UNITED NATIONS VERIFICATION MISSION IN SOMEWHERE"


def test_renaming_an_operation_revises_it_under_its_new_name() -> None:
    fields = _fields(
        "Recalling its previous resolutions,",
        "Decides that UNSOX shall bear the name of the UN Support Office in Somewhere (UNSOY);",
    )
    assert (fields["operation_action"], fields["operation_name"]) == ("revise", "UNSOY")


@pytest.mark.parametrize(
    "operative",
    [
        "Decides to further expand the mandate of the Monitoring Group to monitor the measures;",
        "Decides to terminate the mandate of the Somewhere Monitoring Group (SMG), with effect from 1 May "
        "2030;",
        "Decides that the mandate of the Panel of Experts shall include the following tasks;",
    ],
)
def test_a_monitoring_group_or_a_panel_is_no_operation(operative: str) -> None:
    fields = _fields("Recalling its previous resolutions,", operative)
    assert (fields["operation_action"], fields["operation_name"]) == ("none", None)


def test_approving_the_establishment_of_a_mission_establishes_it_but_not_a_component() -> None:
    mission = _fields(
        "Recalling its previous resolutions,",
        "Approves the recommendation of the Secretary-General to authorize the establishment and immediate "
        "dispatch of the United Nations Mission in Somewhere (UNMISX) for a period of six months;",
    )
    component = _fields(
        "Recalling its previous resolutions,",
        "Authorizes the establishment of a United Nations police component of up to 100 personnel as an "
        "integral part of UNMISX;",
    )
    assert (mission["operation_action"], mission["operation_name"]) == ("establish", "UNMISX")
    assert mission["end_date"] == "2030-08-31" and component["operation_action"] == "none"


def test_relief_to_the_civilian_population_is_no_protection_of_civilians() -> None:
    relief = _fields(
        "Recalling its previous resolutions,",
        EXTEND,
        "Requests UNAMX to facilitate the delivery of humanitarian assistance to the civilian population;",
    )
    protect = _fields(
        "Recalling its previous resolutions,", EXTEND, "Requests UNAMX to protect civilians under threat;"
    )
    assert relief["protection_of_civilians"] is False and protect["protection_of_civilians"] is True


@pytest.mark.parametrize(
    ("pre", "names"),
    [
        (
            "Welcoming the ceasefire agreement of 23 October 2030,",
            ("ceasefire agreement of 23 October 2030",),
        ),
        (
            "Welcoming the peace agreement signed in Juba on 3 October 2030,",
            ("peace agreement signed in Juba on 3 October 2030",),
        ),
        (
            "Welcoming the Bilateral, National and Temporary Ceasefire Agreement between the Government and "
            "the Movement (“Second Havana Agreement”), and calling for the Second Havana Agreement to be "
            "respected,",
            ("Bilateral, National and Temporary Ceasefire Agreement",),
        ),
        ("Welcoming the electoral agreement of 3 April 2030 and the Joint Communiqué,", ()),
        ("Welcoming the Electoral agreement and the agreement of 31 December 2029,", ()),
    ],
)
def test_agreements_named_by_a_date_or_a_title_once_with_their_short_name(
    pre: str, names: tuple[str]
) -> None:
    assert _fields(pre, EXTEND)["peace_agreements"] == names


MISSION = "the United Nations Assistance Mission in Somewhere (UNAMX)"


@pytest.mark.parametrize(
    ("operative", "end"),
    [
        (
            f"Decides to extend the mandate of {MISSION} for a further period ending 31 March 2031;",
            "2031-03-31",
        ),
        (f"Decides to extend the mandate of {MISSION} for a further year;", "2031-02-28"),
        (
            f"Decides to extend the mandate of {MISSION} for an additional period of twelve months, starting "
            "from 15 March 2030;",
            "2031-03-14",
        ),
        (
            f"Decides to extend the mandate of {MISSION} for a period of twelve months from 15 March 2030;",
            "2031-03-14",
        ),
        (f"Decides to extend the mandate of {MISSION} for a period of fifteen months;", "2031-05-31"),
        (f"Decides to prolong the mandate of {MISSION} until 31 March 2031;", "2031-03-31"),
        (f"Decides that the mandate of {MISSION} shall be extended until 31 March 2031;", "2031-03-31"),
        (f"Decides to extend the mandate of {MISSION} until the end of February 2031;", "2031-02-28"),
    ],
)
def test_every_way_the_council_sets_a_period(operative: str, end: str) -> None:
    fields = _fields("Recalling its previous resolutions,", operative)
    assert (fields["operation_action"], fields["end_date"]) == ("extend", end)


def test_the_necessary_actions_authorise_force_only_under_chapter_vii() -> None:
    extend = "Decides to extend the mandate of the United Nations Interim Force (UNIFX) until 1 May 2031;"
    chapter7 = _fields(
        "Recalling its previous resolutions,",
        extend,
        "Acting under Chapter VII of the Charter of the United Nations, authorizes UNIFX to take the "
        "necessary actions to protect civilians under imminent threat of physical violence;",
    )
    plain = _fields(
        "Recalling its previous resolutions,",
        extend,
        "Requests UNIFX to take the necessary actions to protect civilians under imminent threat;",
    )
    assert (chapter7["force_authorised"], chapter7["force_for"]) == (True, ("protection_of_civilians",))
    assert chapter7["operation_type"] == "robust_peacekeeping"
    assert (plain["force_authorised"], plain["operation_type"]) == (False, "traditional_peacekeeping")


def test_all_necessary_actions_in_the_plural_is_the_formula() -> None:
    fields = _fields(
        "Acting under Chapter VII of the Charter of the United Nations,",
        "Authorizes UNMISX to take all necessary actions to carry out its mandate;",
    )
    assert (fields["force_authorised"], fields["force_for"]) == (True, ("mandate",))


def test_a_political_mission_that_monitors_human_rights_is_no_observer_mission() -> None:
    fields = _fields(
        "Recalling its previous resolutions,",
        EXTEND,
        "Requests UNAMX to monitor the human rights situation and to report on it;",
    )
    assert fields["operation_type"] is None


def test_an_operation_acted_on_by_its_full_name_is_named_by_the_acronym_the_text_gives_it() -> None:
    fields = _fields(
        "Recalling its resolution 9000 (2029) establishing the United Nations Assistance Mission in "
        "Somewhere (UNAMX),",
        "Decides to extend the mandate of the United Nations Assistance Mission in Somewhere until "
        "31 March 2031;",
    )
    unnamed = _fields(
        "Recalling its previous resolutions,",
        "Decides to renew the mandate of the United Nations Mission for the Referendum in Somewhere until "
        "31 October 2030;",
    )
    assert fields["operation_name"] == "UNAMX"
    assert unnamed["operation_name"] == "UNITED NATIONS MISSION FOR THE REFERENDUM IN SOMEWHERE"


@pytest.mark.parametrize(
    "purpose", ["to perform its tasks", "to accomplish the tasks set out in paragraph 3"]
)
def test_force_to_perform_the_tasks_is_force_for_the_mandate(purpose: str) -> None:
    fields = _fields(
        "Acting under Chapter VII of the Charter of the United Nations,",
        f"Authorizes UNMISX to use all necessary means {purpose};",
    )
    assert fields["force_for"] == ("mandate",)


def test_a_request_for_a_new_force_is_no_consent_to_the_office_renewed_but_is_to_the_force_authorised() -> (
    None
):
    request = (
        "Taking note of the report of the Secretary-General, in which he reiterates the request of the "
        "Somewhere government for a specialized international force,"
    )
    renewal = _consent(request, "Decides to extend the mandate of BINUX until 15 July 2031;")
    force = _consent(request, "Authorizes Member States to deploy a Multinational Security Support mission;")
    assert renewal == (None, None) and force == (True, None)


def test_troops_of_the_national_army_are_no_ceiling_of_the_operation() -> None:
    fields = _fields(
        "Recalling its previous resolutions,",
        "Decides that UNSOX shall bear the name of the UN Support Office in Somewhere (UNSOY);",
        "Requests UNSOY to provide a targeted support package for 10,900 troops in the Somewhere National "
        "Army on joint operations;",
    )
    assert fields["ceiling_military"] is None


PREAMBLE = (
    "Recalling its resolution 9000 (2029) establishing the United Nations Assistance Mission in Somewhere "
    "(UNAMX),"
)


@pytest.mark.parametrize(
    ("operative", "action", "end"),
    [
        ("Decides to extend UNAMX’s mandate until 31 March 2031;", "extend", "2031-03-31"),
        ("Decides to terminate UNAMX's mandate on 31 December 2030;", "terminate", "2030-12-31"),
        ("Decides that UNAMX’s mandate shall end on 31 December 2030;", "terminate", "2030-12-31"),
        (
            "Decides to create the United Nations Office in Somewhere (UNAMX) for one year;",
            "establish",
            "2031-02-28",
        ),
    ],
)
def test_the_operation_acted_on_in_the_possessive_or_created(operative: str, action: str, end: str) -> None:
    fields = _fields(PREAMBLE, operative)
    assert (fields["operation_action"], fields["end_date"], fields["operation_name"]) == (
        action,
        end,
        "UNAMX",
    )


def test_creating_conditions_creates_no_operation() -> None:
    fields = _fields(PREAMBLE, "Decides to create the conditions for the return of refugees;")
    assert fields["operation_action"] == "none"


@pytest.mark.parametrize(
    "pre",
    [
        "Recalling the Status of Forces Agreement between UNAMX and the Government,",
        "Recalling the Status of Forces Agreement signed with UNAMX,",
    ],
)
def test_a_status_of_forces_agreement_with_the_operation_is_the_host_states_consent_only(pre: str) -> None:
    assert _consent(pre) == (True, None)
