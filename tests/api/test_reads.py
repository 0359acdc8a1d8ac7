"""Where read handlers run: on the event loop for SQLite, in the thread pool for PostgreSQL."""
import asyncio
import inspect
import threading
from types import SimpleNamespace

import pytest

from app.api.deps import reads


class Session:
    def __init__(self, dialect: str):
        self.dialect = dialect

    def get_bind(self):
        return SimpleNamespace(dialect=SimpleNamespace(name=self.dialect))


@reads
def handler(session, person_id: int):
    return threading.get_ident(), person_id


async def call(dialect: str):
    return threading.get_ident(), await handler(session=Session(dialect), person_id=7)


@pytest.mark.parametrize(("dialect", "on_loop"), [("sqlite", True), ("postgresql", False)])
def test_read_handlers_run_on_the_loop_only_for_sqlite(dialect, on_loop):
    loop_thread, (ran_in, person_id) = asyncio.run(call(dialect))
    assert person_id == 7
    assert (ran_in == loop_thread) is on_loop


def test_read_handlers_keep_their_parameters_for_fastapi():
    assert inspect.iscoroutinefunction(handler)
    assert list(inspect.signature(handler).parameters) == ["session", "person_id"]
