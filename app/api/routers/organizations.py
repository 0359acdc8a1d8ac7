from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request, Response

from app.api.deps import PageDep, SessionDep, reads
from app.api.errors import NotFound
from app.api.export import EXPORT_RESPONSES, listing
from app.api.filters import (
    MAX_ID,
    OrganizationFilters,
    json_only,
    on_loop,
    scoped,
    values,
)
from app.api.render import ModelJSON
from app.queries import entities
from app.schemas.read import OrganizationRead, Page, PersonRead, Problem

router = APIRouter(prefix="/organizations", tags=["organizations"])
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Problem, "description": "No organization with this id."}}
OrganizationId = Annotated[int, Path(ge=1, le=MAX_ID, description="The organization's id.")]


@router.get("", response_model=Page[OrganizationRead], responses=EXPORT_RESPONSES)
@reads
def list_organizations(
    request: Request, session: SessionDep, page: PageDep,
    filters: Annotated[OrganizationFilters, Depends(on_loop(OrganizationFilters))]
) -> Response:
    """Organizations named in the articles, with aliases, kind and parent."""

    def fetch(s, limit, cursor):
        found = entities.list_organizations(s, limit, cursor, page.sort, **values(filters))
        return Page[OrganizationRead](items=found.items, next_cursor=found.next_cursor)

    return listing(request, session, page, fetch, OrganizationRead, "organizations")


@router.get("/{organization_id}", response_model=OrganizationRead, responses=NOT_FOUND,
            dependencies=[Depends(json_only)])
@reads
def get_organization(session: SessionDep, organization_id: OrganizationId) -> ModelJSON:
    """One organization."""
    org = entities.get_organization(session, organization_id)
    if org is None:
        raise NotFound("organization", organization_id)
    return ModelJSON(org)


@router.get("/{organization_id}/people", response_model=Page[PersonRead], responses=NOT_FOUND | EXPORT_RESPONSES)
@reads
def organization_people(
    request: Request, session: SessionDep, organization_id: OrganizationId, page: PageDep
) -> Response:
    """People with a role at the organization or at one of its units. An `organization_id` in
    the query other than the path's is a 422."""
    if entities.get_organization(session, organization_id) is None:
        raise NotFound("organization", organization_id)
    scoped({}, request.query_params, organization_id=organization_id)

    def fetch(s, limit, cursor):
        found = entities.people_at_organization(s, organization_id, limit, cursor, page.sort)
        return Page[PersonRead](items=found.items, next_cursor=found.next_cursor)

    return listing(request, session, page, fetch, PersonRead, "people")
