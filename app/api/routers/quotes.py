from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request, Response

from app.api.deps import Include, PageDep, SessionDep, reads
from app.api.errors import NotFound
from app.api.export import EXPORT_RESPONSES, evidence_listing
from app.api.filters import MAX_ID, QuoteFilters, json_only, on_loop, values
from app.api.render import ModelJSON
from app.queries import facts
from app.schemas import build
from app.schemas.read import Page, Problem, QuoteRead

router = APIRouter(prefix="/quotes", tags=["quotes"])
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Problem, "description": "No quote with this id."}}


def quotes_listing(request, session, page, filters: dict, include: str | None):
    return evidence_listing(request, session, page, "quotes", facts.list_quotes, QuoteRead,
                            filters, include)


@router.get("", response_model=Page[QuoteRead], responses=EXPORT_RESPONSES)
@reads
def list_quotes(
    request: Request, session: SessionDep, page: PageDep,
    filters: Annotated[QuoteFilters, Depends(on_loop(QuoteFilters))],
    include: Include = None,
) -> Response:
    """Who said what, with the speaker, the reporting verb and the evidence span."""
    return quotes_listing(request, session, page, values(filters), include)


@router.get("/{quote_id}", response_model=QuoteRead, responses=NOT_FOUND, dependencies=[Depends(json_only)])
@reads
def get_quote(
    session: SessionDep,
    quote_id: Annotated[int, Path(ge=1, le=MAX_ID, description="The quote's id.")],
    include: Include = None,
) -> ModelJSON:
    """One quote."""
    item = facts.get_quote(session, quote_id)
    if item is None:
        raise NotFound("quote", quote_id)
    if include == "sentence":
        build.with_sentences([item], facts.bodies(session, {item.article.id}))
    return ModelJSON(item)
