"""A claims amount filter reads the same claims whichever way the statement goes about it."""
import pytest

from app.queries import facts

QUERIES = ["unit=KRW&min_value=1", "unit=KRW", "unit=percent&max_value=100", "type=investment&unit=USD&min_value=1000000",
           "unit=percent&sort=-id"]


@pytest.fixture
def walk_every_filter(monkeypatch):
    """Every amount filter counts as one that many amounts meet, so the claims are walked."""
    monkeypatch.setattr(facts, "MANY_AMOUNTS", 1)
    facts._amounts_matching.cache_clear()
    yield
    facts._amounts_matching.cache_clear()


def _pages(client, query: str) -> list[list[int]]:
    pages, cursor = [], ""
    while True:
        body = client.get(f"/api/v1/claims?{query}&limit=3{cursor}").json()
        pages.append([item["id"] for item in body["items"]])
        if not body["next_cursor"]:
            return pages
        cursor = f"&cursor={body['next_cursor']}"


@pytest.mark.parametrize("query", QUERIES)
def test_amount_filters_give_the_same_pages_read_either_way(client, request, query):
    read_amounts_first = _pages(client, query)
    request.getfixturevalue("walk_every_filter")
    walked = _pages(client, query)
    assert walked == read_amounts_first
    assert sum(map(len, walked)) > 0, "the seeds hold claims this filter finds"
