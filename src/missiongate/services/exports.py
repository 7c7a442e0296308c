"""Documents made from the records: a kept questionnaire version as a diplomatic note (DOCX or PDF), and
the decision brief of a recorded assessment (PDF); the same bytes for the API and the pages."""

from __future__ import annotations

from dataclasses import dataclass

from missiongate.errors import MissionGateError
from missiongate.services.queries import Names
from missiongate.services.workspace import Workspace
from missiongate.store.accounts import Actor

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"
NOTE_KINDS = {"docx": DOCX, "pdf": PDF}


@dataclass(frozen=True)
class Export:
    data: bytes
    media_type: str
    filename: str


def note(ws: Workspace, actor: Actor, case_id: int, number: int, kind: str) -> Export:
    """Questionnaire version `number` as the note verbale (`kind` "docx" or "pdf"): its questions as sent,
    our conditions stated as conditions, in the same form as the note of the decision documents."""
    # Rendering pulls in python-docx and WeasyPrint: imported when a document is asked for.
    from missiongate.documents import note_docx, note_for, render_pdf

    if kind not in NOTE_KINDS:
        raise MissionGateError(f"the note is available as docx or pdf, not {kind!r}")
    with ws.db.read() as session:
        context = note_for(
            session, actor, case_id, number, doctrines=ws.doctrines, ministry=ws.settings.chosen_sender
        )
    templates = ws.settings.templates_dir
    data = note_docx(context, templates) if kind == "docx" else render_pdf("note.html", context, templates)
    return Export(data, NOTE_KINDS[kind], f"note-case-{case_id}-q{number}.{kind}")


def brief(ws: Workspace, actor: Actor, case_id: int, assessment_id: int) -> Export:
    """The decision brief of one recorded assessment, with its sign-off and the latest position."""
    from missiongate.documents import brief_for, render_pdf

    with ws.db.read() as session:
        context = brief_for(
            session, actor, case_id, assessment_id, names=Names(session), sender=ws.settings.sender
        )
    data = render_pdf("brief.html", context, ws.settings.templates_dir)
    return Export(data, PDF, f"brief-case-{case_id}-a{assessment_id}.pdf")
