"""Quotes, claims and articles: gets and filtered lists, eager-loading what the API shows."""
from __future__ import annotations

from datetime import date

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, selectinload

from app.db.models import Article, Claim, ClaimAmount, ClaimTopic, Quote
from app.queries import search
from app.queries.pagination import Page, paginate

_QUOTE_LOAD = (
    selectinload(Quote.speaker_person),
    selectinload(Quote.speaker_organization),
    selectinload(Quote.article),
)
_CLAIM_LOAD = (
    selectinload(Claim.claimant_person),
    selectinload(Claim.claimant_organization),
    selectinload(Claim.article),
    selectinload(Claim.amounts),
    selectinload(Claim.topics),
)
_ARTICLE_LOAD = (selectinload(Article.publisher), selectinload(Article.source))


def _published(stmt: Select, article_id_column, published_from: date | None, published_to: date | None) -> Select:
    if published_from is None and published_to is None:
        return stmt
    articles = select(Article.id)
    if published_from is not None:
        articles = articles.where(Article.published_at >= published_from)
    if published_to is not None:
        articles = articles.where(Article.published_at <= published_to)
    return stmt.where(article_id_column.in_(articles))


# ----------------------------------------------------------------------------- quotes
def get_quote(session: Session, quote_id: int) -> Quote | None:
    return session.get(Quote, quote_id, options=_QUOTE_LOAD)


def quotes_query(
    speaker_id: int | None = None,
    speaker_organization_id: int | None = None,
    article_id: int | None = None,
    kind: str | None = None,
    published_from: date | None = None,
    published_to: date | None = None,
) -> Select:
    stmt = select(Quote).options(*_QUOTE_LOAD)
    if speaker_id is not None:
        stmt = stmt.where(Quote.speaker_person_id == speaker_id)
    if speaker_organization_id is not None:
        stmt = stmt.where(Quote.speaker_organization_id == speaker_organization_id)
    if article_id is not None:
        stmt = stmt.where(Quote.article_id == article_id)
    if kind:
        stmt = stmt.where(Quote.kind == kind)
    return _published(stmt, Quote.article_id, published_from, published_to)


def quotes_by_ids(session: Session, ids: list[int]) -> list[Quote]:
    """The quotes with these ids, in the order given."""
    found = {q.id: q for q in session.scalars(quotes_query().where(Quote.id.in_(ids)))}
    return [found[i] for i in ids if i in found]


def list_quotes(
    session: Session, limit: int, cursor: str | None, sort: str = "id", q: str | None = None, **filters
) -> Page[Quote]:
    stmt = search.restrict(session, quotes_query(**filters), Quote.id, "quotes", q)
    return paginate(session, stmt, Quote.id, limit, cursor, sort)


# ----------------------------------------------------------------------------- claims
def get_claim(session: Session, claim_id: int) -> Claim | None:
    return session.get(Claim, claim_id, options=_CLAIM_LOAD)


def claims_query(
    claimant_id: int | None = None,
    claimant_organization_id: int | None = None,
    article_id: int | None = None,
    type: str | None = None,
    topic: str | None = None,
    unit: str | None = None,
    min_value: float | None = None,
    max_value: float | None = None,
    target_year: int | None = None,
) -> Select:
    stmt = select(Claim).options(*_CLAIM_LOAD)
    if claimant_id is not None:
        stmt = stmt.where(Claim.claimant_person_id == claimant_id)
    if claimant_organization_id is not None:
        stmt = stmt.where(Claim.claimant_organization_id == claimant_organization_id)
    if article_id is not None:
        stmt = stmt.where(Claim.article_id == article_id)
    if type:
        stmt = stmt.where(Claim.type == type)
    if topic:
        stmt = stmt.where(Claim.id.in_(select(ClaimTopic.claim_id).where(ClaimTopic.topic == topic)))
    if target_year is not None:
        stmt = stmt.where(Claim.target_year == target_year)
    if unit or min_value is not None or max_value is not None:
        amounts = select(ClaimAmount.claim_id)
        if unit:
            amounts = amounts.where(ClaimAmount.unit == unit)
        if min_value is not None:
            amounts = amounts.where(ClaimAmount.value >= min_value)
        if max_value is not None:
            amounts = amounts.where(ClaimAmount.value <= max_value)
        stmt = stmt.where(Claim.id.in_(amounts))
    return stmt


def claims_by_ids(session: Session, ids: list[int]) -> list[Claim]:
    """The claims with these ids, in the order given."""
    found = {c.id: c for c in session.scalars(claims_query().where(Claim.id.in_(ids)))}
    return [found[i] for i in ids if i in found]


def list_claims(
    session: Session, limit: int, cursor: str | None, sort: str = "id", q: str | None = None, **filters
) -> Page[Claim]:
    stmt = search.restrict(session, claims_query(**filters), Claim.id, "claims", q)
    return paginate(session, stmt, Claim.id, limit, cursor, sort)


# ----------------------------------------------------------------------------- articles
def get_article(session: Session, article_id: int) -> Article | None:
    return session.get(Article, article_id, options=_ARTICLE_LOAD)


def articles_query(
    publisher_id: int | None = None, published_from: date | None = None, published_to: date | None = None
) -> Select:
    stmt = select(Article).options(*_ARTICLE_LOAD)
    if publisher_id is not None:
        stmt = stmt.where(Article.publisher_id == publisher_id)
    return _published(stmt, Article.id, published_from, published_to)


def list_articles(
    session: Session, limit: int, cursor: str | None, sort: str = "id", q: str | None = None, **filters
) -> Page[Article]:
    stmt = search.restrict(session, articles_query(**filters), Article.id, "articles", q)
    return paginate(session, stmt, Article.id, limit, cursor, sort)


def bodies(session: Session, article_ids: set[int]) -> dict[int, str]:
    """Article bodies by id, for showing evidence sentences."""
    if not article_ids:
        return {}
    rows = session.execute(select(Article.id, Article.body).where(Article.id.in_(article_ids)))
    return {article_id: body for article_id, body in rows}


def count(session: Session, stmt: Select) -> int:
    return session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0
