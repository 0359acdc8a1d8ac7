"""The ingest queue (BROKER_URL): 202 and a job, workers as their own processes, at-least-once
delivery with an exactly-once effect, failed jobs with their error, a broker that is away.

Needs a Redis server: TEST_BROKER_URL (default redis://127.0.0.1:6379/15, a database these tests
empty). Without one the tests are skipped, unless NEWSGRAPH_REQUIRE_BROKER is set (CI sets it).
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import redis
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from app.api.main import create_app
from app.config import PROJECT_ROOT, Settings
from app.db.models import Article, Job, SourceDocument
from app.db.session import session_scope
from app.services import jobs
from tests.conftest import BACKENDS, SEEDS, fresh_database

BROKER_URL = os.environ.get("TEST_BROKER_URL", "redis://127.0.0.1:6379/15")
KEY = "queue-key"
AUTH = {"Authorization": f"Bearer {KEY}"}
TEXT = ("Minister Sets Chip Target\n\nThe trade minister, Jane Roe, said on Monday that the government will "
        "invest 2 trillion won in chip plants by 2030. \"We need more factories,\" she said.")


def _long_text(paragraphs: int = 500) -> str:
    """An article long enough that its analysis takes seconds, so a worker can be killed in it."""
    lines = [f"Roe said the plan for plant {i} would cost {i} billion won and open in {2030 + i % 9}, "
             f"and the ministry will hire {10 * i} engineers for it over the next year." for i in range(paragraphs)]
    return "Minister Lays Out Plant Plans\n\n" + "\n\n".join(lines)


@pytest.fixture
def broker_url() -> str:
    client = redis.Redis.from_url(BROKER_URL, socket_connect_timeout=2)
    try:
        client.flushdb()
    except redis.RedisError as exc:
        if os.environ.get("NEWSGRAPH_REQUIRE_BROKER"):
            pytest.fail(f"no Redis at {BROKER_URL}: {exc}")
        pytest.skip(f"no Redis at {BROKER_URL} ({exc})")
    return BROKER_URL


def _env(database_url: str, broker_url: str, **extra: str) -> dict[str, str]:
    return dict(os.environ, DATABASE_URL=database_url, BROKER_URL=broker_url, WORKER_LOST_AFTER_SECONDS="2",
                JOB_TRIES="3", **extra)


@contextmanager
def worker(database_url: str, broker_url: str, log: Path, processes: int = 1) -> Iterator[subprocess.Popen]:
    """`python -m app worker`, in a process group of its own."""
    with log.open("ab") as out:
        process = subprocess.Popen([sys.executable, "-m", "app", "worker", "--processes", str(processes)],
                                   cwd=PROJECT_ROOT,
                                   env=_env(database_url, broker_url), stdout=out, stderr=out,
                                   start_new_session=True)
    try:
        yield process
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def _job(http: TestClient, location: str, until: tuple[str, ...], seconds: float = 120) -> dict:
    deadline = time.monotonic() + seconds
    while True:
        job = http.get(location).json()
        if job["status"] in until or time.monotonic() > deadline:
            return job
        time.sleep(0.05)


@pytest.fixture(params=BACKENDS)
def database(request, tmp_path) -> Iterator[str]:
    from app.db.migrate import upgrade

    url, drop = fresh_database(request.param, tmp_path)
    upgrade(url)
    yield url
    drop()


@pytest.fixture
def queued(database, broker_url) -> Iterator[TestClient]:
    """The API with the queue on: POST answers 202."""
    settings = Settings(database_url=database, api_key=KEY, broker_url=broker_url)
    with TestClient(create_app(settings)) as http:
        yield http


def test_a_posted_article_is_served_once_its_job_is_done(queued, database, broker_url, tmp_path):
    response = queued.post("/api/v1/articles", content=TEXT, headers={**AUTH, "Content-Type": "text/plain"})
    assert response.status_code == 202
    location = response.headers["location"]
    assert location.startswith("/api/v1/jobs/")
    assert response.json()["status"] == "queued" and response.json()["article_ids"] == []
    assert queued.get(location).headers["cache-control"] == "no-store"
    assert queued.get("/api/v1/articles").json()["items"] == []  # nothing stored in the request
    with worker(database, broker_url, tmp_path / "worker.log"):
        job = _job(queued, location, ("done", "failed"))
    assert job["status"] == "done", (tmp_path / "worker.log").read_text()[-3000:]
    assert job["outcome"] == "loaded" and job["tries"] == 1 and job["error"] is None
    assert job["timings"]["analyse_ms"] is not None and job["timings"]["total_ms"] >= job["timings"]["queued_ms"]
    (article_id,) = job["article_ids"]
    quotes = queued.get(f"/api/v1/articles/{article_id}/quotes").json()["items"]
    assert quotes[0]["speaker"]["name"] == "Jane Roe"


def test_a_worker_killed_mid_job_loses_nothing_and_stores_once(queued, database, broker_url, tmp_path):
    log = tmp_path / "worker.log"
    response = queued.post("/api/v1/articles?name=plants.txt", content=_long_text(),
                           headers={**AUTH, "Content-Type": "text/plain"})
    location = response.headers["location"]
    with worker(database, broker_url, log) as first:
        running = _job(queued, location, ("running", "done", "failed"))
        assert running["status"] == "running", log.read_text()[-3000:]
        os.killpg(first.pid, signal.SIGKILL)  # the worker and its process, mid-analysis
        first.wait()
    assert queued.get(location).json()["status"] == "running"  # nobody is left to say otherwise
    with worker(database, broker_url, log):
        job = _job(queued, location, ("done", "failed"), seconds=180)
    assert job["status"] == "done", log.read_text()[-3000:]
    assert job["tries"] == 2
    with session_scope(database, commit=False) as session:
        assert session.scalar(select(func.count()).select_from(SourceDocument)) == 1
        assert session.scalar(select(func.count()).select_from(Article)) == 1


def test_a_job_that_cannot_be_read_fails_with_its_error(queued, database, broker_url, tmp_path):
    """A job whose bytes no longer read (here: none) is not tried again: it ends failed, and says why."""
    from app.queue import enqueue

    settings = Settings(database_url=database, broker_url=broker_url)
    with session_scope(database) as session:
        job_id = jobs.submit(session, name="empty.txt", family="posted:empty.txt", reader="text", data=b"").id
    enqueue(settings, job_id)
    with worker(database, broker_url, tmp_path / "worker.log"):
        job = _job(queued, f"/api/v1/jobs/{job_id}", ("done", "failed"))
    assert job["status"] == "failed" and job["tries"] == 1
    assert job["error"] == "empty file"


def test_the_queue_away_is_a_503_and_ready_says_why(database):
    settings = Settings(database_url=database, api_key=KEY, broker_url="redis://127.0.0.1:1/0")
    with TestClient(create_app(settings)) as http:
        response = http.post("/api/v1/articles", content=TEXT, headers={**AUTH, "Content-Type": "text/plain"})
        assert response.status_code == 503
        assert response.headers["content-type"].startswith("application/problem+json")
        assert "broker cannot be reached" in response.json()["detail"]
        assert response.headers["retry-after"] == "30"
        ready = http.get("/ready")
        assert ready.status_code == 503 and "broker cannot be reached" in ready.json()["detail"]
    with session_scope(database, commit=False) as session:  # no job left behind
        assert session.scalar(select(func.count()).select_from(Job)) == 0


def test_load_queue_with_the_broker_away_fails_and_leaves_no_job(database):
    done = subprocess.run([sys.executable, "-m", "app", "load", "--queue", "--no-wait", str(SEEDS)],
                          cwd=PROJECT_ROOT, env=_env(database, "redis://127.0.0.1:1/0"), capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 1 and "broker cannot be reached" in done.stderr
    with session_scope(database, commit=False) as session:
        assert session.scalar(select(func.count()).select_from(Job)) == 0


def test_without_a_broker_post_stores_in_the_request(database):
    with TestClient(create_app(Settings(database_url=database, api_key=KEY))) as http:
        response = http.post("/api/v1/articles", content=TEXT, headers={**AUTH, "Content-Type": "text/plain"})
        assert response.status_code == 201 and response.json()["items"]
        assert http.get("/ready").json() == {"status": "ok"}
    with session_scope(database, commit=False) as session:
        assert session.scalar(select(func.count()).select_from(Job)) == 0


def test_load_queue_waits_for_the_workers(database, broker_url, tmp_path):
    env = _env(database, broker_url)
    with worker(database, broker_url, tmp_path / "worker.log"):
        done = subprocess.run([sys.executable, "-m", "app", "load", "--queue", str(SEEDS)], cwd=PROJECT_ROOT,
                              env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.count("loaded ") == len(list(SEEDS.iterdir()))
    assert done.stdout.strip().splitlines()[-1].startswith(f"{len(list(SEEDS.iterdir()))} loaded")
    direct = tmp_path / "direct.db"
    from tests.conftest import load_paths

    assert load_paths(f"sqlite:///{direct}", SEEDS) == 0
    with session_scope(database, commit=False) as queued, session_scope(f"sqlite:///{direct}", commit=False) as local:
        count = select(func.count()).select_from(Article)
        assert queued.scalar(count) == local.scalar(count)


def test_two_workers_at_once_store_every_job(database, broker_url, tmp_path):
    """Two processes storing at once, the same people and organizations in every file: each
    waits for the other's write lock or sees the name the other stored first; no job is lost."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for copy in range(3):
        for seed in SEEDS.iterdir():
            (corpus / f"{copy}-{seed.name}").write_bytes(seed.read_bytes())
    log = tmp_path / "worker.log"
    with worker(database, broker_url, log, processes=2):
        done = subprocess.run([sys.executable, "-m", "app", "load", "--queue", str(corpus)], cwd=PROJECT_ROOT,
                              env=_env(database, broker_url), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + log.read_text()[-3000:]
    with session_scope(database, commit=False) as session:
        assert set(session.scalars(select(Job.status))) == {"done"}
        assert session.scalar(select(func.count()).select_from(SourceDocument)) == 3 * len(list(SEEDS.iterdir()))


def test_load_queue_no_wait_returns_once_queued(database, broker_url):
    done = subprocess.run([sys.executable, "-m", "app", "load", "--queue", "--no-wait", str(SEEDS)],
                          cwd=PROJECT_ROOT, env=_env(database, broker_url), capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith(f"{len(list(SEEDS.iterdir()))} files queued")
    with session_scope(database, commit=False) as session:
        assert set(session.scalars(select(Job.status))) == {"queued"}


# ------------------------------------------------------------- a job's tries, without a broker
@pytest.fixture
def settings(database) -> Settings:
    return Settings(database_url=database, job_tries=3)


def _submitted(settings: Settings, text: str = TEXT) -> int:
    with session_scope(settings.database_url) as session:
        return jobs.submit(session, name="roe.txt", family="posted:roe.txt", reader="text", data=text.encode()).id


def test_an_error_is_tried_again_until_the_tries_run_out(settings, monkeypatch):
    def broken(items):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(jobs, "prepare_many", broken)
    job_id = _submitted(settings)
    for attempt in (1, 2):
        with pytest.raises(jobs.JobFailed):
            jobs.run(settings, job_id)
        with session_scope(settings.database_url, commit=False) as session:
            job = session.get(Job, job_id)
            assert (job.status, job.tries, job.error) == ("queued", attempt, "RuntimeError: the disk is full")
    assert jobs.run(settings, job_id) == "failed"  # the third and last try
    with session_scope(settings.database_url, commit=False) as session:
        job = session.get(Job, job_id)
        assert (job.status, job.tries, job.error) == ("failed", 3, "RuntimeError: the disk is full")
        assert job.body == TEXT.encode()  # kept for whoever looks into it
    assert jobs.run(settings, job_id) is None  # a late delivery changes nothing


def test_a_job_whose_worker_died_in_every_try_ends_failed(settings):
    job_id = _submitted(settings)
    with session_scope(settings.database_url) as session:
        job = session.get(Job, job_id)
        job.status, job.tries = "running", 3  # three workers killed in it
    assert jobs.run(settings, job_id) is None
    with session_scope(settings.database_url, commit=False) as session:
        job = session.get(Job, job_id)
        assert job.status == "failed" and job.error == "its worker stopped during each of its 3 tries"


def test_a_job_delivered_twice_stores_its_article_once(settings):
    """Its articles are stored in the transaction that marks it done: a second delivery (its
    first worker died before acknowledging it) finds it done and does nothing."""
    job_id = _submitted(settings)
    assert jobs.run(settings, job_id) == "done"
    assert jobs.run(settings, job_id) is None
    again = _submitted(settings)  # the same body queued twice: the second finds it stored
    assert jobs.run(settings, again) == "done"
    with session_scope(settings.database_url, commit=False) as session:
        first, second = session.get(Job, job_id), session.get(Job, again)
        assert (first.outcome, second.outcome) == ("loaded", "unchanged")
        assert first.article_ids == second.article_ids and first.body is None
        assert session.scalar(select(func.count()).select_from(Article)) == 1
