"""Doctrines as code: models, condition trees and loading of built-in and user doctrine files."""

from missiongate.doctrine.loader import (
    builtin_ids,
    doctrine_from_document,
    doctrine_json_schema,
    doctrine_json_schema_text,
    load_builtin,
    load_doctrine,
)
from missiongate.doctrine.model import Doctrine, Policy, Rule, RuleKind, Source

__all__ = [
    "Doctrine",
    "Policy",
    "Rule",
    "RuleKind",
    "Source",
    "builtin_ids",
    "doctrine_from_document",
    "doctrine_json_schema",
    "doctrine_json_schema_text",
    "load_builtin",
    "load_doctrine",
]
