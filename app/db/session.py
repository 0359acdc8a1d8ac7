"""Engine and session factory; one engine per database URL."""
from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import Session, sessionmaker

from app.config import get_settings

T = TypeVar("T")


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """Foreign keys enforced; a writer waits for another rather than failing at once; WAL, so
    that readers (the API) and a writer (a loader) do not block each other, with the commit
    durability WAL makes safe (synchronous=NORMAL: a crash loses no committed data, a power cut
    at most the last transactions)."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
    # The driver's own transaction handling is off, and SQLAlchemy begins each transaction
    # itself (below): savepoints then work as they should (SQLAlchemy's pysqlite notes).
    dbapi_connection.isolation_level = None


def _sqlite_begin(connection) -> None:
    # `write_first` sessions take the write lock at BEGIN (write_retrying, below).
    connection.exec_driver_sql("BEGIN IMMEDIATE" if connection.get_execution_options().get("write_first")
                               else "BEGIN")


# Each statement is prepared on the server the first time a connection runs it again (parsed
# once), and planned for each request's values: the best plan for a rare word or amount is not
# the one for a common one, and PostgreSQL's generic plans made the claims page 1.7 times slower.
# The planner is told that reading a row by an index costs little more than reading the next one
# (random_page_cost 1.1, as PostgreSQL's documentation advises for solid-state storage or a
# database held in memory; its default, 4, assumes spinning disks, and walked whole tables in id
# order rather than read a handful of rows through the full-text index). Behind PgBouncer in
# transaction mode, prepared statements need PgBouncer 1.21 or later with
# `max_prepared_statements` set (README, "PostgreSQL in production").
_POSTGRESQL = {"prepare_threshold": 1, "options": "-c plan_cache_mode=force_custom_plan -c random_page_cost=1.1"}


def get_engine(url: str | None = None) -> Engine:
    return _engine(url or get_settings().database_url)


def get_sessionmaker(url: str | None = None) -> sessionmaker[Session]:
    return _sessionmaker(url or get_settings().database_url)


def get_read_sessionmaker(url: str | None = None, in_threads: bool = False) -> sessionmaker[Session] | AsyncReads:
    """Sessions for requests that only read.

    On SQLite, the sessions of `get_sessionmaker`, run on the event loop. On PostgreSQL, sessions
    on psycopg's async API (`AsyncReads`), so that a worker answers other requests while one waits
    on the server, with no thread per request; or, with `in_threads`, sync sessions that the API
    runs in its thread pool. On PostgreSQL each statement runs on its own (autocommit), which
    reads what it would read inside a READ COMMITTED transaction (each statement sees what was
    committed when it began) without the BEGIN and ROLLBACK round trips around every request."""
    url = url or get_settings().database_url
    if url.startswith("sqlite") or in_threads:
        return _read_sessionmaker(url, in_threads)
    return AsyncReads(url)


class AsyncReads:
    """Async sessions for reads on PostgreSQL, on an engine of their own, made in the event loop
    that first asks for one and disposed of with `dispose` (the API's shutdown)."""

    def __init__(self, url: str):
        self.url = url
        self._factory: async_sessionmaker[AsyncSession] | None = None

    def __call__(self) -> AsyncSession:
        if self._factory is None:
            engine = create_async_engine(self.url, isolation_level="AUTOCOMMIT", **_postgresql_options())
            self._factory = async_sessionmaker(engine, expire_on_commit=False)
        return self._factory()

    async def dispose(self) -> None:
        if self._factory is not None:
            engine, self._factory = self._factory.kw["bind"], None
            await engine.dispose()


# Connections one process keeps open, and how many more it may open at a busy moment; the API
# lets at most CONNECTIONS requests hold a session at once (the others wait without a thread).
POOL_SIZE, MAX_OVERFLOW = 5, 10
CONNECTIONS = POOL_SIZE + MAX_OVERFLOW


def _postgresql_options() -> dict:
    """The pool and connection settings of both PostgreSQL engines (sync and async reads)."""
    return {"pool_size": POOL_SIZE, "max_overflow": MAX_OVERFLOW, "pool_timeout": 5,
            "connect_args": {"connect_timeout": 3, **_POSTGRESQL}}


@lru_cache
def _engine(url: str) -> Engine:
    pool = {"pool_size": POOL_SIZE, "max_overflow": MAX_OVERFLOW}
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False}, **pool)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    else:
        # Fail fast when the server is gone, rather than hang a request; a connection is pinged
        # before it is used, so that a write or a load after a restart of the server does not
        # fail. (The API's reads use `AsyncReads`, which does not ping: a read whose connection
        # was dropped is run again, `app.api.deps.reads`.)
        engine = create_engine(url, pool_pre_ping=True, **_postgresql_options())
    return engine


@lru_cache
def _sessionmaker(url: str) -> sessionmaker[Session]:
    return sessionmaker(bind=_engine(url), expire_on_commit=False)


@lru_cache
def _read_sessionmaker(url: str, in_threads: bool) -> sessionmaker[Session]:
    engine = _engine(url)
    if engine.dialect.name != "sqlite":
        engine = engine.execution_options(isolation_level="AUTOCOMMIT")
    return sessionmaker(bind=engine, expire_on_commit=False, info={"reads_in_threads": in_threads})


@lru_cache
def _writing_sessionmaker(url: str) -> sessionmaker[Session]:
    return sessionmaker(bind=_engine(url).execution_options(write_first=True), expire_on_commit=False)


def write_retrying(url: str, write: Callable[[Session], T], attempts: int = 5,
                   on_retry: Callable[[Exception], None] = lambda _: None) -> T:
    """`write(session)` in one transaction, run again (with a short random wait) when another
    writer got in its way: it held SQLite's write lock past the busy timeout, or took a unique
    name first (the next attempt sees and reuses what the other committed).

    On SQLite the transaction takes the write lock when it begins: one that read first and
    wrote later would fail at once (not wait) whenever another writer committed in between."""
    for attempt in range(1, attempts + 1):
        try:
            with session_scope(_writing_sessionmaker(url)) as session:
                return write(session)
        except (IntegrityError, OperationalError) as exc:
            if attempt == attempts:
                raise
            on_retry(exc)
            time.sleep(random.uniform(0.05, 0.3) * attempt)
    raise AssertionError("unreachable")


@contextmanager
def session_scope(factory: str | sessionmaker[Session] | None = None, commit: bool = True) -> Iterator[Session]:
    """A session that commits when the block succeeds and rolls back when it raises.

    `factory` is a sessionmaker, or a database URL (the configured one when omitted); with
    `commit=False` (a block that only reads) it closes without committing."""
    if factory is None or isinstance(factory, str):
        factory = get_sessionmaker(factory)
    session = factory()
    try:
        yield session
        if commit:
            session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
