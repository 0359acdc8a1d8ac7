"""Typed dependencies shared by the routers."""
from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Callable
from typing import Annotated, Literal

from fastapi import Depends, Query, Request
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from app.api.filters import PageParams, on_loop
from app.db.session import CONNECTIONS, AsyncReads, session_scope

_READS = ("GET", "HEAD")


async def get_session(request: Request) -> AsyncIterator[Session]:
    """One session per request: committed when a writing handler succeeds, rolled back otherwise
    (a read has nothing to commit, and closing is all it costs)."""
    if request.method in _READS:
        factory = request.app.state.read_sessionmaker
        if isinstance(factory, AsyncReads):
            async with factory() as reading:
                yield reading  # type: ignore[misc]  # `reads` hands the handler its sync side
            return
        with session_scope(factory, commit=False) as session:
            yield session
    else:
        with session_scope(request.app.state.sessionmaker) as session:
            yield session


# The session ends with the handler, before the response is sent, and no more requests hold one
# than the pool has connections; waiting for a turn takes no thread. Otherwise, with handlers in
# the thread pool (as on PostgreSQL), every worker thread could wait for a connection while every
# connection was held by a request waiting for a thread, and the server stood still.
SessionDep = Annotated[Session, Depends(get_session, scope="function", max_concurrency=CONNECTIONS)]
PageDep = Annotated[PageParams, Depends(on_loop(PageParams))]
Include = Annotated[
    Literal["sentence"] | None,
    Query(description="`sentence`: add each item's evidence sentence (`evidence.sentence`)."),
]


def reads(handler: Callable) -> Callable:
    """A read handler (taking `session`), run on the event loop.

    Its statements are indexed and paged (a fraction of a millisecond each on SQLite, one round
    trip each to a PostgreSQL server nearby), and handing it to a worker thread cost more than
    that; worse, a worker thread running Python while the event loop parses the next requests
    fights it for the GIL, which halved what a worker process answered (330 against 660 person
    pages a second, measured side by side). With `READS_IN_THREADS` (a database far away, where
    waiting on the network dominates) it runs in the thread pool instead, so that one request's
    waits overlap the others'. A read whose connection the server dropped runs once more."""

    @functools.wraps(handler)
    async def endpoint(**values):
        session = values["session"]
        try:
            return await _run(handler, session, values)
        except DBAPIError as error:
            if not error.connection_invalidated:
                raise
            # The server dropped the connection (a restart, a failover): the pool has let go of
            # every connection as old as it; a read is safe to run again on a new one.
            if isinstance(session, AsyncSession):
                await session.rollback()
            else:
                session.rollback()
            return await _run(handler, session, values)

    return endpoint


async def _run(handler: Callable, session, values: dict):
    if isinstance(session, AsyncSession):
        # The handler's own (sync) code, its statements awaited on the async driver.
        return await session.run_sync(lambda sync_session: handler(**{**values, "session": sync_session}))
    if session.info.get("reads_in_threads"):
        return await run_in_threadpool(handler, **values)
    return handler(**values)
