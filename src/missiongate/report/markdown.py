"""The decision report in Markdown, for a memo. Renders `report_data` output."""

from __future__ import annotations

from typing import Any

MARK = {True: "✔ met", False: "✘ not met", None: "? unknown"}
SETTLED_BY_TEXT = {
    "contributor": "our own decision",
    "public_record": "from the mandate, confirmed by an analyst",
    "analyst": "for the analyst",
    "requesting_party": "to ask the requesting party",
}
CONDITION_STATE = {
    "secured": "secured",
    "to_be_secured": "to be secured",
    "refused": "refused",
}


def _cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _rule_section(rule: dict[str, Any]) -> list[str]:
    lines = [
        f"### {rule['id']} — {rule['title']}",
        "",
        f"*{rule['kind_text'].capitalize()}: {rule['effect_text']}.*",
        "",
        rule["rationale"],
        "",
        f"**Source ({rule['basis_text']}):** {rule['source']}",
        "",
    ]
    if rule["informed_by"]:
        lines += [f"**Reading of:** {rule['informed_by']}", ""]
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
        f"## Verdict: {data['verdict_label']}",
        "",
        data["verdict_text"],
        "",
    ]
    if data["provisional"]:
        lines += ["**Provisional.** The verdict rests on points that can still change it:", ""]
        lines += [f"- {reason['text']}" for reason in data["provisional_because"]]
        lines.append("")
    deciding = [r for r in data["rules"] if r["deciding"]]
    if deciding:
        lines += ["## Rules that decide it", ""]
        for rule in deciding:
            lines += _rule_section(rule)
    if data["conditions"]:
        lines += ["## Conditions of participation", ""]
        for condition in data["conditions"]:
            state = CONDITION_STATE[condition["status"]]
            lines.append(f"- {condition['statement']} (*{condition['rule']}, {state}*)")
        lines.append("")
    if data["risks"]:
        lines += ["## Risks stated", ""]
        lines += [f"- **{risk['title']}** ({risk['rule']}): {risk['text']}" for risk in data["risks"]]
        lines.append("")
    if data["parties"]:
        lines += ["## Consent of the parties", "", "| Party | Role | Consent | Source |", "|---|---|---|---|"]
        lines += [
            f"| {_cell(p['name'])} | {p['role'].replace('_', ' ')} | {p['consent']}"
            f"{' (' + _cell(p['scope']) + ')' if p['scope'] else ''} | {_cell(p['source'] or '')} |"
            for p in data["parties"]
        ]
        lines.append("")
    lines += ["## All rules", "", "| Rule | Kind | Title | Basis | Status |", "|---|---|---|---|---|"]
    lines += [
        f"| {r['id']} | {r['kind_text']} | {_cell(r['title'])} | {r['basis']} | {r['effect_text']} |"
        for r in data["rules"]
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
    if data["internal_questions"]:
        lines += ["", "## To establish ourselves", ""]
        lines += [
            f"- {q['label']} ({SETTLED_BY_TEXT.get(q['settled_by'], q['settled_by'])})"
            for q in data["internal_questions"]
        ]
    if data["conditions_to_secure"]:
        lines += ["", "## Conditions to state to the requesting party (not questions)", ""]
        lines += [f"- {c['statement']} (*{c['rule']}*)" for c in data["conditions_to_secure"]]
    if data["policies"]:
        lines += ["", "## Procedure and standing positions", ""]
        lines += [f"- **{p['id']} {p['title']}.** {p['text']} *({p['source']})*" for p in data["policies"]]
    return "\n".join(lines) + "\n"
