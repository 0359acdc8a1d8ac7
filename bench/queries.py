"""Query latency and throughput over loopback, newsgraph against Datasette on the same data.

    python -m bench.queries --database-url URL [--datasette EXE] [--workers 1 2] [--seconds 30]
                            [--rate 200] [--rate-seconds 20] [--sweep 50 100 200 400] [--json FILE]

For each server (newsgraph with each --workers count on URL; Datasette on the same SQLite file
when URL is SQLite and --datasette names its executable) and each query:
- closed loop: --clients connections sending back to back for --seconds: requests/s, p50, p99;
- open loop: --rate requests/s for --rate-seconds: p50 and p99 at that rate;
- --sweep rates (newsgraph, first --workers count; and Datasette): p99 against request rate.
The queries, with their Datasette equivalents where one exists:
  person        GET /api/v1/people/{id}                     /db/people/{id}.json
  speaker_page  GET /api/v1/quotes?speaker_id={id}          /db/quotes.json?speaker_person_id={id}&_size=20
  search        GET /api/v1/quotes?q={word}                 /db/quotes.json?_search={word}&_size=20
  claims        GET /api/v1/claims?type={t}&unit={u}&min_value={v}   (none)
  walk          50 pages of /api/v1/quotes by next_cursor   50 pages of /db/quotes.json by _next
Ids, speakers and words are drawn from the database (the busiest speakers, words found in
0.1-1 % of quotes), the same for both servers. Datasette runs as an operator would serve a
read-only API: immutable (-i), no facet suggestions, pages of 20.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bench.http import closed_loop, free_port, open_loop
from bench.report import emit

ROOT = Path(__file__).resolve().parent.parent
WALK_PAGES = 50


def parameters(url: str, rng: random.Random) -> dict:
    """What the queries ask for, drawn from the data."""
    engine = create_engine(url)
    with engine.connect() as conn:
        people = [r[0] for r in conn.execute(text("SELECT id FROM people ORDER BY id"))]
        speakers = [r[0] for r in conn.execute(text(
            "SELECT speaker_person_id FROM quotes WHERE speaker_person_id IS NOT NULL "
            "GROUP BY speaker_person_id ORDER BY count(*) DESC LIMIT 200"))]
        total = conn.execute(text("SELECT count(*) FROM quotes")).scalar_one()
        sample = [r[0] for r in conn.execute(text("SELECT text FROM quotes ORDER BY id LIMIT 20000"))]
        claim_type, = conn.execute(text("SELECT type FROM claims GROUP BY type ORDER BY count(*) DESC LIMIT 1")).one()
        unit = conn.execute(text("SELECT unit FROM claim_amounts GROUP BY unit ORDER BY count(*) DESC LIMIT 1")
                            ).scalar() or "KRW"
        values = sorted(r[0] for r in conn.execute(text(
            "SELECT a.value FROM claim_amounts a JOIN claims c ON c.id = a.claim_id WHERE c.type = :t AND a.unit = :u"),
            {"t": claim_type, "u": unit}))
    engine.dispose()
    frequency = Counter(w for t in sample for w in set(re.findall(r"[a-z]{5,}", t.lower())))
    words = [w for w, n in frequency.items() if 0.001 <= n / len(sample) <= 0.01]
    return {
        "people": rng.sample(people, min(1000, len(people))),
        "speakers": speakers,
        "words": sorted(rng.sample(words, min(50, len(words)))),
        "claim_type": claim_type,
        "unit": unit,
        "min_value": values[len(values) // 2] if values else 0,
        "counts": {"people": len(people), "quotes": total},
    }


def rotate(items: list, template: str) -> Callable:
    """A scenario asking for each item in turn (in a shuffled order), forever."""
    def scenario():
        order = random.Random(7).sample(items, len(items))
        n = iter(range(10**12))
        return lambda last: template.format(order[next(n) % len(order)])
    return scenario


def walk(first: str, token_field: str, token_param: str) -> Callable:
    """A scenario walking WALK_PAGES pages by the token each page gives, then starting again."""
    def scenario():
        state = {"page": 0}

        def next_path(last: bytes | None):
            try:
                token = json.loads(last).get(token_field) if last else None
            except ValueError:
                token = None
            if state["page"] % WALK_PAGES == 0 or not token:
                state["page"] = 1
                return first
            state["page"] += 1
            return f"{first}&{token_param}={quote(str(token))}"
        return next_path
    return scenario


def newsgraph_queries(p: dict) -> dict[str, Callable]:
    return {
        "person": rotate(p["people"], "/api/v1/people/{}"),
        "speaker_page": rotate(p["speakers"], "/api/v1/quotes?speaker_id={}&limit=20"),
        "search": rotate(p["words"], "/api/v1/quotes?q={}&limit=20"),
        "claims": rotate([p["min_value"]], f"/api/v1/claims?type={p['claim_type']}&unit={p['unit']}&min_value={{}}&limit=20"),
        "walk": walk("/api/v1/quotes?limit=20", "next_cursor", "cursor"),
    }


def datasette_queries(p: dict, db: str) -> dict[str, Callable]:
    return {
        "person": rotate(p["people"], f"/{db}/people/{{}}.json"),
        "speaker_page": rotate(p["speakers"], f"/{db}/quotes.json?speaker_person_id={{}}&_size=20"),
        "search": rotate(p["words"], f"/{db}/quotes.json?_search={{}}&_size=20"),
        "walk": walk(f"/{db}/quotes.json?_size=20", "next", "_next"),
    }


class Server:
    def __init__(self, command: list[str], env: dict, port: int):
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        self.port = port

    def wait(self, path: str) -> None:
        for _ in range(300):
            if self.process.poll() is not None:
                raise SystemExit(f"server exited ({self.process.returncode})")
            try:
                if httpx.get(f"http://127.0.0.1:{self.port}{path}", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        raise SystemExit("server did not start")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)


def run_server(label: str, server: Server, queries: dict[str, Callable], args, sweep: bool) -> list[dict]:
    rows = []
    try:
        for name, scenario in queries.items():
            closed_loop("127.0.0.1", server.port, scenario, args.clients, 2)  # warm caches and pools
            most = closed_loop("127.0.0.1", server.port, scenario, args.clients, args.seconds).summary()
            steady = open_loop("127.0.0.1", server.port, scenario, args.rate, args.rate_seconds).summary()
            row = {"server": label, "query": name, "requests_per_s": most["requests_per_s"],
                   "p50_ms": most["p50_ms"], "p99_ms": most["p99_ms"], "errors": most["errors"] + steady["errors"],
                   f"p50_ms_at_{args.rate:g}_per_s": steady["p50_ms"], f"p99_ms_at_{args.rate:g}_per_s": steady["p99_ms"]}
            if sweep:
                row["sweep"] = {f"{rate:g}": open_loop("127.0.0.1", server.port, scenario, rate,
                                                        args.sweep_seconds).summary() for rate in args.sweep}
            rows.append(row)
            print(" | ".join(f"{v}" for k, v in row.items() if k != "sweep"), flush=True)
    finally:
        server.stop()
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--database-url", required=True)
    ap.add_argument("--datasette", help="the datasette executable (its own environment)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--rate", type=float, default=200)
    ap.add_argument("--rate-seconds", type=float, default=20)
    ap.add_argument("--sweep", type=float, nargs="*", default=[])
    ap.add_argument("--sweep-seconds", type=float, default=10)
    ap.add_argument("--only", nargs="*", help="only these queries")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    p = parameters(args.database_url, random.Random(7))
    backend = make_url(args.database_url).get_backend_name()
    print(f"{backend}: {p['counts']['quotes']} quotes, {p['counts']['people']} people; "
          f"claims of type {p['claim_type']} with an amount of at least {p['min_value']:g} {p['unit']}", flush=True)
    rows = []
    for workers in args.workers:
        port = free_port()
        env = dict(os.environ, DATABASE_URL=args.database_url, CACHE_MAX_AGE="0")
        server = Server([sys.executable, "-m", "app", "serve", "--host", "127.0.0.1", "--port", str(port),
                         "--workers", str(workers)], env, port)
        server.wait("/ready")
        queries = {k: v for k, v in newsgraph_queries(p).items() if not args.only or k in args.only}
        rows += run_server(f"newsgraph {backend} {workers}w", server, queries, args, sweep=workers == args.workers[0])
    if args.datasette and backend == "sqlite":
        database = Path(make_url(args.database_url).database)
        port = free_port()
        server = Server([args.datasette, "serve", "-i", str(database), "--host", "127.0.0.1", "--port", str(port),
                         "--setting", "suggest_facets", "off", "--setting", "default_page_size", "20"],
                        dict(os.environ), port)
        server.wait(f"/{database.stem}.json")
        queries = {k: v for k, v in datasette_queries(p, database.stem).items() if not args.only or k in args.only}
        rows += run_server("datasette sqlite 1w", server, queries, args, sweep=True)
    emit({"database": backend, "counts": p["counts"], "clients": args.clients, "seconds": args.seconds,
          "rows": rows}, args.json, quiet=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
