"""Every list query is served by an index: SQLite's plan for each statement the list endpoints
run (every filter, second pages, full-text search) reads tables through an index or the primary
key, never by a full scan, apart from the few known below. SQLite plans without statistics
unless ANALYZE has run, so the plans here are the ones a database of any size gets."""
from __future__ import annotations

import re

import pytest

from bench.plans import plan, statements

# A page of a whole list walks the primary key in order and stops after the page.
# (Its rows may bring the names they refer to, by primary key: `LEFT OUTER JOIN people ON …`.)
_WHOLE_LIST = re.compile(
    r"^SELECT .* FROM (\w+)(?: LEFT OUTER JOIN \w+ ON \w+\.id = \1\.\w+)*(?: ORDER BY \1\.id(?: DESC)?)? LIMIT", re.S)
# Known scans: name substring search ("contains") cannot use a b-tree index, and a role's year
# is a range over two nullable columns or its reports' article dates; both walk their table in
# id order and stop at a page.
_KNOWN = ("LIKE", "roles.start_year = ? OR roles.end_year = ?")


def test_list_queries_use_indexes(seeded_db):
    if not seeded_db.startswith("sqlite"):
        pytest.skip("plans are checked on SQLite, whose planner gives a database of any size the same plans")
    found = statements(seeded_db)
    assert len(found) > 40  # the requests really ran their filters
    scans = []
    for statement, parameters in found:
        flat = " ".join(statement.split())
        if _WHOLE_LIST.match(flat) or any(k in flat for k in _KNOWN):
            continue
        for line in plan(seeded_db, statement, parameters):
            scanned = re.fullmatch(r"SCAN (\w+)", line.strip())
            if scanned and not scanned.group(1).startswith("anon_"):  # a subquery's result, not a table
                scans.append((line, flat[:300]))
    assert not scans, scans
