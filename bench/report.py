"""How every benchmark reports: a two-column table on stdout, and the same figures as JSON."""
from __future__ import annotations

import json
from pathlib import Path


def emit(report: dict, json_path: Path | None, quiet: bool = False) -> None:
    width = max(map(len, report))
    for key, value in report.items():
        if not quiet:
            print(f"{key:<{width}}  {value}", flush=True)
    if json_path:
        json_path.write_text(json.dumps(report, indent=2))
