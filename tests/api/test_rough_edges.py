"""What a new user ran into: filters that matched nothing for the wrong case, name search inside
words, conflicting filters ignored, formats ignored, unbounded unit-less amount filters, a search
that could not be paged."""
import pytest

from tests.api.test_api import walk


# ----------------------------------------------------------------------------- values and facets
@pytest.mark.parametrize("resource, parameter, written, canonical", [
    ("claims", "unit", "usd", "USD"), ("claims", "unit", "Krw", "KRW"), ("claims", "topic", "ai", "AI"),
    ("organizations", "kind", "RESEARCH", "research"), ("roles", "title", "Ceo", "ceo"),
])
def test_filter_values_match_in_any_case(client, resource, parameter, written, canonical):
    expected = walk(client, resource, **{parameter: canonical})
    assert expected and walk(client, resource, **{parameter: written}) == expected


def test_facets_list_the_values_filters_take_with_counts(client):
    facets = client.get("/api/v1/facets").json()
    assert set(facets) == {"topics", "units", "claim_types", "organization_kinds", "role_titles"}
    claims = walk(client, "claims", limit=100)
    for facet, parameter, resource in [("topics", "topic", "claims"), ("units", "unit", "claims"),
                                       ("organization_kinds", "kind", "organizations"), ("role_titles", "title", "roles")]:
        values = facets[facet]
        assert values, facet
        counts = [v["count"] for v in values]
        assert counts == sorted(counts, reverse=True)
        top = values[0]
        assert len(walk(client, resource, limit=100, **{parameter: top["value"]})) == top["count"], (facet, top)
    by_type = {v["value"]: v["count"] for v in facets["claim_types"]}
    assert sum(by_type.values()) == len(claims)
    assert all(by_type[c["type"]] for c in claims)
    assert len(client.get("/api/v1/facets", params={"limit": 1}).json()["topics"]) == 1


# ----------------------------------------------------------------------------- name search
@pytest.mark.parametrize("q", ["LG", "un", "ung"])
def test_person_search_does_not_match_inside_words(client, q):
    for person in walk(client, "people", q=q):
        words = " ".join([person["name"], *person["aliases"]]).lower().replace("-", " ").split()
        assert any(w.startswith(q.lower()) for w in words), (q, person)


@pytest.mark.parametrize("q", ["Sunmin Bae", "bae sun-min", "Soon-min", "bae"])
def test_person_search_by_word_starts_in_any_order(client, q):
    names = [p["name"] for p in walk(client, "people", q=q)]
    assert "Bae Soon-min" in names, q


def test_organization_search_by_word_starts(client):
    names = [o["name"] for o in walk(client, "organizations", q="LG")]
    assert names and all(n.startswith("LG") or " LG" in n for n in names)
    assert walk(client, "organizations", q="niversity") == []


# ----------------------------------------------------------------------------- conflicts and formats
@pytest.mark.parametrize("path, parameter", [
    ("people/{person}/quotes", "speaker_id"), ("people/{person}/claims", "claimant_id"),
    ("people/{person}/quotes", "speaker_organization_id"), ("people/{person}/claims", "claimant_organization_id"),
])
def test_a_filter_that_contradicts_the_path_is_a_422(client, path, parameter):
    person = walk(client, "people", q="kim hyun-seok")[0]["id"]
    url = "/api/v1/" + path.format(person=person)
    response = client.get(url, params={parameter: person + 1})
    assert response.status_code == 422 and parameter in response.json()["detail"]
    if not parameter.endswith("organization_id"):  # naming the path's own person again is fine
        assert client.get(url, params={parameter: person}).status_code == 200


@pytest.mark.parametrize("path", ["/api/v1/people/1", "/api/v1/quotes/1", "/api/v1/claims/1", "/api/v1/roles/1",
                                  "/api/v1/organizations/1", "/api/v1/articles/1", "/api/v1/search?q=ai",
                                  "/api/v1/facets"])
@pytest.mark.parametrize("fmt", ["csv", "ndjson"])
def test_format_on_a_route_that_only_answers_json_is_a_422(client, path, fmt):
    path, _, query = path.partition("?")
    params = dict(p.split("=") for p in query.split("&") if p)
    response = client.get(path, params={**params, "format": fmt})
    assert response.status_code == 422 and "format" in response.json()["detail"]
    assert client.get(path, params={**params, "format": "json"}).status_code == 200


# ----------------------------------------------------------------------------- amounts
@pytest.mark.parametrize("params", [{"min_value": 1}, {"max_value": 100}, {"min_value": 1, "type": "investment"}])
def test_amount_filters_need_a_unit(client, params):
    response = client.get("/api/v1/claims", params=params)
    assert response.status_code == 422 and "unit" in response.json()["detail"]


# ----------------------------------------------------------------------------- search pages
@pytest.mark.parametrize("q", ["ai", "korea"])
def test_search_walks_every_result_once(client, q):
    whole = client.get("/api/v1/search", params={"q": q, "limit": 100}).json()
    assert whole["next_cursor"] is None
    seen = {kind: [] for kind in ("people", "organizations", "quotes", "claims")}
    cursor, pages = None, 0
    while True:
        page = client.get("/api/v1/search", params={"q": q, "limit": 2, **({"cursor": cursor} if cursor else {})})
        assert page.status_code == 200
        body = page.json()
        pages += 1
        for kind in seen:
            assert len(body[kind]) <= 2
            seen[kind] += [item["id"] for item in body[kind]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert pages > 1
    assert seen == {kind: [item["id"] for item in whole[kind]] for kind in seen}
