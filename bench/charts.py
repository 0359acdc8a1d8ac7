"""Charts for BENCHMARKS.md from the benchmarks' JSON.

    python -m bench.charts [--results bench/results] [--out docs]

Writes ingest_scale.png (loading throughput and database size against articles loaded, from
scale_sqlite.json) and latency_rate.png (p50 and p99 against request rate for each query, from
the sweeps in queries_sqlite.json).
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def ingest_chart(scale: dict, out: Path) -> None:
    steps = scale["steps"]
    loaded = [s["articles_loaded"] for s in steps]
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    left.plot(loaded, [s["step_words_per_s"] for s in steps], "o-")
    left.set(xscale="log", xlabel="articles in the database after the step", ylabel="words/s during the step",
             title="Loading throughput", ylim=(0, None))
    right.plot(loaded, [s["database_mib"] for s in steps], "o-", color="tab:orange")
    right.set(xlabel="articles in the database", ylabel="MiB", title="SQLite database size", ylim=(0, None))
    for axis in (left, right):
        axis.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(out / "ingest_scale.png", dpi=110)
    plt.close(fig)


def latency_chart(queries: dict, out: Path) -> None:
    swept = [r for r in queries["rows"] if r.get("sweep")]
    names = sorted({r["query"] for r in swept})
    fig, axes = plt.subplots(1, len(names), figsize=(4 * len(names), 4), sharey=True)
    for axis, name in zip(axes, names):
        for row in (r for r in swept if r["query"] == name):
            rates = sorted(row["sweep"], key=float)
            p99 = [row["sweep"][r]["p99_ms"] for r in rates]
            p50 = [row["sweep"][r]["p50_ms"] for r in rates]
            line, = axis.plot([float(r) for r in rates], p99, "o-", label=f"{row['server']} p99")
            axis.plot([float(r) for r in rates], p50, "x--", color=line.get_color(), label=f"{row['server']} p50")
        axis.axhline(25, color="grey", linewidth=0.8)
        axis.set(title=name, xlabel="requests/s offered", yscale="log")
        axis.grid(alpha=0.3)
    axes[0].set_ylabel("latency, ms (log)")
    axes[-1].legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(out / "latency_rate.png", dpi=110)
    plt.close(fig)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--results", type=Path, default=Path("bench/results"))
    ap.add_argument("--out", type=Path, default=Path("docs"))
    args = ap.parse_args()
    ingest_chart(json.loads((args.results / "scale_sqlite.json").read_text()), args.out)
    queries = args.results / "queries_sqlite.json"
    if queries.exists():
        latency_chart(json.loads(queries.read_text()), args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
