"""Where read handlers run (on the event loop, or in the thread pool when the sessions say so),
and a read retried once when the database dropped its connection."""
import asyncio
import inspect
import threading

import pytest
from sqlalchemy.exc import DBAPIError

from app.api.deps import reads


class Session:
    def __init__(self, in_threads: bool):
        self.info = {"reads_in_threads": in_threads}
        self.rolled_back = 0

    def rollback(self):
        self.rolled_back += 1


@reads
def handler(session, person_id: int):
    return threading.get_ident(), person_id


async def call(in_threads: bool):
    return threading.get_ident(), await handler(session=Session(in_threads), person_id=7)


@pytest.mark.parametrize(("in_threads", "on_loop"), [(False, True), (True, False)])
def test_read_handlers_run_on_the_loop_unless_the_sessions_ask_for_threads(in_threads, on_loop):
    loop_thread, (ran_in, person_id) = asyncio.run(call(in_threads))
    assert person_id == 7
    assert (ran_in == loop_thread) is on_loop


def test_read_handlers_keep_their_parameters_for_fastapi():
    assert inspect.iscoroutinefunction(handler)
    assert list(inspect.signature(handler).parameters) == ["session", "person_id"]


def _failing(invalidated: bool, failures: int):
    calls = []

    @reads
    def flaky(session):
        calls.append(1)
        if len(calls) <= failures:
            raise DBAPIError("SELECT 1", {}, Exception("server closed the connection"),
                             connection_invalidated=invalidated)
        return "answer"

    return flaky, calls


def test_a_read_whose_connection_was_dropped_runs_again_once_on_a_new_one():
    flaky, calls = _failing(invalidated=True, failures=1)
    session = Session(False)
    assert asyncio.run(flaky(session=session)) == "answer"
    assert len(calls) == 2 and session.rolled_back == 1


@pytest.mark.parametrize(("invalidated", "failures", "tries"), [(False, 1, 1), (True, 2, 2)])
def test_other_database_errors_and_a_second_drop_are_raised(invalidated, failures, tries):
    flaky, calls = _failing(invalidated, failures)
    with pytest.raises(DBAPIError):
        asyncio.run(flaky(session=Session(False)))
    assert len(calls) == tries
