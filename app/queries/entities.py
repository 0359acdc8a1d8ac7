"""People and organizations as the API shows them: one, lists, name search."""
from __future__ import annotations

from sqlalchemy import and_, bindparam, false, func, or_, select
from sqlalchemy.orm import Session, selectinload

from app.core.names import (
    query_words,
)
from app.db.models import Claim, Organization, OrganizationAlias, Person, PersonAlias, Quote, Role
from app.queries import roles
from app.queries.pagination import Page, paginate
from app.schemas import build
from app.schemas.read import Counts, OrganizationRead, PersonDetail, PersonRead

# ----------------------------------------------------------------------------- people
_PEOPLE = select(Person).options(selectinload(Person.aliases))  # people as the API shows them


def _number_of(column, *where):
    return select(func.count()).where(column == Person.id, *where).scalar_subquery()


# Built once: building a statement costs more than SQLite takes to run one this small. A person
# is one statement with how many of everything they have; their aliases and current roles are
# read only when there are some (most people have neither), so a page is one round trip to the
# database, not five.
_PERSON = select(
    Person.name, _number_of(PersonAlias.person_id).label("aliases"),
    _number_of(Quote.speaker_person_id).label("quotes"), _number_of(Claim.claimant_person_id).label("claims"),
    _number_of(Role.person_id).label("roles"), _number_of(Role.person_id, Role.status == "current").label("current"),
).where(Person.id == bindparam("person_id"))
_ALIASES = select(PersonAlias.alias).where(PersonAlias.person_id == bindparam("person_id")).order_by(PersonAlias.id)


def _person(session: Session, person_id: int):
    return session.connection().execute(_PERSON, {"person_id": person_id}).first()


def _read_person(session: Session, person_id: int, row) -> PersonRead:
    aliases = list(session.connection().scalars(_ALIASES, {"person_id": person_id})) if row.aliases else []
    return PersonRead(id=person_id, name=row.name, aliases=aliases)


def get_person(session: Session, person_id: int) -> PersonRead | None:
    row = _person(session, person_id)
    return None if row is None else _read_person(session, person_id, row)


def person_detail(session: Session, person_id: int) -> PersonDetail | None:
    """A person with their current roles (at most 100, oldest first) and how much is on record."""
    row = _person(session, person_id)
    if row is None:
        return None
    return PersonDetail(
        **dict(_read_person(session, person_id, row)),
        current_roles=roles.current_of(session, person_id) if row.current else [],
        counts=Counts(quotes=row.quotes, claims=row.claims, roles=row.roles),
    )


def named(words_column, q: str, organization: bool = False):
    """A criterion: the name whose `words` (see `names.search_words`) has a word starting with
    each word of q, in any order, or a run of words starting with q's words run together."""
    keys = query_words(q, organization)
    if not keys:
        return false()

    def starts(key: str):
        return words_column.contains(" " + key, autoescape=True)

    return or_(and_(*(starts(k) for k in keys)), starts("".join(keys))) if len(keys) > 1 else starts(keys[0])


def people_named(q: str):
    """People whose name or any alias matches q by word starts, spelling variants forgiven."""
    alias_owner = select(PersonAlias.person_id).where(named(PersonAlias.words, q))
    return or_(named(Person.words, q), Person.id.in_(alias_owner))


def _people(page: Page) -> Page[PersonRead]:
    return Page([build.person(p) for p in page.items], page.next_cursor)


def list_people(
    session: Session, limit: int, cursor: str | None, sort: str = "id", q: str | None = None
) -> Page[PersonRead]:
    stmt = _PEOPLE
    if q:
        stmt = stmt.where(people_named(q))
    return _people(paginate(session, stmt, Person.id, limit, cursor, sort))


def people_by_name(session: Session, q: str, limit: int, offset: int, upto: int) -> list[PersonRead]:
    """People matching q, in id order, from position `offset` among those of ids up to `upto`."""
    stmt = _PEOPLE.where(people_named(q), Person.id <= upto)
    return [build.person(p) for p in session.scalars(stmt.order_by(Person.id).offset(offset).limit(limit))]


# ----------------------------------------------------------------------------- organizations
_ORGANIZATIONS = select(Organization).options(selectinload(Organization.aliases), selectinload(Organization.parent))
def get_organization(session: Session, org_id: int) -> OrganizationRead | None:
    org = session.get(
        Organization, org_id, options=[selectinload(Organization.aliases), selectinload(Organization.parent)]
    )
    return build.organization(org) if org is not None else None


def organizations_named(q: str):
    alias_owner = select(OrganizationAlias.organization_id).where(named(OrganizationAlias.words, q, True))
    return or_(named(Organization.words, q, True), Organization.id.in_(alias_owner))


def list_organizations(
    session: Session, limit: int, cursor: str | None, sort: str = "id", q: str | None = None,
    kind: str | None = None,
) -> Page[OrganizationRead]:
    stmt = _ORGANIZATIONS
    if q:
        stmt = stmt.where(organizations_named(q))
    if kind:
        stmt = stmt.where(Organization.kind == kind.lower())  # kinds are a lower-case vocabulary
    page = paginate(session, stmt, Organization.id, limit, cursor, sort)
    return Page([build.organization(o) for o in page.items], page.next_cursor)


def organizations_by_name(session: Session, q: str, limit: int, offset: int, upto: int) -> list[OrganizationRead]:
    """Organizations matching q, in id order, from position `offset` among those of ids up to `upto`."""
    stmt = _ORGANIZATIONS.where(organizations_named(q), Organization.id <= upto)
    return [build.organization(o) for o in session.scalars(stmt.order_by(Organization.id).offset(offset).limit(limit))]


def people_at_organization(
    session: Session, organization_id: int, limit: int, cursor: str | None, sort: str = "id"
) -> Page[PersonRead]:
    """People with a role at the organization or at a unit directly under it."""
    units = select(Organization.id).where(
        or_(Organization.id == organization_id, Organization.parent_id == organization_id)
    )
    holders = select(Role.person_id).where(Role.organization_id.in_(units))
    stmt = _PEOPLE.where(Person.id.in_(holders))
    return _people(paginate(session, stmt, Person.id, limit, cursor, sort))
