"""The ingest queue: Dramatiq on Redis, used when BROKER_URL is set.

A message names a job (app.services.jobs) whose bytes are in the database; any number of worker
processes (`python -m app worker`), on any machine that reaches the broker and the database,
take them. Redis keeps each message until its worker acknowledges it after the job's try ends:
a worker that stops sending heartbeats for `worker_lost_after_seconds` is taken for dead, and the
messages it held go back on the queue for another (at-least-once delivery; the job's transaction
makes a second run harmless). A try that fails with an error that may pass is delivered again
after a back-off (Dramatiq's Retries middleware).
"""
from __future__ import annotations

from functools import lru_cache

import dramatiq
import redis
from dramatiq.brokers.redis import RedisBroker
from dramatiq.message import Message

from app.config import Settings

QUEUE = "ingest"
ACTOR = "ingest"
# Dead workers are looked for by a share of the broker's commands (per million): an idle worker
# process polls its queue and its retry queue ten times a second each (app.cli.WORKER_POLL_MS), so with one in a hundred
# a lost worker's messages are back on the queue a few seconds after it is taken for dead
# (Dramatiq's default, one in a thousand, took minutes). The look is one sorted-set range read.
MAINTENANCE_CHANCE = 10_000


class BrokerUnavailable(Exception):
    """The broker cannot be reached (or refused the message)."""


@lru_cache
def _broker(url: str, lost_after_ms: int) -> RedisBroker:
    client = redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=10, health_check_interval=30)
    return RedisBroker(client=client, heartbeat_timeout=lost_after_ms, maintenance_chance=MAINTENANCE_CHANCE)


def broker(settings: Settings) -> RedisBroker:
    """The broker BROKER_URL names (one per process). The ingest actor is declared on it where
    jobs are run (app.worker); the API and `load --queue` only send its messages."""
    if not settings.broker_url:
        raise BrokerUnavailable("BROKER_URL is not set")
    if not settings.broker_url.startswith(("redis://", "rediss://", "unix://")):
        raise BrokerUnavailable("BROKER_URL must be a Redis URL (redis://, rediss:// or unix://)")
    return _broker(settings.broker_url, settings.worker_lost_after_seconds * 1000)


def enqueue(settings: Settings, job_id: int) -> None:
    """Hand a stored job to the workers; BrokerUnavailable when the broker cannot take it."""
    try:
        broker(settings).enqueue(Message(queue_name=QUEUE, actor_name=ACTOR, args=(job_id,), kwargs={}, options={}))
    except (redis.RedisError, dramatiq.errors.BrokerConnectionError) as exc:
        raise BrokerUnavailable(f"the broker cannot be reached ({type(exc).__name__}: {exc})") from exc


def unreachable(settings: Settings) -> str | None:
    """Why the broker cannot be reached, or None when it answers."""
    try:
        broker(settings).client.ping()
    except BrokerUnavailable as exc:
        return str(exc)
    except redis.RedisError as exc:
        return f"the broker cannot be reached ({type(exc).__name__}: {exc})"
    return None
