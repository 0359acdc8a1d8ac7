"""Typed dependencies shared by the routers."""
from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated, Literal

from fastapi import Depends, Query, Request
from sqlalchemy.orm import Session

from app.api.filters import PageParams


async def get_session(request: Request) -> AsyncIterator[Session]:
    """One session per request: committed when the handler succeeds, rolled back otherwise.

    Opened and closed on the event loop, not in the thread pool: were the closing queued behind
    handlers that wait in the pool's threads for a database connection, the connections they wait
    for would never come back (every thread waiting, no thread to return one)."""
    session = request.app.state.sessionmaker()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


SessionDep = Annotated[Session, Depends(get_session)]
PageDep = Annotated[PageParams, Depends()]
Include = Annotated[
    Literal["sentence"] | None,
    Query(description="`sentence`: add each item's evidence sentence (`evidence.sentence`)."),
]
