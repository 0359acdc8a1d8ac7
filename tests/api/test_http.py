"""HTTP manners: ETags, cache headers, request ids, CORS."""


def test_etag_and_304(client):
    first = client.get("/api/v1/people", params={"limit": 5})
    etag = first.headers["etag"]
    assert etag.startswith('W/"') and "max-age" in first.headers["cache-control"]
    again = client.get("/api/v1/people", params={"limit": 5}, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    other = client.get("/api/v1/people", params={"limit": 6}, headers={"If-None-Match": etag})
    assert other.status_code == 200


def test_health_is_not_cached(client):
    assert client.get("/health").headers["cache-control"] == "no-store"


def test_request_id_is_echoed_or_made(client):
    assert client.get("/health", headers={"X-Request-ID": "abc-123"}).headers["x-request-id"] == "abc-123"
    assert len(client.get("/health").headers["x-request-id"]) == 32


def test_errors_carry_a_request_id_and_no_etag(client):
    response = client.get("/api/v1/people/999999")
    assert response.status_code == 404 and "x-request-id" in response.headers and "etag" not in response.headers


def test_cors_only_for_configured_origins(seeded_db):
    from fastapi.testclient import TestClient

    from app.api.main import create_app
    from app.config import Settings

    app = create_app(Settings(database_url=seeded_db, cors_origins=["https://news.example"]))
    with TestClient(app) as http:
        allowed = http.get("/health", headers={"Origin": "https://news.example"})
        denied = http.get("/health", headers={"Origin": "https://evil.example"})
    assert allowed.headers["access-control-allow-origin"] == "https://news.example"
    assert "access-control-allow-origin" not in denied.headers


def test_head_answers_as_get_without_a_body(client):
    for path in ("/api/v1/people?limit=3", "/api/v1/quotes/1", "/health", "/api/v1/facets"):
        got, head = client.get(path), client.head(path)
        assert head.status_code == 200 and head.content == b"", path
        for header in ("content-type", "content-length", "etag"):
            assert head.headers.get(header) == got.headers.get(header), (path, header)
    missing = client.head("/api/v1/people/999999")
    assert missing.status_code == 404 and missing.content == b""


def test_if_none_match_star_and_weak_comparison(client):
    assert client.get("/api/v1/people/1", headers={"If-None-Match": "*"}).status_code == 304
    assert client.get("/api/v1/people/999999", headers={"If-None-Match": "*"}).status_code == 404
    etag = client.get("/api/v1/people/1").headers["etag"]
    strong_form = etag.removeprefix("W/")
    assert client.get("/api/v1/people/1", headers={"If-None-Match": f'"other", {strong_form}'}).status_code == 304
    assert client.get("/api/v1/people/1", headers={"If-None-Match": '"other"'}).status_code == 200


def test_pages_that_bring_their_etag_and_pages_hashed_here_answer_alike(client):
    # /api/v1/people/1 is rendered with its own ETag (ModelJSON); /openapi.json is hashed by the
    # middleware after its body is held back. Both: the same headers, 304 on a match, no body.
    for path in ("/api/v1/people/1", "/openapi.json"):
        first = client.get(path)
        etag = first.headers["etag"]
        assert etag.startswith('W/"') and first.headers["cache-control"] == "public, max-age=60", path
        assert int(first.headers["content-length"]) == len(first.content), path
        again = client.get(path, headers={"If-None-Match": etag})
        assert again.status_code == 304 and again.content == b"", path
        assert again.headers["etag"] == etag and "content-length" not in again.headers, path
        assert client.get(path, headers={"If-None-Match": '"other"'}).content == first.content, path


def test_the_etag_is_the_hash_of_the_body(client):
    from app.api.middleware import weak_etag

    for path in ("/api/v1/people/1", "/api/v1/quotes?limit=3", "/openapi.json"):
        response = client.get(path)
        assert response.headers["etag"] == weak_etag(response.content), path


def test_a_nul_in_a_parameter_is_refused_raw_or_encoded(client):
    assert client.get("/api/v1/people?q=a%00b").status_code == 422
    assert client.get("/api/v1/people?q=a%2500b").status_code == 200  # "%00" as text, not a NUL
