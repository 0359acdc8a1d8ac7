from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

from app.api.deps import SessionDep, reads
from app.api.render import ModelJSON
from app.queries import entities, facts, search
from app.schemas import build
from app.schemas.read import ClaimRead, OrganizationRead, PersonRead, QuoteRead

router = APIRouter(tags=["search"])


class SearchResults(BaseModel):
    people: list[PersonRead]
    organizations: list[OrganizationRead]
    quotes: list[QuoteRead]
    claims: list[ClaimRead]


@router.get("/search", response_model=SearchResults)
@reads
def search_everything(
    session: SessionDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Words to look for.",
                            examples=["artificial intelligence"])],
    limit: Annotated[int, Query(ge=1, le=50, description="At most this many results of each kind.")] = 5,
) -> ModelJSON:
    """One box across people, organizations (by name) and quotes and claims (full text, best first)."""
    people = entities.list_people(session, limit, None, q=q).items
    orgs = entities.list_organizations(session, limit, None, q=q).items
    found = {}
    for table, fetch in (("quotes", facts.quotes_by_ids), ("claims", facts.claims_by_ids)):
        hits = search.ranked(session, table, q, limit)
        items = fetch(session, [hit.id for hit in hits])
        found[table] = build.with_snippets(items, {hit.id: hit.snippet for hit in hits})
    return ModelJSON(SearchResults(
        people=[build.person(p) for p in people],
        organizations=[build.organization(o) for o in orgs],
        quotes=found["quotes"],
        claims=found["claims"],
    ))
