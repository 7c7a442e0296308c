"""MissionGate: decision support for governments asked to contribute forces to international missions.

The public core API. Faces (CLI, API, web) call these and nothing below them.
"""

from missiongate.catalogue import Catalogue, Fact, FactType, load_catalogue
from missiongate.doctrine import Doctrine, Rule, RuleKind, builtin_ids, load_builtin, load_doctrine
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

__version__ = "0.1.0"

__all__ = [
    "Assessment",
    "Catalogue",
    "Doctrine",
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
    "mission_from_data",
    "report_data",
    "save_mission",
]
