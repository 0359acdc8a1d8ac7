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


@pytest.mark.parametrize("names", [{"unit"}, {"unit", "min_value"}, {"unit", "max_value"}, {"min_value"}])
def test_walked_claims_find_their_amounts_by_claim_id(seeded_db, names):
    """Walking the claims, each one's amounts are read through the claim_id index, never
    through the unit or value indexes (which read every amount of the unit for each claim)."""
    from sqlalchemy import create_engine

    engine = create_engine(seeded_db)
    if engine.dialect.name != "sqlite":
        engine.dispose()
        pytest.skip("the plan is SQLite's")
    stmt = facts._list_statement("claims", frozenset(names | {"type"}), None, False, False, walk_claims=True)
    compiled = stmt.compile(engine, compile_kwargs={"render_postcompile": True})
    values = {"type": "investment", "unit": "usd", "min_value": 1, "max_value": 10, "limit": 21}
    with engine.connect() as connection:
        given = {**compiled.params, **values}
        plan = " | ".join(row[-1] for row in connection.exec_driver_sql(
            f"EXPLAIN QUERY PLAN {compiled}", tuple(given[name] for name in compiled.positiontup)))
    engine.dispose()
    amounts = [step for step in plan.split(" | ") if "claim_amounts" in step]
    assert amounts and all("ix_claim_amounts_claim_id" in step for step in amounts), plan
