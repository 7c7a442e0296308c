"""Fuzz every operation from the API's own OpenAPI schema: no 500, and a problem document for every error."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings

from missiongate.store.models import Role

PROBLEM = "application/problem+json"
EXAMPLES_PER_OPERATION = 25  # about 50 operations x 2 backends: about a minute in all


@pytest.mark.slow
def test_no_server_errors(
    client: TestClient, tokens: dict[Role, dict[str, str]], example_case: dict[str, Any]
) -> None:
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", client.app)
    # Admin reaches every operation; If-Match "*" lets writes go past the precondition check.
    headers = {**tokens[Role.ADMIN], "If-Match": "*"}
    failures: list[str] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 40

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def fuzz(case: Any) -> None:
            response = case.call(headers=headers)
            where = f"{case.method} {case.formatted_path} -> {response.status_code}"
            if response.status_code >= 500:
                failures.append(f"{where}: {response.text[:300]}")
            elif response.status_code >= 400 and response.headers.get("content-type") != [PROBLEM]:
                failures.append(f"{where}: not a problem document")

        fuzz()
    assert not failures, "\n".join(failures[:20])
