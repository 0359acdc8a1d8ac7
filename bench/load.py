"""Bounded load run on loopback: a mixed read workload plus a writer posting articles.

    python -m bench.load [--seconds 60] [--clients 8] [--database-url URL] [--corpus DIR ...]

Starts `python -m app serve` over a fresh database (SQLite in a temporary folder unless
--database-url names an empty PostgreSQL database) loaded with the seeds and the given corpora,
then for --seconds runs --clients reader threads over a fixed mix of requests while one writer
posts a new article every half second. Prints requests, errors (5xx and others), p50/p99 latency
and the server's resident memory before and after, and writes the figures as JSON (--json).
Traffic goes to 127.0.0.1 only; every loop is bounded by the duration.
"""
from __future__ import annotations

import argparse
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from bench.http import free_port, percentile
from bench.report import emit

ROOT = Path(__file__).resolve().parent.parent
KEY = "bench-key"
READS = [
    "/api/v1/people?limit=20", "/api/v1/people?q=kim", "/api/v1/quotes?limit=20",
    "/api/v1/quotes?q=economy", "/api/v1/claims?type=investment", "/api/v1/claims?unit=USD&min_value=1000000",
    "/api/v1/roles?status=current", "/api/v1/articles?limit=20", "/api/v1/search?q=president",
    "/api/v1/organizations?q=university",
]


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--database-url")
    ap.add_argument("--corpus", type=Path, action="append", default=[])
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()

    url = args.database_url or f"sqlite:///{tempfile.mkdtemp(prefix='bench-')}/bench.db"
    env = dict(os.environ, DATABASE_URL=url, API_KEY=KEY)
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "app", "load", str(ROOT / "seeds"), *map(str, args.corpus)],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    load_seconds = time.monotonic() - started
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "app", "serve", "--port", str(port)], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        with httpx.Client(base_url=base) as warm:
            for path in READS:
                warm.get(path)
        memory_before = rss_kib(server.pid)
        latencies: list[float] = []
        statuses: dict[int, int] = {}
        lock = threading.Lock()
        deadline = time.monotonic() + args.seconds
        seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]

        def record(status: int, seconds: float) -> None:
            with lock:
                latencies.append(seconds)
                statuses[status] = statuses.get(status, 0) + 1

        def reader(n: int) -> None:
            rng = random.Random(n)
            with httpx.Client(base_url=base, timeout=30) as http:
                while time.monotonic() < deadline:
                    t = time.perf_counter()
                    try:
                        status = http.get(rng.choice(READS)).status_code
                    except httpx.HTTPError:
                        status = 0
                    record(status, time.perf_counter() - t)

        posted = {"count": 0, "failed": 0}

        def writer() -> None:
            with httpx.Client(base_url=base, timeout=60, headers={"Authorization": f"Bearer {KEY}"}) as http:
                n = 0
                while time.monotonic() < deadline:
                    n += 1
                    text = random.choice(seeds) + f"\n\nUpdate number {n} of this report.\n"
                    try:
                        ok = http.post("/api/v1/articles", content=text.encode(),
                                       headers={"Content-Type": "text/plain"}).status_code in (200, 201)
                    except httpx.HTTPError:
                        ok = False
                    posted["count" if ok else "failed"] += 1
                    time.sleep(0.5)

        threads = [threading.Thread(target=reader, args=(n,)) for n in range(args.clients)]
        threads.append(threading.Thread(target=writer))
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        memory_after = rss_kib(server.pid)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)

    total = sum(statuses.values())
    ordered = sorted(latencies)
    report = {
        "database": url.split(":", 1)[0], "seconds": args.seconds, "clients": args.clients,
        "load_seconds": round(load_seconds, 1), "requests": total, "requests_per_s": round(total / args.seconds, 1),
        "errors_5xx": sum(n for s, n in statuses.items() if s >= 500),
        "errors_other": sum(n for s, n in statuses.items() if s == 0 or 400 <= s < 500),
        "p50_ms": round(percentile(ordered, 0.50) * 1000, 1) if ordered else 0.0,
        "p99_ms": round(percentile(ordered, 0.99) * 1000, 1) if ordered else 0.0,
        "mean_ms": round(statistics.fmean(latencies) * 1000, 1) if latencies else 0.0,
        "articles_posted": posted["count"], "posts_failed": posted["failed"],
        "server_rss_mib_before": round(memory_before / 1024, 1), "server_rss_mib_after": round(memory_after / 1024, 1),
    }
    emit(report, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
