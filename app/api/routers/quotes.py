from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request

from app.api.filters import MAX_ID
from app.api.deps import Include, PageDep, SessionDep
from app.api.errors import NotFound
from app.api.export import EXPORT_RESPONSES, listing
from app.api.filters import QuoteFilters, values
from app.queries import facts, search
from app.schemas import build
from app.schemas.read import Page, Problem, QuoteRead

router = APIRouter(prefix="/quotes", tags=["quotes"])
NOT_FOUND = {404: {"model": Problem, "description": "No quote with this id."}}


def quote_page(session, limit, cursor, sort, filters: dict, include: str | None) -> Page[QuoteRead]:
    found = facts.list_quotes(session, limit, cursor, sort, **filters)
    items = [build.quote(q) for q in found.items]
    if include == "sentence":
        build.with_sentences(items, facts.bodies(session, {i.article.id for i in items}))
    if filters.get("q"):
        build.with_snippets(items, search.snippets(session, "quotes", filters["q"], [i.id for i in items]))
    return Page[QuoteRead](items=items, next_cursor=found.next_cursor)


def quotes_listing(request, session, page, filters: dict, include: str | None, name: str = "quotes"):
    def fetch(s, limit, cursor):
        return quote_page(s, limit, cursor, page.sort, filters, include)

    return listing(request, session, page, fetch, QuoteRead, name)


@router.get("", response_model=Page[QuoteRead], responses=EXPORT_RESPONSES)
def list_quotes(
    request: Request, session: SessionDep, page: PageDep, filters: Annotated[QuoteFilters, Depends()],
    include: Include = None,
) -> Page[QuoteRead]:
    """Who said what, with the speaker, the reporting verb and the evidence span."""
    return quotes_listing(request, session, page, values(filters), include)


@router.get("/{quote_id}", response_model=QuoteRead, responses=NOT_FOUND)
def get_quote(
    session: SessionDep,
    quote_id: Annotated[int, Path(ge=1, le=MAX_ID, description="The quote's id.")],
    include: Include = None,
) -> QuoteRead:
    """One quote."""
    quote = facts.get_quote(session, quote_id)
    if quote is None:
        raise NotFound("quote", quote_id)
    item = build.quote(quote)
    if include == "sentence":
        build.with_sentences([item], facts.bodies(session, {item.article.id}))
    return item
