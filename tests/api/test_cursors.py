"""Crafted cursors on every list, in every format: a 422 or a page, never a 5xx or a broken stream.
A cursor is opaque to clients, so anything may arrive in its place: other JSON, numbers past any
id (past what the database's integers hold), negative numbers, wrong types, text that is not
base64 at all."""
import base64
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.queries.pagination import MAX_ID, decode_cursor, encode_cursor

LISTS = ["/api/v1/people", "/api/v1/organizations", "/api/v1/roles", "/api/v1/quotes", "/api/v1/claims",
         "/api/v1/articles", "/api/v1/people/1/quotes", "/api/v1/people/1/claims", "/api/v1/people/1/roles",
         "/api/v1/organizations/1/people", "/api/v1/articles/1/quotes", "/api/v1/articles/1/claims",
         "/api/v1/search?q=ai"]
FORMATS = ["json", "csv", "ndjson"]


def wrap(value) -> str:
    """`value` as a cursor is written: JSON, URL-safe base64, no padding."""
    raw = json.dumps(value, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


# past what 32- and 64-bit integers hold, and either side of the largest id
edges = st.sampled_from([2**31 - 1, 2**31, 2**63 - 1, 2**63, 2**64, 10**30, -1, -(2**63) - 1])
numbers = edges | st.integers(min_value=-(2**80), max_value=2**80) | st.floats(allow_nan=False) | st.booleans()
json_values = st.recursive(
    st.none() | numbers | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)
cursors = (
    st.builds(lambda v: wrap({"after": v}), numbers | st.text(max_size=8) | st.none() | st.lists(numbers, max_size=2))
    | st.builds(wrap, json_values)
    | st.builds(lambda v: wrap({"offset": v}), numbers)
    | st.text(max_size=40)
)


def get(client, path: str, **params):
    path, _, query = path.partition("?")
    return client.get(path, params={**dict(p.split("=") for p in query.split("&") if p), **params})


def _check(response, path, cursor):
    assert response.status_code in (200, 422), (path, cursor, response.status_code, response.text[:300])
    if response.status_code == 422:
        assert response.headers["content-type"].startswith("application/problem+json")


@pytest.mark.parametrize("cursor", [wrap({"after": 99999999999999999999999}), wrap({"after": MAX_ID + 1}),
                                    wrap({"after": -1}), wrap({"after": "5"}), wrap({"after": True}),
                                    wrap({"after": 1.5}), wrap([1]), wrap("after"), "%%%", "e30"])
def test_crafted_cursors_are_refused_everywhere(client, cursor):
    for path in LISTS:
        for fmt in FORMATS:
            response = get(client, path, cursor=cursor, format=fmt)
            if path.startswith("/api/v1/search") and fmt != "json":
                continue  # search answers JSON only (checked in test_http)
            assert response.status_code == 422, (path, fmt, cursor, response.text[:300])
            assert "cursor" in response.json()["detail"]


@given(cursor=cursors)
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), database=None, derandomize=True)
def test_no_cursor_gives_a_server_error(client, cursor):
    for path in LISTS:
        for fmt in FORMATS:
            _check(get(client, path, cursor=cursor, format=fmt), path, cursor)


def test_the_largest_id_is_still_a_cursor():
    assert decode_cursor(encode_cursor(MAX_ID, "people"), "people") == MAX_ID
