from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field
from sqlalchemy import func, select

from app.api.deps import SessionDep, reads
from app.api.filters import json_only
from app.api.render import ModelJSON
from app.db.models import Claim, Organization, Person, Quote
from app.queries import entities, facts, search
from app.queries.pagination import (
    RankedPosition,
    decode_ranked_cursor,
    encode_ranked_cursor,
)
from app.schemas import build
from app.schemas.read import ClaimRead, OrganizationRead, PersonRead, QuoteRead

router = APIRouter(tags=["search"])
# The tables a walk of search results is pinned to, in the order of the cursor's `upto`.
_TABLES = (Person, Organization, Quote, Claim)
_HIGHEST_IDS = select(*(select(func.coalesce(func.max(t.id), 0)).scalar_subquery() for t in _TABLES))


class SearchResults(BaseModel):
    people: list[PersonRead]
    organizations: list[OrganizationRead]
    quotes: list[QuoteRead]
    claims: list[ClaimRead]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next `limit` results of each kind; "
                                    "null when no kind has more.")


@router.get("/search", response_model=SearchResults, dependencies=[Depends(json_only)])
@reads
def search_everything(
    session: SessionDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Words to look for.",
                            examples=["artificial intelligence"])],
    limit: Annotated[int, Query(ge=1, le=100, description="At most this many results of each kind.")] = 5,
    cursor: Annotated[str | None, Query(max_length=200, description="Opaque cursor from the previous page's "
                                        "`next_cursor` (keep `q` and `limit` while walking).")] = None,
) -> ModelJSON:
    """One box across people and organizations (names and aliases by word starts, in id order)
    and quotes and claims (full text, best first). A walk by `next_cursor` sees the records as
    they were at its first page: records added meanwhile wait for the next walk."""
    position = decode_ranked_cursor(cursor, len(_TABLES))
    if position is None:
        position = RankedPosition(0, tuple(session.execute(_HIGHEST_IDS).one()))
    people_upto, orgs_upto, quotes_upto, claims_upto = position.upto
    at = position.offset
    people = entities.people_by_name(session, q, limit + 1, at, people_upto)
    orgs = entities.organizations_by_name(session, q, limit + 1, at, orgs_upto)
    found, more = {}, len(people) > limit or len(orgs) > limit
    kinds = (("quotes", facts.quotes_by_ids, quotes_upto), ("claims", facts.claims_by_ids, claims_upto))
    for table, fetch, upto in kinds:
        hits = search.ranked(session, table, q, limit + 1, at, upto)
        more = more or len(hits) > limit
        hits = hits[:limit]
        items = fetch(session, [hit.id for hit in hits])
        found[table] = build.with_snippets(items, {hit.id: hit.snippet for hit in hits})
    return ModelJSON(SearchResults(
        people=people[:limit],
        organizations=orgs[:limit],
        quotes=found["quotes"],
        claims=found["claims"],
        next_cursor=encode_ranked_cursor(RankedPosition(at + limit, position.upto)) if more else None,
    ))
