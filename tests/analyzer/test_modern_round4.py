"""Round 4 on modern mandates: consent and named agreements rewritten from the codebook
(`data/modern/README.md`), generic structure bugs, task recall. Short resolutions written for the test, in
the Council's drafting (no text of a held-out resolution)."""

from __future__ import annotations

from typing import Any

import pytest

from missiongate.analyzer.analysis import analyze_text
from missiongate.analyzer.mandate_eval import same_value
from missiongate.analyzer.structure import parse_structure
from missiongate.analyzer.summary import summarise
from tests.analyzer.helpers import HEAD

EXTEND = (
    "Decides to extend the mandate of the United Nations Assistance Mission in Somewhere (UNAMX) until "
    "31 March 2031;"
)


def _summary(pre: str, *operative: str) -> Any:
    body = "\n\n".join(f"{i}. {text}" for i, text in enumerate(operative or (EXTEND,), start=1))
    return summarise(analyze_text(f"{HEAD}The Security Council,\n\n{pre}\n\n{body}\n"))


def _consent(pre: str, *operative: str) -> tuple[object, object]:
    fields = _summary(pre, *operative).fields
    return fields["consent_host_state"], fields["consent_parties"]


# The codebook: a request, an agreement, a shared letter, an invitation or a status-of-forces/mission
# agreement with the host State, made by any organ of the State.
@pytest.mark.parametrize(
    "pre",
    [
        "Welcoming the request of the Minister for Foreign Affairs and Cooperation of Somewhere for the "
        "continued support of the Mission,",
        "Taking note of the letter dated 3 February 2030 from the Chargé d’affaires a.i. of the Permanent "
        "Mission of Somewhere to the United Nations requesting the renewal of the mandate,",
        "Welcoming the request of Somewhere for the continued support of the Mission,",
        "Noting that the Government of Somewhere has asked the United Nations to continue its support,",
        "Noting that the Government of Somewhere requests the continued presence of the Mission,",
        "Welcoming the consent of Somewhere to the deployment of the Mission,",
        "Noting the Government’s acceptance of the Mission’s presence,",
        "Acting with the concurrence of the Government of Somewhere,",
        "Recalling the memorandum of understanding between the United Nations and the Government of "
        "Somewhere on the Mission,",
        "Recalling the agreement reached between the Government of Somewhere and the United Nations on the "
        "Mission,",
        "Welcoming the exchange of letters between the Secretary-General and the Government of Somewhere on "
        "the Mission,",
        "Welcoming the Somewhere National Assembly’s request for the continued presence of the Mission,",
        "Noting the invitation extended by the Federal Government of Somewhere to the Mission,",
        "Deploying the Mission with the approval of the Government of Somewhere,",
        "Noting that the Government of Somewhere has approved the deployment of the Mission,",
        "Welcoming Somewhere’s approval of the Mission’s continued presence,",
    ],
)
def test_the_host_state_consents_in_every_form_the_codebook_names(pre: str) -> None:
    assert _consent(pre)[0] is True


@pytest.mark.parametrize(
    "pre",
    [
        "Noting that the two parties have accepted the deployment of the Mission,",
        "Welcoming the request of the two parties for the Mission,",
        "Noting that the Mission was deployed as requested by the parties,",
        "Noting that the parties have agreed to the presence of the Mission,",
    ],
)
def test_the_parties_accept_the_operation(pre: str) -> None:
    assert _consent(pre) == (True, True)


@pytest.mark.parametrize(
    "pre",
    [
        "Calling on the Government of Somewhere to request technical assistance from Member States,",
        "Noting the request of the Secretary-General for additional resources,",
        "Noting that the parties have agreed on a ceasefire,",
        "Reaffirming the basic principles of peacekeeping, including consent of the parties,",
        "Calling on the parties to accept the deployment of the Mission,",
    ],
)
def test_no_consent_recorded(pre: str) -> None:
    assert _consent(pre) == (None, None)


def test_a_request_that_the_council_meet_is_no_consent() -> None:
    pre = "Considering the request by Somewhere for the Security Council to consider the situation,"
    assert _consent(pre)[0] is None


def _agreements(pre: str) -> tuple[str, ...]:
    return tuple(_summary(pre).fields["peace_agreements"])


# The codebook: peace and ceasefire agreements are listed when named (by a title, a place or a date);
# communiqués, road maps, declarations, electoral and technical agreements are not.
@pytest.mark.parametrize(
    ("pre", "name"),
    [
        ("Recalling the Algiers Accord,", "Algiers Accord"),
        ("Welcoming the Agreement on the Cessation of Hostilities in Somewhere,",
         "Agreement on the Cessation of Hostilities in Somewhere"),
        ("Recalling the 8 July 2029 Agreement between the two leaders,", "8 July 2029 Agreement"),
        ("Recalling the Agreement of 8 July 2029 between the two leaders,", "8 July 2029 Agreement"),
        ("Welcoming the 23 October 2029 ceasefire agreement,", "23 October 2029 ceasefire agreement"),
        ("Urging implementation of the 23 October 2029 ceasefire,", "23 October 2029 ceasefire agreement"),
        ("Recalling the Somewhere Political Agreement signed on 17 December 2025,",
         "Somewhere Political Agreement"),
        ("Welcoming the Peace Accords of Somewhere,", "Peace Accords of Somewhere"),
    ],
)  # fmt: skip
def test_named_agreements_are_listed(pre: str, name: str) -> None:
    assert same_value("peace_agreements", (name,), _agreements(pre))


@pytest.mark.parametrize(
    "pre",
    [
        "Welcoming the joint communiqué of the two Governments,",
        "Welcoming the Roadmap for the Electoral Process,",
        "Recalling the Joint Declaration of Principles,",
        "Welcoming the Electoral Agreement of 3 May 2029,",
        "Recalling the Military Technical Agreement,",
        "Recalling the Status of Forces Agreement,",
        "Recalling the Memorandum of Understanding on the Mission,",
        "Welcoming the agreement reached on electoral matters,",
        "Welcoming the Agreement on Technical Arrangements for the Border,",
    ],
)
def test_communiques_road_maps_declarations_electoral_and_technical_agreements_are_not(pre: str) -> None:
    assert _agreements(pre) == ()


def test_a_titled_agreement_named_again_by_its_date_is_one_agreement() -> None:
    pre = (
        "Recalling the “Somewhere Inclusive Political Agreement” signed in Capital on 31 December 2029,\n\n"
        "Urging all signatories of the 31 December 2029 Agreement to implement it,"
    )
    assert _agreements(pre) == ("Somewhere Inclusive Political Agreement",)


def _ids(operative: str) -> list[str]:
    structure = parse_structure(f"{HEAD}The Security Council,\n\nRecalling its resolutions,\n\n{operative}\n")
    return [p.id for p in structure.operative]


@pytest.mark.parametrize(
    "restart",
    [
        "(b) To support the Government in the reform of the police; and decides further that the Mission "
        "shall undertake:\n\n(i) To monitor the ceasefire;\n\n(ii) To support elections;",
        "(b) To support the Government in the reform of the police;\n\nFurther requests the Mission to:\n\n"
        "(i) To monitor the ceasefire;\n\n(ii) To support elections;",
    ],
)
def test_a_second_list_in_a_paragraph_is_the_paragraphs_not_the_last_items(restart: str) -> None:
    text = f"1. Decides that the Mission shall:\n\n(a) Protect civilians;\n\n{restart}\n\n2. Decides to stay."
    assert _ids(text) == ["1", "1a", "1b", "1i", "1ii", "2"]


def test_an_items_own_lead_in_still_nests_its_list() -> None:
    text = (
        "1. Decides that the Mission shall:\n\n(a) Protect civilians;\n\n(b) To assist the Government with "
        "its efforts to:\n\n(i) reform the police;\n\n(ii) hold elections;\n\n2. Decides to remain seized."
    )
    assert _ids(text) == ["1", "1a", "1b", "1bi", "1bii", "2"]


RECALL = "Recalling resolution 8000 (2029) on the United Nations Assistance Mission in Somewhere (UNAMX),"


@pytest.mark.parametrize(
    "operative",
    [
        "Decides that the mandate of UNAMX shall also include the following tasks: (a) To monitor the "
        "ceasefire; (b) To support the holding of elections;",
        "Decides that UNAMX shall support the holding of elections and monitor the ceasefire;",
        "Decides to add to the mandate of UNAMX the monitoring of the ceasefire and support to elections;",
        "Decides further that UNAMX shall also verify the ceasefire and support elections;",
    ],
)
def test_a_mandate_changed_without_a_renewal_keeps_its_tasks(operative: str) -> None:
    summary = _summary(RECALL, operative)
    assert (summary.fields["operation_action"], summary.fields["operation_name"]) == ("revise", "UNAMX")
    assert "Ceasefire" in {task.task for task in summary.tasks}


def test_an_operation_asked_for_help_in_a_sanctions_text_gets_no_tasks() -> None:
    summary = _summary(
        RECALL,
        "Decides to renew the measures on arms imposed by paragraph 5 of resolution 8001 (2029);",
        "Requests UNAMX to support the Government in the implementation of the arms embargo;",
        "Welcomes the decision of the African Union to end the mandate of UNAMX;",
    )
    assert summary.fields["operation_action"] == "none" and summary.tasks == ()


def _tasks(*operative: str) -> set[tuple[str, str]]:
    summary = _summary(RECALL, "Decides to extend the mandate of UNAMX until 31 March 2031;", *operative)
    return {(task.task, task.modality) for task in summary.tasks}


@pytest.mark.parametrize(
    ("operative", "expected"),
    [
        ("Requests UNAMX to support the Government in the protection of children’s rights;",
         {("ChildRights", "Assist")}),
        ("Requests UNAMX to promote the rights of the child;", {("ChildRights", "Assist")}),
        # the operation helps others protect civilians: Assist; civilians "including women" are no Gender task
        ("Requests UNAMX to provide technical advice and support on the protection of civilians, including "
         "women and girls;", {("CivProtect", "Assist")}),
        ("Requests UNAMX to support the Government, as needed, in promoting the protection of civilians;",
         {("CivProtect", "Assist")}),
        ("Requests UNAMX to protect civilians under threat of violence;", {("CivProtect", "Security")}),
        ("Requests UNAMX to support the participation of women in political life;", {("Gender", "Assist")}),
    ],
)  # fmt: skip
def test_whose_rights_and_whose_protection(operative: str, expected: set[tuple[str, str]]) -> None:
    assert _tasks(operative) == expected


@pytest.mark.parametrize(
    ("pre", "authorised"),
    [
        ("Acting under Chapter VII of the Charter of the United Nations,", True),
        ("Recalling its previous resolutions,", False),
    ],
)
def test_the_necessary_actions_authorise_force_where_chapter_vii_governs_the_whole_text(
    pre: str, authorised: bool
) -> None:
    fields = _summary(
        pre,
        "Decides to extend until 15 November 2031 the mandate of the United Nations Interim Security Force "
        "for Somewhere (UNISFX), and decides that UNISFX is authorized to take the necessary actions to "
        "protect civilians;",
    ).fields
    assert fields["force_authorised"] is authorised
    assert fields["operation_type"] == ("robust_peacekeeping" if authorised else "traditional_peacekeeping")


def test_states_called_upon_to_take_the_necessary_actions_are_not_authorised() -> None:
    pre = "Acting under Chapter VII of the Charter of the United Nations,"
    fields = _summary(
        pre, "Calls upon Member States to take the necessary actions to implement the embargo;"
    ).fields
    assert fields["force_authorised"] is False


@pytest.mark.parametrize(
    ("operative", "expected"),
    [
        ("Requests UNAMX to support the mobilization of economic and development assistance;",
         {("EcDevelop", "Assist")}),
        ("Requests UNAMX to assist the Government in aligning development programmes with its priorities;",
         {("EcDevelop", "Assist")}),
        ("Requests UNAMX to coordinate with the UN Development Programme and the National Development Plan "
         "team;", set()),
    ],
)  # fmt: skip
def test_development_aid_and_plans_are_economic_development(
    operative: str, expected: set[tuple[str, str]]
) -> None:
    assert _tasks(operative) == expected


@pytest.mark.parametrize(
    ("operative", "expected"),
    [
        ("Requests UNAMX to support the restoring of health services;", {("PublicHealth", "Assist")}),
        ("Requests UNAMX to support a truth and reconciliation process;", {("Reconcil", "Assist")}),
    ],
)  # fmt: skip
def test_health_services_and_truth_and_reconciliation(operative: str, expected: set[tuple[str, str]]) -> None:
    assert _tasks(operative) == expected


@pytest.mark.parametrize(
    ("operative", "expected"),
    [
        ("Encourages the Government and UNAMX to work together to support the electoral process;",
         {("ElectAssist", "Encouraged")}),
        ("Requests the Government and the Mission to support elections;", {("ElectAssist", "Assist")}),
        ("Calls upon the parties and Member States to support the electoral process;", set()),
    ],
)  # fmt: skip
def test_an_operation_addressed_beside_the_government(operative: str, expected: set[tuple[str, str]]) -> None:
    assert _tasks(operative) == expected


@pytest.mark.parametrize(
    ("operative", "expected"),
    [
        ("Requests UNAMX to continue documenting human rights abuses;", {("HumanRights", "Monitor")}),
        ("Requests UNAMX to keep under review the human rights situation;", {("HumanRights", "Monitor")}),
        ("Requests UNAMX to keep the Council informed of human rights;", {("HumanRights", "Monitor")}),
        ("Requests UNAMX to include in its reports sexual violence;", {("SGBViolence", "Monitor")}),
        ("Requests UNAMX to support the Government in documenting its heritage and in electoral matters;",
         {("ElectAssist", "Assist")}),
    ],
)  # fmt: skip
def test_documenting_and_reporting_are_monitoring(operative: str, expected: set[tuple[str, str]]) -> None:
    assert _tasks(operative) == expected


@pytest.mark.parametrize(
    "operative",
    [
        "Decides that the mandate of UNAMX shall continue until 31 March 2031;",
        "Decides to continue the mandate of UNAMX until 31 March 2031;",
        "Decides to extend the period of the mandate of UNAMX until 31 March 2031;",
        "Decides to extend UNAMX until 31 March 2031;",
        "Decides to extend the mandates of UNAMX and of the Panel of Experts until 31 March 2031;",
    ],
)
def test_every_way_of_extending_a_mandate(operative: str) -> None:
    fields = _summary(RECALL, operative).fields
    assert (fields["operation_action"], fields["operation_name"], fields["end_date"]) == (
        "extend", "UNAMX", "2031-03-31"
    )  # fmt: skip


def test_a_panel_extended_is_no_operation() -> None:
    fields = _summary(
        RECALL, "Decides to extend the mandate of the Panel of Experts until 31 March 2031;"
    ).fields
    assert fields["operation_action"] == "none"


@pytest.mark.parametrize(
    "operative",
    [
        "Requests UNAMX to enforce a zero-tolerance policy on misconduct, fraud and trafficking in natural "
        "resources by its personnel;",
        "Requests UNAMX to plan its drawdown in line with the disengagement plan agreed with the Government;",
        "Requests UNAMX to facilitate the delivery of humanitarian assistance to the civilian population;",
        "Requests UNAMX to increase the participation of political parties and youth in public life;",
    ],
)
def test_conduct_exit_plans_recipients_and_participation_are_no_tasks(operative: str) -> None:
    tasks = {task for task, _ in _tasks(operative)}
    assert not tasks & {"Resources", "Demil", "CivProtect", "PolPartyAssist"}


def test_the_council_underlining_what_the_operation_is_authorised_to_do_mandates_it() -> None:
    operative = (
        "Underlines, in particular, that UNAMX is authorized to contribute to the creation of the necessary "
        "security conditions for the provision of humanitarian assistance;"
    )
    assert _tasks(operative) == {("HumanRelief", "Security")}


def test_an_operation_named_for_the_parties_agreement_rests_on_their_consent() -> None:
    named = (
        "Decides to extend until 14 July 2031 the mandate of the United Nations Mission to support the "
        "Portville Agreement (UNMPX);"
    )
    assert _consent("Recalling the agreement reached by the parties in Capital,", named) == (True, True)
    supports = (
        "Decides to extend the mandate of the United Nations Mission in Somewhere (UNMISX) until 30 April "
        "2031 to support the implementation of the Revitalized Peace Agreement;"
    )
    assert _consent("Recalling its resolutions,", supports) == (None, None)


def test_a_date_after_until_is_no_condition_on_the_parties_consent() -> None:
    operative = "Decides to extend until 14 July 2031 the mandate of UNAMX as agreed by the parties;"
    assert _consent(RECALL, operative) == (True, True)
    assert _consent(RECALL, "Decides to deploy observers until the parties have agreed on it;") == (
        None,
        None,
    )
