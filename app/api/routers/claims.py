from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request, Response

from app.api.deps import Include, PageDep, SessionDep, reads
from app.api.errors import NotFound
from app.api.export import EXPORT_RESPONSES, evidence_listing
from app.api.filters import MAX_ID, ClaimFilters, json_only, on_loop, values
from app.api.render import ModelJSON
from app.queries import facts
from app.schemas import build
from app.schemas.read import ClaimRead, Page, Problem

router = APIRouter(prefix="/claims", tags=["claims"])
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Problem, "description": "No claim with this id."}}


def claims_listing(request, session, page, filters: dict, include: str | None):
    return evidence_listing(request, session, page, "claims", facts.list_claims, ClaimRead,
                            filters, include)


@router.get("", response_model=Page[ClaimRead], responses=EXPORT_RESPONSES)
@reads
def list_claims(
    request: Request, session: SessionDep, page: PageDep,
    filters: Annotated[ClaimFilters, Depends(on_loop(ClaimFilters))],
    include: Include = None,
) -> Response:
    """Policy claims (plans, targets, deals, positions…) with claimant and normalised amounts."""
    return claims_listing(request, session, page, values(filters), include)


@router.get("/{claim_id}", response_model=ClaimRead, responses=NOT_FOUND, dependencies=[Depends(json_only)])
@reads
def get_claim(
    session: SessionDep,
    claim_id: Annotated[int, Path(ge=1, le=MAX_ID, description="The claim's id.")],
    include: Include = None,
) -> ModelJSON:
    """One claim."""
    item = facts.get_claim(session, claim_id)
    if item is None:
        raise NotFound("claim", claim_id)
    if include == "sentence":
        build.with_sentences([item], facts.bodies(session, {item.article.id}))
    return ModelJSON(item)
