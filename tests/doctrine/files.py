"""Doctrine files as a ministry would deploy them, written into a test's directory (real files, no mocks)."""

from __future__ import annotations

from pathlib import Path

import yaml

from missiongate.doctrine.loader import BUILTIN_DIR

UN_PRINCIPLES = BUILTIN_DIR / "un-principles.yaml"


def doctrine_text(doctrine_id: str, *, version: str = "2026.1", country: str | None = None) -> str:
    """The built-in UN baseline under another id, title, version and country: a ministry's valid doctrine."""
    text = UN_PRINCIPLES.read_text("utf-8")
    title = f"title: {doctrine_id.capitalize()} — participation in peace operations\n"
    for old, new in (
        ("id: un-principles\n", f"id: {doctrine_id}\n"),
        ('version: "2008.2"\n', ""),
        ("title: UN baseline — the three basic principles of peacekeeping\n", title),
    ):
        assert old in text, old
        text = text.replace(old, new, 1)
    header = f'id: {doctrine_id}\nversion: "{version}"\n' + (f"country: {country}\n" if country else "")
    return text.replace(f"id: {doctrine_id}\n", header, 1)


# Two domestic steps of a ministry's doctrine: one before deploying, against the request's date, and one
# before the mandate's renewal.
PARLIAMENT = {
    "id": "milli-majlis",
    "title": "Approval by the Milli Majlis",
    "authority": "the Milli Majlis",
    "when": "before_deployment",
    "deadline_days": 30,
    "done_when": "domestic.parliamentary_approval",
    "source": {"document": "president-2026-01-05"},
}
RENEWAL = {
    "id": "renewal",
    "title": "Cabinet decision on continuing",
    "authority": "the Cabinet of Ministers",
    "when": "before_renewal",
    "deadline_days": 60,
    "source": {"document": "president-2026-01-05"},
}


def doctrine_with_steps(path: Path, steps: list[dict[str, object]], **header: str) -> Path:
    """Azerbaijan's built-in doctrine with these domestic steps (and, in `header`, another id or country)."""
    data = yaml.safe_load((BUILTIN_DIR / "azerbaijan.yaml").read_text("utf-8"))
    data.update(header, domestic_steps=steps)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return path


def write_doctrine(
    directory: Path, name: str, doctrine_id: str, *, version: str = "2026.1", country: str | None = None
) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(doctrine_text(doctrine_id, version=version, country=country), encoding="utf-8")
    return path


# Valid YAML, valid shape, but a rule tests a fact the catalogue does not have: the loader refuses it.
INVALID = """\
id: broken
title: A doctrine with a mistake
version: "1"
effective: 2026-01-01
sources:
  - {id: s, citation: A statute}
rules:
  - id: R1
    kind: red_line
    title: No peace enforcement
    rationale: because
    source: {document: s}
    require:
      not: {fact: operation.flavour, is: peace_enforcement}
"""


def ministry_directory(directory: Path) -> Path:
    """A doctrines directory as deployed, mistakes included.

    `ruritania.yaml` is valid; `broken.yaml` names a fact the catalogue lacks (line 14); `japan-2027.yaml`
    takes the id of a built-in doctrine; `notes.txt` and `.draft.yaml` are not doctrine files.
    """
    write_doctrine(directory, "ruritania.yaml", "ruritania", country="RUR")
    (directory / "broken.yaml").write_text(INVALID, encoding="utf-8")
    write_doctrine(directory, "japan-2027.yaml", "japan")
    (directory / "notes.txt").write_text("not a doctrine", encoding="utf-8")
    (directory / ".draft.yaml").write_text("id: [unfinished", encoding="utf-8")
    return directory
