"""GET /api/v1/jobs/{id}: what became of a body handed to the queue (BROKER_URL)."""
from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path
from pydantic import BaseModel, Field

from app.api.deps import SessionDep, reads
from app.api.errors import NotFound
from app.api.filters import MAX_ID
from app.db.models import Job
from app.schemas.read import Problem

router = APIRouter(prefix="/jobs", tags=["jobs"])
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Problem, "description": "No job with this id."}}


class Timings(BaseModel):
    queued_ms: int | None = Field(description="From the body's arrival to the start of its last try.")
    analyse_ms: int | None = Field(description="Reading and analysing the new and changed records.")
    store_ms: int | None = Field(description="Writing them to the database.")
    total_ms: int | None = Field(description="From arrival to the end.")


class JobRead(BaseModel):
    id: int
    status: Literal["queued", "running", "done", "failed"] = Field(
        description="`queued` (waiting, or waiting to be tried again after an error), `running`, `done` "
                    "or `failed` (its error says why; a failed job is not tried again).")
    name: str = Field(description="The body's or file's name.")
    tries: int = Field(description="Tries so far, a try cut short by its worker's death among them.")
    outcome: Literal["loaded", "updated", "unchanged"] | None = Field(
        description="When done: what storing the body did, as POST answers it synchronously.")
    article_ids: list[int] = Field(description="When done: the articles stored (or found unchanged).")
    problems: list[str] = Field(description="Facts or records that could not be stored, each with why.")
    error: str | None = Field(description="Why the job failed, or why its last try did.")
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    timings: Timings


def _ms(later: datetime | None, earlier: datetime | None) -> int | None:
    return round((later - earlier).total_seconds() * 1000) if later and earlier else None


def job_read(job: Job) -> JobRead:
    return JobRead.model_validate({
        "id": job.id, "status": job.status, "name": job.name, "tries": job.tries, "outcome": job.outcome,
        "article_ids": job.article_ids, "problems": job.problems, "error": job.error,
        "created_at": job.created_at, "started_at": job.started_at, "finished_at": job.finished_at,
        "timings": Timings(queued_ms=_ms(job.started_at, job.created_at), analyse_ms=job.analyse_ms,
                           store_ms=job.store_ms, total_ms=_ms(job.finished_at, job.created_at)),
    })


@router.get("/{job_id}", response_model=JobRead, responses=NOT_FOUND)
@reads
def get_job(job_id: Annotated[int, Path(ge=1, le=MAX_ID, description="The job's id.")],
            session: SessionDep) -> JobRead:
    """A queued body's status; when done, the articles it stored. Never cached."""
    job = session.get(Job, job_id)
    if job is None:
        raise NotFound("job", job_id)
    return job_read(job)
