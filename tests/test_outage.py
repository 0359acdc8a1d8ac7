"""The database going away while the API serves, and coming back (PostgreSQL, behind a proxy
this test starts and stops on loopback)."""
import os
import socket
import threading
import time

import pytest
from sqlalchemy.engine import make_url

pytestmark = pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL"), reason="needs TEST_DATABASE_URL")


class Proxy:
    """A loopback TCP relay to the PostgreSQL server that can be cut and restored."""

    def __init__(self, target: tuple[str, int]):
        self.target = target
        self.port = None
        self.listener = None
        self.links: list[socket.socket] = []

    def start(self) -> None:
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port or 0))
        self.port = self.listener.getsockname()[1]
        self.listener.listen()
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def _accept(self, listener) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.target)
            self.links += [client, server]
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(a, b) -> None:
        try:
            while data := a.recv(65536):
                b.sendall(data)
        except OSError:
            pass
        finally:
            for s in (a, b):
                try:
                    s.close()
                except OSError:
                    pass

    def stop(self) -> None:
        try:
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread
        except OSError:
            pass
        self.listener.close()
        for link in self.links:
            try:
                link.shutdown(socket.SHUT_RDWR)
                link.close()
            except OSError:
                pass
        self.links = []


def test_ready_turns_503_and_recovers(seeded_db):
    from fastapi.testclient import TestClient

    from app.api.main import create_app
    from app.config import Settings

    url = make_url(seeded_db)
    if url.get_backend_name() != "postgresql":
        pytest.skip("the outage is staged on PostgreSQL")
    proxy = Proxy((url.host or "127.0.0.1", url.port or 5432))
    proxy.start()
    proxied = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    with TestClient(create_app(Settings(database_url=proxied)), raise_server_exceptions=False) as http:
        assert http.get("/ready").status_code == 200
        assert http.get("/api/v1/people").status_code == 200
        proxy.stop()
        started = time.monotonic()
        ready = http.get("/ready")
        assert ready.status_code == 503 and time.monotonic() - started < 10
        assert ready.headers["content-type"].startswith("application/problem+json")
        assert http.get("/health").status_code == 200
        down = http.get("/api/v1/people")
        assert down.status_code == 503 and down.json()["status"] == 503
        proxy.start()
        for _ in range(50):
            if http.get("/ready").status_code == 200:
                break
            time.sleep(0.2)
        assert http.get("/api/v1/people").status_code == 200


def test_a_read_after_the_server_dropped_its_connections_is_answered(seeded_db):
    """The API's reads do not ping their connections first: one the server dropped fails its
    first statement, and the read runs again on a new connection."""
    from fastapi.testclient import TestClient
    from sqlalchemy import create_engine, text

    from app.api.main import create_app
    from app.config import Settings

    if make_url(seeded_db).get_backend_name() != "postgresql":
        pytest.skip("needs a PostgreSQL server to drop connections")
    with TestClient(create_app(Settings(database_url=seeded_db))) as http:
        first = http.get("/api/v1/people/1")
        assert first.status_code == 200
        admin = create_engine(seeded_db, poolclass=None)
        with admin.connect() as connection:
            dropped = connection.execute(text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'idle' "
                "AND application_name = ''")).scalar_one()
        admin.dispose()
        assert dropped >= 1
        again = http.get("/api/v1/people/1")
        assert again.status_code == 200 and again.content == first.content
