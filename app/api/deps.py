"""Typed dependencies shared by the routers."""
from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated, Literal

from fastapi import Depends, Query, Request
from sqlalchemy.orm import Session

from app.api.filters import PageParams, on_loop
from app.db.session import CONNECTIONS

_READS = ("GET", "HEAD")


async def get_session(request: Request) -> AsyncIterator[Session]:
    """One session per request: committed when a writing handler succeeds, rolled back otherwise
    (a read has nothing to commit, and closing is all it costs)."""
    session = request.app.state.sessionmaker()
    try:
        yield session
        if request.method not in _READS:
            session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


# The session ends with the handler, before the response is validated and sent (those steps take
# a thread of their own), and no more requests hold one than the pool has connections; waiting
# for a turn takes no thread. Otherwise, with every worker thread waiting for a connection and
# every connection held by a request waiting for a thread, the server stood still.
SessionDep = Annotated[Session, Depends(get_session, scope="function", max_concurrency=CONNECTIONS)]
PageDep = Annotated[PageParams, Depends(on_loop(PageParams))]
Include = Annotated[
    Literal["sentence"] | None,
    Query(description="`sentence`: add each item's evidence sentence (`evidence.sentence`)."),
]
