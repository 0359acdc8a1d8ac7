from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request, Response

from app.api.deps import PageDep, SessionDep, reads
from app.api.errors import NotFound
from app.api.export import EXPORT_RESPONSES, listing
from app.api.filters import MAX_ID, RoleFilters, json_only, on_loop, values
from app.api.render import ModelJSON
from app.queries import roles
from app.schemas.read import Page, Problem, RoleRead

router = APIRouter(prefix="/roles", tags=["roles"])
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Problem, "description": "No role with this id."}}


def roles_listing(request, session, page, filters: dict, name: str = "roles"):
    def fetch(s, limit, cursor):
        found = roles.list_(s, limit, cursor, page.sort, **filters)
        return Page[RoleRead](items=found.items, next_cursor=found.next_cursor)

    return listing(request, session, page, fetch, RoleRead, name)


@router.get("", response_model=Page[RoleRead], responses=EXPORT_RESPONSES)
@reads
def list_roles(
    request: Request, session: SessionDep, page: PageDep, filters: Annotated[RoleFilters, Depends(on_loop(RoleFilters))]
) -> Response:
    """Who holds (held, or is nominated to) which title where, with every article that says so."""
    return roles_listing(request, session, page, values(filters))


@router.get("/{role_id}", response_model=RoleRead, responses=NOT_FOUND, dependencies=[Depends(json_only)])
@reads
def get_role(
    session: SessionDep,
    role_id: Annotated[int, Path(ge=1, le=MAX_ID, description="The role's id.")],
) -> ModelJSON:
    """One role."""
    role = roles.get(session, role_id)
    if role is None:
        raise NotFound("role", role_id)
    return ModelJSON(role)
