"""Round 2 on modern mandates: political missions, monitoring bodies, host requests, termination and expiry
dates, agreements named. Short resolutions written for the test, in the Council's drafting."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from missiongate.analyzer.analysis import analyze_text
from missiongate.analyzer.mandate_eval import Summary
from missiongate.analyzer.summary import summarise
from tests.analyzer.helpers import HEAD


def _summary(pre: str, *operative: str) -> Summary:
    body = "\n\n".join(f"{i}. {text}" for i, text in enumerate(operative, start=1))
    return summarise(analyze_text(f"{HEAD}The Security Council,\n\n{pre}\n\n{body}\n"))


def _fields(pre: str, *operative: str) -> dict[str, Any]:
    return _summary(pre, *operative).fields


def _tasks(pre: str, *operative: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for task in _summary(pre, *operative).tasks:
        found.setdefault(task.task, set()).add(task.modality)
    return found


PRE = "Recalling its previous resolutions,"


def test_a_political_mission_that_supports_a_ceasefire_has_no_type() -> None:
    fields = _fields(
        PRE,
        "Decides to extend the mandate of the United Nations Support Mission in Somewhere (UNSMX) until "
        "30 September 2030;",
        "Requests UNSMX to support the implementation of the ceasefire agreement and the political process;",
    )
    assert fields["operation_name"] == "UNSMX" and fields["operation_type"] is None


def test_monitoring_a_ceasefire_is_observation_and_securing_a_line_interposition() -> None:
    extend = (
        "Decides to extend the mandate of the United Nations Mission to support the Accord (UNMXA) until "
        "14 July 2030;"
    )
    monitor = _fields(
        PRE, extend, "Decides that UNMXA shall monitor the compliance of the parties with the ceasefire;"
    )
    secure = _fields(PRE, extend, "Requests UNMXA to secure the buffer zone and to deter hostile activities;")
    assert monitor["operation_type"] == "observer_mission"
    assert secure["operation_type"] == "traditional_peacekeeping"


def test_host_consent_from_a_letter_of_the_states_representative_or_its_invitation() -> None:
    extend = (
        "Decides to extend the mandate of the United Nations Office in Somewhere (UNOSX) until 1 May 2031;"
    )
    letter = _fields(
        "Taking note of the letter dated 3 May 2030 from the Permanent Representative of Somewhere to the "
        "United Nations requesting the continued support of the Office,",
        extend,
    )
    invited = _fields("Welcoming the invitation of the Government of Somewhere,", extend)
    requested = _fields("Noting the assistance requested by the Transitional Government,", extend)
    secretariat = _fields(
        "Taking note of the letter from the Secretary-General of the United Nations requesting a decision,",
        extend,
    )
    assert letter["consent_host_state"] and invited["consent_host_state"] and requested["consent_host_state"]
    assert secretariat["consent_host_state"] is None


def test_a_termination_ends_the_mandate_on_the_day_it_takes_effect() -> None:
    fields = _fields(PRE, "Decides to terminate the mandate of UNXTA effective 3 December 2030;")
    assert fields["operation_action"] == "terminate" and fields["end_date"] == "2030-12-03"


def test_a_renewal_with_the_period_before_its_object() -> None:
    fields = _fields(
        PRE,
        "Decides to renew, for an additional period of twelve months from the adoption of this resolution, "
        "the authorizations as set out in paragraph 7 of resolution 9000 (2029);",
    )
    assert fields["operation_action"] == "extend" and fields["end_date"] == "2031-02-28"


def test_a_monitoring_mechanism_is_an_operation_named_as_the_text_names_it() -> None:
    fields = _fields(
        PRE,
        "Decides to establish a monitoring mechanism, under the authority of the Secretary-General, to "
        "monitor the loading of all humanitarian relief consignments;",
        "Decides that the United Nations monitoring mechanism shall be deployed expeditiously;",
        "Further decides that the decisions contained in paragraph 1 of this resolution shall expire "
        "180 days from the adoption of this resolution;",
    )
    assert fields["operation_action"] == "establish"
    assert fields["operation_name"] == "UNITED NATIONS MONITORING MECHANISM"
    assert fields["operation_type"] == "observer_mission"
    assert fields["end_date"] == "2030-08-28"  # 1 March + 180 days


def test_a_capitalised_body_established_is_named_and_agencies_are_not_the_operation() -> None:
    summary = _summary(
        PRE,
        "Decides that the United Nations humanitarian agencies are authorized to use the border crossings to "
        "deliver humanitarian assistance;",
        "Requests the Secretary-General to establish an Investigative Team, headed by a Special Adviser, to "
        "support domestic efforts to collect evidence;",
    )
    assert summary.fields["operation_name"] == "INVESTIGATIVE TEAM"
    assert "HumanRelief" not in {t.task for t in summary.tasks}


def test_political_mission_tasks_and_the_laws_it_advises_on() -> None:
    tasks = _tasks(
        PRE,
        "Decides to extend the mandate of the United Nations Integrated Office in Somewhere (UNIOSX) until "
        "28 February 2031;",
        "Also affirms that UNIOSX and the Special Representative will continue to lead international efforts "
        "in the following priority areas:\n\n(a) Supporting the restoration of constitutional order and the "
        "finalization of a broader political agreement;\n\n(b) Providing support to the reform of the "
        "Electoral law and the Framework Law on Political Parties;\n\n(c) Assisting national authorities in "
        "the promotion of human rights as well as undertaking human rights monitoring and reporting "
        "activities;\n\n(d) Supporting the ceasefire monitoring mechanism;\n\n(e) Enhancing the capacity "
        "of State organs;",
    )
    assert tasks["Democratization"] == {"Assist"} and tasks["PeaceProcess"] == {"Assist"}
    assert tasks["LegalReform"] == {"Assist"} and "ElectAssist" not in tasks and "PolPartyAssist" not in tasks
    assert tasks["HumanRights"] == {"Assist", "Monitor"}
    assert tasks["Ceasefire"] == {"Assist"} and tasks["StateAuthority"] == {"Assist"}


def test_a_general_rule_about_peacekeepers_authorises_no_one() -> None:
    fields = _fields(
        PRE,
        "Underlines that, where mandated, peacekeepers are authorized to use all necessary means to protect "
        "civilians under threat of physical violence;",
    )
    assert not fields["force_authorised"] and fields["force_addressee"] is None


def test_contributing_to_security_conditions_for_humanitarian_delivery_is_security() -> None:
    tasks = _tasks(
        PRE,
        "Decides to extend the mandate of UNMXS until 30 April 2031;",
        "Decides that the mandate of UNMXS shall be as follows:\n\n(a) To contribute, in close coordination "
        "with humanitarian actors, to the creation of security conditions conducive to the delivery of "
        "humanitarian assistance, so as to allow all humanitarian personnel full, safe and unhindered access "
        "to all those in need, and timely delivery of humanitarian assistance;",
    )
    assert tasks["HumanRelief"] == {"Security"}


def test_agreements_named_unless_technical() -> None:
    fields = _fields(
        "Welcoming the Hodeidah Agreement and Chapter V of the Revitalised Agreement on the Resolution of "
        "the Conflict, and recalling the Status of Force Agreement and the Revitalized Agreement on the "
        "Resolution of the Conflict,",
        "Decides to extend the mandate of UNMXH until 14 July 2031;",
    )
    assert len(fields["peace_agreements"]) == 2
    assert "Hodeidah Agreement" in fields["peace_agreements"]


@given(st.integers(min_value=1, max_value=400), st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31)))
def test_an_expiry_n_days_after_the_adoption_falls_on_that_day(days: int, adopted: dt.date) -> None:
    adoption = f"Adopted by the Security Council at its 9999th meeting, on {adopted:%-d %B %Y}"
    text = (
        f"Resolution 9001 (2030)\n\n{adoption}\n\nThe Security Council,\n\n{PRE}\n\n"
        "1. Decides to establish a monitoring mechanism to "
        f"monitor the ceasefire;\n\n2. Decides that paragraph 1 shall expire {days} days from the adoption "
        "of this resolution;\n"
    )
    assert summarise(analyze_text(text)).fields["end_date"] == (adopted + dt.timedelta(days=days)).isoformat()
