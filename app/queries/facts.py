"""Quotes, claims and articles: gets and filtered lists of what the API shows."""
from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select, bindparam, exists, func, literal_column, select
from sqlalchemy.orm import Session, selectinload

from app.db.models import (
    Article,
    Claim,
    ClaimAmount,
    ClaimTopic,
    Organization,
    Person,
    Quote,
)
from app.queries import search
from app.queries.pagination import Page, decode_cursor, encode_cursor, paginate
from app.schemas import build
from app.schemas.read import ArticleDetail, ArticleRead, ClaimRead, QuoteRead

_ARTICLE_LOAD = (selectinload(Article.publisher), selectinload(Article.source))


# Quotes and claims are read as plain rows, each with the names it refers to, in one statement
# joined by primary key (the article's body stays on disk); what the API shows is built from the
# rows. Left joins keep the quote or claim table first, so a page walks its id order.
def _with_names(role: str, *columns, article_id, person_id, organization_id) -> Select:
    """`columns` and the names they point to: `article_title`, `{role}_person_name` and
    `{role}_organization_name`."""
    return select(
        *columns, Article.title.label("article_title"), Person.name.label(f"{role}_person_name"),
        Organization.name.label(f"{role}_organization_name"),
    ).outerjoin(Article, Article.id == article_id).outerjoin(Person, Person.id == person_id).outerjoin(
        Organization, Organization.id == organization_id)


_QUOTE_COLUMNS = _with_names(
    "speaker", Quote.id, Quote.text, Quote.kind, Quote.cue, Quote.confidence, Quote.start, Quote.end,
    Quote.speaker_mention, Quote.speaker_mention_start, Quote.speaker_mention_end,
    Quote.article_id, Quote.speaker_person_id, Quote.speaker_organization_id,
    article_id=Quote.article_id, person_id=Quote.speaker_person_id, organization_id=Quote.speaker_organization_id,
)
_CLAIM_COLUMNS = _with_names(
    "claimant", Claim.id, Claim.text, Claim.type, Claim.target_year, Claim.start, Claim.end,
    Claim.article_id, Claim.claimant_person_id, Claim.claimant_organization_id,
    article_id=Claim.article_id, person_id=Claim.claimant_person_id, organization_id=Claim.claimant_organization_id,
)


def _published(stmt: Select, published_from: date | None, published_to: date | None) -> Select:
    """Only rows of articles published in the range (the statement joins the article)."""
    if published_from is not None:
        stmt = stmt.where(Article.published_at >= published_from)
    if published_to is not None:
        stmt = stmt.where(Article.published_at <= published_to)
    return stmt


# Each filter as a criterion on a bound parameter of its own name. A list statement is built
# once per shape (the filters given, searched or not, order, first page or not) and then run
# with each request's values: building a statement cost more than SQLite took to run it.
_QUOTE_FILTERS = {
    "speaker_id": Quote.speaker_person_id == bindparam("speaker_id"),
    "speaker_organization_id": Quote.speaker_organization_id == bindparam("speaker_organization_id"),
    "article_id": Quote.article_id == bindparam("article_id"),
    "kind": Quote.kind == bindparam("kind"),
    # a scan of the quotes passed over (no index serves a LIKE inside the text): cheap beside
    # another filter, a few milliseconds per thousand quotes alone
    "mention": func.lower(Quote.speaker_mention).like(bindparam("mention"), escape="\\"),
    "published_from": Article.published_at >= bindparam("published_from"),
    "published_to": Article.published_at <= bindparam("published_to"),
}
_AMOUNT_FILTERS = {
    # in any case (`usd` is USD), through the indexes on the lower-case values
    "unit": func.lower(ClaimAmount.unit) == bindparam("unit"),
    "min_value": ClaimAmount.value >= bindparam("min_value"),
    "max_value": ClaimAmount.value <= bindparam("max_value"),
}
# The same conditions when the claims are walked and each one's amounts are found by its id (the
# claim_id index): a unit criterion that the unit index could serve led SQLite to read every
# amount of the unit for each claim walked instead (320 ms against 0.7 ms for a page of a common
# unit), so there the unit is compared as an expression no index serves.
_WALKING_AMOUNT_FILTERS = {
    **_AMOUNT_FILTERS,
    "unit": func.lower(ClaimAmount.unit).concat(literal_column("''")) == bindparam("unit"),
}
_CLAIM_FILTERS = {
    "claimant_id": Claim.claimant_person_id == bindparam("claimant_id"),
    "claimant_organization_id": Claim.claimant_organization_id == bindparam("claimant_organization_id"),
    "article_id": Claim.article_id == bindparam("article_id"),
    "type": Claim.type == bindparam("type"),
    "topic": Claim.id.in_(select(ClaimTopic.claim_id).where(func.lower(ClaimTopic.topic) == bindparam("topic"))),
    "target_year": Claim.target_year == bindparam("target_year"),
}
_LISTS = {"quotes": (_QUOTE_COLUMNS, Quote.id, _QUOTE_FILTERS), "claims": (_CLAIM_COLUMNS, Claim.id, _CLAIM_FILTERS)}


# A claim passes an amount filter when one of its amounts meets every condition given. When few
# amounts do, the claims are found by reading those amounts first (`IN`: cost grows with the
# amounts that match); when many do, by walking the claims in id order and checking each one's
# amounts until the page is full (`EXISTS`: cost grows with the claims passed over). Neither
# database picks between the two by cost. Measured on 69,558 claims with 14,165 amounts: half the
# amounts matching, 2.6 ms against 0.3 ms; a tenth, 1.0 ms against 9 ms.
MANY_AMOUNTS = 2000


@functools.cache
def _amounts_matching(names: frozenset[str]) -> Select:
    """How many amounts meet the amount filters `names`, counting no further than MANY_AMOUNTS."""
    matching = select(ClaimAmount.id).where(*(_AMOUNT_FILTERS[n] for n in sorted(names))).limit(MANY_AMOUNTS)
    return select(func.count()).select_from(matching.subquery())


@functools.cache
def _list_statement(table: str, names: frozenset[str], search_dialect: str | None, descending: bool,
                    after: bool, walk_claims: bool = False) -> Select:
    stmt, id_column, criteria = _LISTS[table]
    for name in sorted(names - _AMOUNT_FILTERS.keys()):
        stmt = stmt.where(criteria[name])
    if table == "claims" and names & _AMOUNT_FILTERS.keys():
        amount_names = sorted(names & _AMOUNT_FILTERS.keys())
        if walk_claims:
            walking = [_WALKING_AMOUNT_FILTERS[n] for n in amount_names]
            stmt = stmt.where(exists().where(ClaimAmount.claim_id == Claim.id, *walking))
        else:
            conditions = [_AMOUNT_FILTERS[n] for n in amount_names]
            stmt = stmt.where(Claim.id.in_(select(ClaimAmount.claim_id).where(*conditions)))
    if search_dialect:
        stmt = stmt.where(search.criterion(table, search_dialect, id_column))
    if after:
        stmt = stmt.where(id_column < bindparam("after") if descending else id_column > bindparam("after"))
    return stmt.order_by(id_column.desc() if descending else id_column).limit(bindparam("limit"))


def _list(session: Session, table: str, limit: int, cursor: str | None, sort: str, q: str | None,
          filters: dict) -> Page:
    """A page of rows of `table` (quotes or claims) matching the filters (and words q)."""
    values = {name: value for name, value in filters.items() if value is not None and value != ""}
    search_dialect = None
    if q:
        values["q"] = search.match_value(session, q)
        if values["q"] is None:  # no word to look for: nothing matches
            return Page([], None)
        search_dialect = session.get_bind().dialect.name
    after = decode_cursor(cursor, table, sort)
    if after is not None:
        values["after"] = after
    names = frozenset(values.keys() - {"q", "after"})
    walk_claims = False
    if table == "claims" and (amount_names := frozenset(names & _AMOUNT_FILTERS.keys())):
        walk_claims = session.connection().scalar(_amounts_matching(amount_names), values) >= MANY_AMOUNTS
    stmt = _list_statement(table, names, search_dialect, sort == "-id", after is not None, walk_claims)
    rows = session.connection().execute(stmt, {**values, "limit": limit + 1}).all()
    return Page(list(rows[:limit]), encode_cursor(rows[limit - 1].id, table, sort) if len(rows) > limit else None)


# ----------------------------------------------------------------------------- quotes
def contains_pattern(words: str) -> str:
    """A LIKE pattern (escape character backslash) for text holding `words`, any case and spacing."""
    text = " ".join(words.lower().split())
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


_QUOTE_BY_ID = _QUOTE_COLUMNS.where(Quote.id == bindparam("id"))
_QUOTES_BY_IDS = _QUOTE_COLUMNS.where(Quote.id.in_(bindparam("ids", expanding=True)))


def get_quote(session: Session, quote_id: int) -> QuoteRead | None:
    row = session.connection().execute(_QUOTE_BY_ID, {"id": quote_id}).first()
    return build.quote(row) if row else None


def quotes_by_ids(session: Session, ids: list[int]) -> list[QuoteRead]:
    """The quotes with these ids, in the order given."""
    if not ids:
        return []
    found = {row.id: row for row in session.connection().execute(_QUOTES_BY_IDS, {"ids": ids})}
    return [build.quote(found[i]) for i in ids if i in found]


def list_quotes(
    session: Session, limit: int, cursor: str | None, sort: str = "id", q: str | None = None, **filters
) -> Page[QuoteRead]:
    """Filters: speaker_id, speaker_organization_id, article_id, kind, mention, published_from,
    published_to."""
    if filters.get("mention"):
        filters["mention"] = contains_pattern(filters["mention"])
    page = _list(session, "quotes", limit, cursor, sort, q, filters)
    return Page([build.quote(row) for row in page.items], page.next_cursor)


# ----------------------------------------------------------------------------- claims
_CLAIM_BY_ID = _CLAIM_COLUMNS.where(Claim.id == bindparam("id"))
_CLAIMS_BY_IDS = _CLAIM_COLUMNS.where(Claim.id.in_(bindparam("ids", expanding=True)))
_AMOUNTS_OF = select(ClaimAmount.claim_id, ClaimAmount.value, ClaimAmount.unit, ClaimAmount.text,
                     ClaimAmount.qualifier).where(ClaimAmount.claim_id.in_(bindparam("ids", expanding=True))
                                                  ).order_by(ClaimAmount.id)
_TOPICS_OF = select(ClaimTopic.claim_id, ClaimTopic.topic).where(
    ClaimTopic.claim_id.in_(bindparam("ids", expanding=True))).order_by(ClaimTopic.topic)


def _claims(session: Session, rows: Sequence[Any]) -> list[ClaimRead]:
    """Read models for claim rows, with their amounts and topics (one statement each)."""
    ids = [row.id for row in rows]
    amounts: dict[int, list[Any]] = {i: [] for i in ids}
    topics: dict[int, list[str]] = {i: [] for i in ids}
    if ids:
        for amount in session.connection().execute(_AMOUNTS_OF, {"ids": ids}):
            amounts[amount.claim_id].append(amount)
        for claim_id, topic in session.connection().execute(_TOPICS_OF, {"ids": ids}):
            topics[claim_id].append(topic)
    return [build.claim(row, amounts[row.id], topics[row.id]) for row in rows]


def get_claim(session: Session, claim_id: int) -> ClaimRead | None:
    found = _claims(session, session.connection().execute(_CLAIM_BY_ID, {"id": claim_id}).all())
    return found[0] if found else None


def claims_by_ids(session: Session, ids: list[int]) -> list[ClaimRead]:
    """The claims with these ids, in the order given."""
    if not ids:
        return []
    found = {c.id: c for c in _claims(session, session.connection().execute(_CLAIMS_BY_IDS, {"ids": ids}).all())}
    return [found[i] for i in ids if i in found]


def list_claims(
    session: Session, limit: int, cursor: str | None, sort: str = "id", q: str | None = None, **filters
) -> Page[ClaimRead]:
    """Filters: claimant_id, claimant_organization_id, article_id, type, topic, unit, min_value,
    max_value, target_year. Units and topics match in any case."""
    for name in ("unit", "topic"):
        if filters.get(name):
            filters[name] = filters[name].lower()
    page = _list(session, "claims", limit, cursor, sort, q, filters)
    return Page(_claims(session, page.items), page.next_cursor)


# ----------------------------------------------------------------------------- articles
def get_article(session: Session, article_id: int) -> ArticleDetail | None:
    article = session.get(Article, article_id, options=_ARTICLE_LOAD)
    return build.article_detail(article) if article is not None else None


def articles_by_ids(session: Session, ids: list[int]) -> list[ArticleRead]:
    """Articles in the order of `ids`."""
    found = {a.id: a for a in session.scalars(select(Article).options(*_ARTICLE_LOAD).where(Article.id.in_(ids)))}
    return [build.article(found[i]) for i in ids if i in found]


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
) -> Page[ArticleRead]:
    stmt = search.restrict(session, articles_query(**filters), Article.id, "articles", q)
    page = paginate(session, stmt, Article.id, limit, cursor, sort)
    return Page([build.article(a) for a in page.items], page.next_cursor)


def bodies(session: Session, article_ids: set[int]) -> dict[int, str]:
    """Article bodies by id, for showing evidence sentences."""
    if not article_ids:
        return {}
    rows = session.connection().execute(select(Article.id, Article.body).where(Article.id.in_(article_ids)))
    return {article_id: body for article_id, body in rows}

