"""Users through the services: the administrators' safeguard runs inside every change of role or status."""

from __future__ import annotations

import pytest

from missiongate.errors import MissionGateError, NotFoundError
from missiongate.services import Workspace, accounts
from missiongate.store.accounts import Actor
from missiongate.store.models import Role


def test_create_generates_a_password_only_when_none_is_given(
    ws: Workspace, actors: dict[Role, Actor]
) -> None:
    admin = actors[Role.ADMIN]
    generated = accounts.create_user(ws, admin, "clerk", Role.VIEWER)
    assert generated.password and generated.user.role == "viewer"
    chosen = accounts.create_user(ws, admin, "clerk2", Role.ANALYST, password="a long chosen passphrase 7")
    assert chosen.password is None


def test_the_last_administrator_cannot_be_demoted_or_deactivated(
    ws: Workspace, actors: dict[Role, Actor]
) -> None:
    admin = actors[Role.ADMIN]
    with pytest.raises(MissionGateError):
        accounts.update_user(ws, admin, admin.id, role=Role.VIEWER)
    with pytest.raises(MissionGateError):
        accounts.update_user(ws, admin, admin.id, active=False)
    changed = accounts.update_user(ws, admin, actors[Role.VIEWER].id, role=Role.ANALYST, display_name="V")
    assert (changed.role, changed.display_name) == ("analyst", "V")


def test_password_reset_and_tokens(ws: Workspace, actors: dict[Role, Actor]) -> None:
    admin, analyst = actors[Role.ADMIN], actors[Role.ANALYST]
    assert accounts.reset_password(ws, admin, analyst.id)
    with pytest.raises(MissionGateError):
        accounts.reset_password(ws, admin, admin.id)  # one's own: on the account page, with the current one
    token, raw = accounts.issue_token(ws, admin, analyst.id, "service", expires_in_days=30)
    assert raw.startswith(token.prefix) and token.expires_at is not None
    accounts.revoke_token(ws, admin, analyst.id, token.id)
    with pytest.raises(NotFoundError):
        accounts.revoke_token(ws, admin, admin.id, token.id)
