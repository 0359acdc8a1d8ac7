"""A small HTTP/1.1 load generator on keep-alive connections, for loopback benchmarks.

Two ways to drive a server:
- `closed_loop`: N connections, each sending its next request as soon as the last is answered,
  for S seconds: the most requests/s the server gives.
- `open_loop`: requests sent at a fixed rate whatever the server does; each latency is counted
  from the moment its request was due, so that a server falling behind shows in the tail
  (no coordinated omission).
A scenario is a callable that returns the next path, fed the last response's body (to follow a
cursor); only a scenario that needs the body parses it, so the client spends no time on the rest.
"""
from __future__ import annotations

import asyncio
import socket
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

Next = Callable[[bytes | None], str]


def free_port() -> int:
    """A loopback port nobody listens on, for a server under test."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(ordered: list[float], q: float) -> float:
    """The q-quantile (0..1) of values sorted ascending; NaN when there are none."""
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


@dataclass
class Result:
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0
    error_kinds: Counter = field(default_factory=Counter)  # status code or exception name: count

    def summary(self) -> dict:
        ordered = sorted(self.latencies_ms)
        return {"requests": len(ordered), "errors": self.errors, **({"error_kinds": dict(self.error_kinds)}
                                                                   if self.error_kinds else {}),
                "requests_per_s": round(len(ordered) / self.seconds, 1) if self.seconds else 0.0,
                "p50_ms": round(percentile(ordered, 0.50), 2), "p99_ms": round(percentile(ordered, 0.99), 2)}


class Connection:
    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\nAccept: application/json\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
        if "content-length" in headers:
            body = await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding") == "chunked":
            parts = []
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                chunk = await self.reader.readexactly(size + 2)
                if size == 0:
                    break
                parts.append(chunk[:-2])
            body = b"".join(parts)
        else:
            body = b""
        if headers.get("connection") == "close":
            self.close()
        return status, body

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def _closed(host: str, port: int, scenario: Callable[[], Next], clients: int, seconds: float) -> Result:
    result = Result()
    deadline = time.perf_counter() + seconds

    async def client() -> None:
        connection, next_path, last = Connection(host, port), scenario(), None
        while time.perf_counter() < deadline:
            path = next_path(last)
            started = time.perf_counter()
            try:
                status, body = await connection.get(path)
            except (OSError, asyncio.IncompleteReadError, ValueError):
                connection.close()
                result.errors += 1
                last = None
                continue
            result.latencies_ms.append((time.perf_counter() - started) * 1000)
            if status >= 400:
                result.errors += 1
            last = body if status == 200 else None
        connection.close()

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    result.seconds = time.perf_counter() - started
    return result


async def _open(host: str, port: int, scenario: Callable[[], Next], rate: float, seconds: float) -> Result:
    result = Result()
    idle: list[Connection] = []
    next_path, last = scenario(), None
    tasks = []

    async def one(path: str, due: float) -> None:
        nonlocal last
        connection = idle.pop() if idle else Connection(host, port)
        try:
            status, body = await connection.get(path)
        except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
            connection.close()
            result.errors += 1
            result.error_kinds[type(exc).__name__] += 1
            return
        result.latencies_ms.append((time.perf_counter() - due) * 1000)
        if status >= 400:
            result.errors += 1
            result.error_kinds[str(status)] += 1
        if status == 200:
            last = body
        idle.append(connection)

    started = time.perf_counter()
    total = int(rate * seconds)
    for n in range(total):
        due = started + n / rate
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(one(next_path(last), due)))
    await asyncio.gather(*tasks)
    result.seconds = seconds
    for connection in idle:
        connection.close()
    return result


def closed_loop(host: str, port: int, scenario: Callable[[], Next], clients: int, seconds: float) -> Result:
    return asyncio.run(_closed(host, port, scenario, clients, seconds))


def open_loop(host: str, port: int, scenario: Callable[[], Next], rate: float, seconds: float) -> Result:
    return asyncio.run(_open(host, port, scenario, rate, seconds))
