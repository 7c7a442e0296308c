"""Round 3 on modern mandates, the decision fields: every way the Council records consent, sets a period,
names an operation or an agreement. Short resolutions written for the test, in the Council's drafting."""

from __future__ import annotations

from typing import Any

import pytest

from missiongate.analyzer.analysis import analyze_text
from missiongate.analyzer.summary import summarise

HEAD = "Resolution 9001 (2030)\n\nAdopted by the Security Council at its 9999th meeting, on 1 March 2030\n\n"
EXTEND = (
    "Decides to extend the mandate of the United Nations Assistance Mission in Somewhere (UNAMX) until "
    "31 March 2031;"
)


def _fields(pre: str, *operative: str) -> dict[str, Any]:
    body = "\n\n".join(f"{i}. {text}" for i, text in enumerate(operative, start=1))
    return summarise(analyze_text(f"{HEAD}The Security Council,\n\n{pre}\n\n{body}\n")).fields


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
