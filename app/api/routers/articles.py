from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request, Response

from app.api.deps import Include, PageDep, SessionDep, reads
from app.api.errors import NotFound
from app.api.export import EXPORT_RESPONSES, listing, unused_columns
from app.api.filters import (
    MAX_ID,
    ArticleClaimFilters,
    ArticleFilters,
    ArticleQuoteFilters,
    json_only,
    on_loop,
    scoped,
    values,
)
from app.api.render import ModelJSON
from app.api.routers.claims import claims_listing
from app.api.routers.quotes import quotes_listing
from app.queries import facts, search
from app.schemas import build
from app.schemas.read import (
    ArticleDetail,
    ArticleRead,
    ClaimRead,
    Page,
    Problem,
    QuoteRead,
)

router = APIRouter(prefix="/articles", tags=["articles"])
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Problem, "description": "No article with this id."}}
ArticleId = Annotated[int, Path(ge=1, le=MAX_ID, description="The article's id.")]


def _article(session, article_id: int):
    article = facts.get_article(session, article_id)
    if article is None:
        raise NotFound("article", article_id)
    return article


@router.get("", response_model=Page[ArticleRead], responses=EXPORT_RESPONSES)
@reads
def list_articles(
    request: Request, session: SessionDep, page: PageDep,
    filters: Annotated[ArticleFilters, Depends(on_loop(ArticleFilters))]
) -> Response:
    """Articles loaded, one per article even when a file held several."""

    def fetch(s, limit, cursor):
        found = facts.list_articles(s, limit, cursor, page.sort, **values(filters))
        items = found.items
        if filters.q:
            build.with_snippets(items, search.snippets(s, "articles", filters.q, [i.id for i in items]))
        return Page[ArticleRead](items=items, next_cursor=found.next_cursor)

    return listing(request, session, page, fetch, ArticleRead, "articles", unused_columns(filters.q, "sentence"))


@router.get("/{article_id}", response_model=ArticleDetail, responses=NOT_FOUND, dependencies=[Depends(json_only)])
@reads
def get_article(session: SessionDep, article_id: ArticleId) -> ModelJSON:
    """One article with its cleaned body, which evidence offsets point into."""
    return ModelJSON(_article(session, article_id))


@router.get("/{article_id}/quotes", response_model=Page[QuoteRead], responses=NOT_FOUND | EXPORT_RESPONSES)
@reads
def article_quotes(
    request: Request, session: SessionDep, article_id: ArticleId, page: PageDep,
    filters: Annotated[ArticleQuoteFilters, Depends(on_loop(ArticleQuoteFilters))], include: Include = None,
) -> Response:
    """The quotes of one article. An `article_id` in the query other than the path's is a 422."""
    _article(session, article_id)
    scoped_filters = scoped(values(filters), request.query_params, article_id=article_id)
    return quotes_listing(request, session, page, scoped_filters, include)


@router.get("/{article_id}/claims", response_model=Page[ClaimRead], responses=NOT_FOUND | EXPORT_RESPONSES)
@reads
def article_claims(
    request: Request, session: SessionDep, article_id: ArticleId, page: PageDep,
    filters: Annotated[ArticleClaimFilters, Depends(on_loop(ArticleClaimFilters))], include: Include = None,
) -> Response:
    """The claims of one article. An `article_id` in the query other than the path's is a 422."""
    _article(session, article_id)
    scoped_filters = scoped(values(filters), request.query_params, article_id=article_id)
    return claims_listing(request, session, page, scoped_filters, include)
