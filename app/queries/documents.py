"""Source documents: the loaded files and records."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import SourceDocument


def by_sha256(session: Session, sha256: str) -> SourceDocument | None:
    return session.scalars(select(SourceDocument).where(SourceDocument.sha256 == sha256)).first()


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
