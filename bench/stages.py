"""Where ingest time goes, by stage: spaCy's parse against each rule stage, on the same texts.

    python -m bench.stages DIR [DIR ...] [--json FILE] [--top N]

Reads every file the loader reads in the folders, cuts them into articles (the pipeline's
page_segments), parses all articles in one `nlp.pipe` stream (timed: the parse), then analyses
each article under cProfile and reports the cumulative seconds of each stage of
app.extract.pipeline.analyse (quote spans, entities, roles, speakers, reported speech, claims),
each as a share of the parse. cProfile inflates Python code far more than spaCy's compiled
parser, so the same stages are then timed again without it (a clock around each stage's
function; the share to hold against the target). --top N also prints the N functions with the
most own time.
One process, no database: the loader's storage is measured by bench.ingest.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from pathlib import Path

from bench.report import emit

# The stages of app.extract.pipeline.analyse, as (label, module file, function name).
STAGES = (
    ("quote spans", "quotes.py", "find_quotes"),
    ("entities", "extract.py", "extract_entities"),
    ("roles", "__init__.py", "find_roles"),
    ("speakers", "__init__.py", "attribute_all"),
    ("reported speech", "indirect.py", "find_indirect"),
    ("claims", "claims.py", "find_claims"),
    ("all rule stages", "pipeline.py", "analyse"),
)


def run(folders: list[Path], top: int = 0) -> dict:
    from app.extract.pipeline import analyse, nlp, page_segments
    from app.readers import InputError, read, reader_for_name

    segments = []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            reader = reader_for_name(path.name)
            if reader is None or not path.is_file():
                continue
            try:
                documents = read(reader, path.read_bytes()).documents
            except InputError:
                continue
            segments += [s for d in documents for s in page_segments(d)]
    model = nlp()
    started = time.perf_counter()
    docs = list(model.pipe([s.body for s in segments]))
    parse = time.perf_counter() - started
    profile = cProfile.Profile()
    started = time.perf_counter()
    profile.enable()
    for segment, doc in zip(segments, docs, strict=True):
        analyse(segment, doc)
    profile.disable()
    rules = time.perf_counter() - started
    stats = pstats.Stats(profile)
    stages = {}
    for label, filename, function in STAGES:
        seconds = sum(row[3] for (file, _, name), row in stats.stats.items()  # type: ignore[attr-defined]
                      if name == function and file.endswith(filename) and "/app/extract/" in file)
        stages[label] = {"seconds": round(seconds, 3), "share_of_parse": round(seconds / parse, 3)}
    clocked, total = _clocked(segments, docs)
    for label, seconds in clocked.items():
        stages[label].update(seconds_unprofiled=round(seconds, 3), share_unprofiled=round(seconds / parse, 3))
    stages["all rule stages"].update(seconds_unprofiled=round(total, 3), share_unprofiled=round(total / parse, 3))
    words = sum(len(s.body.split()) for s in segments)
    report = {"articles": len(segments), "words": words, "parse_seconds": round(parse, 3),
              "rules_seconds_profiled": round(rules, 3), "stages": stages}
    if top:
        ranked = sorted(stats.stats.items(), key=lambda item: item[1][2], reverse=True)[:top]  # type: ignore[attr-defined]
        report["top_own_time"] = [f"{Path(f).name}:{line} {name} {row[2]:.3f}s" for (f, line, name), row in ranked]
    return report


def _clocked(segments, docs) -> tuple[dict[str, float], float]:
    """Each stage's seconds with a clock around its function in the pipeline (no profiler)."""
    from app.extract import pipeline

    spent = dict.fromkeys((label for label, _, _ in STAGES[:-1]), 0.0)
    originals = {function: getattr(pipeline, function) for _, _, function in STAGES[:-1]}

    def clock(label: str, function):
        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[label] += time.perf_counter() - started
        return timed

    for label, _, function in STAGES[:-1]:
        setattr(pipeline, function, clock(label, originals[function]))
    try:
        started = time.perf_counter()
        for segment, doc in zip(segments, docs, strict=True):
            pipeline.analyse(segment, doc)
        total = time.perf_counter() - started
    finally:
        for function, original in originals.items():
            setattr(pipeline, function, original)
    return spent, total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--top", type=int, default=0)
    args = parser.parse_args()
    report = run(args.folders, args.top)
    print(f"{report['articles']} articles, {report['words']} words; parse {report['parse_seconds']} s")
    for label, r in report["stages"].items():
        print(f"  {label:18}{r['seconds']:8.3f} s  {r['share_of_parse']:6.1%} of the parse (profiled); "
              f"{r['seconds_unprofiled']:.3f} s  {r['share_unprofiled']:6.1%} unprofiled")
    for line in report.get("top_own_time", []):
        print("   ", line)
    emit(report, args.json, quiet=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
