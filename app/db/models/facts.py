"""Facts read from an article; each carries its evidence span into the article body."""
from __future__ import annotations

from sqlalchemy import (
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy import text as sql
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db.base import Base
from app.db.models.documents import Article
from app.db.models.entities import Organization, Person


class Role(Base):
    """A person's title at an organization; every article that reports it is a RoleReport."""

    __tablename__ = "roles"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    title_normalized: Mapped[str] = mapped_column(String(300), index=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    start_year: Mapped[int | None] = mapped_column(Integer, index=True)
    start_month: Mapped[int | None] = mapped_column(Integer)
    end_year: Mapped[int | None] = mapped_column(Integer, index=True)
    end_month: Mapped[int | None] = mapped_column(Integer)
    period_text: Mapped[str | None] = mapped_column(String(200))

    person: Mapped[Person] = relationship()
    organization: Mapped[Organization | None] = relationship()
    reports: Mapped[list[RoleReport]] = relationship(
        back_populates="role", cascade="all, delete-orphan", order_by="RoleReport.id"
    )


class RoleReport(Base):
    """One article's statement of a role, with its evidence span."""

    __tablename__ = "role_reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    role_id: Mapped[int] = mapped_column(ForeignKey("roles.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(20))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)

    role: Mapped[Role] = relationship(back_populates="reports")
    article: Mapped[Article] = relationship()


class Quote(Base):
    __tablename__ = "quotes"
    # A speaker's quotes in id order, a page at a time, straight from the index (PostgreSQL's
    # index on the speaker alone keeps them in no order: every quote of a busy speaker was read
    # and sorted for each page).
    __table_args__ = (Index("ix_quotes_speaker_person_id", "speaker_person_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    speaker_person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    speaker_organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL"), index=True
    )
    cue: Mapped[str | None] = mapped_column(String(80))
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    # The words of the article that name or refer to the speaker ("the mayor", "Kim", "he").
    speaker_mention: Mapped[str | None] = mapped_column(String(300))
    speaker_mention_start: Mapped[int | None] = mapped_column(Integer)
    speaker_mention_end: Mapped[int | None] = mapped_column(Integer)

    article: Mapped[Article] = relationship()
    speaker_person: Mapped[Person | None] = relationship()
    speaker_organization: Mapped[Organization | None] = relationship()


class Claim(Base):
    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(20), index=True)
    claimant_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    claimant_organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL"), index=True
    )
    target_year: Mapped[int | None] = mapped_column(Integer, index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)

    article: Mapped[Article] = relationship()
    claimant_person: Mapped[Person | None] = relationship()
    claimant_organization: Mapped[Organization | None] = relationship()
    amounts: Mapped[list[ClaimAmount]] = relationship(
        back_populates="claim", cascade="all, delete-orphan", order_by="ClaimAmount.id"
    )
    topics: Mapped[list[ClaimTopic]] = relationship(
        cascade="all, delete-orphan", order_by="ClaimTopic.topic"
    )


class ClaimTopic(Base):
    """A topic of the taxonomy in core/lexicon/topics.tsv that a claim touches."""

    __tablename__ = "claim_topics"
    __table_args__ = (UniqueConstraint("claim_id", "topic"),
                      Index("ix_claim_topics_topic_lower", func.lower(sql("topic"))))

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    topic: Mapped[str] = mapped_column(String(60), index=True)


class ClaimAmount(Base):
    __tablename__ = "claim_amounts"
    # Amount filters (`min_value`, `max_value`) read the matching claims from this index alone.
    __table_args__ = (Index("ix_claim_amounts_value_claim_id", "value", "claim_id"),
                      Index("ix_claim_amounts_unit_lower", func.lower(sql("unit"))))

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(80), index=True)
    text: Mapped[str] = mapped_column(String(200))
    qualifier: Mapped[str | None] = mapped_column(String(20))

    claim: Mapped[Claim] = relationship(back_populates="amounts")
