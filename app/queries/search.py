"""Full-text search, ranked, with highlighted snippets: FTS5 on SQLite, tsvector on PostgreSQL."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from sqlalchemy import Integer, Select, bindparam, false, text
from sqlalchemy.orm import Session

from app.db.search import SEARCHABLE
from app.queries.pagination import MAX_ID

MARK_START, MARK_END = "[", "]"
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Hit:
    id: int
    rank: float
    snippet: str


def _fts_query(q: str) -> str | None:
    """User words as FTS5 phrases (no operators from the client): 'chip plants' -> "chip" "plants"."""
    words = _WORD.findall(q)
    return " ".join(f'"{w}"' for w in words[:32]) or None


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def restrict(session: Session, stmt: Select, id_column, table: str, q: str | None) -> Select:
    """`stmt` limited to rows matching q (none when q holds no word)."""
    if not q:
        return stmt
    ids = matching_ids(session, table, q)
    return stmt.where(id_column.in_(ids) if ids is not None else false())


@functools.cache
def matching(table: str, dialect: str):
    """A subquery of the ids of `table` rows matching the bound parameter `q` (a `match_value`)."""
    if dialect == "postgresql":
        stmt = text(f"SELECT id FROM {table} WHERE search @@ websearch_to_tsquery('english', :q)")
    else:
        stmt = text(f"SELECT rowid AS id FROM {table}_fts WHERE {table}_fts MATCH :q")
    return stmt.columns(id=Integer)


@functools.cache
def criterion(table: str, dialect: str, id_column):
    """Rows of `table` matching the bound parameter `q` (a `match_value`), as a WHERE criterion.

    On PostgreSQL the row's own `search` column is matched, so that the planner weighs the GIN
    index (read the few matches, sort them) against walking the page's order and testing each
    row (a common word) with what it knows of the words; an `id IN (matching ids)` hid that
    from it, and it walked the whole order for rare words too. On SQLite, the FTS5 table's ids."""
    if dialect == "postgresql":
        return text(f"{table}.search @@ websearch_to_tsquery('english', :q)")
    return id_column.in_(matching(table, dialect))


def match_value(session: Session, q: str) -> str | None:
    """What `matching` is given for the words q: None when q holds no word."""
    if _dialect(session) == "postgresql":
        return q if _WORD.search(q) else None
    return _fts_query(q)


def matching_ids(session: Session, table: str, q: str) -> Select | None:
    """A subquery of the ids of `table` rows matching q (None when q holds no word)."""
    value = match_value(session, q)
    return None if value is None else matching(table, _dialect(session)).bindparams(q=value)


@functools.cache
def _snippets_statement(table: str, dialect: str):
    column = SEARCHABLE[table][-1]
    if dialect == "postgresql":
        return text(
            f"SELECT id, ts_headline('english', coalesce({column}, ''), websearch_to_tsquery('english', :q), "
            f"'StartSel=[, StopSel=], MaxWords=30, MinWords=10, MaxFragments=2') FROM {table} WHERE id IN :ids"
        ).bindparams(bindparam("ids", expanding=True))
    index = len(SEARCHABLE[table]) - 1
    # FTS5 narrows a match to a range of rowids itself, but given a list of rowids it reads
    # every match (ten times slower for a common word). So: the range the page's ids lie in,
    # and the list as a plain filter (`+rowid`), which FTS5 is not handed.
    return text(
        f"SELECT rowid, snippet({table}_fts, {index}, '[', ']', '…', 24) FROM {table}_fts "
        f"WHERE {table}_fts MATCH :q AND rowid >= :first AND rowid <= :last AND +rowid IN :ids"
    ).bindparams(bindparam("ids", expanding=True))


def snippets(session: Session, table: str, q: str, ids: list[int]) -> dict[int, str]:
    """Highlighted fragments of the given rows (only these: the page's), words of q between [ and ]."""
    if not ids:
        return {}
    dialect = _dialect(session)
    if dialect == "postgresql":
        values: dict = {"q": q, "ids": ids}
    else:
        query = _fts_query(q)
        if query is None:
            return {}
        values = {"q": query, "first": min(ids), "last": max(ids), "ids": ids}
    rows = session.connection().execute(_snippets_statement(table, dialect), values)
    return {row_id: fragment for row_id, fragment in rows}


def ranked(session: Session, table: str, q: str, limit: int, offset: int = 0, upto: int | None = None) -> list[Hit]:
    """The best `limit` rows of `table` for q, best first, from position `offset`, among the rows
    of ids up to `upto`."""
    upto = MAX_ID if upto is None else upto
    if _dialect(session) == "postgresql":
        if not _WORD.search(q):
            return []
        column = SEARCHABLE[table][-1]
        stmt = text(
            f"SELECT id, ts_rank(search, query) AS rank, ts_headline('english', coalesce({column}, ''), query, "
            f"'StartSel=[, StopSel=], MaxWords=30, MinWords=10, MaxFragments=2') "
            f"FROM {table}, websearch_to_tsquery('english', :q) AS query WHERE search @@ query AND id <= :upto "
            f"ORDER BY rank DESC, id LIMIT :limit OFFSET :offset"
        ).bindparams(q=q, limit=limit, offset=offset, upto=upto)
    else:
        query = _fts_query(q)
        if query is None:
            return []
        index = len(SEARCHABLE[table]) - 1
        stmt = text(
            f"SELECT rowid, -bm25({table}_fts) AS rank, snippet({table}_fts, {index}, '[', ']', '…', 24) "
            f"FROM {table}_fts WHERE {table}_fts MATCH :q AND rowid <= :upto ORDER BY bm25({table}_fts), rowid "
            f"LIMIT :limit OFFSET :offset"
        ).bindparams(q=query, limit=limit, offset=offset, upto=upto)
    return [Hit(row_id, float(rank), fragment) for row_id, rank, fragment in session.execute(stmt)]
