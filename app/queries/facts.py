"""Quotes, claims and articles: gets and filtered lists, eager-loading what the API shows."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.db.models import Article, Claim, ClaimAmount, ClaimTopic, Quote
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


def get_quote(session: Session, quote_id: int) -> Quote | None:
    return session.get(Quote, quote_id, options=_QUOTE_LOAD)


def list_quotes(
    session: Session,
    limit: int,
    cursor: str | None,
    speaker_id: int | None = None,
    speaker_organization_id: int | None = None,
    article_id: int | None = None,
    kind: str | None = None,
) -> Page[Quote]:
    stmt = select(Quote).options(*_QUOTE_LOAD)
    if speaker_id is not None:
        stmt = stmt.where(Quote.speaker_person_id == speaker_id)
    if speaker_organization_id is not None:
        stmt = stmt.where(Quote.speaker_organization_id == speaker_organization_id)
    if article_id is not None:
        stmt = stmt.where(Quote.article_id == article_id)
    if kind:
        stmt = stmt.where(Quote.kind == kind)
    return paginate(session, stmt, Quote.id, limit, cursor)


def get_claim(session: Session, claim_id: int) -> Claim | None:
    return session.get(Claim, claim_id, options=_CLAIM_LOAD)


def list_claims(
    session: Session,
    limit: int,
    cursor: str | None,
    claimant_id: int | None = None,
    claimant_organization_id: int | None = None,
    article_id: int | None = None,
    type_: str | None = None,
    unit: str | None = None,
    topic: str | None = None,
    min_value: float | None = None,
    max_value: float | None = None,
    target_year: int | None = None,
) -> Page[Claim]:
    stmt = select(Claim).options(*_CLAIM_LOAD)
    if claimant_id is not None:
        stmt = stmt.where(Claim.claimant_person_id == claimant_id)
    if claimant_organization_id is not None:
        stmt = stmt.where(Claim.claimant_organization_id == claimant_organization_id)
    if article_id is not None:
        stmt = stmt.where(Claim.article_id == article_id)
    if type_:
        stmt = stmt.where(Claim.type == type_)
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
    return paginate(session, stmt, Claim.id, limit, cursor)


def get_article(session: Session, article_id: int) -> Article | None:
    return session.get(
        Article, article_id, options=(selectinload(Article.publisher), selectinload(Article.source))
    )


def list_articles(
    session: Session, limit: int, cursor: str | None, publisher_id: int | None = None
) -> Page[Article]:
    stmt = select(Article).options(selectinload(Article.publisher), selectinload(Article.source))
    if publisher_id is not None:
        stmt = stmt.where(Article.publisher_id == publisher_id)
    return paginate(session, stmt, Article.id, limit, cursor)
