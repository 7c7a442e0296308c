"""The page routers, in the order they are mounted."""

from fastapi import APIRouter

from missiongate.web.routes import (
    account,
    admin,
    cases,
    claims,
    conditions,
    decision_documents,
    doctrines,
    documents,
    facts,
    paths,
    questionnaire,
    session,
    watch,
)

ROUTERS: tuple[APIRouter, ...] = (
    session.router,
    cases.router,
    facts.router,
    documents.router,
    questionnaire.router,
    paths.router,
    conditions.router,
    decision_documents.router,
    claims.router,
    watch.router,
    doctrines.router,
    account.router,
    admin.router,
)
