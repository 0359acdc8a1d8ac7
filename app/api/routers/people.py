from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request, Response

from app.api.deps import Include, PageDep, SessionDep, reads
from app.api.errors import NotFound
from app.api.export import EXPORT_RESPONSES, listing
from app.api.filters import (
    MAX_ID,
    ArticleClaimFilters,
    ArticleQuoteFilters,
    PersonFilters,
    PersonRoleFilters,
    json_only,
    on_loop,
    scoped,
    values,
)
from app.api.render import ModelJSON
from app.api.routers.claims import claims_listing
from app.api.routers.quotes import quotes_listing
from app.api.routers.roles import roles_listing
from app.queries import entities
from app.schemas.read import (
    ClaimRead,
    Page,
    PersonDetail,
    PersonRead,
    Problem,
    QuoteRead,
    RoleRead,
)

router = APIRouter(prefix="/people", tags=["people"])
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Problem, "description": "No person with this id."}}
PersonId = Annotated[int, Path(ge=1, le=MAX_ID, description="The person's id.")]


def _person(session, person_id: int):
    person = entities.get_person(session, person_id)
    if person is None:
        raise NotFound("person", person_id)
    return person


@router.get("", response_model=Page[PersonRead], responses=EXPORT_RESPONSES)
@reads
def list_people(
    request: Request, session: SessionDep, page: PageDep,
    filters: Annotated[PersonFilters, Depends(on_loop(PersonFilters))]
) -> Response:
    """People named in the articles, one record per person across all articles."""

    def fetch(s, limit, cursor):
        found = entities.list_people(s, limit, cursor, page.sort, **values(filters))
        return Page[PersonRead](items=found.items, next_cursor=found.next_cursor)

    return listing(request, session, page, fetch, PersonRead, "people")


@router.get("/{person_id}", response_model=PersonDetail, responses=NOT_FOUND, dependencies=[Depends(json_only)])
@reads
def get_person(session: SessionDep, person_id: PersonId) -> ModelJSON:
    """One person with every written form of the name, current roles and how much is on record."""
    person = entities.person_detail(session, person_id)
    if person is None:
        raise NotFound("person", person_id)
    return ModelJSON(person)


@router.get("/{person_id}/quotes", response_model=Page[QuoteRead], responses=NOT_FOUND | EXPORT_RESPONSES)
@reads
def person_quotes(
    request: Request, session: SessionDep, person_id: PersonId, page: PageDep,
    filters: Annotated[ArticleQuoteFilters, Depends(on_loop(ArticleQuoteFilters))], include: Include = None,
) -> Response:
    """Everything one person said. A `speaker_id` other than the path's, or an organization
    speaker, is a 422."""
    _person(session, person_id)
    scoped_filters = scoped(values(filters), request.query_params, speaker_id=person_id,
                            speaker_organization_id=None)
    return quotes_listing(request, session, page, scoped_filters, include)


@router.get("/{person_id}/claims", response_model=Page[ClaimRead], responses=NOT_FOUND | EXPORT_RESPONSES)
@reads
def person_claims(
    request: Request, session: SessionDep, person_id: PersonId, page: PageDep,
    filters: Annotated[ArticleClaimFilters, Depends(on_loop(ArticleClaimFilters))], include: Include = None,
) -> Response:
    """Every claim one person made. A `claimant_id` other than the path's, or an organization
    claimant, is a 422."""
    _person(session, person_id)
    scoped_filters = scoped(values(filters), request.query_params, claimant_id=person_id,
                            claimant_organization_id=None)
    return claims_listing(request, session, page, scoped_filters, include)


@router.get("/{person_id}/roles", response_model=Page[RoleRead], responses=NOT_FOUND | EXPORT_RESPONSES)
@reads
def person_roles(
    request: Request, session: SessionDep, person_id: PersonId, page: PageDep,
    filters: Annotated[PersonRoleFilters, Depends(on_loop(PersonRoleFilters))],
) -> Response:
    """Every role one person holds or held. A `person_id` in the query other than the path's
    is a 422."""
    _person(session, person_id)
    scoped_filters = scoped(values(filters), request.query_params, person_id=person_id)
    return roles_listing(request, session, page, scoped_filters)
