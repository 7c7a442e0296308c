"""Compiled doctrines: a doctrine turned once into generated Python, the inner loop of the search.

The interpreter (the closures of conditions.py, `evaluator.rule_status`, `evaluator.decide`) stays the
reference; tests/doctrine/test_compiled.py proves the compiled statuses and verdict equal to it.

Each condition becomes two plain boolean expressions, *holds* and *fails*, joined by Python's own
short-circuit `and`/`or`: Kleene's three values are (holds, fails) = (True, False), (False, True) or
(False, False) for undetermined. `all` holds when every part holds and fails when one fails, `any` the
other way round, `not` swaps the two. A rule's status is an if/elif chain over them; each fact is read once,
just before the first test that needs it. The verdict function returns DECLINE (or WITHDRAW) at the first
declining rule, otherwise sets one flag per effect, and leaves out tests whose outcome changes nothing.

Safe code generation: the generated source contains only names we make up (k0, f0, s0...), Python
keywords and operators. Every operand, fact id and status is passed in a constants tuple, never written as
source text, so nothing a doctrine file says can become code.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from missiongate.catalogue import Fact, FactType, FactValue
from missiongate.doctrine.conditions import AllOf, AnyOf, Condition, FactTest, Known, Not
from missiongate.doctrine.model import Doctrine, Rule, RuleKind
from missiongate.evaluator import Effect, RuleStatus, Verdict, effect_of

Values = Mapping[str, FactValue]
DEPLOYED = "contingent.deployed"
# Deeper sub-conditions call the interpreter's closure: Python's parser caps nested parentheses at 200.
MAX_INLINE_DEPTH = 40
_FACT_LOCAL = re.compile(r"\bf\d+\b")  # the generated names of locals holding facts' values
CACHE_SIZE = 64


@dataclass(frozen=True, slots=True)
class CompiledDoctrine:
    """A doctrine's generated evaluator: `statuses(values)` (one per rule, in doctrine order) and
    `verdict(values)`, equal to `evaluate(doctrine, values)`'s statuses and verdict."""

    logic_hash: str  # of what the code is generated from: the rules' kinds, levels and conditions
    source: str
    statuses: Callable[[Values], tuple[RuleStatus, ...]]
    verdict: Callable[[Values], Verdict]
    facts: tuple[Fact, ...] = field(repr=False)  # the bound facts the constants were derived from


@dataclass(frozen=True, slots=True)
class _RuleCode:
    holds: str
    fails: str
    applies: str | None  # the `when`, if any
    excluded: str | None


class _Generator:
    """Builds the source and its constants tuple; every constant is referred to as k<index>."""

    def __init__(self) -> None:
        self.constants: list[object] = []
        self.names: dict[object, str] = {}  # constant key -> its name
        self.facts: dict[str, str] = {}  # fact id -> local holding values.get(fact id)

    def const(self, value: object) -> str:
        """The name of a constant; equal constants share one (True and 1 do not: the type is in the key)."""
        try:
            key: object = (type(value), value)
            hash(key)
        except TypeError:  # a rank dict: shared by identity
            key = id(value)
        name = self.names.get(key)
        if name is None:
            name = self.names[key] = f"k{len(self.constants)}"
            self.constants.append(value)
        return name

    def fact(self, fact_id: str) -> str:
        return self.facts.setdefault(fact_id, f"f{len(self.facts)}")

    def truth(self, condition: Condition) -> tuple[str, str]:
        """(holds, fails): two expressions over the locals holding the facts' values."""
        if _depth(condition) > MAX_INLINE_DEPTH:
            evaluator = self.const(condition.evaluator)
            return f"({evaluator}(v) is True)", f"({evaluator}(v) is False)"
        if isinstance(condition, AllOf | AnyOf):
            parts = [self.truth(child) for child in condition.children()]
            if isinstance(condition, AllOf):  # holds when every part holds, fails when one fails
                return _join(parts, "and", 0), _join(parts, "or", 1)
            return _join(parts, "or", 0), _join(parts, "and", 1)
        if isinstance(condition, Not):
            holds, fails = self.truth(condition.not_)
            return fails, holds
        if isinstance(condition, Known):
            return f"({self.const(condition.known)} in v)", "False"  # as the interpreter: `in`, not `get`
        assert isinstance(condition, FactTest)
        return self.leaf(condition)

    def leaf(self, leaf: FactTest) -> tuple[str, str]:
        fact, op, operand = leaf.meta, leaf.operator, leaf.operand
        f = self.fact(fact.id)
        if op == "is":
            k = self.const(fact.coerce(operand))
            return f"{f} == {k}", f"({f} is not None and not {f} == {k})"
        if op == "in":
            k = self.const(frozenset(fact.coerce(item) for item in operand))
            return f"{f} in {k}", f"({f} is not None and {f} not in {k})"
        if op in {"at_least", "at_most"}:
            key, k = self.ordered(fact, f, operand)
            test = f"{key} >= {k}" if op == "at_least" else f"{key} <= {k}"
            negation = f"not {test}"
        else:
            k = self.const(fact.coerce(operand))
            test, negation = {
                "contains_any": (f"not {f}.isdisjoint({k})", f"{f}.isdisjoint({k})"),
                "contains_all": (f"{k} <= {f}", f"not {k} <= {f}"),
                "within": (f"{f} <= {k}", f"not {f} <= {k}"),
            }[op]
        return f"({f} is not None and {test})", f"({f} is not None and {negation})"

    def ordered(self, fact: Fact, local: str, operand: Any) -> tuple[str, str]:
        """What to compare and the bound: ordered enums by rank (a dict constant), others by value."""
        bound = fact.coerce(operand)
        if fact.type is FactType.ORDERED_ENUM:
            assert isinstance(bound, str)
            return f"{self.const(fact.rank)}[{local}]", self.const(fact.rank[bound])
        return local, self.const(bound)

    def rule(self, rule: Rule) -> _RuleCode:
        holds, fails = self.truth(rule.require)
        applies, excluded = self.truth(rule.when) if rule.when is not None else (None, None)
        return _RuleCode(holds, fails, applies, excluded)

    def with_loads(self, lines: list[str], loaded: set[str]) -> list[str]:
        """The lines, after reading the facts they use that no earlier line read: each fact is read once
        per decision, and not at all when a decline returns first or no test needs it."""
        used = [name for name in dict.fromkeys(_FACT_LOCAL.findall("\n".join(lines))) if name not in loaded]
        loaded.update(used)
        fact_of = {name: fact for fact, name in self.facts.items()}
        return [f"{name} = g({self.const(fact_of[name])})" for name in used] + lines


def _join(parts: list[tuple[str, str]], operator: str, side: int) -> str:
    """Join one side of the parts with `and`/`or`, folding the constants True and False."""
    identity, absorbing = ("True", "False") if operator == "and" else ("False", "True")
    terms = [part[side] for part in parts if part[side] != identity]
    if absorbing in terms:
        return absorbing
    if not terms:
        return identity
    return terms[0] if len(terms) == 1 else "(" + f" {operator} ".join(terms) + ")"


def _depth(condition: Condition) -> int:
    children = condition.children()
    return 1 + max((_depth(child) for child in children), default=0)


def _indent(lines: list[str]) -> list[str]:
    return [f"    {line}" for line in lines] or ["    pass"]


def _status_code(code: _RuleCode, act: Callable[[RuleStatus], list[str]]) -> list[str]:
    """Statements that run `act(status)` for the rule's status (evaluator.rule_status, inlined)."""
    undetermined = act(RuleStatus.UNDETERMINED)
    body = _dispatch(
        code.holds, code.fails, act(RuleStatus.SATISFIED), act(RuleStatus.VIOLATED), undetermined
    )
    if code.applies is None or code.excluded is None:
        return body
    return _dispatch(code.applies, code.excluded, body, act(RuleStatus.NOT_APPLICABLE), undetermined)


def _dispatch(
    holds: str, fails: str, if_holds: list[str], if_fails: list[str], neither: list[str]
) -> list[str]:
    """if holds / elif fails / else, leaving out the tests whose outcome changes nothing. (A condition
    whose holds and fails are both the constant False cannot be written: every leaf can come out.)"""
    if fails == "False" or if_fails == neither:
        return _branch(holds, if_holds, neither)
    if holds == "False" or if_holds == neither:
        return _branch(fails, if_fails, neither)
    return [f"if {holds}:", *_indent(if_holds), f"elif {fails}:", *_indent(if_fails), *_otherwise(neither)]


def _branch(test: str, then: list[str], otherwise: list[str]) -> list[str]:
    if then == otherwise:
        return otherwise
    return [f"if {test}:", *_indent(then), *_otherwise(otherwise)]


def _otherwise(lines: list[str]) -> list[str]:
    return ["else:", *_indent(lines)] if lines else []


def _status_function(generator: _Generator, codes: list[_RuleCode]) -> list[str]:
    names = {status: generator.const(status) for status in RuleStatus}
    body, loaded = ["g = v.get"], set[str]()
    for index, code in enumerate(codes):
        body += generator.with_loads(_status_code(code, partial(_assign, f"s{index}", names)), loaded)
    result = "".join(f"s{i}, " for i in range(len(codes)))
    return ["def statuses(v):", *_indent([*body, f"return ({result})"])]


def _verdict_function(generator: _Generator, rules: list[Rule], codes: list[_RuleCode]) -> list[str]:
    names = {verdict: generator.const(verdict) for verdict in Verdict}
    deployed = generator.const(DEPLOYED)
    decline = f"return {names[Verdict.WITHDRAW]} if g({deployed}) is True else {names[Verdict.DECLINE]}"
    body, loaded = ["g = v.get", "m = o = c = a = False"], set[str]()
    for rule, code in zip(rules, codes, strict=True):
        body += generator.with_loads(_status_code(code, partial(_effect_action, rule, decline)), loaded)
    body += [
        f"if m: return {names[Verdict.MINISTERIAL_DECISION]}",
        f"if o: return {names[Verdict.CLARIFICATION_REQUIRED]}",
        f"if c: return {names[Verdict.ACCEPTABLE_WITH_CONDITIONS]}",
        f"return {names[Verdict.ACCEPTABLE]} if a else {names[Verdict.NOT_COVERED]}",
    ]
    return ["def verdict(v):", *_indent(body)]


def _assign(local: str, names: dict[RuleStatus, str], status: RuleStatus) -> list[str]:
    return [f"{local} = {names[status]}"]


def _effect_action(rule: Rule, decline: str, status: RuleStatus) -> list[str]:
    """evaluator.decide as flags: m ministerial, o open, c an applicable condition, a anything applies."""
    effect = effect_of(rule.kind, rule.decides, rule.desirable, status)
    if effect is Effect.NONE:
        return []
    if effect is Effect.DECLINES:
        return [decline]
    if effect is Effect.MINISTERIAL:
        return ["m = True"]
    if effect is Effect.OPEN:
        return ["o = True"]
    return ["c = True"] if rule.kind is RuleKind.CONDITION else ["a = True"]


def generate(doctrine: Doctrine) -> tuple[str, tuple[object, ...]]:
    """The source of `build(constants) -> (statuses, verdict)`, and its constants."""
    generator = _Generator()
    codes = [generator.rule(rule) for rule in doctrine.rules]
    lines = [*_status_function(generator, codes), *_verdict_function(generator, doctrine.rules, codes)]
    names = [f"k{i}" for i in range(len(generator.constants))]
    body = [f"({', '.join(names)},) = constants", *lines, "return statuses, verdict"]
    return "\n".join(["def build(constants):", *_indent(body)]) + "\n", tuple(generator.constants)


_LOCK = threading.Lock()
_CACHE: OrderedDict[str, CompiledDoctrine] = OrderedDict()  # by logic hash, least recently used first
_BY_OBJECT: dict[int, tuple[weakref.ref[Doctrine], CompiledDoctrine]] = {}  # a doctrine seen before


def compile_doctrine(doctrine: Doctrine) -> CompiledDoctrine:
    """The doctrine's compiled evaluator, generated and exec'd once per logic hash (and bound facts)."""
    seen = _BY_OBJECT.get(id(doctrine))
    if seen is not None and seen[0]() is doctrine:
        with _LOCK:  # still the one a copy of the same content gets, however long ago it was compiled
            _CACHE[seen[1].logic_hash] = seen[1]
            _CACHE.move_to_end(seen[1].logic_hash)
        return seen[1]
    key, facts = logic_hash(doctrine), _bound_facts(doctrine)
    with _LOCK:
        compiled = _CACHE.get(key)
        if compiled is None or compiled.facts != facts:
            compiled = _compile(doctrine, key, facts)
            _CACHE[key] = compiled
        _CACHE.move_to_end(key)
        if len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)
        address = id(doctrine)
        _BY_OBJECT[address] = (weakref.ref(doctrine, lambda _: _BY_OBJECT.pop(address, None)), compiled)
    return compiled


def logic_hash(doctrine: Doctrine) -> str:
    """SHA-256 of what the generated code depends on. Not `Doctrine.content_hash`: that cached property is
    copied unchanged by `model_copy(update=...)`, so a modified copy would reuse the original's code."""
    fields = {"kind", "decides", "desirable", "when", "require"}
    logic = [rule.model_dump(mode="json", by_alias=True, include=fields) for rule in doctrine.rules]
    canonical = json.dumps(logic, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _compile(doctrine: Doctrine, key: str, facts: tuple[Fact, ...]) -> CompiledDoctrine:
    source, constants = generate(doctrine)
    namespace: dict[str, Any] = {}
    exec(compile(source, f"<doctrine {doctrine.id} {key[:12]}>", "exec"), namespace)
    statuses, verdict = namespace["build"](constants)
    return CompiledDoctrine(key, source, statuses, verdict, facts)


def _bound_facts(doctrine: Doctrine) -> tuple[Fact, ...]:
    """The catalogue facts the doctrine's tests were bound to: with the content, they fix the code."""
    conditions = [c for rule in doctrine.rules for c in (rule.when, rule.require) if c is not None]
    return tuple(leaf.meta for condition in conditions for leaf in condition.leaves())
