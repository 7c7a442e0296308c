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
