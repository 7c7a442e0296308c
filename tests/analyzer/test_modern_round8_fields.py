"""Round 8 on modern mandates, the decision fields on wording the dev texts do not show: host consent,
agreements named, operation type, name, action and end date. Each convention of `data/modern/README.md`
tried in the families of wording the Council drafts it in, in short resolutions written for the test (no
text of any resolution)."""

from __future__ import annotations

from typing import Any

import pytest

from missiongate.analyzer.mandate_eval import same_value
from missiongate.analyzer.mandate_labels import normalise
from tests.analyzer.helpers import fields_of

EXTEND = (
    "Decides to extend the mandate of the United Nations Assistance Mission in Somewhere (UNAMX) until "
    "31 March 2031;"
)

CHAPTER7 = "Acting under Chapter VII of the Charter of the United Nations,"


def _fields(pre: str, *operative: str) -> dict[str, Any]:
    return fields_of(pre, *(operative or (EXTEND,)))


def _agreements(pre: str, *operative: str) -> tuple[str, ...]:
    return tuple(_fields(pre, *operative)["peace_agreements"])


# Host consent (README: a request, an agreement, a shared letter or a status-of-forces/mission agreement
# with the host State is `true`; the stock principle and a request to terminate are `null`).
@pytest.mark.parametrize(
    "pre",
    [
        # letters from the State's representatives
        "Taking note of the letter dated 3 February 2030 from the Permanent Representative of Somewhere to "
        "the United Nations addressed to the President of the Security Council, requesting the extension "
        "of the mandate of UNAMX,",
        "Having considered the letter of 3 February 2030 from the Minister for Foreign Affairs of Somewhere "
        "to the Secretary-General, in which the Government requests the continued presence of UNAMX,",
        "Taking note of the letter from the Chargé d’affaires a.i. of the Permanent Mission of Somewhere "
        "conveying the request of the Government for the renewal of the mandate of UNAMX,",
        # "at the request of", the State's agreement, acceptance, welcome and consent
        "Acting at the request of the Government of Somewhere,",
        "Acting at the request of the Transitional Federal Government,",
        "Welcoming the Government of Somewhere’s agreement to the extension of the mandate of UNAMX,",
        "Noting the Government’s agreement to the continued deployment of UNAMX,",
        "Welcoming the acceptance by the Government of Somewhere of the deployment of UNAMX,",
        "Welcoming the consent given by the Government of Somewhere to the deployment of UNAMX,",
        "Noting the consent expressed by the authorities of Somewhere to the presence of UNAMX,",
        "Noting that the Government of Somewhere has welcomed the deployment of UNAMX,",
        "Noting that the Government of Somewhere welcomes the continued presence of UNAMX,",
        "Welcoming the Government of Somewhere’s welcome of the extension of UNAMX,",
        "Noting that the Government of Somewhere has agreed to the deployment of UNAMX,",
        "Noting that the Government of Somewhere has accepted the deployment of UNAMX,",
        "Noting the invitation of the Government of Somewhere to the United Nations to deploy UNAMX,",
        "Taking note of the request made by the President of Somewhere in his letter of 3 February 2030,",
        # status-of-forces and status-of-mission agreements with the host State
        "Welcoming the signing of the status-of-forces agreement between the United Nations and the "
        "Government of Somewhere,",
        "Welcoming the conclusion of the status of mission agreement for UNAMX,",
        "Noting that the Government of Somewhere and the United Nations have signed a status-of-mission "
        "agreement,",
    ],
)
def test_host_consent_in_every_form(pre: str) -> None:
    assert _fields(pre)["consent_host_state"] is True


@pytest.mark.parametrize(
    "operative",
    [
        "Decides, in consultation with the Government of Somewhere, to extend the mandate of the United "
        "Nations Assistance Mission in Somewhere (UNAMX) until 31 March 2031;",
        "Decides, at the request of the Government of Somewhere, to extend the mandate of the United "
        "Nations Assistance Mission in Somewhere (UNAMX) until 31 March 2031;",
        "Decides, with the consent of the Government of Somewhere, to establish the United Nations "
        "Assistance Mission in Somewhere (UNAMX) for an initial period of twelve months;",
    ],
)
def test_host_consent_recorded_in_the_decision(operative: str) -> None:
    assert _fields("Recalling its resolutions,", operative)["consent_host_state"] is True


@pytest.mark.parametrize(
    "pre",
    [
        "Reaffirming the basic principles of peacekeeping, including consent of the parties, impartiality "
        "and non-use of force except in self-defence and defence of the mandate,",
        "Welcoming the cooperation of the Government of Somewhere with UNAMX,",
        "Calling on the Government of Somewhere to cooperate fully with UNAMX,",
        "Urging the Government of Somewhere to conclude a status-of-forces agreement with the United "
        "Nations,",
        "Calling upon the Government of Somewhere to give its consent to the deployment of UNAMX,",
        "Noting that the Government of Somewhere has requested the termination of the mandate of UNAMX,",
        "Noting that the Government of Somewhere has requested the immediate withdrawal of UNAMX,",
        "Taking note of the letter from the Minister for Foreign Affairs of Somewhere requesting that the "
        "mandate of UNAMX not be renewed,",
        "Noting that the Government of Somewhere has withdrawn its consent to the presence of UNAMX,",
        "Noting the request of the Government of Somewhere that UNAMX leave the country by 31 December 2030,",
        "Reaffirming its strong commitment to the sovereignty, independence and territorial integrity of "
        "Somewhere,",
        "Requesting the Secretary-General, in consultation with the Government of Somewhere, to present "
        "options for the future of UNAMX,",
        "Stressing the importance of close cooperation between UNAMX and the Government of Somewhere,",
        # the State agreed to or accepted something other than the operation
        "Noting that the Government of Somewhere has accepted the recommendations of the Commission,",
        "Welcoming that the Government of Somewhere has agreed to hold elections in 2031,",
        "Welcoming the agreement of the Government of Somewhere to hold presidential elections,",
        "Welcoming the Government of Somewhere’s acceptance of the findings of the panel,",
        "Noting that the Government of Somewhere has invited the armed groups to join the dialogue,",
        "Noting that the Government of Somewhere and the Movement have agreed on a ceasefire,",
    ],
)
def test_what_is_not_the_host_states_consent(pre: str) -> None:
    assert _fields(pre)["consent_host_state"] is None


# Agreements named (README: listed only when named, "the 23 October 2020 ceasefire agreement"; electoral
# agreements, joint declarations, proposals, communiqués, statements, road maps and pacts are not).
@pytest.mark.parametrize(
    ("pre", "names"),
    [
        ("Recalling the ceasefire agreement of 23 October 2029,",
         ("ceasefire agreement of 23 October 2029",)),
        ("Recalling the nationwide ceasefire agreement signed on 23 October 2029,",
         ("nationwide ceasefire agreement signed on 23 October 2029",)),
        ("Recalling the permanent ceasefire agreement of 23 October 2029,",
         ("permanent ceasefire agreement of 23 October 2029",)),
        ("Recalling the Agreement on the Cessation of Hostilities,",
         ("Agreement on the Cessation of Hostilities",)),
        ("Recalling the Agreement on Cessation of Hostilities, Protection of Civilians and Humanitarian "
         "Access,",
         ("Agreement on Cessation of Hostilities, Protection of Civilians and Humanitarian Access",)),
        ("Recalling the Agreement for Peace and Reconciliation in Somewhere,",
         ("Agreement for Peace and Reconciliation in Somewhere",)),
        ("Recalling the Portville Political Agreement,", ("Portville Political Agreement",)),
        ("Recalling the Somewhere Political Agreement signed in Portville,",
         ("Somewhere Political Agreement",)),
        ("Recalling the Global and All-Inclusive Agreement on the Transition in Somewhere,",
         ("Global and All-Inclusive Agreement on the Transition in Somewhere",)),
        ("Recalling the Portville-Eastbay Agreement,", ("Portville-Eastbay Agreement",)),
        ("Recalling the Portville Peace and Reconciliation Agreement,",
         ("Portville Peace and Reconciliation Agreement",)),
        ("Recalling the Final Agreement for Ending the Conflict and Building a Stable and Lasting Peace,",
         ("Final Agreement for Ending the Conflict and Building a Stable and Lasting Peace",)),
        ("Recalling the Comprehensive Ceasefire Agreement,", ("Comprehensive Ceasefire Agreement",)),
        ("Recalling the Agreement on a Comprehensive Political Settlement,",
         ("Agreement on a Comprehensive Political Settlement",)),
        # an abbreviation defined in the text is the same agreement
        ("Recalling the Agreement on the Resolution of the Conflict in Somewhere (ARCSX), and calling for "
         "the full implementation of the ARCSX,",
         ("Agreement on the Resolution of the Conflict in Somewhere",)),
        ("Recalling the Portville Agreement and the Agreement on Security Arrangements of 5 May 2030,",
         ("Portville Agreement", "Agreement on Security Arrangements")),
    ],
)  # fmt: skip
def test_agreements_named_in_every_form(pre: str, names: tuple[str, ...]) -> None:
    assert same_value("peace_agreements", tuple(sorted(names)), _agreements(pre))


@pytest.mark.parametrize(
    "pre",
    [
        "Recalling its resolution 8000 (2029) and the report of the Secretary-General of 3 May 2030,",
        "Recalling the Agreement between the United Nations and the Government of Somewhere concerning "
        "the status of UNAMX,",
        "Recalling the Convention on the Rights of the Child and the Optional Protocol thereto,",
        "Recalling the Geneva Conventions of 1949 and the Additional Protocols thereto,",
        "Recalling the Paris Agreement adopted under the United Nations Framework Convention on Climate "
        "Change,",
        "Recalling the measures imposed by paragraph 5 of resolution 8000 (2029),",
        "Welcoming the Portville Joint Declaration,",
        "Welcoming the Roadmap for Peace in Somewhere,",
        "Recalling the Rome Statute of the International Criminal Court,",
        "Welcoming the agreement reached by the parties on the electoral calendar,",
        "Welcoming the Memorandum of Understanding between the United Nations and the African Union,",
        "Welcoming the Agreement on the Status of Forces of UNAMX,",
        "Welcoming the Somewhere electoral agreement,",
        # an agreement the United Nations is party to
        "Recalling the Framework Agreement between the United Nations and the African Union for an Enhanced "
        "Partnership in Peace and Security,",
        "Recalling the Cooperation Framework Agreement signed between the African Union and the United "
        "Nations,",
    ],
)
def test_what_is_not_a_peace_agreement(pre: str) -> None:
    assert _agreements(pre) == ()


ESTABLISHED = (
    "Recalling its resolution 8000 (2029), by which it established the United Nations Assistance Mission in "
    "Somewhere (UNAMX),"
)


# Operation action, name and end date (README: "N months from the date of adoption D" ends the day before
# D + N months; conditional extensions are left out; names follow the text).
@pytest.mark.parametrize(
    ("operative", "action", "end"),
    [
        ("Decides to renew the mandate of UNAMX until 31 March 2031;", "extend", "2031-03-31"),
        ("Extends the mandate of UNAMX until 31 March 2031;", "extend", "2031-03-31"),
        ("Decides to extend the mandate of UNAMX for a period of twelve months, until 31 March 2031;",
         "extend", "2031-03-31"),
        ("Decides to extend the mandate of UNAMX for a further period of twelve months;", "extend",
         "2031-02-28"),
        ("Decides to extend the mandate of UNAMX for an additional period of six months;", "extend",
         "2030-08-31"),
        ("Decides to extend the mandate of UNAMX for a period of one year;", "extend", "2031-02-28"),
        ("Decides to extend until 31 March 2031 the mandate of UNAMX;", "extend", "2031-03-31"),
        ("Decides to extend, as a technical rollover, the mandate of UNAMX until 31 March 2031;", "extend",
         "2031-03-31"),
        ("Decides to extend the current mandate of UNAMX, as set out in resolution 8000 (2029), until "
         "31 March 2031;", "extend", "2031-03-31"),
        ("Decides to prolong the mandate of UNAMX until 31 March 2031;", "extend", "2031-03-31"),
        ("Decides that the mandate of UNAMX is renewed until 31 March 2031;", "extend", "2031-03-31"),
        ("Decides to further extend the mandate of UNAMX until 31 March 2031;", "extend", "2031-03-31"),
        ("Decides to extend the mandate of UNAMX until 31 March 2031 inclusive;", "extend", "2031-03-31"),
        ("Decides to extend the mandate of UNAMX for a period of twelve months from the date of adoption "
         "of this resolution;", "extend", "2031-02-28"),
        ("Decides to renew for a further twelve months the mandate of UNAMX;", "extend", "2031-02-28"),
        ("Decides to extend the mandate of UNAMX for a period of three months, until 31 May 2030, as a "
         "technical rollover;", "extend", "2030-05-31"),
        ("Decides to terminate the mandate of UNAMX on 31 December 2030;", "terminate", "2030-12-31"),
        ("Decides that the mandate of UNAMX shall be terminated on 31 December 2030;", "terminate",
         "2030-12-31"),
        ("Decides that the mandate of UNAMX shall come to an end on 31 December 2030;", "terminate",
         "2030-12-31"),
        ("Decides to close UNAMX on 31 December 2030;", "terminate", "2030-12-31"),
        ("Decides to conclude the mandate of UNAMX on 31 December 2030;", "terminate", "2030-12-31"),
        ("Decides that UNAMX shall cease its operations on 31 December 2030;", "terminate", "2030-12-31"),
    ],
)  # fmt: skip
def test_renewals_in_every_form(operative: str, action: str, end: str) -> None:
    fields = _fields(ESTABLISHED, operative)
    found = (fields["operation_action"], fields["operation_name"], fields["end_date"])
    assert found == (action, "UNAMX", end)


# Operation names (README: names follow the text; an acronym where the text gives one).
@pytest.mark.parametrize(
    ("operative", "action", "name"),
    [
        ("Decides to establish the United Nations Mission in Somewhere, hereafter referred to as UNMX, for "
         "an initial period of twelve months;", "establish", "UNMX"),
        ("Decides to establish the United Nations Mission in Somewhere (hereinafter “UNMX”) for an initial "
         "period of twelve months;", "establish", "UNMX"),
        ("Decides to establish a United Nations Verification Mission in Somewhere for an initial period of "
         "twelve months;", "establish", "United Nations Verification Mission in Somewhere"),
        ("Decides to extend the mandate of the United Nations Verification Mission in Somewhere until "
         "31 March 2031;", "extend", "United Nations Verification Mission in Somewhere"),
        ("Decides that the United Nations Support Office for AMISX (UNSOAX) shall henceforth be known as the "
         "United Nations Support Office in Somewhere (UNSOSX);", "revise", "UNSOSX"),
        ("Decides that UNAMX shall be renamed the United Nations Transitional Assistance Mission in "
         "Somewhere (UNTAMX);", "revise", "UNTAMX"),
    ],
)  # fmt: skip
def test_operation_names_in_every_form(operative: str, action: str, name: str) -> None:
    fields = _fields("Recalling its resolutions,", operative)
    assert fields["operation_action"] == action
    assert fields["operation_name"] == normalise("operation_name", name)


# Operation type from the operation's own name and mandate (README: verification and monitoring missions
# are observer missions; ceasefire and buffer forces without the force formula traditional; political
# offices none; AU forces conducting offensive operations peace enforcement).
@pytest.mark.parametrize(
    ("operative", "expected"),
    [
        ("Decides to extend the mandate of the United Nations Observer Mission in Somewhere (UNOMX) until "
         "31 March 2031;", "observer_mission"),
        ("Decides to extend the mandate of the United Nations Military Observer Group in Somewhere (UNMOGX) "
         "until 31 March 2031;", "observer_mission"),
        ("Decides to extend the mandate of the United Nations Supervision Mission in Somewhere (UNSMISX) "
         "until 31 March 2031;", "observer_mission"),
        ("Decides to establish the United Nations Verification Mission in Somewhere (UNVMX), to verify the "
         "ceasefire, for an initial period of twelve months;", "observer_mission"),
        ("Decides to extend the mandate of the United Nations Disengagement Observer Force (UNDOFX) until "
         "30 June 2031;", "traditional_peacekeeping"),
        ("Decides to extend the mandate of the United Nations Peacekeeping Force in Somewhere (UNFICYX) "
         "until 31 January 2031;", "traditional_peacekeeping"),
        ("Decides to extend the mandate of the United Nations Integrated Peacebuilding Office in Somewhere "
         "(UNIPSX) until 31 March 2031;", None),
        ("Decides to extend the mandate of the Office of the Special Envoy for Somewhere until "
         "31 March 2031;", None),
    ],
)  # fmt: skip
def test_operation_type_from_the_operations_own_words(operative: str, expected: object) -> None:
    assert _fields("Recalling its resolutions,", operative)["operation_type"] == expected


def test_an_african_union_force_conducting_offensive_operations_enforces_peace() -> None:
    operative = (
        "Authorizes the Member States of the African Union to maintain the deployment of the African Union "
        "Mission in Somewhere (AMISX) until 31 May 2031, which shall be authorized to take all necessary "
        "measures to conduct offensive operations against the armed group;"
    )
    assert _fields(CHAPTER7, operative)["operation_type"] == "peace_enforcement"


@pytest.mark.parametrize(
    "pre",
    [
        # the State "is agreed", adverbs before its verb, its wish or desire expressed
        "Noting that the Government of Somewhere is agreed that, in view of the prevailing conditions, it is "
        "necessary to keep UNAMX beyond 31 March 2030,",
        "Noting that the Government of Somewhere has officially requested the extension of UNAMX,",
        "Noting that the Government of Somewhere has once again requested the continued presence of UNAMX,",
        "Noting that the Government of Somewhere has expressed its wish for UNAMX to continue its work,",
        "Noting that the Government of Somewhere has expressed its desire for the continued presence of "
        "UNAMX,",
        # the consent of the State's authorities, conveyed by its representative
        "Taking note of the letter from the Permanent Representative of Somewhere conveying the consent of "
        "the Somewhere authorities to the presence of UNAMX,",
        "Noting the consent of the Somewhere authorities to the deployment of UNAMX,",
        "Noting that the Federal Government of Somewhere has requested the support of the United Nations,",
        "In accordance with the request of the Government of Somewhere,",
        "Recalling the request of the Government of Somewhere in its letter to the Secretary-General,",
        # two host States
        "Welcoming the agreement of the Governments of Somewhere and Elsewhere to the deployment of UNAMX,",
        "Noting that the Governments of Somewhere and Elsewhere have requested the extension of UNAMX,",
        "Welcoming the consent of both Governments to the deployment of UNAMX,",
        # the State hosts the operation
        "Noting with appreciation the Government of Somewhere’s commitment to host UNAMX,",
        "Noting that the Government of Somewhere has expressed its readiness to continue hosting UNAMX,",
        "Noting that the Government of Somewhere continues to host the Mission,",
    ],
)
def test_host_consent_in_more_forms(pre: str) -> None:
    assert _fields(pre)["consent_host_state"] is True


@pytest.mark.parametrize(
    ("pre", "names"),
    [
        ("Recalling the ceasefire agreement concluded between the parties on 23 October 2029,",
         ("ceasefire agreement of 23 October 2029",)),
        ("Recalling the peace agreement reached by the parties in Portville on 3 May 2029,",
         ("peace agreement of 3 May 2029",)),
        ("Recalling the Agreement on a Permanent Ceasefire and Security Arrangements,",
         ("Agreement on a Permanent Ceasefire and Security Arrangements",)),
        # a place and the kind of agreement in lower case
        ("Recalling the Portville peace agreement,", ("Portville peace agreement",)),
        ("Recalling the Portville ceasefire agreement and the Capital political agreement,",
         ("Portville ceasefire agreement", "Capital political agreement")),
        ("Recalling the Portville and Capital peace agreements,",
         ("Portville peace agreement", "Capital peace agreement")),
        ("Recalling the Portville accords,", ("Portville accords",)),
        ("Recalling the peace accord signed in Portville on 3 May 2029,",
         ("peace accord signed in Portville on 3 May 2029",)),
    ],
)  # fmt: skip
def test_agreements_in_more_forms(pre: str, names: tuple[str, ...]) -> None:
    assert same_value("peace_agreements", tuple(sorted(names)), _agreements(pre))


@pytest.mark.parametrize("support", ["to Support", "to support", "in Support of"])
def test_an_operation_named_for_an_agreement_names_it_and_the_parties_consent(support: str) -> None:
    operative = (
        f"Decides to extend the mandate of the United Nations Mission {support} the Portville Agreement "
        "(UNMPX) until 14 July 2031;"
    )
    fields = _fields("Recalling its resolutions,", operative)
    assert fields["peace_agreements"] == ("Portville Agreement",)
    assert (fields["consent_parties"], fields["consent_host_state"]) == (True, True)


def test_a_renewal_whose_preamble_says_the_operation_monitors_the_ceasefire_is_an_observer() -> None:
    pre = (
        "Commending the role of the United Nations Mission for the Referendum in Somewhere (MINURSX) in "
        "monitoring the ceasefire,"
    )
    fields = _fields(pre, "Decides to extend the mandate of MINURSX until 31 October 2031;")
    assert fields["operation_type"] == "observer_mission"


@pytest.mark.parametrize(
    ("pre", "name"),
    [
        ("Recalling the Joint Communiqué and the Agreement on the Establishment of a Joint Commission on the "
         "Border,", "Agreement on the Establishment of a Joint Commission on the Border"),
        ("Recalling the Treaty of Friendship and the Portville Accords,", "Portville Accords"),
    ],
)  # fmt: skip
def test_a_title_begins_after_another_documents(pre: str, name: str) -> None:
    assert _agreements(pre) == (name,)


@pytest.mark.parametrize(
    ("pre", "expected"),
    [
        # the text calls the operation a special political mission: no type, whatever it monitors
        ("Welcoming the United Nations Mission in Somewhere (UNMX), a special political mission,", None),
        # a general remark on special political missions says nothing of this one
        ("Stressing the importance of cooperation between peacekeeping operations and special political "
         "missions,", "observer_mission"),
    ],
)  # fmt: skip
def test_an_operation_called_a_special_political_mission_has_no_type(pre: str, expected: object) -> None:
    operative = (
        "Decides to extend the mandate of the United Nations Mission in Somewhere (UNMX) until "
        "31 March 2031;",
        "Decides that UNMX shall monitor the ceasefire;",
    )
    assert _fields(pre, *operative)["operation_type"] == expected
