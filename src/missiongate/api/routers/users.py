"""User administration (admin only)."""

from __future__ import annotations

from fastapi import APIRouter, Request

from missiongate.api import present
from missiongate.api.problems import PROBLEM_RESPONSES
from missiongate.api.schemas import (
    RecordId,
    TokenCreate,
    TokenCreated,
    UserCreate,
    UserCreated,
    UserOut,
    UserPatch,
)
from missiongate.server.deps import WS, Admin, bearer_token
from missiongate.services import accounts as service

router = APIRouter(prefix="/users", tags=["users"], responses=PROBLEM_RESPONSES)


@router.get("", response_model=list[UserOut], summary="All users")
def list_users(actor: Admin, ws: WS) -> list[UserOut]:
    return [present.user(u) for u in service.list_users(ws)]


@router.post("", response_model=UserCreated, status_code=201, summary="Create a user")
def create_user(body: UserCreate, actor: Admin, ws: WS) -> UserCreated:
    made = service.create_user(
        ws, actor, body.username, body.role, password=body.password or "", display_name=body.display_name
    )
    return UserCreated(**present.user(made.user).model_dump(), password=made.password)


@router.get("/{user_id}", response_model=UserOut, summary="One user")
def get_user(user_id: RecordId, actor: Admin, ws: WS) -> UserOut:
    return present.user(service.get_user(ws, user_id))


@router.patch("/{user_id}", response_model=UserOut, summary="Change a user's role, name, password or status")
def update_user(user_id: RecordId, body: UserPatch, actor: Admin, ws: WS) -> UserOut:
    user = service.update_user(
        ws,
        actor,
        user_id,
        role=body.role,
        active=body.active,
        display_name=body.display_name,
        password=body.password,
    )
    return present.user(user)


@router.post(
    "/{user_id}/tokens",
    response_model=TokenCreated,
    status_code=201,
    summary="Create an API token for a user (e.g. a service account)",
)
def create_token_for(
    user_id: RecordId, body: TokenCreate, request: Request, actor: Admin, ws: WS
) -> TokenCreated:
    expires_in_days, parent = body.expires_in_days, bearer_token(request)  # made with a token: ends with it
    token, raw = service.issue_token(
        ws, actor, user_id, body.name, expires_in_days=expires_in_days, parent=parent
    )
    return TokenCreated(**present.token(token).model_dump(), token=raw)
