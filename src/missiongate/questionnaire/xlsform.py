"""The questionnaire as an XLSForm workbook (survey / choices / settings) for ODK or KoboToolbox.

Field names are fact ids with dots turned into double underscores, because XLSForm names must be valid
XML names without dots in many tools; `fact_id_from_field` reverses the mapping when answers come back.
"""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook

from missiongate.catalogue import Fact, FactType
from missiongate.inputs import without_controls
from missiongate.questionnaire.build import Questionnaire
from missiongate.yamlio import write_atomic

_YES_NO = "yes_no"


def field_name(fact_id: str) -> str:
    return fact_id.replace(".", "__")


def fact_id_from_field(name: str) -> str:
    # Exports may prefix group paths ("mandate/mandate__authority") and vary separators.
    return name.rsplit("/", 1)[-1].rsplit("-", 1)[-1].replace("__", ".")


def _question_type(fact: Fact) -> str:
    match fact.type:
        case FactType.BOOL:
            return f"select_one {_YES_NO}"
        case FactType.ENUM | FactType.ORDERED_ENUM:
            return f"select_one {field_name(fact.id)}"
        case FactType.SET:
            return f"select_multiple {field_name(fact.id)}"
        case FactType.INTEGER:
            return "integer"
        case FactType.DATE:
            return "date"
    return "text"


def build_workbook(questionnaire: Questionnaire, form_version: str = "1") -> Workbook:
    workbook = Workbook()
    survey = workbook.active
    survey.title = "survey"
    survey.append(["type", "name", "label", "hint", "required"])
    choices = workbook.create_sheet("choices")
    choices.append(["list_name", "name", "label"])
    choices.append([_YES_NO, "yes", "Yes"])
    choices.append([_YES_NO, "no", "No"])
    for index, (theme, questions) in enumerate(questionnaire.groups(), start=1):
        group = f"theme_{index}"
        survey.append(["begin_group", group, theme, "", ""])
        for q in questions:
            label = f"{q.number}. {q.text}"
            survey.append([_question_type(q.fact), field_name(q.fact.id), label, q.fact.help, "no"])
            for choice in q.fact.values:
                choices.append([field_name(q.fact.id), choice.id, choice.label])
        survey.append(["end_group", group, "", "", ""])
    settings = workbook.create_sheet("settings")
    settings.append(["form_title", "form_id", "version"])
    # The mission's id and title come from stored cases, which may hold characters XLSX cannot.
    mission_id = without_controls(questionnaire.mission_id or "inquiry")
    form_id = f"missiongate_{mission_id}".replace("-", "_").replace(".", "_")
    title = without_controls(
        f"Clarification questionnaire: {questionnaire.mission_title or 'proposed operation'}"
    )
    settings.append([title, form_id, form_version])
    return workbook


def xlsform_bytes(questionnaire: Questionnaire) -> bytes:
    buffer = io.BytesIO()
    build_workbook(questionnaire).save(buffer)
    return buffer.getvalue()


def write_xlsform(questionnaire: Questionnaire, path: str | Path) -> None:
    write_atomic(path, xlsform_bytes(questionnaire))
