"""The module `python -m app worker` has each of its processes import (Dramatiq's worker): the
broker BROKER_URL names, the ingest actor declared on it, and the language model loaded before
the first job rather than during it."""
from __future__ import annotations

import dramatiq

import app.extract.loaded  # noqa: F401  (the model, loaded once per process)
from app.config import get_settings
from app.queue import ACTOR, QUEUE, broker
from app.services import jobs

RETRY_BACKOFF_MS = (1_000, 60_000)  # the least and the most wait before a failed try runs again


def _always(_retries: int, _exc: BaseException) -> bool:
    """Every try that raises is delivered again: `jobs.run` raises only when tries are left, or
    when the database could not record the try at all (then the job waits for it, backing off to
    a minute, rather than be dropped); a job out of tries it marks failed, and returns."""
    return True


def run_job(job_id: int) -> None:
    """One try of a job; JobFailed (an error that may pass, tries left) has the message retried."""
    jobs.run(get_settings(), job_id)


settings = get_settings()
dramatiq.set_broker(broker(settings))
dramatiq.Actor(run_job, broker=broker(settings), actor_name=ACTOR, queue_name=QUEUE, priority=0,
               options={"retry_when": _always, "min_backoff": RETRY_BACKOFF_MS[0],
                        "max_backoff": RETRY_BACKOFF_MS[1]})
