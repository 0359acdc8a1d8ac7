"""Roles: one record per (person, organization, normalised title), reported by articles."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, bindparam, exists, or_, select
from sqlalchemy.orm import Session

from app.db.models import Article, Organization, Person, Role, RoleReport
from app.queries.pagination import Page, paginate
from app.schemas import build
from app.schemas.read import RoleRead

# Read as rows with the names they refer to (see facts); the reports of a page in one statement.
_COLUMNS = select(
    Role.id, Role.person_id, Person.name.label("person_name"), Role.organization_id,
    Organization.name.label("organization_name"), Role.title, Role.title_normalized, Role.status,
    Role.start_year, Role.start_month, Role.end_year, Role.end_month, Role.period_text,
).outerjoin(Person, Person.id == Role.person_id).outerjoin(Organization, Organization.id == Role.organization_id)

_REPORTS_OF = select(
    RoleReport.role_id, RoleReport.article_id, Article.title.label("article_title"), RoleReport.start,
    RoleReport.end, RoleReport.title, RoleReport.status,
).outerjoin(Article, Article.id == RoleReport.article_id).where(
    RoleReport.role_id.in_(bindparam("ids", expanding=True))).order_by(RoleReport.id)


def _read(session: Session, rows: Sequence[Any]) -> list[RoleRead]:
    reports: dict[int, list[Any]] = {row.id: [] for row in rows}
    if reports:
        for report in session.connection().execute(_REPORTS_OF, {"ids": list(reports)}):
            reports[report.role_id].append(report)
    return [build.role(row, reports[row.id]) for row in rows]


def get(session: Session, role_id: int) -> RoleRead | None:
    found = _read(session, session.execute(roles_query().where(Role.id == role_id)).all())
    return found[0] if found else None


def roles_query(
    person_id: int | None = None,
    organization_id: int | None = None,
    status: str | None = None,
    article_id: int | None = None,
    year: int | None = None,
    title: str | None = None,
) -> Select:
    stmt = _COLUMNS
    if person_id is not None:
        stmt = stmt.where(Role.person_id == person_id)
    if organization_id is not None:
        stmt = stmt.where(Role.organization_id == organization_id)
    if status:
        stmt = stmt.where(Role.status == status)
    if article_id is not None:
        stmt = stmt.where(Role.id.in_(select(RoleReport.role_id).where(RoleReport.article_id == article_id)))
    if year is not None:
        stmt = stmt.where(held_in(year))
    if title:
        stmt = stmt.where(Role.title_normalized == title.lower())
    return stmt


def held_in(year: int):
    """A role counts in a year only where its dates or its articles' dates support it: the
    years it started and ended and those between; and, where an article published in year A
    reports it as current, A itself, the years from its start up to A, and from A up to its end.
    A role with no start is not held in every year before its end, nor one with no end in every
    year after its start."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    published = Article.published_at
    reported_current = exists().where(
        RoleReport.role_id == Role.id, RoleReport.status == "current", Article.id == RoleReport.article_id,
        or_(and_(published >= first, or_(published <= last, Role.start_year <= year)),
            and_(published <= last, Role.end_year >= year)),
    )
    return or_(Role.start_year == year, Role.end_year == year,
               and_(Role.start_year <= year, Role.end_year >= year), reported_current)


_CURRENT = roles_query(status="current").where(Role.person_id == bindparam("person_id")).order_by(Role.id).limit(100)


def current_of(session: Session, person_id: int) -> list[RoleRead]:
    """A person's current roles (at most 100), oldest first."""
    return _read(session, session.connection().execute(_CURRENT, {"person_id": person_id}).all())


def list_(session: Session, limit: int, cursor: str | None, sort: str = "id", **filters) -> Page[RoleRead]:
    page = paginate(session, roles_query(**filters), Role.id, limit, cursor, sort)
    return Page(_read(session, page.items), page.next_cursor)
