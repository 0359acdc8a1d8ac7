"""Quotes, claims and articles: gets and filtered lists of what the API shows."""
from __future__ import annotations

from datetime import date

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import Session, selectinload

from app.db.models import (
    Article,
    Claim,
    ClaimAmount,
    ClaimTopic,
    Organization,
    Person,
    Quote,
    Role,
)
from app.queries import search
from app.queries.pagination import Page, paginate
from app.schemas import build
from app.schemas.read import ClaimRead, QuoteRead

_ARTICLE_LOAD = (selectinload(Article.publisher), selectinload(Article.source))

# Quotes and claims are read as plain rows, each with the names it refers to, in one statement
# joined by primary key (the article's body stays on disk); what the API shows is built from the
# rows. Left joins keep the quote or claim table first, so a page walks its id order.
_QUOTE_COLUMNS = select(
    Quote.id, Quote.text, Quote.kind, Quote.cue, Quote.confidence, Quote.start, Quote.end,
    Quote.article_id, Article.title.label("article_title"),
    Quote.speaker_person_id, Person.name.label("speaker_person_name"),
    Quote.speaker_organization_id, Organization.name.label("speaker_organization_name"),
).outerjoin(Article, Article.id == Quote.article_id).outerjoin(
    Person, Person.id == Quote.speaker_person_id).outerjoin(
    Organization, Organization.id == Quote.speaker_organization_id)
_CLAIM_COLUMNS = select(
    Claim.id, Claim.text, Claim.type, Claim.target_year, Claim.start, Claim.end,
    Claim.article_id, Article.title.label("article_title"),
    Claim.claimant_person_id, Person.name.label("claimant_person_name"),
    Claim.claimant_organization_id, Organization.name.label("claimant_organization_name"),
).outerjoin(Article, Article.id == Claim.article_id).outerjoin(
    Person, Person.id == Claim.claimant_person_id).outerjoin(
    Organization, Organization.id == Claim.claimant_organization_id)


def _published(stmt: Select, published_from: date | None, published_to: date | None) -> Select:
    """Only rows of articles published in the range (the statement joins the article)."""
    if published_from is not None:
        stmt = stmt.where(Article.published_at >= published_from)
    if published_to is not None:
        stmt = stmt.where(Article.published_at <= published_to)
    return stmt


# ----------------------------------------------------------------------------- quotes
def quotes_query(
    speaker_id: int | None = None,
    speaker_organization_id: int | None = None,
    article_id: int | None = None,
    kind: str | None = None,
    published_from: date | None = None,
    published_to: date | None = None,
) -> Select:
    stmt = _QUOTE_COLUMNS
    if speaker_id is not None:
        stmt = stmt.where(Quote.speaker_person_id == speaker_id)
    if speaker_organization_id is not None:
        stmt = stmt.where(Quote.speaker_organization_id == speaker_organization_id)
    if article_id is not None:
        stmt = stmt.where(Quote.article_id == article_id)
    if kind:
        stmt = stmt.where(Quote.kind == kind)
    return _published(stmt, published_from, published_to)


def get_quote(session: Session, quote_id: int) -> QuoteRead | None:
    row = session.execute(quotes_query().where(Quote.id == quote_id)).first()
    return build.quote(row) if row else None


def quotes_by_ids(session: Session, ids: list[int]) -> list[QuoteRead]:
    """The quotes with these ids, in the order given."""
    found = {row.id: row for row in session.execute(quotes_query().where(Quote.id.in_(ids)))}
    return [build.quote(found[i]) for i in ids if i in found]


def list_quotes(
    session: Session, limit: int, cursor: str | None, sort: str = "id", q: str | None = None, **filters
) -> Page[QuoteRead]:
    stmt = search.restrict(session, quotes_query(**filters), Quote.id, "quotes", q)
    page = paginate(session, stmt, Quote.id, limit, cursor, sort)
    return Page([build.quote(row) for row in page.items], page.next_cursor)


# ----------------------------------------------------------------------------- claims
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
    stmt = _CLAIM_COLUMNS
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


def _claims(session: Session, rows: list) -> list[ClaimRead]:
    """Read models for claim rows, with their amounts and topics (one statement each)."""
    ids = [row.id for row in rows]
    amounts: dict[int, list] = {i: [] for i in ids}
    topics: dict[int, list[str]] = {i: [] for i in ids}
    if ids:
        for amount in session.execute(
            select(ClaimAmount.claim_id, ClaimAmount.value, ClaimAmount.unit, ClaimAmount.text,
                   ClaimAmount.qualifier).where(ClaimAmount.claim_id.in_(ids)).order_by(ClaimAmount.id)
        ):
            amounts[amount.claim_id].append(amount)
        for claim_id, topic in session.execute(
            select(ClaimTopic.claim_id, ClaimTopic.topic).where(ClaimTopic.claim_id.in_(ids)).order_by(ClaimTopic.topic)
        ):
            topics[claim_id].append(topic)
    return [build.claim(row, amounts[row.id], topics[row.id]) for row in rows]


def get_claim(session: Session, claim_id: int) -> ClaimRead | None:
    found = _claims(session, session.execute(claims_query().where(Claim.id == claim_id)).all())
    return found[0] if found else None


def claims_by_ids(session: Session, ids: list[int]) -> list[ClaimRead]:
    """The claims with these ids, in the order given."""
    found = {c.id: c for c in _claims(session, session.execute(claims_query().where(Claim.id.in_(ids))).all())}
    return [found[i] for i in ids if i in found]


def list_claims(
    session: Session, limit: int, cursor: str | None, sort: str = "id", q: str | None = None, **filters
) -> Page[ClaimRead]:
    stmt = search.restrict(session, claims_query(**filters), Claim.id, "claims", q)
    page = paginate(session, stmt, Claim.id, limit, cursor, sort)
    return Page(_claims(session, page.items), page.next_cursor)


def _number_of(model, column, name: str):
    return select(func.count()).select_from(model).where(column == bindparam("person_id")).scalar_subquery().label(name)


_COUNTS = select(
    _number_of(Quote, Quote.speaker_person_id, "quotes"),
    _number_of(Claim, Claim.claimant_person_id, "claims"),
    _number_of(Role, Role.person_id, "roles"),
)


def counts(session: Session, person_id: int) -> dict[str, int]:
    """How many quotes, claims and roles a person has, in one statement."""
    return dict(session.execute(_COUNTS, {"person_id": person_id}).one()._mapping)


# ----------------------------------------------------------------------------- articles
def get_article(session: Session, article_id: int) -> Article | None:
    return session.get(Article, article_id, options=_ARTICLE_LOAD)


def articles_query(
    publisher_id: int | None = None, published_from: date | None = None, published_to: date | None = None
) -> Select:
    stmt = select(Article).options(*_ARTICLE_LOAD)
    if publisher_id is not None:
        stmt = stmt.where(Article.publisher_id == publisher_id)
    if published_from is None and published_to is None:
        return stmt
    # As a subquery, so that the date range is read through its index, not by walking every article.
    return stmt.where(Article.id.in_(_published(select(Article.id), published_from, published_to)))


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

