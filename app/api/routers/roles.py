from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query

from app.api.deps import Cursor, Limit, SessionDep
from app.api.errors import NotFound
from app.queries import roles
from app.schemas import build
from app.schemas.read import Page, Problem, RoleRead

router = APIRouter(prefix="/roles", tags=["roles"])
NOT_FOUND = {404: {"model": Problem, "description": "No role with this id."}}


@router.get("", response_model=Page[RoleRead])
def list_roles(
    session: SessionDep,
    limit: Limit = 20,
    cursor: Cursor = None,
    person_id: Annotated[int | None, Query(ge=1, description="Roles of this person.")] = None,
    organization_id: Annotated[int | None, Query(ge=1, description="Roles at this organization.")] = None,
    status: Annotated[Literal["current", "former", "nominated"] | None, Query(description="Only this status.")] = None,
    article_id: Annotated[int | None, Query(ge=1, description="Roles reported by this article.")] = None,
    year: Annotated[int | None, Query(ge=1000, le=9999, description="Roles held in this year (by their dates).",
                                      examples=[2016])] = None,
    title: Annotated[str | None, Query(max_length=200, description="Only this normalised title.",
                                       examples=["ceo"])] = None,
) -> Page[RoleRead]:
    """Who holds (held, or is nominated to) which title where, with evidence."""
    page = roles.list_(session, limit, cursor, person_id, organization_id, status, article_id, year, title)
    return Page[RoleRead](items=[build.role(r) for r in page.items], next_cursor=page.next_cursor)


@router.get("/{role_id}", response_model=RoleRead, responses=NOT_FOUND)
def get_role(session: SessionDep, role_id: Annotated[int, Path(ge=1)]) -> RoleRead:
    """One role."""
    role = roles.get(session, role_id)
    if role is None:
        raise NotFound("role", role_id)
    return build.role(role)
