from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query

from app.api.deps import Cursor, Limit, SessionDep
from app.api.errors import NotFound
from app.queries import facts
from app.schemas import build
from app.schemas.read import Page, Problem, QuoteRead

router = APIRouter(prefix="/quotes", tags=["quotes"])
NOT_FOUND = {404: {"model": Problem, "description": "No quote with this id."}}


@router.get("", response_model=Page[QuoteRead])
def list_quotes(
    session: SessionDep,
    limit: Limit = 20,
    cursor: Cursor = None,
    speaker_id: Annotated[int | None, Query(ge=1, description="Quotes by this person.")] = None,
    speaker_organization_id: Annotated[
        int | None, Query(ge=1, description="Quotes attributed to this organization.")
    ] = None,
    article_id: Annotated[int | None, Query(ge=1, description="Quotes in this article.")] = None,
    kind: Annotated[Literal["direct", "partial", "indirect"] | None, Query(description="Only this kind.")] = None,
) -> Page[QuoteRead]:
    """Who said what, with the speaker, the reporting verb and the evidence span."""
    page = facts.list_quotes(session, limit, cursor, speaker_id, speaker_organization_id, article_id, kind)
    return Page[QuoteRead](items=[build.quote(q) for q in page.items], next_cursor=page.next_cursor)


@router.get("/{quote_id}", response_model=QuoteRead, responses=NOT_FOUND)
def get_quote(session: SessionDep, quote_id: Annotated[int, Path(ge=1)]) -> QuoteRead:
    """One quote."""
    quote = facts.get_quote(session, quote_id)
    if quote is None:
        raise NotFound("quote", quote_id)
    return build.quote(quote)
