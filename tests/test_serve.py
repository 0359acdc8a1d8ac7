"""`python -m app serve --workers 2`: several worker processes answer, and each request leaves one
JSON line in the access log on stderr."""
from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from tests.conftest import serving


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process table from /proc")
def test_two_workers_serve_and_log_every_request(seeded_db, tmp_path):
    log = tmp_path / "stderr.log"
    with serving(seeded_db, "--workers", "2", log=log) as (base, process):
        ids = [f"req-{n}" for n in range(12)]
        with httpx.Client(base_url=base) as http:
            for request_id in ids:
                response = http.get("/api/v1/people", params={"limit": 2}, headers={"X-Request-ID": request_id})
                assert response.status_code == 200
                assert response.headers["x-request-id"] == request_id
                assert len(response.json()["items"]) == 2
        workers = [pid for pid in _children(process.pid) if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()]
        assert len(workers) == 2, workers
    lines = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    logged = {line["request_id"]: line for line in lines if line["path"] == "/api/v1/people"}
    assert set(logged) == set(ids)
    assert all(line["status"] == 200 and line["query"] == "limit=2" for line in logged.values())
