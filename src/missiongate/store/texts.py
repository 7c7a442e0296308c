"""Text the store refuses, whichever face wrote it (API, pages, commands, imported files).

Every column that keeps text a person typed or sent is marked in `models.py` with `line(label)` (one line:
titles, names, recipients) or `lines(label)` (notes, statements, fact records as JSON). Before each flush,
the values a row is given are checked (`inputs.text_problem`); a refusal is a `MissionGateError` naming
the field, so the write rolls back whole and each face answers it as bad input (API 422, page 422, exit 2).
Only new values are checked: a record stored before the rule can still be read, exported and changed.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from missiongate.errors import MissionGateError
from missiongate.inputs import text_problem

ONE_LINE, MULTI_LINE = "line", "lines"


def line(label: str) -> dict[str, str]:
    """Column info of one-line text; `label` names it in the refusal (may say "{row.attr}")."""
    return {"text": ONE_LINE, "label": label}


def lines(label: str, *, keys: tuple[str, ...] = ()) -> dict[str, Any]:
    """Column info of multi-line text (tabs and line breaks allowed), or JSON whose strings are text; with
    `keys`, of a JSON object only those entries (the rest is derived, such as a document's quoted text)."""
    return {"text": MULTI_LINE, "label": label, "keys": keys}


@event.listens_for(Session, "before_flush")
def _refuse_bad_text(session: Session, _context: Any, _instances: Any) -> None:
    for row in session.new:
        check_row(row, new=True)
    for row in session.dirty:
        check_row(row, new=False)


def check_row(row: object, *, new: bool) -> None:
    """Raise MissionGateError when a marked column of `row` is given text the store refuses."""
    state = inspect(row)
    for prop in state.mapper.column_attrs:
        info = prop.columns[0].info
        kind = info.get("text")
        if kind is None:
            continue
        attribute = state.attrs[prop.key]
        values = [attribute.value] if new else attribute.history.added
        for value in values:
            if info.get("keys") and isinstance(value, dict):
                value = {key: value.get(key) for key in info["keys"]}
            problem = text_problem(value, one_line=kind == ONE_LINE)
            if problem is not None:
                raise MissionGateError(f"{info['label'].format(row=row)}: {problem}")
