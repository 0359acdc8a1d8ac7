"""Engine and session factory; one engine per database URL."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from app.config import get_settings


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
    connection.exec_driver_sql("BEGIN")


def get_engine(url: str | None = None) -> Engine:
    return _engine(url or get_settings().database_url)


def get_sessionmaker(url: str | None = None) -> sessionmaker[Session]:
    return _sessionmaker(url or get_settings().database_url)


# Connections one process keeps open, and how many more it may open at a busy moment; the API
# lets at most CONNECTIONS requests hold a session at once (the others wait without a thread).
POOL_SIZE, MAX_OVERFLOW = 5, 10
CONNECTIONS = POOL_SIZE + MAX_OVERFLOW


@lru_cache
def _engine(url: str) -> Engine:
    pool = {"pool_size": POOL_SIZE, "max_overflow": MAX_OVERFLOW}
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False}, **pool)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    else:
        # Fail fast when the server is gone, rather than hang a request.
        engine = create_engine(url, pool_pre_ping=True, pool_timeout=5, connect_args={"connect_timeout": 3}, **pool)
    return engine


@lru_cache
def _sessionmaker(url: str) -> sessionmaker[Session]:
    return sessionmaker(bind=_engine(url), expire_on_commit=False)


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
