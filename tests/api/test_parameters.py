"""Parameters taken at their word: a nested list refuses a query parameter that names another
resource than its path, fixed values and titles match as the extractor writes them, a role counts
in a year only where dates support it, cursors belong to their list and order, facets keep their
limit, amounts are finite numbers, and the OpenAPI document describes what POST takes."""
import base64
import json
from datetime import date

import pytest
from fastapi.testclient import TestClient

from app.api.main import create_app
from app.config import Settings
from tests.api.test_api import walk


def _first(client, resource: str) -> dict:
    return client.get(f"/api/v1/{resource}", params={"limit": 1}).json()["items"][0]


# ----------------------------------------------------------------------------- path and query
@pytest.mark.parametrize("path, parameter", [
    ("/api/v1/articles/{article}/quotes", "article_id"), ("/api/v1/articles/{article}/claims", "article_id"),
    ("/api/v1/people/{person}/roles", "person_id"), ("/api/v1/organizations/{organization}/people", "organization_id"),
])
def test_a_nested_list_refuses_a_query_parameter_naming_another_resource(client, path, parameter):
    ids = {"article": _first(client, "articles")["id"], "person": _first(client, "roles")["person"]["id"],
           "organization": _first(client, "organizations")["id"]}
    url = path.format(**ids)
    own = next(value for name, value in ids.items() if f"{{{name}}}" in path)
    other = own + 1
    refused = client.get(url, params={parameter: other})
    assert refused.status_code == 422, refused.text
    assert parameter in refused.json()["detail"]
    assert client.get(url, params={parameter: own}).status_code == 200  # the path's own id is no conflict
    assert client.get(url, params={parameter: other, "format": "csv"}).status_code == 422


# ----------------------------------------------------------------------------- values in any case
@pytest.mark.parametrize("resource, parameter, written, canonical", [
    ("quotes", "kind", "DIRECT", "direct"), ("quotes", "kind", "Indirect", "indirect"),
    ("claims", "type", "INVESTMENT", "investment"), ("roles", "status", "Former", "former"),
    ("roles", "status", "CURRENT", "current"),
])
def test_fixed_values_match_in_any_case(client, resource, parameter, written, canonical):
    expected = walk(client, resource, limit=100, **{parameter: canonical})
    assert expected and walk(client, resource, limit=100, **{parameter: written}) == expected


@pytest.mark.parametrize("title, stored", [
    ("chief executive officer", "ceo"), ("Chief Executive", "ceo"), ("chairwoman", "chairman"),
    ("chair", "chairman"), ("Chairperson", "chairman"),
])
def test_a_title_filter_is_normalised_as_titles_are(client, title, stored):
    expected = walk(client, "roles", limit=100, title=stored)
    assert expected, stored
    assert walk(client, "roles", limit=100, title=title) == expected


def test_unknown_fixed_values_are_still_refused(client):
    for resource, parameter in (("quotes", "kind"), ("claims", "type"), ("roles", "status")):
        assert client.get(f"/api/v1/{resource}", params={parameter: "sideways"}).status_code == 422


# ----------------------------------------------------------------------------- amounts, facets
@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-inf", "Infinity"])
def test_amount_filters_take_finite_numbers_only(client, value):
    for parameter in ("min_value", "max_value"):
        response = client.get("/api/v1/claims", params={"unit": "USD", parameter: value})
        assert response.status_code == 422, (parameter, value, response.text)


def test_facets_limit_every_facet_claim_types_too(client):
    facets = client.get("/api/v1/facets", params={"limit": 2}).json()
    assert all(len(values) <= 2 for values in facets.values()), facets
    assert len(facets["claim_types"]) == 2
    everything = client.get("/api/v1/facets").json()["claim_types"]
    assert facets["claim_types"] == everything[:2]


# ----------------------------------------------------------------------------- cursors
def _cursor_of(client, path: str, **params) -> str:
    cursor = client.get(path, params={"limit": 1, **params}).json()["next_cursor"]
    assert cursor
    return cursor


def _with(cursor: str, **changes) -> str:
    value = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    value.update(changes)
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


def test_a_cursor_belongs_to_its_list_and_order(client):
    quotes = _cursor_of(client, "/api/v1/quotes")
    assert client.get("/api/v1/quotes", params={"cursor": quotes}).status_code == 200
    refused = client.get("/api/v1/claims", params={"cursor": quotes})
    assert refused.status_code == 422 and "another list" in refused.json()["detail"]
    refused = client.get("/api/v1/quotes", params={"cursor": quotes, "sort": "-id"})
    assert refused.status_code == 422 and "sort" in refused.json()["detail"]
    descending = _cursor_of(client, "/api/v1/quotes", sort="-id")
    assert client.get("/api/v1/quotes", params={"cursor": descending, "sort": "-id"}).status_code == 200
    assert client.get("/api/v1/quotes", params={"cursor": descending}).status_code == 422
    # a person's quotes walk quotes: their cursor walks the whole list too, in the same order
    assert client.get("/api/v1/quotes", params={"cursor": quotes, "format": "csv"}).status_code == 200
    assert client.get("/api/v1/claims", params={"cursor": quotes, "format": "ndjson"}).status_code == 422


def test_a_cursor_with_extra_or_missing_keys_is_refused(client):
    cursor = _cursor_of(client, "/api/v1/quotes")
    for crafted in (_with(cursor, x=1), _with(cursor, after=5, extra=[1])):
        assert client.get("/api/v1/quotes", params={"cursor": crafted}).status_code == 422
    bare = base64.urlsafe_b64encode(json.dumps({"after": 5}).encode()).decode().rstrip("=")
    assert client.get("/api/v1/quotes", params={"cursor": bare}).status_code == 422
    search = client.get("/api/v1/search", params={"q": "ai", "limit": 1}).json()["next_cursor"]
    assert search and client.get("/api/v1/search", params={"q": "ai", "cursor": _with(search, x=1)}).status_code == 422


# ----------------------------------------------------------------------------- roles by year
@pytest.fixture
def roles_db(migrated_db, tmp_path):
    """Three made-up roles: one whose only date is an end ('through 2030'), one current since
    2019 reported by an article of 2024, one with no dates reported as current in 2023."""
    from tests.conftest import load_paths

    folder = tmp_path / "in"
    folder.mkdir()
    stories = {
        "a.md": ("2024-05-02", "Harbour board sets a long plan",
                 "Harbour board chairman Ravi Menon, who has led the board since 2019, said on Monday that "
                 "the board would keep its current rates through 2030 under a plan agreed with shippers."),
        "b.md": ("2023-09-14", "Clinic opens in the valley",
                 "Valley Health Trust chief executive Nora Quist said on Thursday that the new clinic will "
                 "open in the spring and will employ forty nurses and twelve doctors."),
        "c.md": ("2022-01-10", "Ferry line names a director",
                 "The ferry line named Omar Haddad as its director until 2030, the company said on Monday "
                 "in a statement about the new timetable for the summer season."),
    }
    for name, (published, title, body) in stories.items():
        (folder / name).write_text(f"---\ntitle: {title}\npublished_at: {published}\n---\n\n{body}\n", encoding="utf-8")
    assert load_paths(migrated_db, folder) == 0
    with TestClient(create_app(Settings(database_url=migrated_db))) as http:
        yield http


def test_a_role_counts_in_a_year_only_where_dates_support_it(roles_db):
    everyone = {r["person"]["name"]: r for r in walk(roles_db, "roles", limit=100)}
    assert {"Ravi Menon", "Nora Quist"} <= set(everyone), everyone

    def held(year: int) -> set[str]:
        return {r["person"]["name"] for r in walk(roles_db, "roles", limit=100, year=year)}

    assert held(1900) == set()  # no role reaches back before everything its dates say
    ends_only = [r for r in everyone.values() if r["end"] and not r["start"]]
    assert ends_only and all(r["person"]["name"] not in held(2000) for r in ends_only)
    menon = everyone["Ravi Menon"]
    assert menon["start"]["year"] == 2019
    assert "Ravi Menon" in held(2019) and "Ravi Menon" in held(2021) and "Ravi Menon" in held(2024)
    assert "Ravi Menon" not in held(2018)
    assert "Nora Quist" in held(2023)  # no dates: the article of 2023 reports it current
    assert "Nora Quist" not in held(2022) and "Nora Quist" not in held(2025)
    assert date.fromisoformat("2023-09-14").year == 2023


# ----------------------------------------------------------------------------- the OpenAPI document
def test_post_articles_documents_its_request_body(client):
    operation = client.get("/openapi.json").json()["paths"]["/api/v1/articles"]["post"]
    body = operation["requestBody"]
    assert body["required"] is True
    assert {"text/plain", "text/markdown", "text/html", "application/json", "application/x-ndjson"} <= set(body["content"])
    assert body["content"]["application/json"]["example"]["text"]


def test_cursor_examples_are_cursors_of_their_own_list(client):
    spec = client.get("/openapi.json").json()
    for path, operations in spec["paths"].items():
        for parameter in operations.get("get", {}).get("parameters", []):
            if parameter["name"] == "cursor" and "example" in parameter and parameter["example"]:
                example = parameter["example"]
                response = client.get(path.replace("{person_id}", "1").replace("{article_id}", "1")
                                      .replace("{organization_id}", "1"), params={"cursor": example})
                assert response.status_code in (200, 404), (path, response.text)
