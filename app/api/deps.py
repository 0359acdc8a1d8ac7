"""Typed dependencies shared by the routers."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

from fastapi import Depends, Query, Request
from sqlalchemy.orm import Session

from app.api.filters import PageParams
from app.db.session import session_scope


def get_session(request: Request) -> Iterator[Session]:
    """One session per request: committed when the handler succeeds, rolled back otherwise."""
    with session_scope(request.app.state.sessionmaker) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]
PageDep = Annotated[PageParams, Depends()]
Include = Annotated[
    Literal["sentence"] | None,
    Query(description="`sentence`: add each item's evidence sentence (`evidence.sentence`)."),
]
