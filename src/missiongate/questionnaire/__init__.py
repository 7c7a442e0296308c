"""The clarification questionnaire: generation, relevance, output formats and answers."""

from missiongate.questionnaire.build import Question, Questionnaire, build_questionnaire
from missiongate.questionnaire.relevance import relevant_facts

__all__ = ["Question", "Questionnaire", "build_questionnaire", "relevant_facts"]
