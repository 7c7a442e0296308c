"""Round 3 on modern mandates, tasks and modality: the structure of political missions' mandates, the
vocabulary of their tasks, and the modality of each paragraph. Short resolutions written for the test, in
the Council's drafting."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from missiongate.analyzer.analysis import analyze_text
from missiongate.analyzer.lexicon import ALLOWED_MODALITIES
from missiongate.analyzer.summary import summarise
from missiongate.analyzer.tasks import _trie
from tests.analyzer.helpers import HEAD

EXTEND = (
    "Decides to extend the mandate of the United Nations Assistance Mission in Somewhere (UNAMX) until "
    "17 March 2031;"
)


def _tasks(*operative: str) -> dict[tuple[str, str], set[str]]:
    """(task, paragraph) -> modalities, for a resolution whose first paragraph extends UNAMX."""
    body = "\n\n".join(f"{i}. {text}" for i, text in enumerate((EXTEND, *operative), start=1))
    text = f"{HEAD}The Security Council,\n\nRecalling its previous resolutions,\n\n{body}\n"
    found: dict[tuple[str, str], set[str]] = {}
    for task in summarise(analyze_text(text)).tasks:
        found.setdefault((task.task, task.paragraph), set()).add(task.modality)
    return found


def test_a_list_the_council_encourages_is_encouraged() -> None:
    found = _tasks(
        "Encourages UNAMX to:\n(a) support the holding of elections;\n(b) promote the rule of law;",
    )
    assert found[("ElectAssist", "2a")] == {"Encouraged"}
    assert found[("JusticeReform", "2b")] == {"Encouraged"}


def test_a_sub_sub_paragraph_takes_the_verb_of_the_lead_in_above_it() -> None:
    found = _tasks(
        "Decides that the mandate of UNAMX shall be as follows:\n"
        "(a) To monitor, help investigate and report to the Council on:\n"
        "(i) abuses and violations of human rights;\n(ii) conflict-related sexual violence;\n"
        "(b) To support the Government by providing advice on:\n(i) the preparation of elections;",
    )
    assert found[("HumanRights", "2ai")] == {"Monitor"}
    assert found[("SGBViolence", "2aii")] == {"Monitor"}
    assert found[("ElectAssist", "2bi")] == {"Assist"}


def test_a_heading_over_a_list_governs_nothing() -> None:
    found = _tasks(
        "Decides that UNAMX shall have the following mandate:\n(a) Protection of civilians:\n"
        "(i) To support the Government in promoting human rights;",
    )
    assert found[("HumanRights", "2ai")] == {"Assist"}


def test_the_need_for_the_operation_to_act_is_a_mandate() -> None:
    found = _tasks(
        "Reiterates the need for UNAMX to take into account child protection and to assist the authorities "
        "in the protection of children;",
        "Underscores the need for Member States to support the rule of law;",
    )
    assert ("ChildRights", "2") in found
    assert not any(paragraph == "3" for _, paragraph in found)


def test_an_office_is_the_operation_but_an_office_of_someone_else_is_not() -> None:
    found = _tasks(
        "Decides that the Office shall continue to support the electoral process;",
        "Requests the Office of the High Commissioner for Human Rights to support the justice system;",
    )
    assert ("ElectAssist", "2") in found and ("JusticeReform", "3") not in found


def test_whose_capacities_are_built_is_no_activity() -> None:
    found = _tasks(
        "Requests UNAMX to scale up its advisory support to the training and investigation capacities of the "
        "National Police;",
    )
    assert found[("PoliceReform", "2")] == {"Assist"}


# Near-synonyms of task phrases the lexicon knew in one form only, in the Council's wording.
VOCABULARY = {
    "the peace and reconciliation process": "PeaceProcess",
    "reconciliation efforts": "Reconcil",
    "social cohesion": "Reconcil",
    "the resolution of communal conflicts": "LocalReconcil",
    "local peace initiatives": "LocalReconcil",
    "the reform of the security sector": "MilitaryReform",
    "security sector governance": "MilitaryReform",
    "the professionalization of the national armed forces": "MilitaryReform",
    "the justice sector": "JusticeReform",
    "the fight against impunity": "JusticeReform",
    "legal reform": "LegalReform",
    "legislative reform": "LegalReform",
    "state-building": "StateAuthority",
    "decentralization": "StateAuthority",
    "the strengthening of State institutions": "StateAuthority",
    "the democratic transition": "Democratization",
    "the restoration of democracy": "Democratization",
    "the political transition": "Democratization",
    "socio-economic development": "EcDevelop",
    "sustainable development": "EcDevelop",
    "early recovery": "EcDevelop",
    "the humanitarian response": "HumanRelief",
    "the voluntary return of IDPs": "RefugeeIDPs",
    "survivors of gender-based violence": "SGBViolence",
    "the prevention of grave violations against children": "ChildRights",
    "children affected by armed conflict": "ChildRights",
    "weapons and munitions management": "ControlSALW",
    "stockpile management": "ControlSALW",
    "the DDR process": "DisarmDemob",
    "the fight against the illicit exploitation of minerals": "Resources",
    "the release of children from armed groups": "ChildRights",
    "the return of displaced populations": "RefugeeIDPs",
    "the clearance of explosive remnants of war": "Demining",
    "local governance": "StateAuthority",
    "press freedom": "Media",
    "negotiations between the parties": "PeaceProcess",
    "the hybrid court": "TransJustice",
    "livelihoods": "EcDevelop",
}


@given(
    st.sampled_from(sorted(VOCABULARY)), st.sampled_from(["support", "assist the Government in", "advise on"])
)
def test_a_near_synonym_of_a_task_phrase_is_the_task(phrase: str, verb: str) -> None:
    found = _tasks(f"Requests UNAMX to {verb} {phrase};")
    assert found.get((VOCABULARY[phrase], "2")) == {"Assist"}


# an encouragement PEMA's codebook never codes (peace process, demining) is dropped
ENCOURAGEABLE = sorted(
    p for p, t in VOCABULARY.items() if "Encouraged" in ALLOWED_MODALITIES.get(t, {"Encouraged"})
)


@given(st.sampled_from(ENCOURAGEABLE))
def test_every_task_in_a_list_the_council_encourages_is_encouraged(phrase: str) -> None:
    found = _tasks(f"Encourages UNAMX to:\n(a) continue to support {phrase};\n(b) monitor {phrase};")
    assert found and all(modalities == {"Encouraged"} for modalities in found.values())


def test_civilian_protection_is_the_protection_of_civilians() -> None:
    assert _tasks("Requests UNAMX to support civilian protection;") == {("CivProtect", "2"): {"Security"}}


def test_a_title_or_a_unit_the_operation_is_made_of_is_no_task() -> None:
    found = _tasks(
        "Decides that UNAMX shall continue to implement the United Nations Sustainable Development "
        "Cooperation Framework;",
        "Requests that UNAMX be comprised of the following units: a unit on elections, a unit on weapons and "
        "munitions management, and a police unit including advisers to serve as police advisers to the "
        "National Police;",
    )
    assert set(found) == {("PoliceReform", "3")}


def test_gender_based_violence_is_not_a_gender_task_and_sexual_violence_is_one_task() -> None:
    found = _tasks("Requests UNAMX to support the prevention of sexual and gender-based violence;")
    assert set(found) == {("SGBViolence", "2")}


def test_what_force_is_authorised_for_the_operation_secures() -> None:
    found = _tasks(
        "Authorizes UNAMX to take all necessary measures to ensure compliance with the ceasefire and the "
        "implementation of the peace agreement;",
    )
    assert found[("Ceasefire", "2")] == {"Security"} and found[("PeaceProcess", "2")] == {"Security"}


def test_providing_information_on_abuses_is_reporting() -> None:
    found = _tasks(
        "Requests UNAMX to provide available information on cases of human rights abuses and sexual violence "
        "as an annex to the reports of the Secretary-General;",
    )
    assert found[("HumanRights", "2")] == {"Monitor"} and found[("SGBViolence", "2")] == {"Monitor"}


@given(st.sampled_from(["protect", "secure", "safeguard"]))
def test_the_operation_helps_with_rights_and_reforms_it_does_not_secure_them(verb: str) -> None:
    found = _tasks(
        f"Requests UNAMX to promote and {verb} human rights, the participation of women in elections and "
        "the reform of the national police;",
    )
    assert found and all(modalities == {"Assist"} for modalities in found.values())


def test_a_mandate_extended_by_reference_gives_no_task() -> None:
    found = _tasks(
        "Decides to extend the mandate of UNAMX until 31 October 2031, with the tasks set out in paragraphs "
        "5 to 9 of resolution 9000 (2029) on support to the peace process and human rights monitoring;",
        "Decides to extend until 15 November 2031 the support of UNAMX to the border monitoring mechanism, "
        "as set out in paragraph 1 of resolution 9002 (2029);",
        "Requests UNAMX to continue its support to the electoral process;",
    )
    assert set(found) == {("ElectAssist", "4")}


def test_advisers_advise_on_their_field_but_a_unit_of_the_operation_is_no_task() -> None:
    found = _tasks(
        "Decides that the police unit of UNAMX will include up to 40 personnel to serve as police and "
        "corrections advisers, and that its human rights unit will include dedicated capacity;",
        "Decides that UNAMX shall comprise a police ceiling of 900 personnel, including 60 corrections "
        "advisers;",
    )
    assert set(found) == {("PoliceReform", "2"), ("CorrectionsReform", "2")}
    assert found[("CorrectionsReform", "2")] == {"Assist"}


def test_mediation_between_the_parties_is_the_peace_process_itself() -> None:
    found = _tasks(
        "Decides that the strategic priorities of UNAMX shall be the mediation between the Government and "
        "non-signatory armed movements, and support to the mediation of community conflict;",
        "Requests UNAMX to provide good offices for dialogue among all political actors, and to promote the "
        "rule of law;",
    )
    assert ("PeaceProcess", "3") in found
    assert ("PeaceProcess", "2") in found and ("LocalReconcil", "2") in found


def test_regional_dialogue_is_regional_reconciliation_not_the_peace_process() -> None:
    found = _tasks(
        "Requests UNAMX to advance regional dialogue and cooperation between Somewhere and its neighbours;"
    )
    assert set(found) == {("RegReconcil", "2")}


def test_the_verb_of_a_clause_governs_its_long_list() -> None:
    found = _tasks(
        "Decides further that UNAMX shall verify the implementation by the parties of sections 3 and 4 of "
        "the Final Agreement as called for in its section 6, including the process of political, economic "
        "and social reincorporation of former combatants; the implementation of personal and collective "
        "security guarantees; and comprehensive programmes on security and protection measures for "
        "communities;",
    )
    assert found[("Reintegration", "2")] == {"Monitor"} and found[("CivProtect", "2")] == {"Monitor"}


def test_monitoring_the_protection_of_communities_is_no_protection_of_civilians_mandate() -> None:
    body = "\n\n".join(
        f"{i}. {text}"
        for i, text in enumerate(
            (EXTEND, "Decides that UNAMX shall monitor the situation of civilians and report on it;"), start=1
        )
    )
    summary = summarise(
        analyze_text(f"{HEAD}The Security Council,\n\nRecalling its resolutions,\n\n{body}\n")
    )
    assert {(t.task, t.modality) for t in summary.tasks} == {("CivProtect", "Monitor")}
    assert summary.fields["protection_of_civilians"] is False


def test_sexual_exploitation_and_abuse_by_personnel_is_conduct_not_a_task() -> None:
    found = _tasks(
        "Requests UNAMX to implement the zero-tolerance policy on sexual exploitation and abuse;",
        "Requests UNAMX to support the Government in preventing sexual violence and the sexual abuse of "
        "children;",
    )
    assert ("SGBViolence", "2") not in found and found[("SGBViolence", "3")] == {"Assist"}


@given(
    st.lists(st.text(alphabet="abc -", min_size=1, max_size=5), min_size=1, max_size=12, unique=True),
    st.text(alphabet="abc -x", max_size=80),
)
def test_the_anchor_trie_finds_what_the_plain_alternation_found(words: list[str], text: str) -> None:
    ordered = sorted(words, key=len, reverse=True)
    plain = re.compile("|".join(map(re.escape, ordered)))
    trie = re.compile(_trie(ordered))
    assert [m.group() for m in trie.finditer(text)] == [m.group() for m in plain.finditer(text)]


def test_a_verb_beyond_the_usual_reach_still_governs_the_rest_of_its_item() -> None:
    found = _tasks(
        "Decides that UNAMX shall have the following mandate:\n(a) Work with the Government and humanitarian "
        "workers to identify threats to civilians and implement joint prevention and response plans and "
        "strengthen civil-military cooperation, to ensure the protection of civilians from abuses and "
        "violations of international humanitarian law, including all forms of violence and abuses committed "
        "against children and persons with disabilities;",
    )
    assert found[("ChildRights", "2a")] == {"Security"}


def test_civil_society_taking_part_beside_women_is_a_task_but_womens_organisations_are_gender() -> None:
    found = _tasks(
        "Requests UNAMX to support the full participation of women, and the effective engagement of civil "
        "society and youth in the peace process;",
        "Encourages UNAMX to strengthen the inclusion of women's civil society organisations;",
    )
    assert ("CivilSociety", "2") in found and ("CivilSociety", "3") not in found


@given(
    st.sampled_from(
        [
            "to conduct a strategic review of UNAMX, including of its support to",
            "to provide options for the future role of UNAMX in supporting",
            "to carry out an independent assessment of UNAMX's support to",
            "to assess the impact of UNAMX's support to",
            "to brief the Council on",
            "to develop a transition plan for the handover of UNAMX's support to",
            "to transfer UNAMX's tasks on",
        ]
    ),
    st.sampled_from(["the electoral process", "the national police", "the peace process", "the rule of law"]),
)
def test_reviews_options_briefings_and_handovers_for_the_council_are_no_task(
    request: str, object_: str
) -> None:
    assert _tasks(f"Requests the Secretary-General {request} {object_};") == {}


def test_securing_routes_to_improve_the_humanitarian_situation_is_humanitarian_relief_secured() -> None:
    found = _tasks(
        "Requests UNAMX to give the utmost priority to securing key supply routes essential to improve the "
        "humanitarian situation in the most affected areas;",
    )
    assert found == {("HumanRelief", "2"): {"Security"}}


def test_monitoring_an_arms_embargo_with_powers_of_seizure_also_secures_it() -> None:
    found = _tasks(
        "Requests UNAMX to monitor the implementation of the arms embargo, and to seize, collect and dispose "
        "of arms or related materiel brought into the country in violation of the measures;",
        "Requests UNAMX to monitor the implementation of the arms embargo;",
    )
    assert found[("ArmsEmbargo", "2")] == {"Monitor", "Security"} and found[("ArmsEmbargo", "3")] == {
        "Monitor"
    }
