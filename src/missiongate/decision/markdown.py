"""The decision documents in Markdown: the memo (the rule-by-rule report as annex), the note, the offer."""

from __future__ import annotations

from typing import Any

from missiongate.decision.memo import FactGroup, Memo, Option
from missiongate.decision.steps import StepLine
from missiongate.report.markdown import report_markdown

EXAMPLE = "> **Example data** — not an official document."


def memo_markdown(memo: Memo) -> str:
    lines = [f"# Memo to the Minister: {memo.title}", ""]
    if memo.example:
        lines += [EXAMPLE, ""]
    lines += [f"*{memo.date_text} — Government of {memo.country}; doctrine: {memo.doctrine}*", ""]
    lines += [f"## Recommendation (verdict: {memo.verdict_label})", "", memo.recommendation, ""]
    if memo.provisional:
        lines += ["**Provisional:** this rests on points not yet confirmed:", ""]
        lines += [f"- {reason}" for reason in memo.provisional] + [""]
    lines += ["## Options", ""]
    for option in memo.options:
        lines += _option(option)
    lines += ["## The facts it rests on", ""]
    lines += [_fact_group(g) for g in memo.facts] or ["- No fact is known yet."]
    lines += ["", "## Stated positions and interpretations", ""]
    lines += ["**Stated by the source:**", ""]
    lines += [f"- {g.source}: {'; '.join(g.rules)}" for g in memo.stated] or ["- none"]
    lines += ["", "**The ministry's interpretation:**", ""]
    lines += [f"- {g.source}: {'; '.join(g.rules)}" for g in memo.interpretations] or ["- none"]
    lines += ["", "---", "", "# Annex A: domestic steps, timeline and withdrawal triggers", ""]
    lines += ["## Domestic steps and timeline", ""]
    lines += [_step(s) for s in memo.steps] or ["- The doctrine declares no domestic approval steps."]
    lines += [f"- {line}" for line in memo.timeline]
    lines += ["", "## After deployment: what would require withdrawal", ""]
    lines += [_triggers(memo)]
    lines += ["", "---", "", "# Annex B: the rule-by-rule report", ""]
    lines += [
        "#" + line if line.startswith("#") else line for line in report_markdown(memo.annex).splitlines()
    ]
    return "\n".join(lines) + "\n"


def _fact_group(group: FactGroup) -> str:
    unsettled = "" if group.settled else " (not confirmed)"
    return f"- From {group.origin}{unsettled}: {'; '.join(group.facts)}."


def _triggers(memo: Memo) -> str:
    if not memo.triggers:
        return "No single change would require withdrawal."
    return "Any one of these would require withdrawal: " + "; ".join(memo.triggers) + "."


def _option(option: Option) -> list[str]:
    mark = " (recommended)" if option.recommended else ("" if option.available else " (not open)")
    lines = [f"### {option.title}{mark}", "", option.summary, ""]
    for heading, items in (
        ("Conditions", option.conditions),
        ("Risks", option.risks),
        ("What would change the answer", option.path),
    ):
        if items:
            lines += [f"*{heading}:*", ""] + [f"- {item}" for item in items] + [""]
    return lines


def _step(step: StepLine) -> str:
    deadline = f"; {step.deadline}" if step.deadline else ""
    overdue = " **overdue**" if step.overdue else ""
    return f"- {step.title} — {step.authority}, {step.when}{deadline}: {step.status}{overdue} ({step.source})"


def note_markdown(context: dict[str, Any]) -> str:
    """A note (or the offer letter) from its template context, as Markdown."""
    lines = []
    if context["case"]["example"]:
        english = context.get("lang", "en") == "en"
        lines += [EXAMPLE if english else f"> **{context['example_text']}**", ""]
    number = f"{context.get('number_text', 'No.')} {context['reference']}"
    lines += [f"**{context['sender']}**", "", number, "", context["opening_text"], ""]
    for paragraph in context.get("preamble", []):
        lines += [paragraph, ""]
    for theme, questions in context.get("groups", []):
        lines += [f"**{theme}**", ""] + [f"{q['number']}. {q['question']}" for q in questions] + [""]
    if context.get("conditions_intro"):
        lines += [context["conditions_intro"], ""] + [f"- {c}" for c in context["conditions"]] + [""]
    if context.get("desirable_intro"):
        lines += [context["desirable_intro"], ""] + [f"- {c}" for c in context["desirable"]] + [""]
    for paragraph in context["paragraphs"]:
        lines += [paragraph, ""]
    if context.get("reply_text"):
        lines += [context["reply_text"], ""]
    lines += [context["closing_text"], "", context["date_text"], "", context["addressee_line"]]
    if "caveats" in context:
        lines += ["", "---", "", "## Annex: conditions and national caveats", ""]
        items = [*context["conditions"], *context["desirable"], *context["caveats"]]
        lines += [f"{n}. {item['text']} ({item['state']})" for n, item in enumerate(items, start=1)]
    return "\n".join(lines) + "\n"
