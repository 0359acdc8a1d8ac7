"""newsgraph on SQLite, newsgraph on PostgreSQL and Datasette, side by side, in interleaved rounds.

    python -m bench.side_by_side --sqlite URL --postgresql URL [--datasette EXE] [--rounds 3]
        [--seconds 10] [--clients 8] [--rate 200] [--rate-seconds 10] [--json FILE]

Every server runs at once on the same machine: newsgraph with one worker on the SQLite file,
with one and with two workers on the PostgreSQL copy of the same rows (`bench.copydb`), and
Datasette on the same SQLite file (immutable, facet suggestions off, pages of 20; the person row
as lean JSON, `_shape=array`). Each round drives every query against every server in turn, a
closed loop of --clients connections for --seconds (wrk, when it is installed; else
`bench.http`), so that the machine's drift over a run falls on all of them alike; the ratios are
taken within a round and their median is reported with their range. Then an open loop at --rate
requests/s (`bench.http`, latency counted from when each request was due) gives each server's
p50 and p99 at that rate. The queries, their paths and the data they are drawn from are those of
`bench.queries`; the 50 pages of the walk are the pages each server's own cursors lead to.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

import httpx
from sqlalchemy.engine import make_url

from bench.http import closed_loop, free_port, open_loop
from bench.queries import WALK_PAGES, Server, parameters, rotate
from bench.report import emit

QUERIES = ("person", "speaker_page", "search", "claims", "walk")


def newsgraph_paths(p: dict, base: str) -> dict[str, list[str]]:
    return {
        "person": [f"/api/v1/people/{i}" for i in p["people"]],
        "speaker_page": [f"/api/v1/quotes?speaker_id={i}&limit=20" for i in p["speakers"]],
        "search": [f"/api/v1/quotes?q={w}&limit=20" for w in p["words"]],
        "claims": [f"/api/v1/claims?type={p['claim_type']}&unit={p['unit']}&min_value={p['min_value']}&limit=20"],
        "walk": _walk(base, "/api/v1/quotes?limit=20", "next_cursor", "cursor"),
    }


def datasette_paths(p: dict, base: str, db: str) -> dict[str, list[str]]:
    return {
        "person": [f"/{db}/people/{i}.json?_shape=array" for i in p["people"]],
        "speaker_page": [f"/{db}/quotes.json?speaker_person_id={i}&_size=20" for i in p["speakers"]],
        "search": [f"/{db}/quotes.json?_search={w}&_size=20" for w in p["words"]],
        "walk": _walk(base, f"/{db}/quotes.json?_size=20", "next", "_next"),
    }


def _walk(base: str, first: str, token_field: str, token_param: str) -> list[str]:
    """The paths of the first WALK_PAGES pages, each by the token of the page before."""
    paths = [first]
    while len(paths) < WALK_PAGES:
        token = httpx.get(base + paths[-1], timeout=30).json().get(token_field)
        if not token:
            break
        paths.append(f"{first}&{token_param}={quote(str(token))}")
    return paths


_LUA = """local paths = {%s}
local i = 0
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end
"""
_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _wrk(wrk: str, port: int, paths: list[str], clients: int, seconds: float) -> dict:
    order = random.Random(7).sample(paths, len(paths))
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(_LUA % ", ".join(json.dumps(p) for p in order))
    try:
        out = subprocess.run([wrk, "-t2", f"-c{clients}", f"-d{seconds:g}s", "--latency", "-s", script.name,
                              f"http://127.0.0.1:{port}"], capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(script.name)

    def latency(label: str) -> float:
        value, unit = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()
        return round(float(value) * _UNITS[unit], 2)

    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    errors += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    return {"requests_per_s": round(float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)), 1),
            "p50_ms": latency("50"), "p99_ms": latency("99"), "errors": errors}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sqlite", required=True, help="the SQLite database URL")
    ap.add_argument("--postgresql", required=True, help="the same rows in PostgreSQL")
    ap.add_argument("--datasette", help="the datasette executable (its own environment)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--rate", type=float, default=200)
    ap.add_argument("--rate-seconds", type=float, default=10)
    ap.add_argument("--only", nargs="*", choices=QUERIES)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    p = parameters(args.sqlite, random.Random(7))
    queries = [q for q in QUERIES if not args.only or q in args.only]
    wrk = shutil.which("wrk")
    print(f"{p['counts']['quotes']} quotes, {p['counts']['people']} people; client: {wrk or 'bench.http'}", flush=True)

    servers: dict[str, Server] = {}
    paths: dict[str, dict[str, list[str]]] = {}
    try:
        for label, url, workers in (("newsgraph sqlite 1w", args.sqlite, 1),
                                    ("newsgraph postgresql 1w", args.postgresql, 1),
                                    ("newsgraph postgresql 2w", args.postgresql, 2)):
            port = free_port()
            env = dict(os.environ, DATABASE_URL=url, CACHE_MAX_AGE="0")
            servers[label] = Server([sys.executable, "-m", "app", "serve", "--host", "127.0.0.1", "--port", str(port),
                                     "--workers", str(workers)], env, port)
            servers[label].wait("/ready")
            paths[label] = newsgraph_paths(p, f"http://127.0.0.1:{port}")
        if args.datasette:
            database = Path(make_url(args.sqlite).database)
            port = free_port()
            servers["datasette"] = Server([args.datasette, "serve", "-i", str(database), "--host", "127.0.0.1",
                                           "--port", str(port), "--setting", "suggest_facets", "off",
                                           "--setting", "default_page_size", "20"], dict(os.environ), port)
            servers["datasette"].wait(f"/{database.stem}.json")
            paths["datasette"] = datasette_paths(p, f"http://127.0.0.1:{port}", database.stem)

        def scenario(label: str, query: str):
            return rotate(paths[label][query], "{}")

        def drive(label: str, query: str) -> dict:
            port = servers[label].port
            if wrk:
                return _wrk(wrk, port, paths[label][query], args.clients, args.seconds)
            return closed_loop("127.0.0.1", port, scenario(label, query), args.clients, args.seconds).summary()

        rounds = []
        for number in range(args.rounds):
            for query in queries:
                labels = [label for label in servers if query in paths[label]]
                if number == 0:
                    for label in labels:  # warm caches, pools and prepared statements
                        closed_loop("127.0.0.1", servers[label].port, scenario(label, query), args.clients, 2)
                labels = labels[number % len(labels):] + labels[:number % len(labels)]
                for label in labels:
                    row = {"round": number + 1, "query": query, "server": label, **drive(label, query)}
                    rounds.append(row)
                    print(json.dumps(row), flush=True)
        steady = []
        for query in queries:
            for label in servers:
                if query in paths[label]:
                    result = open_loop("127.0.0.1", servers[label].port, scenario(label, query), args.rate,
                                       args.rate_seconds).summary()
                    row = {"query": query, "server": label, "rate": args.rate, "p50_ms": result["p50_ms"],
                           "p99_ms": result["p99_ms"], "errors": result["errors"]}
                    steady.append(row)
                    print(json.dumps(row), flush=True)
    finally:
        for server in servers.values():
            server.stop()

    summary = _summary(rounds, steady, queries)
    for line in summary["table"]:
        print(line)
    emit({"counts": p["counts"], "clients": args.clients, "seconds": args.seconds, "rounds": args.rounds,
          "client": "wrk" if wrk else "bench.http", "closed_loop": rounds, "open_loop": steady,
          "ratios": summary["ratios"]}, args.json, quiet=True)
    return 0


def _summary(rounds: list[dict], steady: list[dict], queries: list[str]) -> dict:
    """Per query: the median of each round's ratio, with the range over rounds."""
    rate = {(r["round"], r["query"], r["server"]): r["requests_per_s"] for r in rounds}
    numbers = sorted({r["round"] for r in rounds})
    comparisons = (("newsgraph ÷ datasette", "newsgraph sqlite 1w", "datasette"),
                   ("postgresql ÷ sqlite, 1 worker", "newsgraph postgresql 1w", "newsgraph sqlite 1w"),
                   ("postgresql 2 workers ÷ sqlite 1 worker", "newsgraph postgresql 2w", "newsgraph sqlite 1w"))
    ratios: dict[str, dict[str, dict]] = {}
    table = []
    for query in queries:
        ratios[query] = {}
        for name, top, bottom in comparisons:
            found = [rate[n, query, top] / rate[n, query, bottom] for n in numbers
                     if (n, query, top) in rate and (n, query, bottom) in rate and rate[n, query, bottom]]
            if found:
                ratios[query][name] = {"median": round(statistics.median(found), 2),
                                       "min": round(min(found), 2), "max": round(max(found), 2)}
        served = {r["server"]: round(statistics.median(x["requests_per_s"] for x in rounds
                                                        if x["query"] == query and x["server"] == r["server"]))
                  for r in rounds if r["query"] == query}
        p99 = {r["server"]: r["p99_ms"] for r in steady if r["query"] == query}
        table.append(f"{query}: req/s {served}; ratios {ratios[query]}; p99 ms at the open-loop rate {p99}")
    return {"ratios": ratios, "table": table}


if __name__ == "__main__":
    raise SystemExit(main())
