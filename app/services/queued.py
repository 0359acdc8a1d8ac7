"""`python -m app load --queue`: files handed to the queue's workers rather than analysed here.

Each file is found and read as the loader does (a file that cannot be read, or holds no article,
is reported here and never queued), kept in the database as a job under its absolute path (so a
queued load and a direct one know a file by the same key), and handed to the broker. Waiting, the
jobs are polled until each is done or failed, and each file's outcome is reported as it ends.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

from app.config import Settings, get_settings
from app.db.models import Job
from app.db.session import session_scope
from app.readers import InputError, NotArticles
from app.services.jobs import queue
from app.services.loading import STATUSES, FileOutcome, discover, family, read_file

POLL_SECONDS = 0.5


class QueuedLoad:
    """Queues paths for the workers; `report` is called with each file's outcome."""

    def __init__(self, report: Callable[[FileOutcome], None], settings: Settings | None = None,
                 found: Callable[[int], None] = lambda _: None):
        self.report, self.found = report, found
        self.settings = settings or get_settings()
        self.counts = dict.fromkeys((*STATUSES, "queued"), 0)
        self.waiting: dict[int, Path] = {}

    def queue(self, paths: Iterable[str | Path]) -> dict[str, int]:
        from app.db.migrate import upgrade

        upgrade(self.settings.database_url)
        files = discover(paths)
        self.found(len(files))
        for path, reader in files:
            if not path.exists():
                self._finish(FileOutcome(path, "failed", detail="no such file or folder"))
            elif reader is None:
                self._finish(FileOutcome(path, "skipped", detail="not an article format"))
            else:
                try:
                    read_file(path, reader, self.settings)  # refused here, not by a worker
                    data = path.read_bytes()
                except NotArticles as exc:
                    self._finish(FileOutcome(path, "skipped", detail=str(exc)))
                    continue
                except (InputError, OSError) as exc:
                    self._finish(FileOutcome(path, "failed", detail=str(exc)))
                    continue
                job = queue(self.settings, name=path.name, family=family(path), reader=reader.name, data=data)
                self.waiting[job.id] = path
                self.counts["queued"] += 1
        return self.counts

    def wait(self) -> dict[str, int]:
        """Poll the queued jobs until each has ended; their outcomes reported as they end."""
        while self.waiting:
            with session_scope(self.settings.database_url, commit=False) as session:
                ended = session.query(Job).filter(Job.id.in_(list(self.waiting)),
                                                  Job.status.in_(("done", "failed"))).all()
                for job in ended:
                    path = self.waiting.pop(job.id)
                    self.counts["queued"] -= 1
                    self._finish(outcome(path, job))
            if self.waiting:
                time.sleep(POLL_SECONDS)
        return self.counts

    def _finish(self, result: FileOutcome) -> None:
        self.counts[result.status] += 1
        self.report(result)

    @property
    def ok(self) -> bool:
        return not self.counts["failed"]


def outcome(path: Path, job: Job) -> FileOutcome:
    """A file's outcome line from its ended job."""
    if job.status == "failed":
        return FileOutcome(path, "failed", detail=f"job {job.id}: {job.error}")
    return FileOutcome(path, job.outcome or "loaded", articles=len(job.article_ids), detail=f"job {job.id}",
                       problems=list(job.problems))
