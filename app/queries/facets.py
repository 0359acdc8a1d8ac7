"""The values the list filters take, with how many records carry each."""
from __future__ import annotations

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import Session

from app.core.lexicon import LEXICON
from app.db.models import Claim, ClaimAmount, ClaimTopic, Organization, Role
from app.schemas.read import Facets, FacetValue


def _counted(value, counted) -> Select:
    """(value, count) pairs, most used first, then by value; at most `:limit` of them."""
    count = func.count(counted).label("count")
    stmt = select(value.label("value"), count).where(value.is_not(None)).group_by(value).order_by(count.desc(), value)
    return stmt.limit(bindparam("limit"))


_FACETS = {
    "topics": _counted(ClaimTopic.topic, ClaimTopic.claim_id),
    "units": _counted(ClaimAmount.unit, ClaimAmount.claim_id.distinct()),
    "claim_types": _counted(Claim.type, Claim.id),
    "organization_kinds": _counted(Organization.kind, Organization.id),
    "role_titles": _counted(Role.title_normalized, Role.id),
}


def facets(session: Session, limit: int) -> Facets:
    found = {name: [FacetValue(value=v, count=n) for v, n in session.execute(stmt, {"limit": limit})]
             for name, stmt in _FACETS.items()}
    # Every claim type is a value the filter takes: the ones no claim has yet follow with a count
    # of 0, within the limit like any other facet.
    seen = {f.value for f in found["claim_types"]}
    found["claim_types"] += [FacetValue(value=t, count=0) for t in LEXICON.claim_types if t not in seen]
    found["claim_types"] = found["claim_types"][:limit]
    return Facets(**found)
