"""The decision report in Markdown, for a memo. Renders `report_data` output."""

from __future__ import annotations

from typing import Any

VERDICT_LABEL = {
    "DECLINE": "Decline",
    "CLARIFICATION_REQUIRED": "Ask first (clarification required)",
    "ACCEPTABLE_WITH_CONDITIONS": "Acceptable with conditions",
    "ACCEPTABLE": "Acceptable",
    "NOT_COVERED": "Not covered by the doctrine",
}
MARK = {True: "✔ met", False: "✘ not met", None: "? unknown"}


def _cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _rule_section(rule: dict[str, Any]) -> list[str]:
    lines = [
        f"### {rule['id']} — {rule['title']}",
        "",
        f"*{rule['kind_text'].capitalize()}: {rule['status_text']}.*",
        "",
        rule["rationale"],
        "",
        f"**Source:** {rule['source']}",
        "",
    ]
    if rule["applies_when"]:
        lines += [f"**Applies when:** {rule['applies_when']}", ""]
    lines += [f"**Requires:** {rule['requires']}", ""]
    for finding in rule["findings"]:
        lines.append(f"- {MARK[finding['met']]}: {finding['test']}")
    if rule.get("would_be_met_if"):
        lines += ["", "**Would no longer be violated if** (one change alone):"]
        lines += [f"- {alt['text']}" for alt in rule["would_be_met_if"]]
    return [*lines, ""]


def report_markdown(data: dict[str, Any]) -> str:
    mission = data["mission"] or {}
    doctrine = data["doctrine"]
    lines = [f"# Decision report: {mission.get('title', 'proposed operation')}", ""]
    if mission.get("example"):
        lines += ["> **Example data.** This case is built from public reporting for demonstration.", ""]
    lines += [
        f"**Doctrine:** {doctrine['title']} (version {doctrine['version']}, "
        f"content hash `{doctrine['content_hash'][:12]}`)",
        "",
        f"## Verdict: {VERDICT_LABEL[data['verdict']]}",
        "",
        data["verdict_text"],
        "",
    ]
    if data["provisional"]:
        lines += [
            "**Provisional:** this verdict rests on facts proposed by document analysis and not yet "
            f"confirmed by an analyst: {', '.join(data['proposed_facts_used'])}.",
            "",
        ]
    deciding = [r for r in data["rules"] if r["deciding"]]
    if deciding:
        lines += ["## Rules that decide it", ""]
        for rule in deciding:
            lines += _rule_section(rule)
    if data["conditions"]:
        lines += ["## Conditions of participation", ""]
        for condition in data["conditions"]:
            state = "already met" if condition["met"] else "to be secured"
            lines.append(f"- {condition['statement']} (*{condition['rule']}, {state}*)")
        lines.append("")
    lines += ["## All rules", "", "| Rule | Kind | Title | Status |", "|---|---|---|---|"]
    lines += [
        f"| {r['id']} | {r['kind_text']} | {_cell(r['title'])} | {r['status_text']} |" for r in data["rules"]
    ]
    lines += ["", "## Facts used", ""]
    if data["facts_used"]:
        lines += ["| Fact | Value | Where it came from |", "|---|---|---|"]
        lines += [
            f"| {_cell(f['label'])} | {_cell(f['value_text'])} | {_cell(f['provenance'])} |"
            for f in data["facts_used"]
        ]
    else:
        lines.append("No fact used by the doctrine is known yet.")
    lines += ["", f"## Open questions ({len(data['questions'])})", ""]
    theme = None
    for q in data["questions"]:
        if q["theme_label"] != theme:
            theme = q["theme_label"]
            lines += ["", f"**{theme}**", ""]
        lines.append(f"{q['number']}. {q['question']}")
    if data["policies"]:
        lines += ["", "## Procedure and standing positions", ""]
        lines += [f"- **{p['id']} {p['title']}.** {p['text']} *({p['source']})*" for p in data["policies"]]
    return "\n".join(lines) + "\n"
