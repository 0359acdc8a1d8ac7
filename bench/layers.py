"""Where one request's time goes, layer by layer, in process.

    python -m bench.layers --database-url URL [--requests 400] [--only person search] [--json FILE]

Drives the application over ASGI (no network; the queries of `bench.queries`, one request at a
time) with a timer around each layer, and prints per query the microseconds per request spent in
each layer's own code (its time less the time of the layers inside it):

  request id + access log   `RequestContext` (the JSON access-log line, when logging is on)
  conditional GET           `ConditionalGet` (ETag, `If-None-Match`, HEAD)
  routing + other ASGI      Starlette's router and exception middleware, FastAPI's request handler
  validation                FastAPI's dependency solving: path, query and filter parameters
  handler                   the endpoint's own Python: statements chosen, read models built
  SQLAlchemy                `Session.execute`/`scalar`, `Connection.execute`, less the time in
                            the driver
  database (driver)         from the cursor's execute to its last row fetched
  serialisation             read models to JSON bytes (`ModelJSON.render`)
  client                    the in-process HTTP client (stands in for the server's protocol work)

Run with the access log's handler on (`--access-log`, as `serve` does, written to /dev/null) to
price the log line. The figures are wall clock of one process on a shared machine: compare two
layers of one run, or two runs taken side by side.
"""
from __future__ import annotations

import argparse
import asyncio
import functools
import logging
import os
import random
import statistics
import time
from collections import defaultdict
from pathlib import Path

import httpx
from sqlalchemy import event

from bench.queries import newsgraph_queries, parameters
from bench.report import emit

ROUNDS = 5


class Spans:
    """Nested timers: each layer's own time, less the time of the layers it calls."""

    def __init__(self) -> None:
        self.own: dict[str, float] = defaultdict(float)
        self.stack: list[list] = []  # [layer, started, time in inner layers]

    def enter(self, layer: str) -> None:
        self.stack.append([layer, time.perf_counter(), 0.0])

    def leave(self) -> None:
        layer, started, inner = self.stack.pop()
        spent = time.perf_counter() - started
        self.own[layer] += spent - inner
        if self.stack:
            self.stack[-1][2] += spent

    def wrap_async(self, owner, name: str, layer: str) -> None:
        original = getattr(owner, name)

        @functools.wraps(original)
        async def timed(*args, **kwargs):
            self.enter(layer)
            try:
                return await original(*args, **kwargs)
            finally:
                self.leave()

        setattr(owner, name, timed)

    def wrap(self, owner, name: str, layer: str) -> None:
        original = getattr(owner, name)

        @functools.wraps(original)
        def timed(*args, **kwargs):
            self.enter(layer)
            try:
                return original(*args, **kwargs)
            finally:
                self.leave()

        setattr(owner, name, timed)


def instrument(spans: Spans, engine) -> None:
    import fastapi.routing
    import starlette.middleware.exceptions
    import starlette.routing
    from sqlalchemy.engine import Connection, Engine
    from sqlalchemy.orm import Session

    from app.api import middleware, render

    spans.wrap_async(middleware.RequestContext, "__call__", "request id + access log")
    spans.wrap_async(middleware.ConditionalGet, "__call__", "conditional GET")
    spans.wrap_async(starlette.routing.Router, "__call__", "routing + other ASGI")
    spans.wrap_async(starlette.middleware.exceptions.ExceptionMiddleware, "__call__", "routing + other ASGI")
    spans.wrap_async(fastapi.routing, "solve_dependencies", "validation")
    spans.wrap_async(fastapi.routing, "run_endpoint_function", "handler")
    spans.wrap(Session, "execute", "SQLAlchemy")
    spans.wrap(Session, "scalar", "SQLAlchemy")
    spans.wrap(Connection, "execute", "SQLAlchemy")
    spans.wrap(render.ModelJSON, "render", "serialisation")
    # every engine: the API's async reads on PostgreSQL have one of their own
    event.listen(Engine, "before_cursor_execute", lambda *a: spans.enter("database (driver)"))
    event.listen(Engine, "after_cursor_execute", lambda *a: spans.leave())


async def _drive(client: httpx.AsyncClient, spans: Spans, next_path, requests: int) -> None:
    last = None
    for _ in range(requests):
        spans.enter("client")
        try:
            response = await client.get(next_path(last))
        finally:
            spans.leave()
        last = response.content if response.status_code == 200 else None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--database-url", required=True)
    ap.add_argument("--requests", type=int, default=400, help="requests per round")
    ap.add_argument("--only", nargs="*", help="only these queries")
    ap.add_argument("--access-log", action="store_true", help="the access log written (to /dev/null), as serve does")
    ap.add_argument("--without", nargs="*", default=[], choices=["RequestContext", "ConditionalGet"],
                    help="leave these middleware out (their cost is the difference from a run with them)")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    os.environ.update(DATABASE_URL=args.database_url, CACHE_MAX_AGE="0")
    access = logging.getLogger("app.access")
    access.propagate = False
    if args.access_log:
        access.setLevel(logging.INFO)
        access.addHandler(logging.FileHandler(os.devnull))
    from app.api.main import create_app

    app = create_app()
    app.user_middleware = [m for m in app.user_middleware if m.cls.__name__ not in args.without]
    spans = Spans()
    instrument(spans, app.state.engine)
    p = parameters(args.database_url, random.Random(7))
    report = {}

    async def run() -> None:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            for name, scenario in newsgraph_queries(p).items():
                if args.only and name not in args.only:
                    continue
                await _drive(client, spans, scenario(), 50)  # warm caches
                rounds: dict[str, list[float]] = defaultdict(list)
                for _ in range(ROUNDS):
                    spans.own.clear()
                    await _drive(client, spans, scenario(), args.requests)
                    for layer, seconds in spans.own.items():
                        rounds[layer].append(seconds * 1e6 / args.requests)
                report[name] = {layer: round(statistics.median(values), 1) for layer, values in rounds.items()}
                report[name]["total"] = round(sum(report[name].values()), 1)
                print(name, report[name], flush=True)

    asyncio.run(run())
    emit(report, args.json, quiet=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
