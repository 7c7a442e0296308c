"""From verdict to decision documents: the minister's memo, the note verbale to the requesting party and
the offer letter with its caveats annex, as plain data the renderers (Markdown, HTML/PDF, DOCX) present."""

from missiongate.decision.memo import Memo, Option, build_memo
from missiongate.decision.note import LANGUAGES, Lang, Note, build_note
from missiongate.decision.paths import path_to_yes
from missiongate.decision.triggers import Alert, Trigger, withdrawal_alert, withdrawal_triggers

__all__ = [
    "LANGUAGES",
    "Alert",
    "Lang",
    "Memo",
    "Note",
    "Option",
    "Trigger",
    "build_memo",
    "build_note",
    "path_to_yes",
    "withdrawal_alert",
    "withdrawal_triggers",
]
