"""python -m app db upgrade | load PATH... | serve | worker"""
from __future__ import annotations

import argparse
import sys

from tqdm import tqdm

from app.config import get_settings


def cmd_upgrade(_args: argparse.Namespace) -> int:
    from app.db.migrate import upgrade

    upgrade()
    print("database at head")
    return 0


def cmd_load(args: argparse.Namespace) -> int:
    """Load files and folders; one line per file as it lands, a summary at the end."""
    from app.services.loading import STATUSES, Loader

    progress = tqdm(desc="loading", unit="file", file=sys.stderr, disable=None)

    def report(outcome) -> None:
        progress.update()
        progress.set_postfix_str(outcome.path.name)
        tqdm.write(outcome.line(), file=sys.stdout)

    def found(total: int) -> None:
        progress.total = total
        progress.refresh()

    if args.queue:
        return _load_queued(args, report, found, progress)
    loader = Loader(report, workers=args.workers, found=found,
                    warn=lambda message: tqdm.write(message, file=sys.stderr))
    try:
        counts = loader.run(args.paths)
    finally:
        progress.close()
    if not any(counts.values()):
        print("no files found", file=sys.stderr)
        return 1
    print(", ".join(f"{counts[status]} {status}" for status in STATUSES))
    return 0 if loader.ok else 1


def _load_queued(args: argparse.Namespace, report, found, progress) -> int:
    """Files handed to the queue's workers; their outcomes awaited unless --no-wait."""
    from app.queue import BrokerUnavailable
    from app.services.queued import QueuedLoad

    settings = get_settings()
    if not settings.broker_url:
        print("--queue needs BROKER_URL (the Redis URL the workers take jobs from)", file=sys.stderr)
        return 2
    load = QueuedLoad(report, settings, found=found)
    try:
        counts = load.queue(args.paths)
        queued = counts["queued"]
        if args.no_wait:
            progress.close()
            print(f"{queued} file{'s' if queued != 1 else ''} queued")
            return 0 if load.ok else 1
        counts = load.wait()
    except BrokerUnavailable as exc:
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        progress.close()
    if not any(counts.values()):
        print("no files found", file=sys.stderr)
        return 1
    print(", ".join(f"{counts[status]} {status}" for status in counts if status != "queued"))
    return 0 if load.ok else 1


def _lower_priority(nice: int) -> None:
    """The worker's processes (they inherit it) niced. Where Linux shares the CPU between
    sessions before processes (`sched_autogroup_enabled`, the default on desktops and many
    servers), a process's nice only counts within its session: a worker leading its own session
    (`setsid`, a service) also lowers its session's share, so that an API in another session
    answers first."""
    import os
    from pathlib import Path

    os.nice(nice)
    autogroup = Path("/proc/self/autogroup")
    if os.getsid(0) == os.getpid() and autogroup.exists():
        try:
            autogroup.write_text(str(nice))
        except OSError:
            pass  # not allowed here: the process nice alone


WORKER_POLL_MS = 100  # how often an idle queue worker asks the broker for a message


def cmd_worker(args: argparse.Namespace) -> int:
    """Dramatiq's worker over the ingest queue: processes × threads jobs at once."""
    import os

    if not get_settings().broker_url:
        print("the worker needs BROKER_URL (the Redis URL it takes jobs from)", file=sys.stderr)
        return 2
    # An idle worker asks the broker for work every WORKER_POLL_MS (Dramatiq's default, a second,
    # left a job waiting half a second on average); each thread holds the next message while it
    # runs one (Dramatiq's prefetch, two per thread), so a busy worker never waits for the broker.
    # (read when Dramatiq is imported, so set first).
    os.environ.setdefault("dramatiq_worker_timeout", str(WORKER_POLL_MS))
    if args.nice:
        _lower_priority(args.nice)
    import dramatiq.cli

    from app.queue import QUEUE

    argv = ["app.worker", "--processes", str(args.processes or os.cpu_count() or 1),
            "--threads", str(args.threads), "--queues", QUEUE]
    return dramatiq.cli.main(dramatiq.cli.make_argument_parser().parse_args(argv))


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
    load = commands.add_parser(
        "load", help="load article files (text, markdown, HTML, JSON, JSON Lines) and folders of them"
    )
    load.add_argument("paths", nargs="+", metavar="PATH")
    load.add_argument("--workers", type=int, default=None,
                      help="processes analysing files at once (default: one per CPU core when the files "
                           "hold 64 KB or more, else one)")
    load.add_argument("--queue", action="store_true",
                      help="hand the files to the queue's workers (BROKER_URL) and wait for them")
    load.add_argument("--no-wait", action="store_true", help="with --queue: return once the files are queued")
    load.set_defaults(func=cmd_load)
    serve = commands.add_parser("serve", help="serve the HTTP API with uvicorn")
    serve.add_argument("--host", default=None)
    serve.add_argument("--port", type=int, default=None)
    serve.add_argument("--workers", type=int, default=1,
                       help="uvicorn worker processes, each serving requests (default 1)")
    serve.set_defaults(func=cmd_serve)
    worker = commands.add_parser("worker", help="analyse and store queued jobs (needs BROKER_URL)")
    worker.add_argument("--processes", type=int, default=None,
                        help="worker processes (default: one per CPU core)")
    worker.add_argument("--threads", type=int, default=1,
                        help="jobs each process runs at once (default 1: analysis is CPU work)")
    worker.add_argument("--nice", type=int, default=0,
                        help="lower the workers' CPU priority by this much (1-19): an API on the same machine "
                             "then answers first")
    worker.set_defaults(func=cmd_worker)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)
