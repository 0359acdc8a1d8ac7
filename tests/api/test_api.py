"""The HTTP contract, over the seeds loaded by the real loader into a migrated database."""
import pytest

RESOURCES = ["people", "organizations", "roles", "quotes", "claims", "articles"]


def walk(client, resource: str, limit: int = 7, **params) -> list[dict]:
    items, cursor = [], None
    while True:
        query = {"limit": limit, **params}
        if cursor:
            query["cursor"] = cursor
        page = client.get(f"/api/v1/{resource}", params=query).json()
        items.extend(page["items"])
        cursor = page["next_cursor"]
        if not cursor:
            return items


@pytest.mark.parametrize("resource", RESOURCES)
def test_walking_pages_returns_every_row_once(client, resource):
    small = walk(client, resource, limit=3)
    large = walk(client, resource, limit=100)
    assert small, f"no {resource} served"
    assert [i["id"] for i in small] == [i["id"] for i in large]
    assert len({i["id"] for i in small}) == len(small)


@pytest.mark.parametrize("resource", RESOURCES)
def test_detail_matches_list_item(client, resource):
    first = client.get(f"/api/v1/{resource}", params={"limit": 1}).json()["items"][0]
    detail = client.get(f"/api/v1/{resource}/{first['id']}").json()
    assert {k: detail[k] for k in first} == first


@pytest.mark.parametrize("resource", RESOURCES)
def test_unknown_id_is_a_404_problem(client, resource):
    response = client.get(f"/api/v1/{resource}/999999")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == 404 and body["title"] == "Not Found" and "999999" in body["detail"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/people?limit=0",
        "/api/v1/people?limit=101",
        "/api/v1/people?limit=abc",
        "/api/v1/quotes?cursor=not-a-cursor",
        "/api/v1/quotes?kind=shouted",
        "/api/v1/people/abc",
        "/api/v1/roles?status=retired",
    ],
)
def test_bad_parameters_are_422_problems(client, url):
    response = client.get(url)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["status"] == 422


def test_evidence_points_into_the_article_body(client):
    bodies = {}
    for resource, field in (("quotes", "text"), ("claims", "text"), ("roles", None)):
        for item in walk(client, resource, limit=100):
            article_id = item["article"]["id"]
            if article_id not in bodies:
                bodies[article_id] = client.get(f"/api/v1/articles/{article_id}").json()["body"]
            body = bodies[article_id]
            span = body[item["evidence"]["start"] : item["evidence"]["end"]]
            assert span
            if field == "text" and resource == "quotes" and span != item["text"]:
                # one statement told in passages around its reporting clause: they lie in order in the span
                assert in_order(item["text"].split(), span), (item["text"], span)
            elif field:
                assert span == item[field]
            mention = item.get("speaker_mention")
            if mention:
                assert body[mention["start"] : mention["end"]] == mention["text"]


def in_order(words: list[str], span: str) -> bool:
    at = 0
    for word in words:
        at = span.find(word, at)
        if at < 0:
            return False
        at += len(word)
    return True


def test_people_have_romanization_variants_as_aliases(client):
    people = walk(client, "people", limit=100)
    by_alias = {a: p for p in people for a in [p["name"], *p["aliases"]]}
    assert by_alias["Bae Kyung-hoon"]["id"] == by_alias["Bae Kyung-Hoon"]["id"]
    assert by_alias["Bae Sun-min"]["id"] == by_alias["Bae Soon-min"]["id"]
    assert by_alias["Bae Sun-min"]["id"] != by_alias["Bae Kyung-hoon"]["id"]
    assert all(len(a.split()) >= 2 for p in people for a in p["aliases"])


def test_person_search_forgives_spelling(client):
    for q in ("bae kyunghoon", "Bae Kyung Hoon", "kyung-hoon"):
        names = {p["name"] for p in client.get("/api/v1/people", params={"q": q}).json()["items"]}
        assert any(n.lower().startswith("bae kyung") for n in names), q


def test_quotes_filtered_by_speaker(client):
    people = walk(client, "people", limit=100)
    kim = next(p for p in people if p["name"].startswith("Kim Hyun"))
    quotes = walk(client, "quotes", speaker_id=kim["id"])
    assert len(quotes) >= 10
    assert all(q["speaker"]["id"] == kim["id"] and q["speaker"]["type"] == "person" for q in quotes)


def test_quotes_filtered_by_the_words_of_their_speaker_mention(client):
    every = walk(client, "quotes", limit=100)
    mentioned = [q for q in every if q["speaker_mention"]]
    assert mentioned
    words = mentioned[0]["speaker_mention"]["text"].split()[-1]
    found = walk(client, "quotes", mention=words.upper())
    assert {q["id"] for q in found} == {
        q["id"] for q in mentioned if words.lower() in q["speaker_mention"]["text"].lower()
    }
    # LIKE's wildcards are the user's words, not patterns
    assert walk(client, "quotes", mention="%") == []
    assert walk(client, "quotes", mention="_") == []


def test_claims_filtered_by_type_and_unit(client):
    krw = walk(client, "claims", unit="KRW")
    assert krw and all(any(a["unit"] == "KRW" for a in c["amounts"]) for c in krw)
    investment = walk(client, "claims", type="investment")
    assert investment and all(c["type"] == "investment" for c in investment)


def test_roles_filtered_by_status(client):
    former = walk(client, "roles", status="former")
    assert former and all(r["status"] == "former" for r in former)


def test_article_detail_has_clean_body(client):
    articles = walk(client, "articles")
    assert len(articles) == 7
    for article in articles:
        body = client.get(f"/api/v1/articles/{article['id']}").json()["body"]
        assert "Subscribe now" not in body and "All rights reserved" not in body
        assert article["source_name"].endswith(".txt")


def test_health_and_ready(client):
    assert client.get("/health").json() == {"status": "ok"}
    assert client.get("/ready").json() == {"status": "ok"}


def test_openapi_documents_every_route(client):
    spec = client.get("/openapi.json").json()
    expected = {"/health", "/ready"}
    ids = {"people": "person_id", "organizations": "organization_id", "roles": "role_id",
           "quotes": "quote_id", "claims": "claim_id", "articles": "article_id"}
    for resource, id_name in ids.items():
        expected |= {f"/api/v1/{resource}", f"/api/v1/{resource}/{{{id_name}}}"}
    assert expected <= set(spec["paths"])
    for path, operations in spec["paths"].items():
        for operation in operations.values():
            assert operation.get("description"), path


def test_role_reported_by_several_articles_is_one_role(client):
    roles = walk(client, "roles", limit=100)
    president = [r for r in roles if r["person"]["name"] == "Lee Jae Myung" and r["organization"] is None and r["title_normalized"] == "president"]
    assert len(president) == 1
    articles = {rep["article"]["id"] for rep in president[0]["reports"]}
    assert len(articles) >= 3
    assert president[0]["article"] == president[0]["reports"][0]["article"]


def test_roles_filtered_by_title_and_year(client):
    ceos = walk(client, "roles", title="CEO")
    assert {r["person"]["name"] for r in ceos} == {"Larry Fink", "Jensen Huang"}
    in_2006 = walk(client, "roles", year=2006)
    assert in_2006 and all(r["start"]["year"] <= 2006 for r in in_2006)
    assert any(r["title"] == "senior researcher" and r["period_text"] == "In 2006" for r in in_2006)


def test_claims_filtered_by_topic_value_and_target_year(client):
    ai = walk(client, "claims", topic="AI")
    assert ai and all("AI" in c["topics"] for c in ai)
    big = walk(client, "claims", unit="KRW", min_value=1e13)
    assert big and all(any(a["unit"] == "KRW" and a["value"] >= 1e13 for a in c["amounts"]) for c in big)
    assert walk(client, "claims", unit="KRW", min_value=1e15) == []
    by_2030 = walk(client, "claims", target_year=2030)
    assert by_2030 and all(c["target_year"] == 2030 for c in by_2030)


def _person_id(client, name: str) -> int:
    return next(p["id"] for p in walk(client, "people", limit=100) if p["name"] == name)


def test_person_detail_has_current_roles_and_counts(client):
    person_id = _person_id(client, "Kim Hyun-seok")
    detail = client.get(f"/api/v1/people/{person_id}").json()
    assert detail["counts"]["quotes"] == len(walk(client, "quotes", speaker_id=person_id))
    assert detail["counts"]["claims"] == len(walk(client, "claims", claimant_id=person_id))
    assert detail["counts"]["roles"] >= len(detail["current_roles"]) >= 1
    assert all(r["status"] == "current" for r in detail["current_roles"])


@pytest.mark.parametrize("nested, flat", [
    ("quotes", {"speaker_id"}), ("claims", {"claimant_id"}), ("roles", {"person_id"}),
])
def test_person_nested_lists_match_filtered_lists(client, nested, flat):
    person_id = _person_id(client, "Kim Hyun-seok")
    (key,) = flat
    nested_items = walk(client, f"people/{person_id}/{nested}")
    assert nested_items and nested_items == walk(client, nested, **{key: person_id})


@pytest.mark.parametrize("nested", ["quotes", "claims"])
def test_article_nested_lists(client, nested):
    article_id = walk(client, "articles")[-1]["id"]
    items = walk(client, f"articles/{article_id}/{nested}")
    assert items and all(i["article"]["id"] == article_id for i in items)


def test_organization_people(client):
    orgs = walk(client, "organizations", limit=100)
    lg = next(o for o in orgs if o["name"] == "LG AI Research")
    names = {p["name"] for p in walk(client, f"organizations/{lg['id']}/people")}
    assert "Bae Kyung-hoon" in names


@pytest.mark.parametrize("url", ["/api/v1/people/999999/quotes", "/api/v1/articles/999999/claims",
                                 "/api/v1/organizations/999999/people"])
def test_nested_views_of_unknown_ids_are_404(client, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("resource", RESOURCES)
def test_newest_first_walks_every_row_once(client, resource):
    ascending = [i["id"] for i in walk(client, resource, limit=100)]
    descending = [i["id"] for i in walk(client, resource, limit=3, sort="-id")]
    assert descending == sorted(ascending, reverse=True)


def test_evidence_sentence_on_request(client):
    quotes = walk(client, "quotes", include="sentence", limit=100)
    assert all(in_order(q["text"].split(), q["evidence"]["sentence"]) or q["evidence"]["sentence"] in q["text"]
               for q in quotes)
    plain = client.get("/api/v1/quotes", params={"limit": 1}).json()["items"][0]
    assert "sentence" not in plain["evidence"]


def test_quotes_filtered_by_publication_date(client):
    assert walk(client, "quotes", published_from="1990-01-01") == []  # no seed carries a date
    assert client.get("/api/v1/quotes", params={"published_from": "not-a-date"}).status_code == 422


def test_openapi_describes_and_exemplifies_every_parameter(client):
    spec = client.get("/openapi.json").json()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            assert operation.get("tags"), path
            for parameter in operation.get("parameters", []):
                assert parameter.get("description"), (path, parameter["name"])
                assert "example" in parameter or "examples" in parameter, (path, parameter["name"])
            errors = {code for code in operation["responses"] if code[0] in "45"}
            for code in errors:
                assert "application/problem+json" in operation["responses"][code]["content"], (path, code)
