"""Paths to yes and the force-generation view as data (JSON), plain text, Markdown and CSV.

The JSON shapes are those of issue 11: `paths_data` gives {"verdict", "paths": [{"changes": [{"fact",
"from", "to", "controlled_by"}], "verdict"}]} with a few more keys (what each path waits on, the search's
completeness, the rules that block every path); `forcegen_data` gives {"doctrines": [...],
"mandate_changes": [...]}.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from missiongate.catalogue import ControlledBy, load_catalogue, to_plain
from missiongate.evaluator import Verdict
from missiongate.paths.designer import MandateChange
from missiongate.paths.forcegen import DoctrineView, ForceGeneration
from missiongate.paths.path import Change, Path, PathsResult, describe_value

WHO = {
    ControlledBy.CONTRIBUTOR: "we decide",
    ControlledBy.REQUESTING_PARTY: "the requesting party or lead",
    ControlledBy.COUNCIL: "the Security Council",
    ControlledBy.NOBODY: "nobody (facts of the world)",
}


# --- data -------------------------------------------------------------------------------------------------


def change_data(change: Change) -> dict[str, Any]:
    data: dict[str, Any] = {
        "fact": change.fact,
        "from": None if change.before is None else to_plain(change.before),
        "to": to_plain(change.after),
        "controlled_by": change.controlled_by.value,
    }
    if change.alternatives:
        data["alternatives"] = [to_plain(v) for v in change.alternatives]
    if change.any_value:
        data["any_value"] = True
    if change.other_than:
        data["other_than"] = [to_plain(v) for v in change.other_than]
    return data


def path_data(path: Path) -> dict[str, Any]:
    return {
        "changes": [change_data(c) for c in path.changes],
        "verdict": path.verdict.value,
        "only_if": list(path.only_if),
    }


def paths_data(result: PathsResult, mission_id: str | None = None) -> dict[str, Any]:
    return {
        "mission": mission_id,
        "doctrine": result.doctrine.id,
        "verdict": result.verdict.value,
        "paths": [path_data(p) for p in result.paths],
        "total": result.total,
        "complete": result.complete,
        "blocked": [{"rule": b.rule, "title": b.title, "reason": b.reason} for b in result.blocked],
        "summary": summary(result),
    }


def _view_data(view: DoctrineView) -> dict[str, Any]:
    best = view.best_path
    return {
        "doctrine": view.doctrine.id,
        "title": view.doctrine.title,
        "verdict": view.assessment.verdict.value,
        "conditions": [
            {"rule": o.rule.id, "statement": o.rule.statement or o.rule.title, "status": o.effect.value}
            for o in view.assessment.conditions
        ],
        "best_path": path_data(best) if best is not None else None,
        "summary": summary(view.paths),
    }


def mandate_change_data(change: MandateChange) -> dict[str, Any]:
    return {
        "changes": [change_data(c) for c in change.changes],
        "gains": list(change.gains),
        "losses": list(change.losses),
    }


def forcegen_data(view: ForceGeneration, mission_id: str | None = None) -> dict[str, Any]:
    return {
        "mission": mission_id,
        "doctrines": [_view_data(v) for v in view.doctrines],
        "mandate_changes": [mandate_change_data(m) for m in view.mandate_changes],
    }


# --- words ------------------------------------------------------------------------------------------------


def summary(result: PathsResult) -> str:
    """One sentence on what the search found."""
    if result.blocked:
        rules = "; ".join(f"{b.rule} ({b.title}): {b.reason}" for b in result.blocked)
        return f"No path to yes: {rules}."
    if not result.paths:
        return "No path to yes found within the search bound (too many open facts): answer some first."
    if not result.paths[0].changes:
        if result.verdict is Verdict.NOT_COVERED:
            return "The doctrine does not cover this operation: nothing in it stands against participation."
        return f"Already {result.verdict.value}: no change needed."
    bound = "" if result.complete else " (search bound reached: some paths may be missing)"
    best = result.paths[0]
    world = f"; it waits on facts nobody controls ({', '.join(best.only_if)})" if best.only_if else ""
    return (
        f"{result.total} minimal path(s) to yes{bound}; the best takes {len(best.changes)} change(s){world}."
    )


def describe_change(change: Change) -> str:
    fact = load_catalogue().fact(change.fact)
    to = describe_value(fact, change)
    if change.alternatives:
        to += " (or " + ", ".join(fact.describe(v) for v in change.alternatives) + ")"
    if change.before is None:
        return f"{fact.label}: {to} (unknown now)"
    return f"{fact.label}: {to} (now {fact.describe(change.before)})"


def by_controller(path: Path) -> list[tuple[str, list[str]]]:
    """The path's changes in words, grouped by who controls them (ours first, the world's last)."""
    groups = []
    for who, label in WHO.items():
        mine = [describe_change(c) for c in path.changes if c.controlled_by is who]
        if mine:
            groups.append((label, mine))
    return groups


def _path_lines(number: int, path: Path, bullet: str) -> list[str]:
    head = f"{number}. {path.verdict.value}, {len(path.changes)} change(s)"
    if path.only_if:
        head += "; " + "; ".join(path.only_if)
    lines = [head]
    for label, changes in by_controller(path):
        lines.append(f"   {label}:")
        lines += [f"     {bullet} {change}" for change in changes]
    return lines


def paths_text(result: PathsResult, title: str, markdown: bool = False) -> str:
    doctrine = result.doctrine
    heading = f"Path to yes: {title} under {doctrine.title}"
    lines = [f"# {heading}" if markdown else heading, ""]
    lines += [f"Verdict now: {result.verdict.value}. {summary(result)}", ""]
    for number, path in enumerate(result.paths, 1):
        if path.changes:
            lines += [*_path_lines(number, path, "-" if markdown else "*"), ""]
    if len(result.paths) < result.total:
        lines.append(f"(showing the best {len(result.paths)} of {result.total})")
    return "\n".join(lines).rstrip() + "\n"


def forcegen_text(view: ForceGeneration, title: str, markdown: bool = False) -> str:
    lines = [f"# Force generation: {title}" if markdown else f"Force generation: {title}", ""]
    if markdown:
        lines += ["| Doctrine | Verdict | Conditions | Best path to yes |", "|---|---|---|---|"]
    for v in view.doctrines:
        conditions = ", ".join(o.rule.id for o in v.assessment.conditions) or "none"
        cells = [v.doctrine.title, v.assessment.verdict.value, conditions, _best(v)]
        lines.append("| " + " | ".join(cells) + " |" if markdown else " — ".join(cells))
    lines += ["", "## Mandate designer" if markdown else "Mandate designer", ""]
    if not view.mandate_changes:
        lines.append("No single mandate change (or pair) wins or loses a contributor.")
    for change in view.mandate_changes:
        what = "; ".join(describe_change(c) for c in change.changes)
        won = ", ".join(change.gains) or "none"
        lost = ", ".join(change.losses) or "none"
        lines.append(f"{'-' if markdown else '*'} {what}: wins {won}; loses {lost}")
    return "\n".join(lines).rstrip() + "\n"


def _best(view: DoctrineView) -> str:
    best = view.best_path
    if best is None:
        return summary(view.paths)
    if not best.changes:
        return "no change needed"
    text = "; ".join(describe_change(c) for c in best.changes)
    return text + ("; " + "; ".join(best.only_if) if best.only_if else "")


def forcegen_csv(view: ForceGeneration) -> str:
    """One row per doctrine: verdict, conditions, the best path's changes."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["doctrine", "verdict", "conditions", "best_path_changes", "only_if"])
    for v in view.doctrines:
        best = v.best_path
        changes = "" if best is None else "; ".join(describe_change(c) for c in best.changes)
        writer.writerow(
            [
                v.doctrine.id,
                v.assessment.verdict.value,
                " ".join(o.rule.id for o in v.assessment.conditions),
                changes if best is not None else summary(v.paths),
                "" if best is None else "; ".join(best.only_if),
            ]
        )
    return out.getvalue()
