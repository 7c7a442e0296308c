"""The fact catalogue shipped with MissionGate (facts.yaml) and its model."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from missiongate.catalogue.model import (
    CHOICE_TYPES,
    Catalogue,
    Choice,
    ControlledBy,
    Fact,
    FactType,
    FactValue,
    FrenchLabel,
    FrenchTexts,
    Replacement,
    SettledBy,
    Theme,
    to_plain,
)
from missiongate.errors import MissionGateError
from missiongate.yamlio import parse_yaml


@cache
def load_catalogue() -> Catalogue:
    """The built-in catalogue; parsed once per process."""
    text = (Path(__file__).parent / "facts.yaml").read_text(encoding="utf-8")
    document = parse_yaml(text, "catalogue/facts.yaml")
    try:
        return Catalogue.model_validate(document.data)
    except ValueError as exc:  # a broken shipped catalogue is a packaging bug, but say it plainly
        raise MissionGateError(f"invalid fact catalogue: {exc}", source=document.source) from None


__all__ = [
    "CHOICE_TYPES",
    "Catalogue",
    "Choice",
    "ControlledBy",
    "Fact",
    "FactType",
    "FactValue",
    "FrenchLabel",
    "FrenchTexts",
    "Replacement",
    "SettledBy",
    "Theme",
    "load_catalogue",
    "to_plain",
]
