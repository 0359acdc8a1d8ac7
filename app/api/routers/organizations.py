from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from app.api.deps import Cursor, Limit, SessionDep
from app.api.errors import NotFound
from app.queries import entities
from app.schemas import build
from app.schemas.read import OrganizationRead, Page, Problem

router = APIRouter(prefix="/organizations", tags=["organizations"])
NOT_FOUND = {404: {"model": Problem, "description": "No organization with this id."}}


@router.get("", response_model=Page[OrganizationRead])
def list_organizations(
    session: SessionDep,
    limit: Limit = 20,
    cursor: Cursor = None,
    q: Annotated[str | None, Query(max_length=200, description="Name or alias contains this.",
                                   examples=["LG"])] = None,
    kind: Annotated[str | None, Query(max_length=40, description="Only this kind.",
                                      examples=["government"])] = None,
) -> Page[OrganizationRead]:
    """Organizations named in the articles, with aliases, kind and parent."""
    page = entities.list_organizations(session, limit, cursor, q=q, kind=kind)
    return Page[OrganizationRead](
        items=[build.organization(o) for o in page.items], next_cursor=page.next_cursor
    )


@router.get("/{organization_id}", response_model=OrganizationRead, responses=NOT_FOUND)
def get_organization(session: SessionDep, organization_id: Annotated[int, Path(ge=1)]) -> OrganizationRead:
    """One organization."""
    org = entities.get_organization(session, organization_id)
    if org is None:
        raise NotFound("organization", organization_id)
    return build.organization(org)
