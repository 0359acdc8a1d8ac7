"""How loading time and database size grow with the corpus.

    python -m bench.scale CORPUS_DIR --steps 1000 10000 50000 [--database-url URL] [--json FILE]

Loads the corpus's files (sorted by name) into one fresh database in steps, up to 1,000, then
10,000, then 50,000 articles (`python -m app load` on each step's files), and prints, per step:
articles in the database, seconds and words/s of the step, seconds per 1,000 articles, rows
stored and the database's size. A step slower per article than the one before means the cost of
storing grows with what is already stored. Keeps the database (its path is printed): it is the one
the query benchmark reads.
"""
from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, func, select, text

from bench.report import emit

ROOT = Path(__file__).resolve().parent.parent
TABLES = ("articles", "people", "organizations", "roles", "quotes", "claims")


def database_mib(url: str) -> float:
    engine = create_engine(url)
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            size = conn.execute(text("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()"))
        else:
            size = conn.execute(select(func.pg_database_size(func.current_database())))
        value = size.scalar_one() / 2**20
    engine.dispose()
    return round(value, 1)


def counts(url: str) -> dict[str, int]:
    engine = create_engine(url)
    with engine.connect() as conn:
        found = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in TABLES}
    engine.dispose()
    return found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--steps", type=int, nargs="+", default=[1000, 10000, 50000])
    ap.add_argument("--database-url", help="default: a new SQLite file")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    files = sorted(args.corpus.rglob("*.txt"))
    url = args.database_url or f"sqlite:///{Path(tempfile.mkdtemp(prefix='scale-')) / 'scale.db'}"
    print(f"database: {url}", file=sys.stderr)
    work = Path(tempfile.mkdtemp(prefix="scale-steps-"))
    rows, done = [], 0
    for step in args.steps:
        chosen = files[done:step]
        if not chosen:
            break
        folder = work / f"upto_{step}"
        folder.mkdir()
        for path in chosen:  # links, so that the loader is given one folder per step
            os.link(path, folder / path.name)
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in chosen)
        started = time.perf_counter()
        loader = subprocess.Popen([sys.executable, "-m", "app", "load", str(folder)], cwd=ROOT,
                                  env=dict(os.environ, DATABASE_URL=url),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        stopped = False
        try:
            loader.wait()
        except KeyboardInterrupt:  # Ctrl-C: keep what this step loaded, as a partial row
            stopped = True
            loader.send_signal(signal.SIGINT)
            loader.wait()
        seconds = time.perf_counter() - started
        found = counts(url)
        loaded = found["articles"] - done if stopped else len(chosen)
        if stopped:
            words = sum(len(p.read_text(encoding="utf-8").split()) for p in chosen[:loaded])
        done += loaded
        row = {"articles_loaded": done, "step_articles": loaded, "step_seconds": round(seconds, 1),
               "step_words_per_s": round(words / seconds), "seconds_per_1000_articles": round(seconds / max(loaded, 1) * 1000, 1),
               **found, "database_mib": database_mib(url), "partial": stopped}
        rows.append(row)
        emit(row, None)
        print(file=sys.stdout, flush=True)
        if stopped:
            break
    emit({"database_url": url, "steps": rows}, args.json, quiet=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
