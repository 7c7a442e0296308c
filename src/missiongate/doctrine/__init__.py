"""Doctrines as code: models, condition trees, loading of built-in and user doctrine files, the registry."""

from missiongate.doctrine.loader import (
    builtin_ids,
    doctrine_from_document,
    doctrine_json_schema,
    doctrine_json_schema_text,
    load_builtin,
    load_doctrine,
)
from missiongate.doctrine.model import Doctrine, Policy, Rule, RuleKind, Source
from missiongate.doctrine.registry import (
    BUILTIN,
    DoctrineRegistry,
    RegisteredDoctrine,
    RejectedFile,
    builtin_registry,
    load_registry,
)

__all__ = [
    "BUILTIN",
    "Doctrine",
    "DoctrineRegistry",
    "Policy",
    "RegisteredDoctrine",
    "RejectedFile",
    "Rule",
    "RuleKind",
    "Source",
    "builtin_ids",
    "builtin_registry",
    "doctrine_from_document",
    "doctrine_json_schema",
    "doctrine_json_schema_text",
    "load_builtin",
    "load_doctrine",
    "load_registry",
]
