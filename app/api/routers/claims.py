from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request

from app.api.filters import MAX_ID
from app.api.deps import Include, PageDep, SessionDep
from app.api.errors import NotFound
from app.api.export import EXPORT_RESPONSES, listing
from app.api.filters import ClaimFilters, values
from app.queries import facts, search
from app.schemas import build
from app.schemas.read import ClaimRead, Page, Problem

router = APIRouter(prefix="/claims", tags=["claims"])
NOT_FOUND = {404: {"model": Problem, "description": "No claim with this id."}}


def claim_page(session, limit, cursor, sort, filters: dict, include: str | None) -> Page[ClaimRead]:
    found = facts.list_claims(session, limit, cursor, sort, **filters)
    items = [build.claim(c) for c in found.items]
    if include == "sentence":
        build.with_sentences(items, facts.bodies(session, {i.article.id for i in items}))
    if filters.get("q"):
        build.with_snippets(items, search.snippets(session, "claims", filters["q"], [i.id for i in items]))
    return Page[ClaimRead](items=items, next_cursor=found.next_cursor)


def claims_listing(request, session, page, filters: dict, include: str | None, name: str = "claims"):
    def fetch(s, limit, cursor):
        return claim_page(s, limit, cursor, page.sort, filters, include)

    return listing(request, session, page, fetch, ClaimRead, name)


@router.get("", response_model=Page[ClaimRead], responses=EXPORT_RESPONSES)
def list_claims(
    request: Request, session: SessionDep, page: PageDep, filters: Annotated[ClaimFilters, Depends()],
    include: Include = None,
) -> Page[ClaimRead]:
    """Policy claims (plans, targets, deals, positions…) with claimant and normalised amounts."""
    return claims_listing(request, session, page, values(filters), include)


@router.get("/{claim_id}", response_model=ClaimRead, responses=NOT_FOUND)
def get_claim(
    session: SessionDep,
    claim_id: Annotated[int, Path(ge=1, le=MAX_ID, description="The claim's id.")],
    include: Include = None,
) -> ClaimRead:
    """One claim."""
    claim = facts.get_claim(session, claim_id)
    if claim is None:
        raise NotFound("claim", claim_id)
    item = build.claim(claim)
    if include == "sentence":
        build.with_sentences([item], facts.bodies(session, {item.article.id}))
    return item
