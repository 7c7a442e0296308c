"""Rendering: the Jinja2 environment, its filters, and page responses with the security headers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import HTMLResponse

import missiongate
from missiongate.catalogue import load_catalogue
from missiongate.services import alerts
from missiongate.services.types import Actor, Role

HERE = Path(__file__).resolve().parent

# Verdict -> (css modifier, glyph, words). The glyph and the words carry the meaning; colour only adds to it.
VERDICTS: dict[str, tuple[str, str, str]] = {
    "DECLINE": ("decline", "✕", "Decline"),
    "WITHDRAW": ("decline", "⇠", "Withdraw"),
    "MINISTERIAL_DECISION": ("clarify", "⚖", "For ministerial decision"),
    "CLARIFICATION_REQUIRED": ("clarify", "?", "Clarification required"),
    "ACCEPTABLE_WITH_CONDITIONS": ("conditions", "◐", "Acceptable with conditions"),
    "ACCEPTABLE": ("acceptable", "✓", "Acceptable"),
    "NOT_COVERED": ("uncovered", "–", "Not covered by the doctrine"),
}
RULE_STATUS: dict[str, tuple[str, str]] = {
    "satisfied": ("✓", "satisfied"),
    "violated": ("✕", "violated"),
    "undetermined": ("?", "undetermined"),
    "not_applicable": ("–", "not applicable"),
}
CASE_STATUS = {
    "open": "Open",
    "awaiting_answers": "Awaiting answers",
    "decided": "Decided",
    "closed": "Closed",
}
# The same words as the decision brief and the note (documents/context.py); tests/web keep them equal.
POSITIONS = {
    "no_consent_given": "No consent given",
    "considering": "Under consideration",
    "consent_given": "Consent given",
    "declined": "Declined",
}
DECISIONS = {
    "decline": "Decline participation",
    "seek_clarification": "Seek clarification before deciding",
    "participate_with_conditions": "Participate on the stated conditions",
    "participate": "Participate",
}
# Strict by default: every script and style is a file of ours, nothing inline, nothing framed.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


def _when(value: dt.datetime | dt.date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M UTC")
    return value.isoformat()


def fact_label(fact_id: str) -> str:
    """A fact as analysts read it (its catalogue label); an id the catalogue lost stays as it is."""
    fact = load_catalogue().by_id.get(fact_id)
    return fact.label if fact else fact_id


def _verdict(value: str | None) -> tuple[str, str, str]:
    return VERDICTS.get(value or "", ("none", "·", "Not assessed"))


templates = Jinja2Templates(directory=str(HERE / "templates"))
templates.env.filters.update(
    when=_when,
    verdict=_verdict,
    rule_status=lambda s: RULE_STATUS.get(s, ("·", s)),
    case_status=lambda s: CASE_STATUS.get(s, s),
    position=lambda s: POSITIONS.get(s, s),
    decision=lambda s: DECISIONS.get(s, s),
    fact_label=fact_label,
)


def _can(actor: Actor | None, role: str) -> bool:
    return actor is not None and actor.role.at_least(Role(role))


templates.env.globals.update(
    can=_can,
    VERDICTS=VERDICTS,
    CASE_STATUS=CASE_STATUS,
    POSITIONS=POSITIONS,
    DECISIONS=DECISIONS,
    version=missiongate.__version__,
)
templates.env.auto_reload = False  # templates ship with the package; no stat per render
templates.env.trim_blocks = True
templates.env.lstrip_blocks = True


def is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A full page or fragment, with the caller (if logged in) and CSRF token available to the template."""
    principal = getattr(request.state, "principal", None)
    context.update(
        principal=principal,
        actor=principal.actor if principal else None,
        csrf=(principal.csrf_token or "") if principal else "",
    )
    case = context.get("case")
    if case is not None and principal is not None and not Path(template).name.startswith("_"):
        # Every case page's header shows the withdrawal alerts no one has acknowledged yet.
        context["open_alerts"] = alerts.open_alerts(request.app.state.workspace, principal.actor, case.id)
    response = templates.TemplateResponse(request, template, context, status_code=status)
    response.headers.update(SECURITY_HEADERS)
    response.headers["Vary"] = "Cookie, HX-Request, HX-Target"
    return response
