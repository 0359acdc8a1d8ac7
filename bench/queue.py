"""Ingest through the queue: throughput by worker processes, and the read API's tail meanwhile.

    python -m bench.queue DIR [--workers 1 2 4] [--broker-url redis://127.0.0.1:6379/14]
                              [--rate 200] [--seconds 20] [--json FILE]

DIR: a folder of .txt articles (words are counted as in bench.ingest). On fresh SQLite databases:
1. `python -m app load DIR` (the synchronous loader, one analysing process per core), then for
   each --workers count N: `python -m app worker --processes N` started and warmed (one small job
   run through it), and `python -m app load --queue DIR` timed until every job is done.
   Words/s of each, and each against one worker process; then the same workers started over a
   backlog queued before them (`load --queue --no-wait`), timed by the jobs' own start and end
   (no enqueuing client, no start-up).
2. The read API (`serve`, one uvicorn worker) over the database the loader filled: the speaker
   page (page of 20 quotes of one of the busiest speakers) at --rate requests/s, open loop, for
   --seconds: idle; while a client posts DIR's articles back to back in-process (no broker);
   while two worker processes work through a backlog of DIR queued twice (`load --queue --no-wait`),
   at normal priority and at `--nice 19`; idle again. p50/p99 of each, and p99 against idle.
The broker database named by --broker-url is emptied first.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
import redis
from sqlalchemy import create_engine, text

from bench.http import free_port, open_loop
from bench.queries import rotate
from bench.report import emit

ROOT = Path(__file__).resolve().parent.parent
KEY = "bench-key"


def _env(database: Path, broker_url: str | None = None) -> dict[str, str]:
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{database}", API_KEY=KEY)
    env.pop("BROKER_URL", None)
    if broker_url:
        env["BROKER_URL"] = broker_url
    return env


def _app(*args: str, env: dict) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"python -m app {' '.join(args)} failed: {done.stderr[-2000:]}")
    return done


@contextmanager
def workers(env: dict, processes: int, nice: int = 0):
    process = subprocess.Popen([sys.executable, "-m", "app", "worker", "--processes", str(processes),
                                "--nice", str(nice)], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        yield process
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def _warm(env: dict, scratch: Path) -> None:
    """One small job through the workers, so that the timed run finds them started."""
    warm = scratch / "warm"
    warm.mkdir(exist_ok=True)
    (warm / "warm.txt").write_text("Warm Up\n\nThe mayor, Kim Ha, said on Monday that the city will open a "
                                   "library in 2027.", encoding="utf-8")
    _app("load", "--queue", str(warm), env=env)


def ingest(corpus: Path, counts: list[int], broker_url: str, scratch: Path) -> tuple[dict, Path]:
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in corpus.rglob("*.txt"))
    report: dict = {"files": len(list(corpus.rglob("*.txt"))), "words": words}
    loaded = scratch / "load.db"
    started = time.perf_counter()
    _app("load", str(corpus), env=_env(loaded))
    report["load_words_per_s"] = round(words / (time.perf_counter() - started))
    for n in counts:
        redis.Redis.from_url(broker_url).flushdb()
        database = scratch / f"queue{n}.db"
        env = _env(database, broker_url)
        _app("db", "upgrade", env=env)
        with workers(env, n):
            _warm(env, scratch)
            started = time.perf_counter()
            _app("load", "--queue", str(corpus), env=env)
            report[f"queue_{n}_workers_words_per_s"] = round(words / (time.perf_counter() - started))
        report[f"drain_{n}_workers_words_per_s"] = _drain(corpus, words, n, broker_url, scratch)
        print(f"{n} worker processes: {report[f'queue_{n}_workers_words_per_s']} words/s end to end, "
              f"{report[f'drain_{n}_workers_words_per_s']} draining a backlog", flush=True)
    for kind in ("queue", "drain"):
        first = report[f"{kind}_{counts[0]}_workers_words_per_s"]
        for n in counts[1:]:
            report[f"{kind}_{n}_workers_vs_{counts[0]}"] = round(report[f"{kind}_{n}_workers_words_per_s"] / first, 2)
        for n in counts:
            report[f"{kind}_{n}_workers_vs_load"] = round(report[f"{kind}_{n}_workers_words_per_s"]
                                                          / report["load_words_per_s"], 2)
    return report, loaded


def _drain(corpus: Path, words: int, n: int, broker_url: str, scratch: Path) -> int:
    """Words/s of N worker processes over a backlog queued before they start: from the first
    job's start to the last one's end, by the jobs' own times (the enqueuing client and the
    workers' start left out)."""
    redis.Redis.from_url(broker_url).flushdb()
    database = scratch / f"drain{n}.db"
    env = _env(database, broker_url)
    _app("load", "--queue", "--no-wait", str(corpus), env=env)
    engine = create_engine(f"sqlite:///{database}")
    with workers(env, n):
        while True:
            with engine.connect() as connection:
                left = connection.execute(
                    text("SELECT count(*) FROM jobs WHERE status IN ('queued', 'running')")).scalar()
            if not left:
                break
            time.sleep(0.5)
    with engine.connect() as connection:
        first, last = connection.execute(text("SELECT min(started_at), max(finished_at) FROM jobs")).one()
    engine.dispose()
    from datetime import datetime

    seconds = (datetime.fromisoformat(str(last)) - datetime.fromisoformat(str(first))).total_seconds()
    return round(words / seconds)


@contextmanager
def serving(env: dict):
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "app", "serve", "--port", str(port)], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=20)


def _speakers(database: Path) -> list[int]:
    engine = create_engine(f"sqlite:///{database}")
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT speaker_person_id FROM quotes WHERE speaker_person_id IS NOT NULL "
                                       "GROUP BY speaker_person_id ORDER BY count(*) DESC LIMIT 50")).all()
    engine.dispose()
    return [r[0] for r in rows]


def _poster(port: int, texts: list[str], stop: threading.Event, posted: dict) -> None:
    """Posts the texts back to back, each under a new name (so each is analysed), until stopped."""
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120,
                      headers={"Authorization": f"Bearer {KEY}", "Content-Type": "text/plain"}) as http:
        i = 0
        while not stop.is_set():
            http.post(f"/api/v1/articles?name=bench-{i}.txt", content=texts[i % len(texts)].encode())
            posted["count"] = i = i + 1


def reads(database: Path, corpus: Path, broker_url: str, rate: float, seconds: float, scratch: Path) -> dict:
    scenario = rotate(_speakers(database), "/api/v1/quotes?speaker_id={}&limit=20")
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.rglob("*.txt"))]
    random.Random(3).shuffle(texts)
    rows: dict = {}

    def measure(label: str, port: int) -> None:
        open_loop("127.0.0.1", port, scenario, rate, 2)  # warm
        rows[label] = open_loop("127.0.0.1", port, scenario, rate, seconds).summary()
        print(label, rows[label], flush=True)

    with serving(_env(database)) as port:
        measure("idle", port)
        stop, posted = threading.Event(), {"count": 0}
        poster = threading.Thread(target=_poster, args=(port, texts, stop, posted))
        poster.start()
        time.sleep(2)
        measure("in_process_post", port)
        stop.set()
        poster.join()
        rows["in_process_post"]["articles_posted"] = posted["count"]
    backlog = scratch / "backlog"
    for nice in (0, 19):
        redis.Redis.from_url(broker_url).flushdb()
        shutil.rmtree(backlog, ignore_errors=True)
        for copy in ("a", "b"):  # new paths: every file is new to the database; twice, to outlast the run
            shutil.copytree(corpus, backlog / copy)
        env = _env(database, broker_url)
        with serving(env) as port, workers(env, 2, nice):
            _app("load", "--queue", "--no-wait", str(backlog), env=env)
            time.sleep(8)  # the workers started and busy
            measure(f"queued_ingest_nice_{nice}", port)
    with serving(_env(database)) as port:
        measure("idle_again", port)
    idle = min(rows["idle"]["p99_ms"], rows["idle_again"]["p99_ms"])
    for label in list(rows):
        rows[label]["p99_vs_idle"] = round(rows[label]["p99_ms"] / idle, 2)
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    ap.add_argument("--broker-url", default="redis://127.0.0.1:6379/14")
    ap.add_argument("--rate", type=float, default=200)
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--skip-ingest", action="store_true", help="only the read API's tail (loads DIR once)")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="bench-queue-"))
    try:
        if args.skip_ingest:
            report, database = {}, scratch / "load.db"
            _app("load", str(args.corpus), env=_env(database))
        else:
            report, database = ingest(args.corpus, args.workers, args.broker_url, scratch)
        report["reads"] = reads(database, args.corpus, args.broker_url, args.rate, args.seconds, scratch)
        emit(report, args.json)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
