"""Source documents: the loaded files and records."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import SourceDocument


def of_family(session: Session, family: str) -> list[SourceDocument]:
    """The sources one file or posted name stored without a URL of their own: the file itself,
    or its records."""
    return list(session.scalars(
        select(SourceDocument).where(SourceDocument.family == family).order_by(SourceDocument.id)
    ))


def by_keys(session: Session, keys: list[str]) -> list[SourceDocument]:
    return list(session.scalars(select(SourceDocument).where(SourceDocument.key.in_(keys)))) if keys else []


def by_key(session: Session, key: str) -> SourceDocument | None:
    return session.scalars(select(SourceDocument).where(SourceDocument.key == key)).first()


def create(session: Session, **fields) -> SourceDocument:
    document = SourceDocument(**fields)
    session.add(document)
    session.flush()
    return document


def delete(session: Session, document: SourceDocument) -> None:
    session.delete(document)
    session.flush()
