"""POST /api/v1/articles: keyed, limited, transactional, idempotent."""
import pytest
from fastapi.testclient import TestClient

from app.api.main import create_app
from app.config import Settings

KEY = "s3cret-key"
AUTH = {"Authorization": f"Bearer {KEY}"}
TEXT = ("Minister Sets Chip Target\n\nThe trade minister, Jane Roe, said on Monday that the government will invest "
        "2 trillion won in chip plants by 2030. \"We need more factories,\" she said.")


@pytest.fixture
def writer(migrated_db):
    with TestClient(create_app(Settings(database_url=migrated_db, api_key=KEY, max_body_bytes=2000))) as http:
        yield http


def test_post_plain_text_then_again(writer):
    first = writer.post("/api/v1/articles", content=TEXT, headers={**AUTH, "Content-Type": "text/plain"})
    assert first.status_code == 201 and first.json()["status"] == "loaded"
    (article,) = first.json()["items"]
    assert article["title"] == "Minister Sets Chip Target"
    quotes = writer.get(f"/api/v1/articles/{article['id']}/quotes").json()["items"]
    assert quotes[0]["speaker"]["name"] == "Jane Roe"
    again = writer.post("/api/v1/articles", content=TEXT, headers={**AUTH, "Content-Type": "text/plain"})
    assert again.status_code == 200 and again.json()["status"] == "unchanged"
    assert again.json()["items"][0]["id"] == article["id"]


def test_post_json(writer):
    response = writer.post("/api/v1/articles", json={"name": "chips.txt", "text": TEXT}, headers=AUTH)
    assert response.status_code == 201
    assert response.json()["items"][0]["source_name"] == "chips.txt"


@pytest.mark.parametrize(
    "headers, content, status",
    [
        ({}, TEXT, 401),
        ({"Authorization": "Bearer wrong"}, TEXT, 401),
        ({**AUTH, "Content-Type": "image/png"}, b"\x89PNG\r\n", 415),
        ({**AUTH, "Content-Type": "text/plain"}, b"\x89PNG\r\n\x1a\n\x00\x00", 415),
        ({**AUTH, "Content-Type": "text/plain"}, "x" * 3000, 413),
        ({**AUTH, "Content-Type": "application/json"}, "{not json", 422),
        ({**AUTH, "Content-Type": "application/json"}, '{"text": ""}', 422),
        ({**AUTH, "Content-Type": "text/plain"}, "Subscribe now\nRelated Articles\n", 422),
    ],
)
def test_post_refusals_are_problems(writer, headers, content, status):
    response = writer.post("/api/v1/articles", content=content, headers=headers)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/problem+json")
    assert writer.get("/api/v1/articles").json()["items"] == []


def test_writing_is_disabled_without_a_key(migrated_db):
    with TestClient(create_app(Settings(database_url=migrated_db))) as http:
        response = http.post("/api/v1/articles", content=TEXT, headers={**AUTH, "Content-Type": "text/plain"})
    assert response.status_code == 403


def test_failed_store_leaves_nothing(migrated_db, monkeypatch):
    from app.services import ingest

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(ingest, "_store_article", explode)
    app = create_app(Settings(database_url=migrated_db, api_key=KEY))
    with TestClient(app, raise_server_exceptions=False) as http:
        response = http.post("/api/v1/articles", content=TEXT, headers={**AUTH, "Content-Type": "text/plain"})
        assert response.status_code == 500 and "disk" not in response.text
        assert response.headers["content-type"].startswith("application/problem+json")
        assert http.get("/api/v1/articles").json()["items"] == []


def test_walking_pages_while_articles_are_added(writer):
    """Every row present when the walk starts is seen exactly once, whatever is added meanwhile."""
    texts = [TEXT.replace("Jane Roe", name).replace("2 trillion", f"{n} trillion")
             for n, name in enumerate(["Ann Lee", "Bo Kim", "Cy Park", "Di Cho", "Ed Han", "Fay Yoo"], start=3)]
    for text in texts[:3]:
        writer.post("/api/v1/articles", content=text, headers={**AUTH, "Content-Type": "text/plain"})
    for resource in ("quotes", "claims", "people", "articles", "roles"):
        before = {i["id"] for i in writer.get(f"/api/v1/{resource}", params={"limit": 100}).json()["items"]}
        seen, cursor, extra = [], None, iter(texts[3:])
        while True:
            params = {"limit": 1, **({"cursor": cursor} if cursor else {})}
            page = writer.get(f"/api/v1/{resource}", params=params).json()
            seen += [i["id"] for i in page["items"]]
            text = next(extra, None)
            if text:
                writer.post("/api/v1/articles", content=text + resource, headers={**AUTH, "Content-Type": "text/plain"})
            cursor = page["next_cursor"]
            if not cursor:
                break
        assert len(seen) == len(set(seen))
        assert before <= set(seen)
