from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from app.api.deps import Cursor, Limit, SessionDep
from app.api.errors import NotFound
from app.queries import facts
from app.schemas import build
from app.schemas.read import ArticleDetail, ArticleRead, Page, Problem

router = APIRouter(prefix="/articles", tags=["articles"])
NOT_FOUND = {404: {"model": Problem, "description": "No article with this id."}}


@router.get("", response_model=Page[ArticleRead])
def list_articles(
    session: SessionDep,
    limit: Limit = 20,
    cursor: Cursor = None,
    publisher_id: Annotated[int | None, Query(ge=1, description="Articles of this publisher.")] = None,
) -> Page[ArticleRead]:
    """Articles loaded, one per article even when a file held several."""
    page = facts.list_articles(session, limit, cursor, publisher_id)
    return Page[ArticleRead](items=[build.article(a) for a in page.items], next_cursor=page.next_cursor)


@router.get("/{article_id}", response_model=ArticleDetail, responses=NOT_FOUND)
def get_article(session: SessionDep, article_id: Annotated[int, Path(ge=1)]) -> ArticleDetail:
    """One article with its cleaned body, which evidence offsets point into."""
    article = facts.get_article(session, article_id)
    if article is None:
        raise NotFound("article", article_id)
    return build.article_detail(article)
