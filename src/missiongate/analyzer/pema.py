"""The PEMA coding scheme (Di Salvatore et al. 2022): 41 task codes in four modalities, and its CSV cells."""

from __future__ import annotations

import re
from dataclasses import dataclass

TASKS: tuple[str, ...] = (
    "DisarmDemob", "Reintegration", "ControlSALW", "ArmsEmbargo", "CivProtect", "HumanRights", "ChildRights",
    "SGBViolence", "PoliceReform", "MilitaryReform", "Demil", "OffensOper", "JusticeReform", "TransJustice",
    "CorrectionsReform", "BorderControl", "Demining", "Resources", "StateAuthority", "Democratization",
    "ElectSec", "ElectAssist", "VoterEducation", "PolPartyAssist", "CivilSociety", "Media", "PublicInfo",
    "PowerSharing", "Reconcil", "LocalReconcil", "RegReconcil", "EcDevelop", "HumanRelief", "PublicHealth",
    "RefugeeIDPs", "Gender", "LegalReform", "Ceasefire", "PeaceProcess", "CulturalHeritage", "UseOfForce",
)  # fmt: skip
MODALITIES: tuple[str, ...] = ("Monitor", "Assist", "Security", "Encouraged")
# PEMA v1.2 spells a few columns differently from the raw v2 file.
COLUMN_ALIASES = {"PartyAssistance": "PolPartyAssist", "RefugeesIDPs": "RefugeeIDPs"}

# "S/1996/1012" before "S/24800": the year form must win, or "S/1996" is taken and "1012" read as a paragraph
_SYMBOL = re.compile(r"\bS/\d{4}/\d{1,4}\b|\bS/\d{4,5}(?:/Add\.\s?\d+)?\b")
# "3b", "54 b", "p. 2" / "p2" (preambular), "4a(vi)" (sub-sub-paragraph, our "4avi")
_REF = re.compile(r"p\.?\s*\d+|\d+(?:\s*[a-z]{1,5}\b|\s*\((?:[ivx]{1,5}|[a-z])\))*")


@dataclass(frozen=True, slots=True)
class Cell:
    """One PEMA cell: paragraph references in PEMA's format, or a cited document."""

    refs: tuple[str, ...]
    symbols: tuple[str, ...]


def parse_cell(raw: str) -> Cell:
    """`'3a, 3d'` -> ('3a', '3d'); `'54 b, 74 c'` -> ('54b', '74c'); `'9 (S/24800)'` keeps the symbol."""
    symbols = tuple(_SYMBOL.findall(raw))
    rest = _SYMBOL.sub(" ", raw)
    refs = tuple(normalise_ref(m.group()) for m in _REF.finditer(rest))
    return Cell(refs, symbols)


def normalise_ref(ref: str) -> str:
    """PEMA writes `3b`, `3 b` and `p. 2` (preambular paragraph 2); compare them in one form."""
    return re.sub(r"[\s.()]", "", ref.lower())


def format_refs(refs: list[str] | tuple[str, ...] | set[str]) -> str:
    """Paragraph ids as a PEMA cell: `3a, 3d` in document order."""
    return ", ".join(sorted(set(refs), key=_ref_key))


def _ref_key(ref: str) -> tuple[int, int, str]:
    match = re.match(r"(p?)(\d+)(.*)", ref)
    if not match:
        return (2, 0, ref)
    return (0 if match.group(1) else 1, int(match.group(2)), match.group(3))


def report_symbols(text: str) -> list[str]:
    return _SYMBOL.findall(text)
