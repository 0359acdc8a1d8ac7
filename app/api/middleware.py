"""HTTP manners: request ids, structured access logs, ETags and cache headers.

Both are plain ASGI middleware: they see the response's start message and body as they pass,
without the extra task and stream per request that a `BaseHTTPMiddleware` costs."""
from __future__ import annotations

import hashlib
import json
import logging
import os
import time

from starlette.datastructures import MutableHeaders, QueryParams
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.errors import problem

access_log = logging.getLogger("app.access")
_CACHEABLE_TYPES = ("application/json", "application/problem+json")
_NO_STORE_PATHS = ("/health", "/ready", "/api/v1/jobs/")  # prefixes: a job's status changes


class RequestContext:
    """An `X-Request-ID` on every response (the client's, or a new one) and one JSON log line
    (built only when the access log is on: `serve` turns it on)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = _header(scope["headers"], b"x-request-id")[:100] or os.urandom(16).hex()
        scope.setdefault("state", {})["request_id"] = request_id
        started = time.perf_counter()
        status = 500
        raw_id = request_id.encode("latin-1")

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", ()), (b"x-request-id", raw_id)]
            await send(message)

        try:
            if _has_nul(scope.get("query_string", b"")):
                # No database stores NUL characters; no parameter needs one.
                await problem(422, "query parameters may not contain NUL characters")(scope, receive, send_with_id)
            else:
                await self.app(scope, receive, send_with_id)
        finally:
            if access_log.isEnabledFor(logging.INFO):
                client = scope.get("client")
                access_log.info(json.dumps({
                    "request_id": request_id,
                    "method": scope["method"],
                    "path": scope["path"],
                    "query": scope.get("query_string", b"").decode("latin-1"),
                    "status": status,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                    "client": client[0] if client else None,
                }))


def _header(headers, name: bytes) -> str:
    """The first value of the header `name` (lower case) in raw ASGI headers, or ''."""
    for key, value in headers:
        if key.lower() == name:
            return value.decode("latin-1")
    return ""


def _has_nul(query_string: bytes) -> bool:
    """A NUL in any parameter, raw or percent-encoded (parsed only when one may be there)."""
    if b"%00" not in query_string and b"\x00" not in query_string:
        return False
    return any("\x00" in value for value in QueryParams(query_string).values())


def _matches(if_none_match: str, etag: str) -> bool:
    """RFC 9110 13.1.2: `*` matches any current representation; tags compare weakly (W/ ignored)."""
    tags = [tag.strip() for tag in if_none_match.split(",")]
    return "*" in tags or etag.removeprefix("W/") in [tag.removeprefix("W/") for tag in tags]


class ConditionalGet:
    """Weak ETags on JSON GET responses; `If-None-Match` answers 304 with no body. HEAD is
    answered as GET is, headers and all, without the body.

    A response that brings its own ETag (`ModelJSON`, which hashes the body it has just
    rendered) passes through unbuffered; only other JSON responses are held until their body is
    complete, to be hashed here."""

    def __init__(self, app: ASGIApp, max_age: int = 60):
        self.app = app
        self.cache_control = f"public, max-age={max_age}".encode("latin-1")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        if scope["method"] == "HEAD":
            scope = {**scope, "method": "GET"}
            send = _headless(send)
        if scope["path"].startswith(_NO_STORE_PATHS):
            async def send_no_store(message: Message) -> None:
                if message["type"] == "http.response.start":
                    MutableHeaders(scope=message)["Cache-Control"] = "no-store"
                await send(message)

            await self.app(scope, receive, send_no_store)
            return

        if_none_match = _header(scope["headers"], b"if-none-match")
        start: Message | None = None
        passing = unchanged = False
        chunks: list[bytes] = []

        async def send_tagged(message: Message) -> None:
            nonlocal start, passing, unchanged
            if message["type"] == "http.response.start":
                headers = message.get("headers", [])
                etag = _header(headers, b"etag")
                if message["status"] != 200 or not _header(headers, b"content-type").startswith(_CACHEABLE_TYPES):
                    passing = True  # streams, errors and pages other than JSON go by untouched
                elif etag:
                    passing = True
                    message["headers"] = [*headers, (b"cache-control", self.cache_control)]
                    if if_none_match and _matches(if_none_match, etag):
                        unchanged = True
                        _not_modified(message)
                else:
                    start = message
                    return
                await send(message)
                return
            if unchanged:
                if not message.get("more_body", False):
                    await send({"type": "http.response.body", "body": b"", "more_body": False})
                return
            if passing or start is None:
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            body = b"".join(chunks)
            etag = weak_etag(body)
            start["headers"] = [*start["headers"], (b"etag", etag.encode("latin-1")),
                                (b"cache-control", self.cache_control)]
            if if_none_match and _matches(if_none_match, etag):
                _not_modified(start)
                body = b""
            else:
                MutableHeaders(scope=start)["content-length"] = str(len(body))
            await send(start)
            await send({"type": "http.response.body", "body": body, "more_body": False})

        await self.app(scope, receive, send_tagged)


def weak_etag(body: bytes | memoryview) -> str:
    return f'W/"{hashlib.sha256(body).hexdigest()[:32]}"'


def _not_modified(start: Message) -> None:
    """A 200's start message made a 304's: no body, so no content headers."""
    start["status"] = 304
    headers = MutableHeaders(scope=start)
    del headers["content-type"]
    del headers["content-length"]


def _headless(send: Send) -> Send:
    """`send` with every body left out (the headers, Content-Length included, kept)."""

    async def send_headers(message: Message) -> None:
        if message["type"] == "http.response.body":
            message = {**message, "body": b""}
        await send(message)

    return send_headers
