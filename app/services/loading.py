"""Paths -> stored sources: the loop behind `python -m app load`, usable without the CLI.

Files are found (folders recursively), read by the reader their name asks for (app.readers),
reconciled with what the database holds of the same file (a source whose bytes were loaded
before under its key is `unchanged`, a record that moved keeps its articles, a record the file no
longer holds goes: see ingest.reconcile) and the rest gathered into small batches; each batch is
analysed in a worker process (the CPU work: one spaCy stream over all its articles) and stored
here in one transaction as soon as it is ready.
A batch whose transaction fails is stored again source by source, so one bad source fails alone
and never leaves half an article behind. Every file gets one outcome, reported as it lands.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import OperationalError

from app.config import Settings, get_settings
from app.readers import Document, InputError, NotArticles, Reader, read, reader_for_name
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
from app.services.jobs import describe

log = logging.getLogger(__name__)
FILES_PER_BATCH = 8  # sources analysed in one spaCy stream and stored in one transaction
# Below this many bytes of files, starting worker processes (each a fork of a process that has
# loaded the language model) costs more than they save: on a 2-core machine one process loaded
# 14 KB of articles in 2.3 s against 3.4 s with two, 51 KB in 3.9 s against 4.0 s, and two
# were faster from about 64 KB on (94 KB: 4.8 s against 5.5 s; 1.3 MB: 18 s against 31 s).
PARALLEL_FROM_BYTES = 64_000
STATUSES = ("loaded", "updated", "unchanged", "skipped", "failed")


@dataclass
class FileOutcome:
    """What became of one file: one line of the load command's output."""

    path: Path
    status: str  # one of STATUSES
    articles: int = 0
    detail: str = ""
    problems: list[str] = field(default_factory=list)
    failed_records: int = 0

    def line(self) -> str:
        line = f"{self.status:9} {self.path}"
        if self.status in ("loaded", "updated", "unchanged") and self.articles:
            line += f"  ({self.articles} article{'s' if self.articles != 1 else ''})"
        if self.detail:
            line += f"  {self.detail}"
        for problem in self.problems:
            line += f"\n          ! {problem}"
        return line


@dataclass
class _Pending:
    """A file whose sources are still being analysed or stored."""

    outcome: FileOutcome
    waiting: int
    results: list[LoadResult] = field(default_factory=list)
    removed: int = 0  # stored records the file no longer holds


def discover(paths: Iterable[str | Path]) -> list[tuple[Path, Reader | None]]:
    """Every file named, and every file under each folder named (hidden ones left out), with
    the reader its name asks for (None: not an article format)."""
    found: list[tuple[Path, Reader | None]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if not any(part.startswith(".") for part in child.relative_to(path).parts):
                    found.append((child, reader_for_name(child.name)))
        else:
            found.append((path, reader_for_name(path.name)))
    return found


def default_workers(files: list[tuple[Path, Reader | None]]) -> int:
    """One analysing process per core for a load large enough to repay starting them, else the
    loader's own process alone."""
    total = 0
    for path, reader in files:
        try:
            total += path.stat().st_size if reader is not None else 0
        except OSError:
            continue
    return (os.cpu_count() or 1) if total >= PARALLEL_FROM_BYTES else 1


def family(path: Path) -> str:
    """What the sources of one file share in their keys: its path, made absolute."""
    return os.path.abspath(path)


def source_name(path: Path, document: Document) -> str:
    return f"{path.name}#{document.part}" if document.part else path.name


def read_file(path: Path, reader: Reader, settings: Settings):
    """The documents of one file, or InputError saying why there are none."""
    try:
        size = path.stat().st_size
        if size > settings.max_file_bytes:
            raise InputError(f"too large ({size} bytes; the limit is {settings.max_file_bytes})")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from exc
    source = read(reader, data)
    for document in source.documents:
        if len(document.text) > settings.max_text_chars:
            raise InputError(f"text too long ({len(document.text)} characters; the limit is {settings.max_text_chars})")
    return source, len(data)


class Loader:
    """Loads paths into the configured database; `report` is called with each file's outcome."""

    def __init__(self, report: Callable[[FileOutcome], None], workers: int | None = None,
                 settings: Settings | None = None, warn: Callable[[str], None] = lambda _: None,
                 found: Callable[[int], None] = lambda _: None):
        self.report, self.warn, self.found = report, warn, found
        self.settings = settings or get_settings()
        self.workers = workers
        self.counts = dict.fromkeys(STATUSES, 0)
        self.failed_records = 0  # records that failed in files whose other records loaded

    def run(self, paths: Iterable[str | Path]) -> dict[str, int]:
        from app.db.migrate import upgrade

        upgrade(self.settings.database_url)
        files = discover(paths)
        self.found(len(files))
        workers = max(1, min(self.workers or default_workers(files), len(files) or 1))
        self.pool = ProcessPoolExecutor(workers, mp_context=_worker_context()) if workers > 1 else None
        self.in_flight: dict = {}
        self.max_in_flight = 2 * workers
        batch: list[tuple[_Pending, Prepared | tuple]] = []
        try:
            for path, reader in files:
                if not path.exists():  # a mistyped path is a failure, not a skipped format
                    self._finish(FileOutcome(path, "failed", detail="no such file or folder"))
                    continue
                if reader is None:
                    self._finish(FileOutcome(path, "skipped", detail="not an article format"))
                    continue
                try:
                    source, size = read_file(path, reader, self.settings)
                except NotArticles as exc:
                    self._finish(FileOutcome(path, "skipped", detail=str(exc)))
                    continue
                except Exception as exc:  # one unreadable file must not stop the others
                    self._finish(FileOutcome(path, "failed", detail=describe(exc)))
                    continue
                entries = [(identify(family(path), source_name(path, d), d), d) for d in source.documents]
                try:
                    reconciled = self._reconcile(path, entries)
                except Exception as exc:  # the database refused: this file fails, the others go on
                    self._finish(FileOutcome(path, "failed", detail=describe(exc)))
                    continue
                pending = _Pending(FileOutcome(path, "unchanged", detail="; ".join(source.notes)),
                                   len(source.documents), removed=reconciled.removed)
                for (identity, document), unchanged in zip(entries, reconciled.unchanged, strict=True):
                    if unchanged is not None:
                        self._settle(pending, unchanged)
                        continue
                    batch.append((pending, (identity, document, size)))
                    if len(batch) == FILES_PER_BATCH:
                        self._analyse(batch)
                        batch = []
            if batch:
                self._analyse(batch)
            for future in list(self.in_flight):
                self._collect(future)
        finally:
            if self.pool is not None:
                self.pool.shutdown(cancel_futures=True)
        return self.counts

    def _reconcile(self, path: Path, entries: list[tuple[SourceId, Document]]):
        """The file's stored sources brought in line with its documents, in one transaction,
        retried like a store when another loader holds the database."""
        from app.db.session import write_retrying

        return write_retrying(self.settings.database_url,
                              lambda session: reconcile(session, family(path), [(i, d.sha256) for i, d in entries]))

    # ---------------------------------------------------------------- analysis and storage
    def _analyse(self, batch: list) -> None:
        items = [item for _, item in batch]
        owners = [pending for pending, _ in batch]
        if self.pool is None:
            self._store_batch(owners, prepare_many(items))
            return
        self.in_flight[self.pool.submit(prepare_many, items)] = owners
        while len(self.in_flight) >= self.max_in_flight:  # bounded: memory stays flat on any corpus
            done, _ = wait(self.in_flight, return_when=FIRST_COMPLETED)
            for future in done:
                self._collect(future)

    def _collect(self, future) -> None:
        owners = self.in_flight.pop(future)
        try:
            outcomes = future.result()
        except Exception as exc:  # the worker itself died
            outcomes = [exc] * len(owners)
        self._store_batch(owners, outcomes)

    def _store_batch(self, owners: list[_Pending], outcomes: list) -> None:
        from app.db.session import session_scope

        ready = []
        for pending, outcome in zip(owners, outcomes, strict=True):
            if isinstance(outcome, Exception):
                self._settle(pending, LoadResult("", "failed", detail=describe(outcome)))
            else:
                ready.append((pending, outcome))
        if not ready:
            return
        try:
            with session_scope(self.settings.database_url) as session:
                results = [store(session, prepared) for _, prepared in ready]
        except Exception as exc:  # rolled back whole: each source again in its own transaction
            log.info("a batch of %d sources failed to store (%s); storing them one by one", len(ready),
                     type(exc).__name__)
            for pending, prepared in ready:
                try:
                    result = self._store_with_retry(prepared)
                except Exception as exc:  # one bad source must not stop the others
                    result = LoadResult(prepared.name, "failed", detail=describe(exc))
                self._settle(pending, result)
            return
        for (pending, _), result in zip(ready, results, strict=True):
            self._settle(pending, result)

    def _store_with_retry(self, prepared: Prepared) -> LoadResult:
        """Store one source in its own transaction. Another loader writing at the same time can
        hold SQLite's write lock, or take a unique name first: the transaction is rolled back
        and tried again, and then sees (and reuses) what the other one committed."""
        from app.db.session import write_retrying

        def warn(exc: Exception) -> None:
            if isinstance(exc, OperationalError) and "locked" in str(exc).lower():
                self.warn(f"retrying {prepared.name}: the database is locked by another writer")

        return write_retrying(self.settings.database_url, lambda session: store(session, prepared), on_retry=warn)

    # ---------------------------------------------------------------- outcomes
    def _settle(self, pending: _Pending, result: LoadResult) -> None:
        pending.results.append(result)
        pending.waiting -= 1
        if pending.waiting == 0:
            self._finish(_summarise(pending))

    def _finish(self, outcome: FileOutcome) -> None:
        self.counts[outcome.status] += 1
        self.failed_records += outcome.failed_records
        self.report(outcome)

    @property
    def ok(self) -> bool:
        """Nothing failed: no file, and no record of a file."""
        return not self.counts["failed"] and not self.failed_records


def _summarise(pending: _Pending) -> FileOutcome:
    """One outcome for a file from its sources' results: failed only when none of them landed."""
    outcome, results = pending.outcome, pending.results
    stored = [r for r in results if r.status != "failed"]
    failed = [r for r in results if r.status == "failed"]
    outcome.articles = sum(r.articles for r in stored)
    outcome.problems = [p for r in results for p in r.problems]
    details = [outcome.detail] if outcome.detail else []
    if not stored:
        outcome.status = "failed"
        details = [failed[0].detail] + details
    else:
        outcome.status = overall_status(stored, pending.removed)
        if pending.removed:
            plural = "s" if pending.removed != 1 else ""
            details.append(f"{pending.removed} record{plural} no longer in the file removed")
        if failed:
            outcome.failed_records = len(failed)
            first = f"{failed[0].name} {failed[0].detail}".strip()
            details.append(f"{len(failed)} of {len(results)} records failed: {first}")
    outcome.detail = "; ".join(d for d in details if d)
    return outcome


def _worker_context():
    """Workers forked from a clean server process that has the language model loaded already
    (no database connections or threads to inherit, and no model load per worker)."""
    from multiprocessing import get_context

    context = get_context("forkserver")
    context.set_forkserver_preload(["app.extract.loaded"])
    return context
