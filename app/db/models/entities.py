from __future__ import annotations

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db.base import Base

WORDS_DOC = ("The name's words as name search matches them: each word's key and each run of words "
             "to the end joined, between spaces (' ko haeun kohaeun '); see names.search_words.")


class Person(Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), index=True)
    key: Mapped[str] = mapped_column(String(300), unique=True)
    words: Mapped[str | None] = mapped_column(String(1200), doc=WORDS_DOC)

    aliases: Mapped[list[PersonAlias]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="PersonAlias.id"
    )


class PersonAlias(Base):
    """Another written form of a person's name (romanization, hyphenation, case)."""

    __tablename__ = "person_aliases"
    __table_args__ = (UniqueConstraint("person_id", "alias"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(300), index=True)
    words: Mapped[str | None] = mapped_column(String(1200), doc=WORDS_DOC)

    person: Mapped[Person] = relationship(back_populates="aliases")


class Organization(Base):
    __tablename__ = "organizations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), index=True)
    key: Mapped[str] = mapped_column(String(300), unique=True)
    words: Mapped[str | None] = mapped_column(String(1200), doc=WORDS_DOC)
    kind: Mapped[str | None] = mapped_column(String(40), index=True)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL"), index=True
    )

    parent: Mapped[Organization | None] = relationship(remote_side="Organization.id")
    aliases: Mapped[list[OrganizationAlias]] = relationship(
        back_populates="organization",
        cascade="all, delete-orphan",
        order_by="OrganizationAlias.id",
    )


class OrganizationAlias(Base):
    __tablename__ = "organization_aliases"
    __table_args__ = (UniqueConstraint("organization_id", "alias"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    alias: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(300), index=True)
    words: Mapped[str | None] = mapped_column(String(1200), doc=WORDS_DOC)

    organization: Mapped[Organization] = relationship(back_populates="aliases")
