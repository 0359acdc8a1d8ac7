"""What one request costs the server, in process: no network, no client on the same cores.

    python -m bench.cost --database-url URL [--requests 500] [--only person search] [--profile 25]

Drives the application object directly over ASGI with the queries of `bench.queries` (the same
ids, speakers and words drawn from the data) one request at a time, and prints per query the
milliseconds per request, wall clock and CPU time of the process (medians of five rounds), and the
SQL statements per request. The CPU time barely moves when other work shares the machine, so this
is the figure to read when changing a handler; --profile N
prints the N functions with the most cumulative time for each query.
"""
from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import os
import pstats
import random
import statistics
import time
from pathlib import Path

import httpx
from sqlalchemy import event

from bench.queries import newsgraph_queries, parameters
from bench.report import emit

ROUNDS = 5


async def _drive(client: httpx.AsyncClient, next_path, requests: int) -> int:
    last, failed = None, 0
    for _ in range(requests):
        response = await client.get(next_path(last))
        failed += response.status_code != 200
        last = response.content if response.status_code == 200 else None
    return failed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--database-url", required=True)
    ap.add_argument("--requests", type=int, default=500, help="requests per round")
    ap.add_argument("--only", nargs="*", help="only these queries")
    ap.add_argument("--profile", type=int, default=0, metavar="N")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    os.environ.update(DATABASE_URL=args.database_url, CACHE_MAX_AGE="0")
    from app.api.main import create_app

    app = create_app()
    statements = 0

    def count(*_):
        nonlocal statements
        statements += 1

    event.listen(app.state.engine, "before_cursor_execute", count)
    p = parameters(args.database_url, random.Random(7))
    report = {}

    async def run() -> None:
        nonlocal statements
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            for name, scenario in newsgraph_queries(p).items():
                if args.only and name not in args.only:
                    continue
                await _drive(client, scenario(), 50)  # warm caches
                wall, cpu, failed, statements = [], [], 0, 0
                for _ in range(ROUNDS):
                    started, used = time.perf_counter(), time.process_time()
                    failed += await _drive(client, scenario(), args.requests)
                    wall.append((time.perf_counter() - started) * 1000 / args.requests)
                    cpu.append((time.process_time() - used) * 1000 / args.requests)
                report[name] = {"wall_ms": round(statistics.median(wall), 3),
                                "cpu_ms": round(statistics.median(cpu), 3),
                                "statements_per_request": round(statements / (ROUNDS * args.requests), 1),
                                "failed": failed}
                if args.profile:
                    profiler = cProfile.Profile()
                    profiler.enable()
                    await _drive(client, scenario(), args.requests)
                    profiler.disable()
                    out = io.StringIO()
                    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(args.profile)
                    print(f"--- {name}\n{out.getvalue()}")

    asyncio.run(run())
    emit(report, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
