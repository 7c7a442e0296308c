"""The page routers, in the order they are mounted."""

from fastapi import APIRouter

from missiongate.web.routes import (
    account,
    admin,
    cases,
    claims,
    decision_documents,
    doctrines,
    documents,
    facts,
    paths,
    questionnaire,
    session,
)

ROUTERS: tuple[APIRouter, ...] = (
    session.router,
    cases.router,
    facts.router,
    documents.router,
    questionnaire.router,
    paths.router,
    decision_documents.router,
    claims.router,
    doctrines.router,
    account.router,
    admin.router,
)
