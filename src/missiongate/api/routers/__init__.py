"""The API's routers, in the order they are mounted under /api."""

from fastapi import APIRouter

from missiongate.api.routers import (
    audit,
    auth,
    cases,
    claims,
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
    decision_documents.router,
    paths.router,
    claims.router,
    exports.router,
    audit.router,
)
