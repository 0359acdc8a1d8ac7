from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db.base import Base

if TYPE_CHECKING:
    from app.db.models.entities import Organization


class SourceDocument(Base):
    """A loaded source: a file, or one record of a file of records. `key` is its identity (its
    URL when it states one, else its file's absolute path, with a digest of the record's identity
    for a record: services.ingest.source_key); loading a new version of the same key updates its
    articles in place. Its sha256 makes reloading the same bytes under the same key a no-op."""

    __tablename__ = "source_documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(2048), unique=True)
    # the file (absolute path) or posted name it came from, when it is known by that, not by a URL
    family: Mapped[str | None] = mapped_column(String(2048), index=True)
    file_name: Mapped[str] = mapped_column(String(512), index=True)
    url: Mapped[str | None] = mapped_column(String(2048))
    format: Mapped[str | None] = mapped_column(String(20))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    loaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    articles: Mapped[list[Article]] = relationship(
        back_populates="source", cascade="all, delete-orphan", passive_deletes=True
    )


class Article(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(
        ForeignKey("source_documents.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str | None] = mapped_column(String(1000))
    publisher_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL"), index=True
    )
    authors: Mapped[list[str]] = mapped_column(JSON, default=list)
    published_at: Mapped[date | None] = mapped_column(Date, index=True)
    published_text: Mapped[str | None] = mapped_column(String(200))
    url: Mapped[str | None] = mapped_column(String(2048))
    body: Mapped[str] = mapped_column(Text)

    source: Mapped[SourceDocument] = relationship(back_populates="articles")
    publisher: Mapped[Organization | None] = relationship()
