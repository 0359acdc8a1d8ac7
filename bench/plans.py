"""The database's plan for every statement the list endpoints run.

    python -m bench.plans --database-url URL

Sends a set of list requests (every list, its filters, a second page by cursor, full-text search)
to the app in process, records each SQL statement it runs with its parameters, and prints the
plan the database chooses for it (SQLite: EXPLAIN QUERY PLAN; PostgreSQL: EXPLAIN).
"""
from __future__ import annotations

import argparse

from sqlalchemy import create_engine, event, text

REQUESTS = [
    "/api/v1/people", "/api/v1/people?q=kim", "/api/v1/organizations?kind=government",
    "/api/v1/roles?status=current", "/api/v1/roles?person_id={person}", "/api/v1/roles?year=2020",
    "/api/v1/quotes", "/api/v1/quotes?sort=-id", "/api/v1/quotes?speaker_id={speaker}",
    "/api/v1/quotes?kind=direct", "/api/v1/quotes?article_id={article}", "/api/v1/quotes?q={word}",
    "/api/v1/claims", "/api/v1/claims?type=investment&unit=KRW&min_value=1000000", "/api/v1/claims?topic=AI",
    "/api/v1/claims?claimant_id={speaker}", "/api/v1/claims?unit=USD", "/api/v1/claims?q={word}",
    "/api/v1/articles", "/api/v1/articles?published_from=2020-01-01", "/api/v1/articles?q={word}",
    "/api/v1/people/{speaker}", "/api/v1/people/{speaker}/quotes",
]


def statements(database_url: str) -> list[tuple[str, dict | tuple]]:
    """(SQL, parameters) of every statement the requests above run, first page and second."""
    from fastapi.testclient import TestClient

    from app.api.main import create_app
    from app.config import Settings
    from app.db.session import get_engine

    engine = create_engine(database_url)
    with engine.connect() as conn:
        speaker = conn.execute(text("SELECT speaker_person_id FROM quotes WHERE speaker_person_id IS NOT NULL "
                                    "GROUP BY speaker_person_id ORDER BY count(*) DESC LIMIT 1")).scalar_one()
        article = conn.execute(text("SELECT min(article_id) FROM quotes")).scalar_one()
    engine.dispose()
    seen: dict[str, tuple] = {}

    def record(_conn, _cursor, statement, parameters, _context, _many):
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            seen.setdefault(statement, parameters)

    app_engine = get_engine(database_url)
    event.listen(app_engine, "before_cursor_execute", record)
    try:
        with TestClient(create_app(Settings(database_url=database_url))) as client:
            for template in REQUESTS:
                path = template.format(person=speaker, speaker=speaker, article=article, word="government")
                path += ("&" if "?" in path else "?") + "limit=5"
                first = client.get(path)
                assert first.status_code == 200, (path, first.text)
                cursor = first.json().get("next_cursor")
                if cursor:
                    client.get(path, params={**dict(first.request.url.params), "cursor": cursor})
    finally:
        event.remove(app_engine, "before_cursor_execute", record)
    return list(seen.items())


def plan(database_url: str, statement: str, parameters) -> list[str]:
    from app.db.session import get_engine

    engine = get_engine(database_url)
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection.cursor()
        if engine.dialect.name == "sqlite":
            raw.execute(f"EXPLAIN QUERY PLAN {statement}", parameters)
            return [row[3] for row in raw.fetchall()]
        raw.execute(f"EXPLAIN {statement}", parameters)
        return [row[0] for row in raw.fetchall()]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--database-url", required=True)
    args = ap.parse_args()
    for statement, parameters in statements(args.database_url):
        print(" ".join(statement.split())[:400])
        for line in plan(args.database_url, statement, parameters):
            print(f"    {line}")
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
