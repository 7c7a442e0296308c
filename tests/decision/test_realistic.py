"""On the realistic missions, each memo gives the adviser's verdict (the doctrine's own case for the file)
and a recommendation that says what to do, why, and what would change the answer."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from missiongate import load_builtin, load_mission
from missiongate.decision import build_memo
from missiongate.decision.markdown import memo_markdown
from missiongate.evaluator import Verdict
from tests.decision.support import EXAMPLES, fact_ids_in

MISSIONS = [*sorted((EXAMPLES / "realistic").glob("*.yaml")), EXAMPLES / "gaza-isf-2803.yaml"]
OPENING = {
    Verdict.DECLINE: "Decline.",
    Verdict.WITHDRAW: "Withdraw the contingent.",
    Verdict.MINISTERIAL_DECISION: "For your decision.",
    Verdict.CLARIFICATION_REQUIRED: "Make no commitment yet.",
    Verdict.ACCEPTABLE_WITH_CONDITIONS: "Offer a contribution",
    Verdict.ACCEPTABLE: "Participation is compatible with the doctrine",
}


def _expected(doctrine_id: str, path: Path) -> str:
    prefix = f"{path.relative_to(EXAMPLES).with_suffix('').as_posix()}: "
    return next(c.expect.verdict for c in load_builtin(doctrine_id).cases if c.name.startswith(prefix))


@pytest.mark.parametrize(("doctrine_id", "country"), [("azerbaijan", "Azerbaijan"), ("japan", "Japan")])
@pytest.mark.parametrize("path", MISSIONS, ids=lambda p: p.stem)
def test_the_memo_gives_the_advisers_verdict_and_says_what_would_change_it(
    doctrine_id: str, country: str, path: Path
) -> None:
    doctrine = load_builtin(doctrine_id)
    memo = build_memo(doctrine, load_mission(path), country=country, date=dt.date(2026, 1, 9))
    assert memo.verdict.value == _expected(doctrine_id, path)
    assert memo.recommendation.startswith(OPENING[memo.verdict])
    assert [o.key for o in memo.options] == ["decline", "conditions", "role"]
    recommended = [o.key for o in memo.options if o.recommended]
    if memo.verdict in (Verdict.DECLINE, Verdict.WITHDRAW):
        assert recommended in (["decline"], ["role"])
        for title in {o["title"] for o in memo.annex["rules"] if o["deciding"]}:
            assert title[1:] in memo.recommendation
        offer = next(o for o in memo.options if o.key == "conditions")
        assert offer.path  # what would change the answer, or that no single change does
    elif memo.verdict is not Verdict.MINISTERIAL_DECISION:
        assert recommended == ["conditions"]
    body = memo_markdown(memo).split("# Annex")[0]
    assert fact_ids_in(body) == set()
