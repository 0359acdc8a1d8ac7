"""Test databases: SQLite always; PostgreSQL too when TEST_DATABASE_URL is set.

Each test that writes gets a database of its own built by `alembic upgrade head` (a temporary
SQLite file, or a new PostgreSQL database created beside the one TEST_DATABASE_URL names).
The seeds are loaded once per backend into a shared read-only database for the API tests.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.config import PROJECT_ROOT

SEEDS = PROJECT_ROOT / "seeds"
BACKENDS = ["sqlite"] + (["postgresql"] if os.environ.get("TEST_DATABASE_URL") else [])


def _new_postgres_database() -> tuple[str, callable]:
    base = make_url(os.environ["TEST_DATABASE_URL"])
    name = f"newsgraph_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        from app.db.session import get_engine

        get_engine(str(base.set(database=name).render_as_string(hide_password=False))).dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return base.set(database=name).render_as_string(hide_password=False), drop


def fresh_database(backend: str, directory: Path) -> tuple[str, callable]:
    if backend == "sqlite":
        return f"sqlite:///{directory / f'{uuid.uuid4().hex[:8]}.db'}", lambda: None
    return _new_postgres_database()


@pytest.fixture(params=BACKENDS)
def empty_db(request, tmp_path) -> Iterator[str]:
    """The URL of a new, empty database (no tables)."""
    url, drop = fresh_database(request.param, tmp_path)
    yield url
    drop()


@pytest.fixture
def migrated_db(empty_db) -> str:
    from app.db.migrate import upgrade

    upgrade(empty_db)
    return empty_db


def load_paths(url: str, *paths: Path, monkeypatch=None) -> int:
    """Run the real `load` command against `url`."""
    from app.cli import main
    from app.config import get_settings

    os.environ["DATABASE_URL"] = url
    get_settings.cache_clear()
    try:
        return main(["load", *map(str, paths)])
    finally:
        os.environ.pop("DATABASE_URL", None)
        get_settings.cache_clear()


@pytest.fixture(scope="session", params=BACKENDS)
def seeded_db(request, tmp_path_factory) -> Iterator[str]:
    """A database with the seeds loaded, shared by the read-only tests of one backend."""
    url, drop = fresh_database(request.param, tmp_path_factory.mktemp("seeded"))
    assert load_paths(url, SEEDS) == 0
    yield url
    drop()


@pytest.fixture(scope="session")
def client(seeded_db):
    from fastapi.testclient import TestClient

    from app.api.main import create_app
    from app.config import Settings

    with TestClient(create_app(Settings(database_url=seeded_db))) as test_client:
        yield test_client


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(database_url: str, *options: str, log: Path) -> Iterator[tuple[str, subprocess.Popen]]:
    """`python -m app serve` in its own process on a free loopback port; its stderr (the access
    log) goes to `log`. Yields the base URL and the process once /health answers."""
    port = free_port()
    env = dict(os.environ, DATABASE_URL=database_url)
    with log.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "app", "serve", "--host", "127.0.0.1", "--port", str(port), *options],
            cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=stderr,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            if process.poll() is not None:
                raise RuntimeError(f"server exited: {log.read_text()[-2000:]}")
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            raise RuntimeError("server did not answer /health within 30 s")
        yield base, process
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def live_server(seeded_db, tmp_path_factory) -> Iterator[str]:
    """The API served over the seeds by the real command, for tests that need a socket."""
    with serving(seeded_db, log=tmp_path_factory.mktemp("serve") / "stderr.log") as (base, _):
        yield base
