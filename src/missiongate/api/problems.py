"""How error answers look in the OpenAPI schema. The mapping itself is `missiongate.server.errors`."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from pydantic import BaseModel, ConfigDict

from missiongate.server.errors import PROBLEM_TYPE


class Problem(BaseModel):
    """An RFC 9457 problem document, as published in the OpenAPI schema."""

    model_config = ConfigDict(extra="allow")
    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None


# Documented on every operation, so clients (and schemathesis) know the shape of error answers.
PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": Problem, "content": {PROBLEM_TYPE: {}}, "description": HTTPStatus(status).phrase}
    for status in (400, 401, 403, 404, 409, 413, 415, 422, 428)
}


# For the operations that can refuse a caller for a while (the login throttle).
TOO_MANY_REQUESTS: dict[int | str, dict[str, Any]] = {
    429: {
        "model": Problem,
        "content": {PROBLEM_TYPE: {}},
        "description": HTTPStatus(429).phrase,
        "headers": {
            "Retry-After": {
                "description": "seconds to wait before trying again",
                "schema": {"type": "integer"},
            }
        },
    }
}
