from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from app.api.deps import SessionDep, reads
from app.api.filters import json_only
from app.api.render import ModelJSON
from app.queries import facets as queries
from app.schemas.read import Facets

router = APIRouter(tags=["facets"])


@router.get("/facets", response_model=Facets, dependencies=[Depends(json_only)])
@reads
def facets(
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=1000, description="At most this many values of each facet.")] = 100,
) -> ModelJSON:
    """The values `topic`, `unit` and `type` of /claims, `kind` of /organizations and `title` of
    /roles take, most used first, with how many records carry each. Filters match them in any case."""
    return ModelJSON(queries.facets(session, limit))
