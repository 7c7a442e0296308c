"""A mission with many unknowns stays bounded in time and memory: beyond the search bounds the result says
so (`complete` is False), and whatever it returns is still a minimal path to yes."""

from __future__ import annotations

import time

from missiongate import Doctrine, load_builtin
from missiongate.catalogue import FactValue, load_catalogue
from missiongate.doctrine.loader import builtin_ids
from missiongate.paths import PathsResult, paths_to_yes
from missiongate.paths.render import summary
from missiongate.paths.search import LINK_LIMIT, PRODUCT_LIMIT
from tests.paths.test_path import check_path
from tests.strategies import make_doctrine

FACTS = [f.id for f in load_catalogue().facts if not f.id.startswith("mandate.instrument")]
SECONDS = 10.0  # generous: the machine is shared; each case takes well under a second alone


def timed(doctrine: Doctrine, values: dict[str, FactValue]) -> tuple[PathsResult, float]:
    start = time.perf_counter()
    result = paths_to_yes(doctrine, values)
    return result, time.perf_counter() - start


def test_too_many_minimal_paths_give_up_plainly() -> None:
    """15 requirements "one of two facts known": 2**15 minimal paths, more than PRODUCT_LIMIT."""
    pairs = [FACTS[2 * i : 2 * i + 2] for i in range(15)]
    assert 2 ** len(pairs) > PRODUCT_LIMIT
    either = [{"any": [{"known": a}, {"known": b}]} for a, b in pairs]
    rule = {"kind": "requirement", "require": {"all": either}}
    result, seconds = timed(make_doctrine([rule]), {})
    assert seconds < SECONDS
    assert result.paths == () and not result.complete and not result.blocked
    assert summary(result).startswith("No path to yes found within the search bound")


def test_thousands_of_minimal_paths_are_counted_and_the_best_returned() -> None:
    """12 requirements "one of two facts known": 2**12 minimal paths, all counted, the best 10 returned."""
    pairs = [FACTS[2 * i : 2 * i + 2] for i in range(12)]
    either = [{"any": [{"known": a}, {"known": b}]} for a, b in pairs]
    doctrine = make_doctrine([{"kind": "requirement", "require": {"all": either}}])
    result, seconds = timed(doctrine, {})
    assert seconds < SECONDS
    assert result.complete and result.total == 2**12 and len(result.paths) == 10
    ranks = [p.rank for p in result.paths]
    assert ranks == sorted(ranks)
    check_path(doctrine, {}, result.paths[0], subsets=0)


def test_too_many_linking_facts_are_cut_and_what_is_found_stays_minimal() -> None:
    """Two rules sharing 14 unknown facts: 2**14 linking assignments, more than LINK_LIMIT."""
    shared = FACTS[:14]
    assert 2 ** len(shared) > LINK_LIMIT
    rules = [
        {"kind": "requirement", "require": {"any": [{"known": f} for f in shared]}},
        {"kind": "red_line", "require": {"any": [{"known": f} for f in reversed(shared)]}},
    ]
    doctrine = make_doctrine(rules)
    result, seconds = timed(doctrine, {})
    assert seconds < SECONDS
    assert not result.complete and result.paths
    for path in result.paths:
        check_path(doctrine, {}, path)


def test_nothing_known_at_all_stays_exact_for_the_builtins() -> None:
    for doctrine_id in builtin_ids():
        doctrine = load_builtin(doctrine_id)
        result, seconds = timed(doctrine, {})
        assert seconds < SECONDS
        assert result.complete and result.paths, doctrine_id
        for path in result.paths:
            check_path(doctrine, {}, path)
