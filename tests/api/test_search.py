"""Full-text search on both backends: filters, ranking, snippets, sync on load, the search box."""
import pytest
from sqlalchemy import create_engine, inspect

from tests.api.test_api import walk


@pytest.mark.parametrize("resource, q, word", [
    ("quotes", "infrastructure", "infrastructure"),
    ("claims", "data centers", "data"),
    ("articles", "semiconductors", "semiconductors"),
])
def test_q_filters_and_highlights(client, resource, q, word):
    items = walk(client, resource, q=q)
    assert items
    for item in items:
        assert "[" in item["snippet"] and word.lower()[:5] in item["snippet"].lower()
    all_ids = {i["id"] for i in walk(client, resource, limit=100)}
    assert {i["id"] for i in items} < all_ids


def test_stemming_matches_word_forms(client):
    assert walk(client, "quotes", q="achievement") and walk(client, "quotes", q="achievements")


@pytest.mark.parametrize("q", ['"', "AND OR NOT", "*", "(", "   ", "' OR 1=1 --", "NEAR(a b)"])
def test_odd_queries_are_safe(client, q):
    response = client.get("/api/v1/quotes", params={"q": q})
    assert response.status_code == 200
    assert client.get("/api/v1/search", params={"q": q}).status_code in (200, 422)


def test_search_box_across_kinds(client):
    body = client.get("/api/v1/search", params={"q": "bae kyung-hoon"}).json()
    assert body["people"][0]["name"] == "Bae Kyung-hoon"
    body = client.get("/api/v1/search", params={"q": "sovereign AI", "limit": 3}).json()
    assert body["quotes"] and body["claims"] and len(body["quotes"]) <= 3
    assert all("[" in q["snippet"] for q in body["quotes"])


def test_search_index_follows_loads(migrated_db, tmp_path):
    from fastapi.testclient import TestClient

    from app.api.main import create_app
    from app.config import Settings
    from tests.conftest import load_paths

    path = tmp_path / "a.txt"
    path.write_text("Zeppelin Plans Announced\n\nJane Roe said on Monday that the city will build a zeppelin "
                    'port by 2030. "The zeppelin port will bring visitors," she said.', encoding="utf-8")
    load_paths(migrated_db, tmp_path)
    with TestClient(create_app(Settings(database_url=migrated_db))) as http:
        assert http.get("/api/v1/quotes", params={"q": "zeppelin"}).json()["items"]
        path.write_text(path.read_text().replace("zeppelin", "airship"), encoding="utf-8")
        load_paths(migrated_db, tmp_path)
        assert http.get("/api/v1/quotes", params={"q": "zeppelin"}).json()["items"] == []
        assert http.get("/api/v1/quotes", params={"q": "airship"}).json()["items"]


def test_downgrade_removes_search_objects(migrated_db):
    from app.db.migrate import downgrade

    downgrade(migrated_db, "base")
    engine = create_engine(migrated_db)
    try:
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    finally:
        engine.dispose()
