"""The offer letter and its caveats annex: built from the conditions, refused when the doctrine does not
allow an offer."""

from __future__ import annotations

import datetime as dt

import pytest

from missiongate import Doctrine, mission_from_data
from missiongate.decision.markdown import note_markdown
from missiongate.decision.offer import build_offer
from missiongate.errors import MissionGateError
from tests.decision.support import example, fact_ids_in, variant

DAY = dt.date(2026, 3, 2)


def test_the_offer_carries_every_condition_and_our_caveats(azerbaijan: Doctrine) -> None:
    offer = build_offer(
        azerbaijan,
        example("site-protection-chapter7"),
        number="31/2026",
        date=DAY,
        recipient="United Kingdom",
    )
    statements = {rule.statement.strip() for rule in azerbaijan.rules if rule.kind.value == "condition"}
    stated = [*offer.conditions, *offer.desirable]
    assert {c.text for c in stated} == {s if s.endswith(".") else s + "." for s in statements}
    assert all(c.state == "accepted by the lead" for c in stated)
    desirable = {r.statement.strip() for r in azerbaijan.rules if r.desirable and r.statement}
    assert {c.text for c in offer.desirable} == desirable
    caveats = [c.text for c in offer.caveats]
    assert "The contingent does not take part in combat operations." in caveats
    assert any("protection of strategic sites" in c for c in caveats)
    assert "a contingent of 34 personnel" in offer.opening
    assert "subject to the conditions set out in the annex" in offer.opening
    assert offer.opening.startswith(
        "The Ministry of Foreign Affairs of Azerbaijan presents its compliments to the Embassy of the "
        "United Kingdom"
    )
    text = note_markdown(offer.context())
    assert "Annex: conditions and national caveats" in text and fact_ids_in(text) == set()


def test_conditions_still_to_accept_are_marked_so(azerbaijan: Doctrine) -> None:
    data = example("site-protection-chapter7").to_data()
    del data["facts"]["legal.sofa"]
    offer = build_offer(azerbaijan, mission_from_data(data), number="1", date=DAY, recipient="France")
    states = {c.text: c.state for c in offer.conditions}
    legal = next(text for text in states if "status-of-forces" in text)
    assert states.pop(legal) == "to be accepted"
    assert set(states.values()) == {"accepted by the lead"}


@pytest.mark.parametrize(
    ("mission", "message"),
    [
        ("gaza-isf-inquiry", "questions are still open"),
        ("gaza-isf-peace-enforcement", "the case is declined"),
    ],
)
def test_no_offer_when_the_doctrine_does_not_allow_one(
    azerbaijan: Doctrine, mission: str, message: str
) -> None:
    with pytest.raises(MissionGateError, match=message):
        build_offer(azerbaijan, example(mission), number="1", date=DAY)


def test_no_offer_for_a_contingent_that_must_withdraw(azerbaijan: Doctrine) -> None:
    mission = variant("site-protection-chapter7", contingent__deployed=True, consent__all_parties=False)
    with pytest.raises(MissionGateError, match="withdrawal"):
        build_offer(azerbaijan, mission, number="1", date=DAY, recipient="France")
