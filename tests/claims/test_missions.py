from __future__ import annotations

from missiongate.claims.missions import find_missions, known_missions, mission_title


def test_named_and_located_missions() -> None:
    refs = find_missions("troops for the International Stabilization Force and UNIFIL in southern Lebanon")
    assert [(r.slug, r.by_name) for r in refs] == [("gaza-isf", True), ("unifil", True), ("unifil", False)]


def test_historical_missions_are_marked() -> None:
    (ref,) = find_missions("served in Afghanistan")
    assert ref.slug == "isaf" and ref.historical


def test_titles() -> None:
    assert "gaza-isf" in known_missions()
    assert mission_title("gaza-isf").startswith("the International Stabilization Force")
    assert mission_title("custom-op") == "custom-op"
    assert mission_title(None) == "the operation"
