from __future__ import annotations

import pytest

from missiongate.analyzer.analysis import analyze_file, analyze_text
from missiongate.analyzer.match import instrument_mismatch
from tests.analyzer.helpers import DATA

FORCE = (
    "Resolution 9002 (2031)\n\nAdopted by the Security Council at its 9999th meeting, on 1 March 2031\n\n"
    "The Security Council,\n\nNoting the plan,\n\n1. Authorizes Member States to establish a temporary "
    "International Stabilization Force (ISF) under unified command;\n"
)


@pytest.mark.parametrize(
    ("instrument", "operation"),
    [("S/RES/9002 (2031)", None), ("S/RES/9002", "Something else"), (None, "ISF"),
     (None, "International Stabilization Force"), (None, "International Stabilization Force (ISF)"),
     (None, None)],
)  # fmt: skip
def test_the_case_instrument_fits(instrument: str | None, operation: str | None) -> None:
    assert instrument_mismatch(analyze_text(FORCE), instrument, operation) is None


def test_another_symbol_is_flagged() -> None:
    message = instrument_mismatch(analyze_text(FORCE), "S/RES/2803 (2025)", "ISF")
    assert message == "this document is S/RES/9002 (2031); the case's instrument is S/RES/2803 (2025)"
    assert instrument_mismatch(analyze_text(FORCE), "S/RES/9002 (2030)", None) is not None


def test_another_operation_is_flagged() -> None:
    unmiss = analyze_file(DATA / "pema" / "texts" / "S_RES_1996_2011.txt")
    message = instrument_mismatch(unmiss, None, "International Stabilization Force (ISF)")
    assert (
        message
        == "this document acts on UNMISS; the case's operation is International Stabilization Force (ISF)"
    )
    # it names UNAMID, but acts on UNMISS
    assert instrument_mismatch(unmiss, None, "UNAMID") is not None
    assert instrument_mismatch(unmiss, None, "United Nations Mission in the Republic of South Sudan") is None
