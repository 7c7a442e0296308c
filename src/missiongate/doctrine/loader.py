"""Loading doctrine files: built-in ids or paths, validated against the model and the fact catalogue."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from missiongate.catalogue import Catalogue, load_catalogue
from missiongate.doctrine.conditions import COMPARISONS, DoctrineBindingError
from missiongate.doctrine.model import Doctrine
from missiongate.errors import MissionGateError
from missiongate.yamlio import YamlDocument, parse_yaml, read_yaml

BUILTIN_DIR = Path(__file__).parent / "builtin"


def builtin_ids() -> list[str]:
    return sorted(path.stem for path in BUILTIN_DIR.glob("*.yaml"))


def doctrine_from_document(document: YamlDocument, catalogue: Catalogue | None = None) -> Doctrine:
    """Validate a parsed doctrine; the first problem is raised with the file and line."""
    doctrine = bound_doctrine(document, catalogue)
    from missiongate.doctrine.consistency import ContradictionError, check_consistency

    try:
        check_consistency(doctrine)
    except ContradictionError as exc:
        raise document.error(str(exc), ["rules", exc.rule_index]) from None
    return doctrine


def bound_doctrine(document: YamlDocument, catalogue: Catalogue | None = None) -> Doctrine:
    """A doctrine checked against the schema and bound to the catalogue, before its consistency check."""
    if not isinstance(document.data, dict):
        raise document.error("a doctrine file must be a mapping (id, title, version, rules, ...)")
    try:
        doctrine = Doctrine.model_validate(document.data)
    except ValidationError as exc:
        raise _first_problem(exc, document) from None
    catalogue = catalogue or load_catalogue()
    for index, rule in enumerate(doctrine.rules):
        for part in ("when", "require"):
            condition = getattr(rule, part)
            if condition is None:
                continue
            try:
                condition.bind(catalogue, ["rules", index, part])
            except DoctrineBindingError as exc:
                raise document.error(f"rule {rule.id}: {exc}", exc.path) from None
    return doctrine


def _first_problem(exc: ValidationError, document: YamlDocument) -> MissionGateError:
    # A union of condition shapes reports one error per shape; the most specific one is the deepest.
    errors = sorted(exc.errors(), key=lambda e: -len(e["loc"]))
    error = next((e for e in errors if e["type"] == "invalid_condition"), errors[0])
    path = _without_union_tags(error["loc"])
    where = ".".join(str(p) for p in path)
    message = error["msg"].removeprefix("Value error, ")
    return document.error(f"{where}: {message}" if where else message, path)


_UNION_TAGS = {"all", "any", "not", "known", "fact"}
_FACT_TEST_KEYS = {"fact", *COMPARISONS}


def _without_union_tags(loc: tuple[Any, ...]) -> list[str | int]:
    """Pydantic puts the condition shape's tag in the error location; a file has no such key."""
    path: list[str | int] = []
    for index, part in enumerate(loc):
        following = loc[index + 1] if index + 1 < len(loc) else None
        is_tag = part in _UNION_TAGS and (
            following == part or (part == "fact" and following in _FACT_TEST_KEYS)
        )
        if not is_tag and isinstance(part, str | int):
            path.append(part)
    return path


def load_doctrine(ref: str | Path, catalogue: Catalogue | None = None) -> Doctrine:
    """A built-in doctrine by id (e.g. 'azerbaijan') or a doctrine file by path."""
    path = Path(ref)
    if path.suffix in {".yaml", ".yml", ".json"} or path.exists():
        return doctrine_from_document(read_yaml(path), catalogue)
    return _builtin(str(ref), catalogue)


@cache
def _builtin_cached(doctrine_id: str) -> Doctrine:
    return _builtin(doctrine_id, None)


def _builtin(doctrine_id: str, catalogue: Catalogue | None) -> Doctrine:
    if doctrine_id not in builtin_ids():
        known = ", ".join(builtin_ids())
        raise MissionGateError(f"no doctrine {doctrine_id!r}: give a file path or one of {known}")
    text = (BUILTIN_DIR / f"{doctrine_id}.yaml").read_text("utf-8")
    return doctrine_from_document(parse_yaml(text, f"doctrine/builtin/{doctrine_id}.yaml"), catalogue)


def load_builtin(doctrine_id: str) -> Doctrine:
    """A built-in doctrine, parsed once per process."""
    return _builtin_cached(doctrine_id)


def doctrine_json_schema() -> dict[str, Any]:
    """The JSON Schema of doctrine files, generated from the model (for editors and CI validation)."""
    schema = Doctrine.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://missiongate.example/schemas/doctrine.schema.json"
    return schema


def doctrine_json_schema_text() -> str:
    return json.dumps(doctrine_json_schema(), indent=2, ensure_ascii=False) + "\n"
