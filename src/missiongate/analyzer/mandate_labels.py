"""Hand labels of modern mandates (`data/modern/labels/*.yaml`): read, validate and normalise them.

One file per resolution, in the schema of the blind labelling brief: the decision `fields` (Chapter VII,
force, consent, the operation, its ceilings, type and agreements) and the mandated `tasks`, each a PEMA
task code with its modality and the paragraph that states it (`"20(c)(i)"`, compared as `20ci`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from missiongate.analyzer.pema import MODALITIES, TASKS
from missiongate.errors import MissionGateError
from missiongate.yamlio import read_yaml

_BOOL = (True, False)
# allowed values per field; None is always allowed except where the schema says true|false
FIELD_VALUES: dict[str, tuple[object, ...] | None] = {
    "chapter_vii": _BOOL,
    "chapter_vii_scope": ("whole_resolution", "section_only", "not_applicable"),
    "force_authorised": _BOOL,
    "force_addressee": ("un_operation", "member_states", "regional_force", "multinational_force", None),
    "force_for": None,  # a list of purposes
    "consent_host_state": (True, None),
    "consent_parties": (True, False, None),
    "operation_action": (
        "establish", "extend", "revise", "terminate", "replace", "authorise_deployment", "none",
    ),
    "operation_name": None,  # an acronym or null
    "end_date": None,  # a date, "open_ended" or null
    "ceiling_military": None,
    "ceiling_police": None,
    "operation_type": (
        "observer_mission", "traditional_peacekeeping", "multidimensional_peacekeeping",
        "robust_peacekeeping", "peace_enforcement", "stabilization", "training_mission",
        "humanitarian_support", None,
    ),
    "protection_of_civilians": _BOOL,
    "peace_agreements": None,  # a list of names
}  # fmt: skip
FIELDS = tuple(FIELD_VALUES)


@dataclass(frozen=True)
class TaskLabel:
    task: str
    modality: str
    paragraph: str  # normalised: "20(c)(i)" -> "20ci"


@dataclass(frozen=True)
class MandateLabel:
    resolution: str
    file: str
    mission: str
    split: str
    fields: dict[str, Any]
    tasks: tuple[TaskLabel, ...]
    source: str


def paragraph_id(printed: object) -> str:
    """Paragraph ids as printed ("20(c)(i)", "3 (b)", "OP 4") in the analyzer's form ("20ci", "3b", "4")."""
    text = str(printed).lower()
    text = re.sub(r"^(?:op|para(?:graph)?)\.?\s*", "", text)
    return re.sub(r"[\s.()]", "", text)


# `dev` is every development label; `dev-original` the first blind round's, `dev-added` those that
# split.yaml (beside the labels directory) lists under `added_dev`. The same for `test`: `test-added` are
# the fresh held-out labels listed under `added_test`, `test-original` the first round's.
SPLITS = ("dev", "test", "dev-original", "dev-added", "test-original", "test-added")


def load_labels(directory: str | Path, split: str | None = None) -> list[MandateLabel]:
    """Every label file of `directory` (sorted), only those of `split` when given."""
    directory = Path(directory)
    if not directory.is_dir():
        raise MissionGateError("labels directory not found", source=directory)
    labels = [read_label(path) for path in sorted(directory.glob("*.yaml"))]
    if not labels:
        raise MissionGateError("no label files (*.yaml)", source=directory)
    chosen = [label for label in labels if split is None or label.split == split]
    if split is not None and "-" in split:
        base, part = split.split("-")
        added = added_files(directory.parent / "split.yaml", base)
        chosen = [x for x in labels if x.split == base and (x.file in added) == (part == "added")]
    if not chosen:  # a score over nothing would read as 0.0
        raise MissionGateError(f"no label of the {split} split", source=directory)
    return chosen


def added_files(split_file: Path, split: str) -> frozenset[str]:
    """The text files added to `split` after the first round (`added_dev` or `added_test` in split.yaml);
    none without the file."""
    if not split_file.is_file():
        return frozenset()
    data = read_yaml(split_file).data
    added = data.get(f"added_{split}") if isinstance(data, dict) else None
    return frozenset(
        str(entry["file"]) for entry in added or () if isinstance(entry, dict) and "file" in entry
    )


def read_label(path: Path) -> MandateLabel:
    document = read_yaml(path)
    data = document.data
    if not isinstance(data, dict):
        raise document.error("a label file is a mapping")
    for key in ("resolution", "file", "mission", "split", "fields"):
        if key not in data:
            raise document.error(f"missing key {key!r}")
    if data["split"] not in {"dev", "test"}:
        raise document.error(f"split must be dev or test, not {data['split']!r}", ["split"])
    fields = data["fields"]
    if not isinstance(fields, dict):
        raise document.error("fields must be a mapping", ["fields"])
    normalised = {name: _field(document, name, fields) for name in FIELDS}
    tasks = tuple(_task(document, i, raw) for i, raw in enumerate(data.get("tasks") or []))
    return MandateLabel(
        str(data["resolution"]), str(data["file"]), str(data["mission"]), data["split"], normalised, tasks,
        str(path),
    )  # fmt: skip


def _field(document: Any, name: str, fields: dict[str, Any]) -> Any:
    if name not in fields:
        raise document.error(f"missing field {name!r}", ["fields"])
    value = fields[name]
    allowed = FIELD_VALUES[name]
    if allowed is not None and value not in allowed:
        raise document.error(f"{name}: {value!r} is not one of {list(allowed)}", ["fields", name])
    try:
        return normalise(name, value)
    except (TypeError, ValueError) as exc:
        raise document.error(f"{name}: {exc}", ["fields", name]) from None


def normalise(name: str, value: Any) -> Any:
    """One comparable form per field: lists as sorted tuples, dates as ISO strings, names upper-case."""
    if value is None:
        return () if name in {"force_for", "peace_agreements"} else None
    if name == "force_for":
        return tuple(sorted({str(v) for v in value}))
    if name == "peace_agreements":
        return tuple(sorted({" ".join(str(v).split()) for v in value}))
    if name == "end_date":
        if isinstance(value, dt.date):
            return value.isoformat()
        if value == "open_ended":
            return value
        return dt.date.fromisoformat(str(value)).isoformat()
    if name in {"ceiling_military", "ceiling_police"}:
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"a ceiling is a whole number, not {value!r}")
        return value
    if (
        name == "operation_name"
    ):  # "UN Verification Mission" and "United Nations Verification Mission" are one
        return re.sub(r"^UN\b", "UNITED NATIONS", " ".join(str(value).split()).upper())
    return value


def _task(document: Any, index: int, raw: Any) -> TaskLabel:
    if not isinstance(raw, dict) or not {"task", "modality", "paragraph"} <= raw.keys():
        raise document.error("a task is {task, modality, paragraph}", ["tasks", index])
    if raw["task"] not in TASKS:
        raise document.error(f"unknown PEMA task {raw['task']!r}", ["tasks", index])
    if raw["modality"] not in MODALITIES:
        raise document.error(f"unknown modality {raw['modality']!r}", ["tasks", index])
    return TaskLabel(raw["task"], raw["modality"], paragraph_id(raw["paragraph"]))


@dataclass(frozen=True)
class ConstructedItem:
    """A constructed mandate (`data/modern/constructed/*.yaml`, development material): a short invented
    resolution and the tasks its writer coded, `{code, modality, paragraph}` each."""

    id: str
    text: str
    tasks: tuple[TaskLabel, ...]


def read_constructed(path: Path) -> list[ConstructedItem]:
    """Every item of a constructed set, in file order."""
    items = []
    for raw in read_yaml(path).data["items"]:
        tasks = []
        for task in raw.get("tasks") or []:
            code, modality = task.get("code"), task.get("modality")
            if code not in TASKS or modality not in MODALITIES:
                message = f"{raw.get('id')}: unknown code or modality {code!r} / {modality!r}"
                raise MissionGateError(message, source=path)
            tasks.append(TaskLabel(code, modality, paragraph_id(task.get("paragraph", ""))))
        items.append(ConstructedItem(str(raw["id"]), str(raw["text"]), tuple(tasks)))
    return items
