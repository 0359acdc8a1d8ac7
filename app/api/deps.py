"""Typed dependencies shared by the routers."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Query, Request
from sqlalchemy.orm import Session

from app.db.session import session_scope


def get_session(request: Request) -> Iterator[Session]:
    """One session per request: committed when the handler succeeds, rolled back otherwise."""
    with session_scope(request.app.state.sessionmaker) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]
Limit = Annotated[int, Query(ge=1, le=100, description="Page size, 1 to 100.", examples=[20])]
Cursor = Annotated[
    str | None,
    Query(max_length=200, description="Opaque cursor from the previous page's `next_cursor`."),
]
