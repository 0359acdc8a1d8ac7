"""Property-based run of the OpenAPI schema (schemathesis): generated requests to every
operation on the seeded database; no 5xx, and every response conforms to the schema it claims."""
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from app.api.main import create_app
from app.config import Settings


@pytest.fixture(scope="module")
def api_schema(seeded_db):
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(Settings(database_url=seeded_db)))


def test_every_operation_conforms_to_its_schema(api_schema):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 20
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None,
                  derandomize=True)
        def check(case):
            # An opaque cursor cannot be described by a schema: a made-up one is rightly a 422.
            case.call_and_validate(excluded_checks=[positive_data_acceptance])

        check()
