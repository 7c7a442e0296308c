"""Hypothesis strategies: random condition trees and doctrines over a few facts with small domains."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

from hypothesis import strategies as st

from missiongate import Doctrine, load_catalogue
from missiongate.catalogue import FactValue
from missiongate.doctrine.loader import bound_doctrine
from missiongate.yamlio import YamlDocument

BOOL_FACTS = ["operation.offensive_operations", "consent.host_state", "consent.all_parties"]
THREAT = "risk.threat_level"
COMMAND = "operation.command"
ENDORSE = "regional.endorsements"
# Sets are explored over these members only; eu plays "any other member" (never named in a condition).
SET_MEMBERS = ["arab_league", "oic", "eu"]
FACTS = [*BOOL_FACTS, THREAT, COMMAND, ENDORSE]


def domain(fact_id: str) -> list[FactValue]:
    if fact_id in BOOL_FACTS:
        return [True, False]
    if fact_id == ENDORSE:
        subsets = itertools.chain.from_iterable(
            itertools.combinations(SET_MEMBERS, n) for n in range(len(SET_MEMBERS) + 1)
        )
        return [frozenset(s) for s in subsets]
    return list(load_catalogue().fact(fact_id).value_ids)


def _leaf_for(fact_id: str) -> st.SearchStrategy[dict[str, Any]]:
    if fact_id in BOOL_FACTS:
        return st.one_of(st.booleans().map(lambda b: {"fact": fact_id, "is": b}), st.just({"known": fact_id}))
    values = [v for v in load_catalogue().fact(fact_id).value_ids]
    if fact_id == ENDORSE:
        named = st.lists(st.sampled_from(["arab_league", "oic"]), min_size=1, max_size=2, unique=True)
        op = st.sampled_from(["contains_any", "contains_all", "within"])
        return st.tuples(op, named).map(lambda t: {"fact": fact_id, t[0]: t[1]})
    ops = ["is", "in"] + (["at_least", "at_most"] if fact_id == THREAT else [])
    return st.sampled_from(ops).flatmap(
        lambda op: (
            st.lists(st.sampled_from(values), min_size=1, max_size=2, unique=True)
            if op == "in"
            else st.sampled_from(values)
        ).map(lambda operand: {"fact": fact_id, op: operand})
    )


def condition_trees(
    facts: list[str] | None = None, read_once: bool = False
) -> st.SearchStrategy[dict[str, Any]]:
    """Condition trees as doctrine-file data. With read_once, each fact appears in at most one leaf."""
    pool = facts or FACTS
    if read_once:
        return st.permutations(pool).flatmap(lambda order: _read_once_tree(list(order)))
    leaves = st.sampled_from(pool).flatmap(_leaf_for)
    return st.recursive(
        leaves,
        lambda children: st.one_of(
            st.lists(children, min_size=1, max_size=3).map(lambda c: {"all": c}),
            st.lists(children, min_size=1, max_size=3).map(lambda c: {"any": c}),
            children.map(lambda c: {"not": c}),
        ),
        max_leaves=4,
    )


def _read_once_tree(order: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    @st.composite
    def build(draw: st.DrawFn, facts: list[str]) -> dict[str, Any]:
        if len(facts) == 1 or draw(st.booleans()):
            leaf = draw(_leaf_for(facts[0]))
            return {"not": leaf} if draw(st.booleans()) else leaf
        split = draw(st.integers(min_value=1, max_value=len(facts) - 1))
        op = draw(st.sampled_from(["all", "any"]))
        node = {op: [draw(build(facts[:split])), draw(build(facts[split:]))]}
        return {"not": node} if draw(st.booleans()) else node

    size = st.integers(min_value=1, max_value=3)
    return size.flatmap(lambda n: build(order[:n]))


def make_doctrine(rules: list[dict[str, Any]]) -> Doctrine:
    data = {
        "id": "generated",
        "title": "Generated doctrine",
        "version": "1",
        "effective": "2026-01-01",
        "sources": [{"id": "s", "citation": "test"}],
        "rules": [
            {"id": f"R{i}", "title": f"rule {i}", "rationale": "test", "source": {"document": "s"}, **rule}
            for i, rule in enumerate(rules)
        ],
    }
    # Random rules may contradict each other; the evaluator's properties hold for those too.
    return bound_doctrine(YamlDocument.from_data(data, "<generated>"))


KINDS = ["red_line", "requirement", "condition", "consideration"]


def _kind_fields(kind: str) -> st.SearchStrategy[dict[str, Any]]:
    """A rule kind with the fields that fit it: desirable conditions, considerations' levels."""
    if kind == "condition":
        return st.sampled_from([{}, {"desirable": True}]).map(lambda extra: {"kind": kind, **extra})
    if kind == "consideration":
        levels = [{}, {"decides": "decline"}, {"decides": "ministerial_decision"}]
        return st.sampled_from(levels).map(lambda extra: {"kind": kind, **extra})
    return st.just({"kind": kind})


def rules_data(read_once: bool = False) -> st.SearchStrategy[dict[str, Any]]:
    """Rules of every kind and level; read-once rules keep `when` and `require` on disjoint facts."""
    require_pool = [*BOOL_FACTS, ENDORSE] if read_once else FACTS
    body = st.fixed_dictionaries(
        {"require": condition_trees(require_pool, read_once)},
        optional={"when": condition_trees([COMMAND, THREAT], read_once)},
    )
    kind = st.sampled_from(KINDS).flatmap(_kind_fields)
    return st.tuples(kind, body).map(lambda parts: {**parts[0], **parts[1]})


def partial_facts() -> st.SearchStrategy[dict[str, FactValue]]:
    """Some facts known, others absent."""
    return st.fixed_dictionaries({}, optional={fact: st.sampled_from(domain(fact)) for fact in FACTS})


def extensions(values: dict[str, FactValue], unknown: list[str]) -> Iterator[dict[str, FactValue]]:
    """Every way of answering some (or none) of the unknown facts."""
    options = [[None, *domain(fact)] for fact in unknown]
    for combo in itertools.product(*options):
        extended = dict(values)
        extended.update({f: v for f, v in zip(unknown, combo, strict=True) if v is not None})
        yield extended
