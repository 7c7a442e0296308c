"""MissionGate: decision support for governments asked to contribute forces to international missions.

The public core API. Faces (CLI, API, web) call these and nothing below them. Names are imported on
first use so that a command pays only for the parts it runs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "Catalogue": "missiongate.catalogue",
    "Fact": "missiongate.catalogue",
    "FactType": "missiongate.catalogue",
    "load_catalogue": "missiongate.catalogue",
    "Doctrine": "missiongate.doctrine",
    "DoctrineRegistry": "missiongate.doctrine",
    "Rule": "missiongate.doctrine",
    "RuleKind": "missiongate.doctrine",
    "builtin_ids": "missiongate.doctrine",
    "load_builtin": "missiongate.doctrine",
    "load_doctrine": "missiongate.doctrine",
    "load_registry": "missiongate.doctrine",
    "MissionGateError": "missiongate.errors",
    "Assessment": "missiongate.evaluator",
    "RuleOutcome": "missiongate.evaluator",
    "RuleStatus": "missiongate.evaluator",
    "Verdict": "missiongate.evaluator",
    "evaluate": "missiongate.evaluator",
    "Evidence": "missiongate.mission",
    "FactRecord": "missiongate.mission",
    "FactStatus": "missiongate.mission",
    "Mission": "missiongate.mission",
    "load_mission": "missiongate.mission",
    "mission_from_data": "missiongate.mission",
    "save_mission": "missiongate.mission",
    "Question": "missiongate.questionnaire",
    "Questionnaire": "missiongate.questionnaire",
    "build_questionnaire": "missiongate.questionnaire",
    "assess": "missiongate.report",
    "report_data": "missiongate.report",
}

__all__ = [
    "Assessment",
    "Catalogue",
    "Doctrine",
    "DoctrineRegistry",
    "Evidence",
    "Fact",
    "FactRecord",
    "FactStatus",
    "FactType",
    "Mission",
    "MissionGateError",
    "Question",
    "Questionnaire",
    "Rule",
    "RuleKind",
    "RuleOutcome",
    "RuleStatus",
    "Verdict",
    "__version__",
    "assess",
    "build_questionnaire",
    "builtin_ids",
    "evaluate",
    "load_builtin",
    "load_catalogue",
    "load_doctrine",
    "load_mission",
    "load_registry",
    "mission_from_data",
    "report_data",
    "save_mission",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'missiongate' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


if TYPE_CHECKING:
    from missiongate.catalogue import Catalogue, Fact, FactType, load_catalogue
    from missiongate.doctrine import (
        Doctrine,
        DoctrineRegistry,
        Rule,
        RuleKind,
        builtin_ids,
        load_builtin,
        load_doctrine,
        load_registry,
    )
    from missiongate.errors import MissionGateError
    from missiongate.evaluator import Assessment, RuleOutcome, RuleStatus, Verdict, evaluate
    from missiongate.mission import (
        Evidence,
        FactRecord,
        FactStatus,
        Mission,
        load_mission,
        mission_from_data,
        save_mission,
    )
    from missiongate.questionnaire import Question, Questionnaire, build_questionnaire
    from missiongate.report import assess, report_data
