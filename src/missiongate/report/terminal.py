"""The decision report in the terminal, with rich. Renders `report_data` output."""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from missiongate.report.markdown import CONDITION_STATE, MARK

VERDICT_STYLE = {
    "DECLINE": "bold white on red",
    "WITHDRAW": "bold white on red",
    "MINISTERIAL_DECISION": "bold white on dark_orange3",
    "CLARIFICATION_REQUIRED": "bold black on yellow",
    "ACCEPTABLE_WITH_CONDITIONS": "bold black on cyan",
    "ACCEPTABLE": "bold white on green",
    "NOT_COVERED": "bold white on grey37",
}


def _rule_panel(rule: dict[str, Any]) -> Panel:
    parts: list[Any] = [
        Text(rule["rationale"]),
        Text(f"Source ({rule['basis_text']}): {rule['source']}", style="italic"),
    ]
    parts += [Text(f"{MARK[f['met']]}: {f['test']}") for f in rule["findings"]]
    if rule.get("would_be_met_if"):
        parts.append(
            Text("Would no longer be violated if: " + "; ".join(a["text"] for a in rule["would_be_met_if"]))
        )
    title = f"{rule['id']} {rule['title']} — {rule['kind_text']}, {rule['effect_text']}"
    return Panel(Group(*parts), title=title, title_align="left")


def print_report(data: dict[str, Any], console: Console | None = None) -> None:
    console = console or Console()
    mission = data["mission"] or {}
    console.rule(f"Decision report: {mission.get('title', 'proposed operation')}")
    if mission.get("example"):
        console.print("[bold]Example data[/bold]: built from public reporting for demonstration.")
    doctrine = data["doctrine"]
    console.print(f"Doctrine: {doctrine['title']} (version {doctrine['version']})")
    console.print(Text(f" {data['verdict_label']} ", style=VERDICT_STYLE[data["verdict"]]))
    console.print(data["verdict_text"])
    if data["provisional"]:
        console.print("[bold]Provisional[/bold]: rests on points that can still change it:")
        for reason in data["provisional_because"]:
            console.print(Text(f"  - {reason['text']}"))
    for rule in data["rules"]:
        if rule["deciding"]:
            console.print(_rule_panel(rule))
    for condition in data["conditions"]:
        state = CONDITION_STATE[condition["status"]]
        console.print(Text(f"Condition ({condition['rule']}, {state}): {condition['statement']}"))
    for risk in data["risks"]:
        console.print(Text(f"Risk stated ({risk['rule']}): {risk['title']}"))
    for party in data["parties"]:
        console.print(
            Text(f"Consent of {party['name']} ({party['role'].replace('_', ' ')}): {party['consent']}")
        )
    table = Table("Rule", "Kind", "Title", "Basis", "Status", title="All rules")
    for rule in data["rules"]:
        table.add_row(rule["id"], rule["kind_text"], rule["title"], rule["basis"], rule["effect_text"])
    console.print(table)
    if data["facts_used"]:
        facts = Table("Fact", "Value", "Where it came from", title="Facts used")
        for fact in data["facts_used"]:
            facts.add_row(fact["label"], fact["value_text"], fact["provenance"])
        console.print(facts)
    if data["questions"]:
        console.print(f"[bold]Open questions ({len(data['questions'])})[/bold]")
        for q in data["questions"]:
            console.print(f"  {q['number']:>2}. [{q['theme_label']}] {q['question']}")
