"""Missions for the decision-document tests, built from the example files and variants of them."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from missiongate import Mission, load_catalogue, load_mission, mission_from_data

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FACT_ID = re.compile(r"\b[a-z_]+\.[a-z_]+(?:\.[a-z_]+)*\b")


def example(name: str) -> Mission:
    return load_mission(EXAMPLES / f"{name}.yaml")


def variant(name: str, **facts: Any) -> Mission:
    """An example mission with facts added or replaced (keyword `a__b` stands for fact `a.b`)."""
    data = example(name).to_data()
    data["facts"].update({key.replace("__", "."): value for key, value in facts.items()})
    return mission_from_data(data, f"{name} (variant)")


def fact_ids_in(text: str) -> set[str]:
    """Catalogue fact ids that appear in a text."""
    known = {fact.id for fact in load_catalogue().facts}
    return {match for match in FACT_ID.findall(text) if match in known}


def task_codes_in(text: str) -> set[str]:
    """Coding task codes (CivProtect, DisarmDemob, Demil ...) in a text; codes that are also plain words
    (Ceasefire, Demining) are not counted."""
    codes = load_catalogue().fact("operation.tasks").value_ids
    coded = [code for code in codes if re.search(r"[a-z][A-Z]", code) or code == "Demil"]
    return {code for code in coded if re.search(rf"\b{code}\b", text)}
