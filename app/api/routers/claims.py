from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query

from app.api.deps import Cursor, Limit, SessionDep
from app.api.errors import NotFound
from app.queries import facts
from app.schemas import build
from app.schemas.read import ClaimRead, Page, Problem

router = APIRouter(prefix="/claims", tags=["claims"])
NOT_FOUND = {404: {"model": Problem, "description": "No claim with this id."}}
ClaimType = Literal["investment", "target", "procurement", "program", "partnership", "regulation", "position", "forecast"]


@router.get("", response_model=Page[ClaimRead])
def list_claims(
    session: SessionDep,
    limit: Limit = 20,
    cursor: Cursor = None,
    claimant_id: Annotated[int | None, Query(ge=1, description="Claims by this person.")] = None,
    claimant_organization_id: Annotated[
        int | None, Query(ge=1, description="Claims by this organization.")
    ] = None,
    article_id: Annotated[int | None, Query(ge=1, description="Claims in this article.")] = None,
    type: Annotated[ClaimType | None, Query(description="Only this type of claim.")] = None,
    unit: Annotated[str | None, Query(max_length=80, description="Claims with an amount in this unit.",
                                      examples=["KRW"])] = None,
    topic: Annotated[str | None, Query(max_length=60, description="Claims on this topic.", examples=["AI"])] = None,
    min_value: Annotated[float | None, Query(description="Claims with an amount of at least this value "
                                             "(in `unit` when given).", examples=[1e12])] = None,
    max_value: Annotated[float | None, Query(description="Claims with an amount of at most this value.")] = None,
    target_year: Annotated[int | None, Query(ge=1000, le=9999, description="Claims aiming at this year.",
                                             examples=[2030])] = None,
) -> Page[ClaimRead]:
    """Policy claims (plans, targets, deals, positions…) with claimant and normalised amounts."""
    page = facts.list_claims(
        session, limit, cursor, claimant_id, claimant_organization_id, article_id, type, unit,
        topic, min_value, max_value, target_year,
    )
    return Page[ClaimRead](items=[build.claim(c) for c in page.items], next_cursor=page.next_cursor)


@router.get("/{claim_id}", response_model=ClaimRead, responses=NOT_FOUND)
def get_claim(session: SessionDep, claim_id: Annotated[int, Path(ge=1)]) -> ClaimRead:
    """One claim."""
    claim = facts.get_claim(session, claim_id)
    if claim is None:
        raise NotFound("claim", claim_id)
    return build.claim(claim)
