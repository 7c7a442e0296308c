"""The API's routers, in the order they are mounted under /api."""

from fastapi import APIRouter

from missiongate.api.routers import (
    alerts,
    audit,
    auth,
    cases,
    claims,
    conditions,
    decision_documents,
    decisions,
    documents,
    exports,
    paths,
    questionnaires,
    system,
    users,
)

ROUTERS: tuple[APIRouter, ...] = (
    system.router,
    auth.router,
    users.router,
    cases.router,
    documents.router,
    questionnaires.router,
    decisions.router,
    conditions.router,
    decision_documents.router,
    paths.router,
    alerts.router,
    claims.router,
    exports.router,
    audit.router,
)
