"""Jobs: a body or file kept in the database for a worker (app.queue), run by one, and what
became of it.

`submit` stores the bytes as a queued job. `run` is what a worker does with it: it counts the try,
reads the bytes, reconciles them with what their name or path holds (as the loader does with a
file), analyses the new and changed records outside any transaction and stores them in one
transaction that also marks the job done. The message may come more than once (a worker killed
mid-job, its message handed to another); a job already done is not run again, and storing the
same bytes under the same key changes nothing, so the articles are stored once.

A job whose bytes cannot be read, or none of whose records holds an article, fails at once: trying
again would read the same bytes. Any other error is tried again (`JobFailed` tells the queue to),
until the job has had `job_tries` tries; a try cut short by the worker's death counts as one.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import delete
from sqlalchemy.orm import Session

from app.config import Settings
from app.db.models import Job
from app.db.session import session_scope, write_retrying
from app.queue import BrokerUnavailable, enqueue
from app.readers import READERS, Document, InputError, read
from app.services.ingest import (
    LoadResult,
    Prepared,
    SourceId,
    identify,
    overall_status,
    prepare_many,
    reconcile,
    store,
)


class JobFailed(Exception):
    """A try failed with an error that may pass; the queue delivers the job again later."""


@dataclass
class Ingested:
    """What became of the records of one file or body."""

    results: list[LoadResult] = field(default_factory=list)  # one per record stored or unchanged
    failed: list[tuple[str, Exception]] = field(default_factory=list)  # (record, why) not stored
    removed: int = 0  # stored records its name or path no longer holds
    analyse_s: float = 0.0
    store_s: float = 0.0

    @property
    def status(self) -> str:
        return overall_status(self.results, self.removed)

    @property
    def article_ids(self) -> list[int]:
        return [i for result in self.results for i in result.article_ids]

    @property
    def problems(self) -> list[str]:
        found = [p for result in self.results for p in result.problems]
        return found + [f"{name} not stored: {describe(exc)}" for name, exc in self.failed]


def describe(exc: Exception) -> str:
    """Why something failed, as a line: an input error says it itself, anything else by its type."""
    return str(exc) if isinstance(exc, InputError) else f"{type(exc).__name__}: {exc}"


def entries(family: str, name: str, documents: list[Document]) -> list[tuple[SourceId, Document]]:
    """Each record's identity: its URL, else its family with its place in the file or body."""
    return [(identify(family, f"{name}#{d.part}" if d.part else name, d), d) for d in documents]


def reconciled(session: Session, family: str, found: list[tuple[SourceId, Document]], into: Ingested) -> list:
    """The records to analyse (source id, document): the rest are unchanged, and their results
    go into `into` (with the number of stored records the family no longer holds)."""
    outcome = reconcile(session, family, [(identity, d.sha256) for identity, d in found])
    into.removed = outcome.removed
    fresh = []
    for (identity, document), unchanged in zip(found, outcome.unchanged, strict=True):
        if unchanged is None:
            fresh.append((identity, document))
        else:
            into.results.append(unchanged)
    return fresh


def analysed(fresh: list[tuple[SourceId, Document]], size: int, into: Ingested) -> list[Prepared]:
    """The records analysed in one stream (no database); those that fail go into `into`."""
    started = time.perf_counter()
    ready = []
    for (identity, _), outcome in zip(fresh, prepare_many([(i, d, size) for i, d in fresh]), strict=True):
        if isinstance(outcome, Exception):
            into.failed.append((identity.name, outcome))
        else:
            ready.append(outcome)
    into.analyse_s += time.perf_counter() - started
    return ready


def stored(session: Session, ready: list[Prepared], into: Ingested) -> None:
    started = time.perf_counter()
    into.results.extend(store(session, prepared) for prepared in ready)
    session.flush()
    into.store_s += time.perf_counter() - started


def ingest(session: Session, family: str, name: str, documents: list[Document], size: int) -> Ingested:
    """A file's or body's records reconciled, analysed and stored in one session."""
    into = Ingested()
    fresh = reconciled(session, family, entries(family, name, documents), into)
    stored(session, analysed(fresh, size, into), into)
    return into


# ------------------------------------------------------------------------------------ jobs
def submit(session: Session, *, name: str, family: str, reader: str, data: bytes,
           charset: str | None = None) -> Job:
    """The bytes kept as a queued job (flushed: the caller's transaction decides)."""
    job = Job(status="queued", name=name, family=family, reader=reader, charset=charset, body=data,
              size=len(data), tries=0, article_ids=[], problems=[], created_at=datetime.now(UTC))
    session.add(job)
    session.flush()
    return job


def queue(settings: Settings, *, name: str, family: str, reader: str, data: bytes,
          charset: str | None = None) -> Job:
    """The bytes kept as a job, committed before the broker hears of it (so that a worker always
    finds it), then handed to the broker. BrokerUnavailable when it cannot take it: the job is
    removed again, so nothing half-queued stays behind."""
    with session_scope(settings.database_url) as session:
        job = submit(session, name=name, family=family, reader=reader, data=data, charset=charset)
    try:
        enqueue(settings, job.id)
    except BrokerUnavailable:
        with session_scope(settings.database_url) as session:
            session.execute(delete(Job).where(Job.id == job.id))
        raise
    return job


def _begin(settings: Settings, job_id: int) -> Job | None:
    """The job, its try counted and marked running; None when there is nothing to run."""
    def begin(session: Session) -> Job | None:
        job = session.get(Job, job_id)
        if job is None or job.status in ("done", "failed"):
            return None
        if job.tries >= settings.job_tries:  # each earlier try ended with its worker
            _end(job, "failed", error=job.error or f"its worker stopped during each of its {job.tries} tries")
            return None
        job.tries += 1
        job.status, job.started_at = "running", datetime.now(UTC)
        session.flush()
        session.expunge(job)
        return job

    return write_retrying(settings.database_url, begin)


def _end(job: Job, status: str, error: str | None = None) -> None:
    job.status, job.error, job.finished_at = status, error, datetime.now(UTC)
    if status == "done":
        job.body = None


def run(settings: Settings, job_id: int) -> str | None:
    """Run one try of a job; its status after it (None: not run). Raises JobFailed when the try
    failed with an error that may pass and tries are left; any other exception (the database
    away) leaves the job as it was, for the queue to deliver again."""
    job = _begin(settings, job_id)
    if job is None:
        return None
    try:
        return _run(settings, job)
    except InputError as exc:  # the same bytes would fail again
        return _settle(settings, job_id, "failed", str(exc))
    except Exception as exc:
        error = describe(exc)
        if job.tries >= settings.job_tries:
            return _settle(settings, job_id, "failed", error)
        _settle(settings, job_id, "queued", error)
        raise JobFailed(error) from exc


def _run(settings: Settings, job: Job) -> str:
    reader = next(r for r in READERS if r.name == job.reader)
    documents = read(reader, job.body or b"", job.charset).documents
    found = entries(job.family, job.name, documents)

    def reconcile_found(session: Session) -> tuple[Ingested, list]:
        into = Ingested()
        return into, reconciled(session, job.family, found, into)

    into, fresh = write_retrying(settings.database_url, reconcile_found)
    ready = analysed(fresh, job.size, into)
    if not into.results and not ready:  # no record holds an article: fails as its first record did
        name, exc = into.failed[0]
        raise InputError(f"{name}: {exc}") if isinstance(exc, InputError) else exc

    def store_and_finish(session: Session) -> str:
        row = session.get(Job, job.id)
        if row is None or row.status == "done":  # done by another delivery meanwhile
            return row.status if row is not None else "failed"
        done = Ingested(list(into.results), list(into.failed), into.removed, into.analyse_s)
        stored(session, ready, done)
        row.outcome, row.article_ids, row.problems = done.status, done.article_ids, done.problems
        row.analyse_ms, row.store_ms = round(done.analyse_s * 1000), round(done.store_s * 1000)
        _end(row, "done")
        return "done"

    return write_retrying(settings.database_url, store_and_finish)


def _settle(settings: Settings, job_id: int, status: str, error: str) -> str:
    """The job `failed` for good, or `queued` again, with its error."""
    def settle(session: Session) -> None:
        row = session.get(Job, job_id)
        if row is not None:
            if status == "failed":
                _end(row, status, error)
            else:
                row.status, row.error = status, error

    write_retrying(settings.database_url, settle)
    return status
