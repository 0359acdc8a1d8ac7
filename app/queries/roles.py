"""Roles: one record per (person, organization, normalised title), reported by articles."""
from __future__ import annotations

from sqlalchemy import Select, delete, exists, or_, select
from sqlalchemy.orm import Session, selectinload

from app.db.models import Role, RoleReport
from app.queries.pagination import Page, paginate

_LOAD = (
    selectinload(Role.person),
    selectinload(Role.organization),
    selectinload(Role.reports).selectinload(RoleReport.article),
)


def get_or_create(
    session: Session, person_id: int, organization_id: int | None, title: str, title_normalized: str
) -> Role:
    stmt = select(Role).where(
        Role.person_id == person_id,
        Role.title_normalized == title_normalized,
        Role.organization_id.is_(None) if organization_id is None else Role.organization_id == organization_id,
    )
    role = session.scalars(stmt.limit(1)).first()
    if role is None:
        role = Role(
            person_id=person_id,
            organization_id=organization_id,
            title=title,
            title_normalized=title_normalized,
            status="current",
        )
        session.add(role)
        session.flush()
    return role


def delete_unreported(session: Session) -> None:
    """Roles whose every report went with a replaced file."""
    session.flush()
    session.execute(delete(Role).where(~exists().where(RoleReport.role_id == Role.id)))


def get(session: Session, role_id: int) -> Role | None:
    return session.get(Role, role_id, options=_LOAD)


def roles_query(
    person_id: int | None = None,
    organization_id: int | None = None,
    status: str | None = None,
    article_id: int | None = None,
    year: int | None = None,
    title: str | None = None,
) -> Select:
    stmt = select(Role).options(*_LOAD)
    if person_id is not None:
        stmt = stmt.where(Role.person_id == person_id)
    if organization_id is not None:
        stmt = stmt.where(Role.organization_id == organization_id)
    if status:
        stmt = stmt.where(Role.status == status)
    if article_id is not None:
        stmt = stmt.where(Role.id.in_(select(RoleReport.role_id).where(RoleReport.article_id == article_id)))
    if year is not None:
        stmt = stmt.where(
            Role.start_year.is_not(None) | Role.end_year.is_not(None),
            or_(Role.start_year.is_(None), Role.start_year <= year),
            or_(Role.end_year.is_(None), Role.end_year >= year),
        )
    if title:
        stmt = stmt.where(Role.title_normalized == title.lower())
    return stmt


def list_(session: Session, limit: int, cursor: str | None, sort: str = "id", **filters) -> Page[Role]:
    return paginate(session, roles_query(**filters), Role.id, limit, cursor, sort)
