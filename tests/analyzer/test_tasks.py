from __future__ import annotations

from missiongate.analyzer.analysis import analyze_file, analyze_text
from missiongate.analyzer.pema import TASKS, format_refs, parse_cell
from missiongate.analyzer.tasks import ANCHORS, TASK_PATTERNS
from tests.analyzer.helpers import resolution

HEAD = "Resolution 9001 (2030)\nof 1 January 2030\n\nThe Security Council,\n\nNoting,\n\n"


def test_lexicon_covers_all_41_tasks() -> None:
    assert len(TASKS) == 41 and set(TASK_PATTERNS) == set(TASKS) == set(ANCHORS)


def test_unamir_mandate_items() -> None:
    codings = analyze_file(resolution(872)).task_codings()
    assert codings["Ceasefire"].modalities == {"Monitor"} and codings["Ceasefire"].refs == {"3b"}
    assert codings["Demining"].modalities == {"Assist"} and codings["Demining"].refs == {"3d"}
    assert codings["RefugeeIDPs"].refs == {"3f"}
    assert codings["ElectSec"].modalities == {"Monitor"} and "ElectAssist" not in codings


def test_modalities_and_moods() -> None:
    text = HEAD + ("1. Requests the Mission to monitor the cease-fire and to assist in mine clearance;\n\n"
                   "2. Encourages the Special Representative to continue to coordinate humanitarian "
                   "assistance;\n\n"
                   "3. Demands that the parties respect human rights;\n\n"
                   "4. Decides that the Force shall protect civilians under imminent threat;\n")  # fmt: skip
    codings = analyze_text(text).task_codings()
    assert codings["Ceasefire"].modalities == {"Monitor"}
    assert codings["Demining"].modalities == {"Assist"}
    assert codings["HumanRelief"].modalities == {"Encouraged"}
    assert "HumanRights" not in codings  # a demand on the parties is not a task of the operation
    assert codings["CivProtect"].modalities == {"Security"}


def test_findings_quote_the_text_with_rule() -> None:
    analysis = analyze_file(resolution(872))
    for finding in analysis.of_kind("task"):
        assert (
            analysis.structure.text[finding.evidence.start : finding.evidence.end] == finding.evidence.quote
        )
        assert finding.rule.startswith(f"task.{finding.value}.")


def test_pema_cells() -> None:
    assert parse_cell("54 b, 74 c").refs == ("54b", "74c")
    assert parse_cell("4 + 9, 31 (S/24800)").symbols == ("S/24800",)
    assert parse_cell("p. 2").refs == ("p2",)
    assert format_refs({"3b", "12", "3a", "p2"}) == "p2, 3a, 3b, 12"


def test_pema_cell_formats() -> None:
    assert parse_cell("p2").refs == ("p2",)  # preambular, not operative paragraph 2
    assert parse_cell("4a(vi), 4c(i)").refs == ("4avi", "4ci")
    assert parse_cell("19 referring to 77 (S/1996/1012)") == parse_cell("19, 77 (S/1996/1012)")
    assert parse_cell("19 referring to 77 (S/1996/1012)").symbols == ("S/1996/1012",)


def test_listed_tasks_take_the_modality_of_their_head_verb() -> None:
    codings = analyze_file(resolution(897)).task_codings()  # "(b) Protecting ...", "(g) Providing protection"
    assert codings["HumanRelief"].modalities == {"Assist", "Security"}
    assert codings["HumanRelief"].refs == {"2b", "2c", "2g"}
    assert codings["Demining"].refs == {"6"}  # "requests ... to ensure the start of demining operations"


def test_context_is_not_a_task() -> None:
    codings = analyze_file(resolution(872)).task_codings()
    # 3b: "the cease-fire agreement, which calls for ... cantonment ... demilitarized zone"
    assert "DisarmDemob" not in codings and codings["Demil"].refs == {"3a"}
    text = HEAD + (
        "1. Decides that all States shall respect the embargo on deliveries of weapons;\n\n"
        "2. Requests the Secretary-General to consider the implications of the peace process;\n\n"
        "3. Requests the United Nations specialized agencies to provide humanitarian assistance;\n\n"
        "4. Invites the Secretary-General to continue his efforts for a political settlement;\n"
    )
    assert analyze_text(text).task_codings() == {}  # PEMA never codes PeaceProcess as Encouraged


def test_cooperation_with_the_operation_in_a_task() -> None:
    text = HEAD + (
        "1. Urges the parties to cooperate fully with the Mission in the holding of the elections, "
        "and to respect human rights;\n"
    )
    codings = analyze_text(text).task_codings()
    assert codings["ElectAssist"].modalities == {"Assist"} and "HumanRights" not in codings


def test_approving_a_revised_mandate_mandates() -> None:
    text = HEAD + (
        "1. Approves the recommendation of the Secretary-General, with a revised mandate for the "
        "following:\n\n(a) Monitoring the cease-fire;\n\n(b) Assisting in mine clearance;\n"
    )
    codings = analyze_text(text).task_codings()
    assert codings["Ceasefire"].modalities == {"Monitor"} and codings["Demining"].refs == {"1b"}


def test_verifying_an_agreement_monitors_its_subject() -> None:
    # S/RES/693 para 2: "to verify the compliance by the parties with the Agreement on Human Rights"
    codings = analyze_file(resolution(693)).task_codings()
    assert codings["HumanRights"].modalities == {"Monitor"} and codings["HumanRights"].refs == {"2"}
    assert codings["PeaceProcess"].refs == {"2"}  # "to monitor all agreements concluded between the parties"
    # S/RES/729 para 2: "... in particular the Agreement on the Cessation of the Armed Conflict and the
    # Agreement on the Establishment of a National Civil Police", more than a line after "monitoring"
    codings = analyze_file(resolution(729)).task_codings()
    assert codings["Ceasefire"].modalities == codings["PoliceReform"].modalities == {"Monitor"}


def test_agreement_cited_or_investigated_case_by_case_is_no_task() -> None:
    text = HEAD + (
        "1. Requests the Mission to investigate instances of alleged non-compliance with the provisions of "
        "the Protocol of Agreement on the Integration of the Armed Forces;\n\n"
        "2. Decides that the Mission shall monitor the cease-fire in line with the Peace Accords;\n"
    )
    codings = analyze_text(text).task_codings()
    assert "MilitaryReform" not in codings and "PeaceProcess" not in codings
    assert codings["Ceasefire"].refs == {"2"}


def test_words_of_an_operation_name_are_no_activity() -> None:
    # S/RES/650: "the United Nations Observer Group in Central America ... to play a part in the voluntary
    # demobilization": "Observer" names the group; "play a part in" is assistance
    assert analyze_file(resolution(650)).task_codings()["DisarmDemob"].modalities == {"Assist"}


def test_composition_planning_and_council_committees_are_no_tasks() -> None:
    # S/RES/866 para 3 lead-in: "UNOMIL shall comprise ... electoral components"; 3(c) is the task
    assert analyze_file(resolution(866)).task_codings()["ElectAssist"].refs == {"3c"}
    # S/RES/881 para 6: "to take planning steps which would enable ... prompt deployment"
    assert analyze_file(resolution(881)).task_codings()["PeaceProcess"].refs == {"4b"}
    # S/RES/751 para 11: "a Committee of the Security Council ... to undertake the following tasks"
    assert "ArmsEmbargo" not in analyze_file(resolution(751)).task_codings()


def test_older_and_indirect_mandates() -> None:
    # S/RES/54 para 5 "... instructs the Truce Commission to take any necessary steps to make this cease-fire
    # effective"; para 7: "Instructs the Mediator to supervise the observance of the truce ..., authorizes
    # him to deal with breaches": "instructs" mandates, and "him" is the Mediator
    assert analyze_file(resolution(54)).task_codings()["Ceasefire"].refs == {"5", "7"}
    # S/RES/128 para 1: "Decides to dispatch urgently an observation group ... across the Lebanese borders"
    assert analyze_file(resolution(128)).task_codings()["BorderControl"].modalities == {"Monitor"}
    # S/RES/687 para 5: "to submit ... a plan for the immediate deployment of a United Nations observer unit
    # to monitor ... a demilitarized zone"; para 30 "Decides that ..., Iraq shall extend ..." is Iraq's task
    codings = analyze_file(resolution(687)).task_codings()
    assert "Monitor" in codings["Demil"].modalities and "RefugeeIDPs" not in codings
    # S/RES/865 para 9: "Approves the recommendations ... relating to the re-establishment of the Somali
    # police, judicial and penal systems ... and requests the Secretary-General ... to implement them";
    # "ll." is paragraph 11
    codings = analyze_file(resolution(865)).task_codings()
    assert {"9", "11"} <= codings["PoliceReform"].refs and "Assist" in codings["PoliceReform"].modalities
    assert "9" in codings["CorrectionsReform"].refs


def test_names_times_and_stopped_actions_are_no_tasks() -> None:
    # S/RES/50: "the Truce Commission" names a body; "a weekly report ... during the cease-fire" is a time
    assert "Ceasefire" not in analyze_file(resolution(50)).task_codings()
    # S/RES/885 para 8: "suspend arrest actions"
    assert "OffensOper" not in analyze_file(resolution(885)).task_codings()
    # S/RES/812: "Invites the Secretary-General to examine ..." asks for a study
    assert analyze_file(resolution(812)).task_codings() == {}
    # S/RES/746 para 5: "Appeals to all Member States and to all humanitarian organizations"
    assert "5" not in analyze_file(resolution(746)).task_codings()["HumanRelief"].refs
