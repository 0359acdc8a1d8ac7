"""python -m app db upgrade | load PATH... | serve"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from tqdm import tqdm

from app.config import get_settings


def _files(paths: list[str]) -> list[Path]:
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*.txt") if p.is_file()))
        else:
            found.append(path)
    return found


def cmd_upgrade(_args: argparse.Namespace) -> int:
    from app.db.migrate import upgrade

    upgrade()
    print("database at head")
    return 0


def _store_with_retry(prepared, attempts: int = 5):
    """Store one file in its own transaction. Another loader writing the same rows at once
    (a unique key taken, a locked database) makes this transaction fail: it is rolled back and
    tried again, when the rows the other loader committed are seen and reused."""
    import random
    import time

    from sqlalchemy.exc import IntegrityError, OperationalError

    from app.db.session import session_scope
    from app.services.ingest import store

    for attempt in range(1, attempts + 1):
        try:
            with session_scope() as session:
                return store(session, prepared)
        except (IntegrityError, OperationalError) as exc:
            if attempt == attempts:
                raise
            print(f"retrying {prepared.name} ({type(exc).__name__}: another writer)", file=sys.stderr)
            time.sleep(random.uniform(0.05, 0.3) * attempt)


def _line(result, path: Path) -> str:
    line = f"{result.status:9} {path}"
    if result.status in ("loaded", "updated"):
        line += f"  ({result.articles} article{'s' if result.articles != 1 else ''})"
    if result.detail:
        line += f"  {result.detail}"
    return line


def _failed(path: Path, exc: Exception):
    from app.services.ingest import InputError, LoadResult

    detail = str(exc) if isinstance(exc, InputError) else f"{type(exc).__name__}: {exc}"
    return LoadResult(path.name, "failed", detail=detail)


FILES_PER_BATCH = 8  # files analysed in one spaCy stream and stored in one transaction


def cmd_load(args: argparse.Namespace) -> int:
    """Files are read and checked here and gathered into small batches; each batch is analysed
    in a worker process (the CPU work: one spaCy stream over all its articles) and stored here in
    one transaction as soon as it is ready. A batch whose transaction fails is stored again file
    by file, so one bad file fails alone and never leaves half an article behind."""
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    from app.db.migrate import upgrade
    from app.db.session import session_scope
    from app.queries import documents
    from app.services.ingest import LoadResult, prepare_many, read, sha256_of, store

    settings = get_settings()
    upgrade()
    files = _files(args.paths)
    if not files:
        print("no .txt files found", file=sys.stderr)
        return 1
    workers = max(1, min(args.workers or os.cpu_count() or 1, len(files)))
    counts = {"loaded": 0, "updated": 0, "unchanged": 0, "failed": 0}
    progress = tqdm(total=len(files), desc="loading", unit="file", file=sys.stderr, disable=None)

    def finish(path: Path, result) -> None:
        counts[result.status] += 1
        progress.update()
        progress.set_postfix_str(path.name)
        tqdm.write(_line(result, path), file=sys.stdout)

    def store_batch(paths: list[Path], outcomes: list) -> None:
        ready = []
        for path, outcome in zip(paths, outcomes):
            if isinstance(outcome, Exception):
                finish(path, _failed(path, outcome))
            else:
                ready.append((path, outcome))
        if not ready:
            return
        try:
            with session_scope() as session:
                results = [store(session, prepared) for _, prepared in ready]
        except Exception:  # rolled back whole: each file again in its own transaction
            for path, prepared in ready:
                try:
                    finish(path, _store_with_retry(prepared))
                except Exception as exc:  # one bad file must not stop the others
                    finish(path, _failed(path, exc))
            return
        for (path, _), result in zip(ready, results):
            finish(path, result)

    pool = ProcessPoolExecutor(workers, mp_context=_worker_context()) if workers > 1 else None
    pending: dict = {}

    def collect(future) -> None:
        paths = pending.pop(future)
        try:
            outcomes = future.result()
        except Exception as exc:  # the worker itself died
            outcomes = [exc] * len(paths)
        store_batch(paths, outcomes)

    def analyse(batch: list[tuple[Path, bytes, str]]) -> None:
        paths = [path for path, _, _ in batch]
        items = [(path.name, data, text) for path, data, text in batch]
        if pool is None:
            store_batch(paths, prepare_many(items))
            return
        pending[pool.submit(prepare_many, items)] = paths
        while len(pending) >= 2 * workers:  # bounded: memory stays flat on any corpus
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                collect(future)

    batch: list[tuple[Path, bytes, str]] = []
    try:
        for path in files:
            try:
                data, text = read(path, settings.max_file_bytes)
                with session_scope() as session:
                    seen = documents.by_sha256(session, sha256_of(data)) is not None
            except Exception as exc:
                finish(path, _failed(path, exc))
                continue
            if seen:
                finish(path, LoadResult(path.name, "unchanged"))
                continue
            batch.append((path, data, text))
            if len(batch) == FILES_PER_BATCH:
                analyse(batch)
                batch = []
        if batch:
            analyse(batch)
        for future in list(pending):
            collect(future)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        progress.close()
    print(", ".join(f"{n} {status}" for status, n in counts.items()))
    return 1 if counts["failed"] else 0


def _worker_context():
    """Workers forked from a clean server process that has the language model loaded already
    (no database connections or threads to inherit, and no model load per worker)."""
    from multiprocessing import get_context

    context = get_context("forkserver")
    context.set_forkserver_preload(["app.extract.loaded"])
    return context


def _log_config() -> dict:
    """uvicorn's logging, plus one JSON line per request from the access log middleware on
    stderr; uvicorn applies it in every worker process."""
    import copy

    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["formatters"]["line"] = {"format": "%(message)s"}
    config["handlers"]["access_json"] = {
        "class": "logging.StreamHandler", "formatter": "line", "stream": "ext://sys.stderr"
    }
    config["loggers"]["app.access"] = {"handlers": ["access_json"], "level": "INFO", "propagate": False}
    return config


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    settings = get_settings()
    uvicorn.run(
        "app.api.main:app",
        host=args.host or settings.host,
        port=args.port or settings.port,
        workers=args.workers,
        log_config=_log_config(),
        log_level="info",
        access_log=False,
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m app", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", required=True)
    db_commands.add_parser("upgrade", help="apply the migrations up to head").set_defaults(func=cmd_upgrade)
    load = commands.add_parser("load", help="load .txt article files and folders of them")
    load.add_argument("paths", nargs="+", metavar="PATH")
    load.add_argument("--workers", type=int, default=None,
                      help="processes analysing files at once (default: one per CPU core)")
    load.set_defaults(func=cmd_load)
    serve = commands.add_parser("serve", help="serve the HTTP API with uvicorn")
    serve.add_argument("--host", default=None)
    serve.add_argument("--port", type=int, default=None)
    serve.add_argument("--workers", type=int, default=1,
                       help="uvicorn worker processes, each serving requests (default 1)")
    serve.set_defaults(func=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)
