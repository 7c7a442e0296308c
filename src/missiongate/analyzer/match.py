"""Is an analysed document the case's instrument? Checked before any of its proposals can be accepted.

`instrument_mismatch(analysis, instrument, operation_name)` compares the document's own symbol (from its
header) with the case's `mandate.instrument`, and the operation the document acts on (`summary.subject_name`)
with the case's `operation.name`. It returns one sentence describing the mismatch, or None when the
document fits or when there is too little to tell (no symbol on either side and no operation named).
"""

from __future__ import annotations

import re

from missiongate.analyzer.analysis import Analysis
from missiongate.analyzer.summary import subject_name

_SYMBOL = re.compile(r"(?:S/RES/|resolution\s+)(?P<number>\d{1,4})(?:\s*\((?P<year>\d{4})\))?", re.I)
_ACRONYM = r"[A-Z][A-Za-z]*[A-Z](?:[ -][A-Z]{2,})?"
_ACRONYM_IN_NAME = re.compile(rf"\(({_ACRONYM})\)|^({_ACRONYM})$")


def instrument_mismatch(analysis: Analysis, instrument: str | None, operation_name: str | None) -> str | None:
    """A description of how the document differs from the case's instrument, or None."""
    symbol_verdict = _symbols(analysis.symbol, instrument)
    if symbol_verdict is not None:
        return symbol_verdict or None
    subject = subject_name(analysis)
    if not subject or not operation_name or _same_operation(analysis, subject, operation_name):
        return None
    return f"this document acts on {subject}; the case's operation is {operation_name}"


def _symbols(document: str | None, case: str | None) -> str | None:
    """ "" when both symbols are known and agree, a description when they differ, None when one is unknown."""
    ours, theirs = _parse(document), _parse(case)
    if ours is None or theirs is None:
        return None
    same_number = ours[0] == theirs[0]
    same_year = ours[1] is None or theirs[1] is None or ours[1] == theirs[1]
    if same_number and same_year:
        return ""
    return f"this document is {document}; the case's instrument is {case}"


def _parse(symbol: str | None) -> tuple[int, str | None] | None:
    match = _SYMBOL.search(symbol or "")
    return (int(match.group("number")), match.group("year")) if match else None


def _same_operation(analysis: Analysis, subject: str, case_name: str) -> bool:
    """The case names the operation by its acronym ("ISF"), its full name, or both ("... Force (ISF)")."""
    case_acronyms = {a or b for a, b in _ACRONYM_IN_NAME.findall(case_name.strip())}
    if subject in case_acronyms:
        return True
    full = " ".join(re.sub(r"\s*\([^)]*\)\s*$", "", case_name).split())
    if not full:
        return False
    if full.lower() == subject.lower():
        return True
    # the document introduces its operation under the case's name: "International Stabilization Force (ISF)"
    words = r"\s+".join(map(re.escape, full.split()))
    introduced = rf"{words}\s*\((?:here(?:in)?after\s+)?[“\"]?{re.escape(subject)}[”\"]?\)"
    return re.search(introduced, analysis.structure.text, re.I) is not None
