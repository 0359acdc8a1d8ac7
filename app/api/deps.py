"""Typed dependencies shared by the routers."""
from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Callable
from typing import Annotated, Literal

from fastapi import Depends, Query, Request
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from app.api.filters import PageParams, on_loop
from app.db.session import CONNECTIONS, session_scope

_READS = ("GET", "HEAD")


async def get_session(request: Request) -> AsyncIterator[Session]:
    """One session per request: committed when a writing handler succeeds, rolled back otherwise
    (a read has nothing to commit, and closing is all it costs)."""
    with session_scope(request.app.state.sessionmaker, commit=request.method not in _READS) as session:
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
    """A read handler (taking `session`), run where it costs least.

    On SQLite, a local file, it runs on the event loop: its statements are indexed and paged
    (a fraction of a millisecond each), and handing it to a worker thread cost more than that;
    worse, a worker thread running Python while the event loop parses the next requests fights
    it for the GIL, which halved what a worker process answered (330 against 660 person pages a
    second, measured side by side). On PostgreSQL it runs in the thread pool, so that one
    request's waits on the network overlap the others'."""

    @functools.wraps(handler)
    async def endpoint(**values):
        if values["session"].get_bind().dialect.name == "sqlite":
            return handler(**values)
        return await run_in_threadpool(handler, **values)

    return endpoint
