"""Schemathesis against the published OpenAPI schema: for every operation, generated requests (valid ones and
invalid ones) get no server error, and every answer conforms to the schema (status, content type, body).
Small and derandomised, so that it runs in seconds and fails the same way twice."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.generation.modes import GenerationMode

from .conftest import API


@pytest.fixture
def api_schema(bank, settings):
    # Hundreds of requests in a few seconds: the rate limit would answer most of them with 429.
    settings.API_RATE_LIMIT = 1_000_000
    # The real WSGI handler closes the database connection after each request, and with it the test's
    # transaction; Django's test client keeps it open the same way.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi(f"{API}/openapi.json", get_wsgi_application())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


# Schemathesis' own pytest loader (schemathesis.pytest.from_fixture) does not run under pytest 9: each
# operation's Hypothesis strategy is run here instead, valid requests and invalid ones.
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_api_conforms_to_its_schema(api_schema, mode):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) == 9
    for operation in operations:
        if mode == GenerationMode.NEGATIVE and not any(operation.iter_parameters()):
            continue  # a route without parameters has no invalid request to make

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=25,
            derandomize=True,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def conforms(case):
            case.call_and_validate()

        conforms()
