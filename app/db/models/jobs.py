from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base

JOB_STATUSES = ("queued", "running", "done", "failed")


class Job(Base):
    """A body or file handed to the queue: its bytes until a worker has stored them, then what
    became of it. A worker stores the articles and marks the job done in one transaction, so a
    job run again after its worker died stores its articles once."""

    __tablename__ = "jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    status: Mapped[str] = mapped_column(String(10), index=True)  # one of JOB_STATUSES
    name: Mapped[str] = mapped_column(String(512))  # the file's or posted body's name
    family: Mapped[str] = mapped_column(String(2048))  # what its sources' keys share (ingest.identify)
    reader: Mapped[str] = mapped_column(String(20))  # the reader that takes the bytes (app.readers)
    charset: Mapped[str | None] = mapped_column(String(40))
    body: Mapped[bytes | None] = mapped_column(LargeBinary)  # dropped once the job is done
    size: Mapped[int] = mapped_column(Integer)
    tries: Mapped[int] = mapped_column(Integer, default=0)
    outcome: Mapped[str | None] = mapped_column(String(10))  # loaded, updated or unchanged
    article_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    problems: Mapped[list[str]] = mapped_column(JSON, default=list)
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    analyse_ms: Mapped[int | None] = mapped_column(Integer)
    store_ms: Mapped[int | None] = mapped_column(Integer)
