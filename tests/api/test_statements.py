"""No N+1: a list page runs a fixed handful of SQL statements, whatever its size."""
import pytest
from sqlalchemy import event

PAGES = ["/api/v1/people", "/api/v1/organizations", "/api/v1/roles", "/api/v1/quotes", "/api/v1/claims",
         "/api/v1/articles", "/api/v1/quotes?include=sentence", "/api/v1/claims?q=AI", "/api/v1/search?q=AI"]
MAX_STATEMENTS = 12  # the search box reads four kinds of record: 20


@pytest.mark.parametrize("path", PAGES)
def test_statements_per_page_do_not_grow_with_the_page(client, path):
    engine = client.app.state.engine
    counted = []

    def count(*_args):
        counted.append(1)

    event.listen(engine, "before_cursor_execute", count)
    try:
        sizes = {}
        for limit in (2, 50):
            counted.clear()
            separator = "&" if "?" in path else "?"
            assert client.get(f"{path}{separator}limit={limit}").status_code == 200
            sizes[limit] = len(counted)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert sizes[50] <= (20 if "search" in path else MAX_STATEMENTS), sizes
    # A bigger page may touch one more relationship (a parent, an alias), never one per row.
    assert sizes[50] <= sizes[2] + 2, sizes
