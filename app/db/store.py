"""The write side of storage: the rows the loader and POST create and update (sources, people,
organizations, roles), as ORM objects for the services to fill in. Reads for the API are in
app/queries, which answer with read models."""
from __future__ import annotations

from sqlalchemy import delete, exists, or_, select
from sqlalchemy.orm import Session

from app.core.lexicon import LEXICON
from app.core.names import name_fullness, org_key, person_key, search_words
from app.db.models import (
    Organization,
    OrganizationAlias,
    Person,
    PersonAlias,
    Role,
    RoleReport,
    SourceDocument,
)


# ----------------------------------------------------------------------------- sources
def sources_of_family(session: Session, family: str) -> list[SourceDocument]:
    """The sources one file or posted name stored without a URL of their own: the file itself,
    or its records."""
    return list(session.scalars(
        select(SourceDocument).where(SourceDocument.family == family).order_by(SourceDocument.id)
    ))


def sources_by_keys(session: Session, keys: list[str]) -> list[SourceDocument]:
    return list(session.scalars(select(SourceDocument).where(SourceDocument.key.in_(keys)))) if keys else []


def source_by_key(session: Session, key: str) -> SourceDocument | None:
    return session.scalars(select(SourceDocument).where(SourceDocument.key == key)).first()


def create_source(session: Session, **fields) -> SourceDocument:
    document = SourceDocument(**fields)
    session.add(document)
    session.flush()
    return document


def delete_source(session: Session, document: SourceDocument) -> None:
    session.delete(document)
    session.flush()


# ----------------------------------------------------------------------------- people and organizations
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


# ----------------------------------------------------------------------------- roles
def get_or_create_role(
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
            status=LEXICON.role_statuses.current,
        )
        session.add(role)
        session.flush()
    return role


def delete_unreported_roles(session: Session) -> None:
    """Roles whose every report went with a replaced file."""
    session.flush()
    session.execute(delete(Role).where(~exists().where(RoleReport.role_id == Role.id)))
