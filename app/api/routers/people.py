from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from app.api.deps import Cursor, Limit, SessionDep
from app.api.errors import NotFound
from app.queries import entities
from app.schemas import build
from app.schemas.read import Page, PersonRead, Problem

router = APIRouter(prefix="/people", tags=["people"])
NOT_FOUND = {404: {"model": Problem, "description": "No person with this id."}}


@router.get("", response_model=Page[PersonRead])
def list_people(
    session: SessionDep,
    limit: Limit = 20,
    cursor: Cursor = None,
    q: Annotated[
        str | None,
        Query(max_length=200, description="Name or alias contains this (spelling variants forgiven).",
              examples=["bae kyung-hoon"]),
    ] = None,
) -> Page[PersonRead]:
    """People named in the articles, one record per person across all articles."""
    page = entities.list_people(session, limit, cursor, q=q)
    return Page[PersonRead](items=[build.person(p) for p in page.items], next_cursor=page.next_cursor)


@router.get("/{person_id}", response_model=PersonRead, responses=NOT_FOUND)
def get_person(session: SessionDep, person_id: Annotated[int, Path(ge=1)]) -> PersonRead:
    """One person with every written form of their name."""
    person = entities.get_person(session, person_id)
    if person is None:
        raise NotFound("person", person_id)
    return build.person(person)
