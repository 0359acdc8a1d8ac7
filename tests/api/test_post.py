"""POST /api/v1/articles: keyed, limited, transactional, idempotent."""
import json

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


def test_a_search_walk_sees_the_records_of_its_first_page(writer):
    """Ranked search pages by position: records added during a walk stay out of it, so the
    walk returns what the search held when it began, each once."""
    texts = [TEXT.replace("Jane Roe", name).replace("2 trillion", f"{n} trillion")
             for n, name in enumerate(["Ann Lee", "Bo Kim", "Cy Park", "Di Cho", "Ed Han", "Fay Yoo"], start=3)]
    for text in texts[:3]:
        writer.post("/api/v1/articles", content=text, headers={**AUTH, "Content-Type": "text/plain"})
    before = writer.get("/api/v1/search", params={"q": "factories", "limit": 100}).json()
    seen, cursor, extra = [], None, iter(texts[3:])
    while True:
        page = writer.get("/api/v1/search", params={"q": "factories", "limit": 1, **({"cursor": cursor} if cursor else {})})
        seen += [q["id"] for q in page.json()["quotes"]]
        text = next(extra, None)
        if text:
            writer.post("/api/v1/articles", content=text, headers={**AUTH, "Content-Type": "text/plain"})
        cursor = page.json()["next_cursor"]
        if not cursor:
            break
    assert len(before["quotes"]) == 3 and seen == [q["id"] for q in before["quotes"]]
    assert len(writer.get("/api/v1/search", params={"q": "factories", "limit": 100}).json()["quotes"]) == 6


MARKDOWN = ("---\ntitle: Harbour wall to be rebuilt\nurl: https://gazette.example/wall\npublished_at: 2024-05-06\n---\n\n"
            "# Harbour wall to be rebuilt\n\nMayor Ruth Calder said on Monday the city would rebuild the wall.")


@pytest.mark.parametrize(
    "content_type, body, title",
    [
        ("text/markdown", MARKDOWN, "Harbour wall to be rebuilt"),
        ("text/html; charset=utf-8", "<html><head><title>Dock strike ends</title></head><body><article><h1>Dock "
         "strike ends</h1><p>Dock workers in Port Ellis ended their strike on Friday after a pay deal, their union "
         "secretary Dana Whitfield said.</p></article><nav>Home News Sport</nav></body></html>", "Dock strike ends"),
        ("application/json", '{"title": "Ferry fares frozen", "maintext": "The ferry line froze its fares for the '
         'year, its director Omar Haddad said on Friday.", "url": "https://news.example/fares"}', "Ferry fares frozen"),
    ],
)
def test_post_each_format_the_loader_reads(writer, content_type, body, title):
    response = writer.post("/api/v1/articles", content=body.encode(), headers={**AUTH, "Content-Type": content_type})
    assert response.status_code == 201, response.text
    (article,) = response.json()["items"]
    assert article["title"] == title
    assert response.headers["location"] == f"/api/v1/articles/{article['id']}"


def test_post_json_lines_gives_one_article_per_record(writer):
    lines = "\n".join(json.dumps({"text": TEXT.split("\n\n")[1], "title": f"Story {n}"}) for n in (1, 2))
    response = writer.post("/api/v1/articles?name=feed.jsonl", content=lines,
                           headers={**AUTH, "Content-Type": "application/x-ndjson"})
    assert response.status_code == 201
    assert [a["source_name"] for a in response.json()["items"]] == ["feed.jsonl#1", "feed.jsonl#2"]


def test_post_honours_a_declared_charset(writer):
    body = "Caf\u00e9 Owners Protest\n\nCaf\u00e9 owners protested on Monday, their spokesman Omar Haddad said.".encode("latin-1")
    response = writer.post("/api/v1/articles", content=body,
                           headers={**AUTH, "Content-Type": "text/plain; charset=iso-8859-1"})
    assert response.status_code == 201
    assert response.json()["items"][0]["title"] == "Café Owners Protest"
    unknown = writer.post("/api/v1/articles", content=body, headers={**AUTH, "Content-Type": "text/plain; charset=klingon"})
    assert unknown.status_code == 415


def test_post_with_a_url_updates_the_same_article(writer):
    first = writer.post("/api/v1/articles", content=MARKDOWN, headers={**AUTH, "Content-Type": "text/markdown"})
    second = writer.post("/api/v1/articles?name=other-name.md", content=MARKDOWN.replace("Monday", "Tuesday"),
                         headers={**AUTH, "Content-Type": "text/markdown"})
    assert second.json()["status"] == "updated"
    assert second.json()["items"][0]["id"] == first.json()["items"][0]["id"]
    assert second.json()["items"][0]["url"] == "https://gazette.example/wall"
