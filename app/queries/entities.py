"""People and organizations: lookup by name keys, get-or-create, lists."""
from __future__ import annotations

from sqlalchemy import and_, bindparam, false, or_, select
from sqlalchemy.orm import Session, selectinload

from app.db.models import Organization, OrganizationAlias, Person, PersonAlias, Role
from app.core.names import (
    name_fullness,
    org_key,
    person_key,
    query_words,
    search_words,
)
from app.queries.pagination import Page, paginate
from app.schemas.read import PersonRead

# ----------------------------------------------------------------------------- people
_PEOPLE = select(Person).options(selectinload(Person.aliases))  # people as the API shows them
# Built once: building a statement costs more than SQLite takes to run one this small.
_NAME = select(Person.name).where(Person.id == bindparam("person_id"))
_ALIASES = select(PersonAlias.alias).where(PersonAlias.person_id == bindparam("person_id")).order_by(PersonAlias.id)


def get_person(session: Session, person_id: int) -> PersonRead | None:
    name = session.scalar(_NAME, {"person_id": person_id})
    if name is None:
        return None
    return PersonRead(id=person_id, name=name, aliases=list(session.scalars(_ALIASES, {"person_id": person_id})))


def find_person(session: Session, keys: set[str]) -> Person | None:
    alias_owner = select(PersonAlias.person_id).where(PersonAlias.key.in_(keys))
    stmt = select(Person).where(or_(Person.key.in_(keys), Person.id.in_(alias_owner))).order_by(Person.id)
    return session.scalars(stmt.limit(1)).first()


def _add_person_alias(person: Person, name: str) -> None:
    if name != person.name and name not in {a.alias for a in person.aliases}:
        person.aliases.append(PersonAlias(alias=name, key=person_key(name), words=search_words(name)))


def get_or_create_person(session: Session, name: str, aliases: tuple[str, ...] = ()) -> Person:
    """One record per person across articles: any written form's key finds it."""
    forms = [name, *aliases]
    person = find_person(session, {person_key(f) for f in forms})
    if person is None:
        person = Person(name=name, key=person_key(name), words=search_words(name))
        session.add(person)
    for form in forms:
        if name_fullness(form) > name_fullness(person.name):
            old = person.name
            person.name = form
            person.words = search_words(form)
            person.aliases = [a for a in person.aliases if a.alias != form]
            _add_person_alias(person, old)
        else:
            _add_person_alias(person, form)
    session.flush()
    return person


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


def list_people(
    session: Session, limit: int, cursor: str | None, sort: str = "id", q: str | None = None
) -> Page[Person]:
    stmt = _PEOPLE
    if q:
        stmt = stmt.where(people_named(q))
    return paginate(session, stmt, Person.id, limit, cursor, sort)


def people_by_name(session: Session, q: str, limit: int, offset: int, upto: int) -> list[Person]:
    """People matching q, in id order, from position `offset` among those of ids up to `upto`."""
    stmt = _PEOPLE.where(people_named(q), Person.id <= upto)
    return list(session.scalars(stmt.order_by(Person.id).offset(offset).limit(limit)))


# ----------------------------------------------------------------------------- organizations
_ORGANIZATIONS = select(Organization).options(selectinload(Organization.aliases), selectinload(Organization.parent))
def get_organization(session: Session, org_id: int) -> Organization | None:
    return session.get(
        Organization, org_id, options=[selectinload(Organization.aliases), selectinload(Organization.parent)]
    )


def find_organization(session: Session, keys: set[str]) -> Organization | None:
    alias_owner = select(OrganizationAlias.organization_id).where(OrganizationAlias.key.in_(keys))
    stmt = select(Organization).where(or_(Organization.key.in_(keys), Organization.id.in_(alias_owner)))
    return session.scalars(stmt.order_by(Organization.id).limit(1)).first()


def get_or_create_organization(
    session: Session, name: str, aliases: tuple[str, ...] = (), kind: str | None = None
) -> Organization:
    forms = [name, *aliases]
    keys = {org_key(f) for f in forms if org_key(f)}
    org = find_organization(session, keys)
    if org is None:
        org = Organization(name=name, key=org_key(name), kind=kind, words=search_words(name, organization=True))
        session.add(org)
    elif org.kind in (None, "company") and kind not in (None, "company"):
        org.kind = kind
    known = {org.name, *(a.alias for a in org.aliases)}
    for form in forms:
        if form not in known:
            org.aliases.append(OrganizationAlias(alias=form, key=org_key(form),
                                                 words=search_words(form, organization=True)))
            known.add(form)
    session.flush()
    return org


def organizations_named(q: str):
    alias_owner = select(OrganizationAlias.organization_id).where(named(OrganizationAlias.words, q, True))
    return or_(named(Organization.words, q, True), Organization.id.in_(alias_owner))


def list_organizations(
    session: Session, limit: int, cursor: str | None, sort: str = "id", q: str | None = None,
    kind: str | None = None,
) -> Page[Organization]:
    stmt = _ORGANIZATIONS
    if q:
        stmt = stmt.where(organizations_named(q))
    if kind:
        stmt = stmt.where(Organization.kind == kind.lower())  # kinds are a lower-case vocabulary
    return paginate(session, stmt, Organization.id, limit, cursor, sort)


def organizations_by_name(session: Session, q: str, limit: int, offset: int, upto: int) -> list[Organization]:
    """Organizations matching q, in id order, from position `offset` among those of ids up to `upto`."""
    stmt = _ORGANIZATIONS.where(organizations_named(q), Organization.id <= upto)
    return list(session.scalars(stmt.order_by(Organization.id).offset(offset).limit(limit)))


def people_at_organization(
    session: Session, organization_id: int, limit: int, cursor: str | None, sort: str = "id"
) -> Page[Person]:
    """People with a role at the organization or at a unit directly under it."""
    units = select(Organization.id).where(
        or_(Organization.id == organization_id, Organization.parent_id == organization_id)
    )
    holders = select(Role.person_id).where(Role.organization_id.in_(units))
    stmt = _PEOPLE.where(Person.id.in_(holders))
    return paginate(session, stmt, Person.id, limit, cursor, sort)
