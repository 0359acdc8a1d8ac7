"""HTTP manners: request ids, structured access logs, ETags and cache headers.

Both are plain ASGI middleware: they see the response's start message and body as they pass,
without the extra task and stream per request that a `BaseHTTPMiddleware` costs."""
from __future__ import annotations

import hashlib
import json
import logging
import time
import uuid

from starlette.datastructures import Headers, MutableHeaders, QueryParams
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.errors import problem

access_log = logging.getLogger("app.access")
_CACHEABLE_TYPES = ("application/json", "application/problem+json")
_NO_STORE_PATHS = ("/health", "/ready")


class RequestContext:
    """An `X-Request-ID` on every response (the client's, or a new one) and one JSON log line."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = Headers(scope=scope).get("x-request-id", "")[:100] or uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)["X-Request-ID"] = request_id
            await send(message)

        try:
            if any("\x00" in value for value in QueryParams(scope.get("query_string", b"")).values()):
                # No database stores NUL characters; no parameter needs one.
                await problem(422, "query parameters may not contain NUL characters")(scope, receive, send_with_id)
            else:
                await self.app(scope, receive, send_with_id)
        finally:
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


def _matches(if_none_match: str, etag: str) -> bool:
    """RFC 9110 13.1.2: `*` matches any current representation; tags compare weakly (W/ ignored)."""
    tags = [tag.strip() for tag in if_none_match.split(",")]
    return "*" in tags or etag.removeprefix("W/") in [tag.removeprefix("W/") for tag in tags]


class ConditionalGet:
    """Weak ETags on JSON GET responses; `If-None-Match` answers 304 with no body. HEAD is
    answered as GET is, headers and all, without the body."""

    def __init__(self, app: ASGIApp, max_age: int = 60):
        self.app = app
        self.max_age = max_age

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        if scope["method"] == "HEAD":
            scope = {**scope, "method": "GET"}
            send = _headless(send)
        if scope["path"] in _NO_STORE_PATHS:
            async def send_no_store(message: Message) -> None:
                if message["type"] == "http.response.start":
                    MutableHeaders(scope=message)["Cache-Control"] = "no-store"
                await send(message)

            await self.app(scope, receive, send_no_store)
            return

        start: Message | None = None
        passing = False
        chunks: list[bytes] = []

        async def send_tagged(message: Message) -> None:
            nonlocal start, passing
            if message["type"] == "http.response.start":
                content_type = Headers(raw=message["headers"]).get("content-type", "")
                if message["status"] != 200 or not content_type.startswith(_CACHEABLE_TYPES):
                    passing = True  # streams, errors and pages other than JSON go by untouched
                    await send(message)
                else:
                    start = message
                return
            if passing or start is None:
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            body = b"".join(chunks)
            etag = f'W/"{hashlib.sha256(body).hexdigest()[:32]}"'
            headers = MutableHeaders(scope=start)
            headers["ETag"] = etag
            headers["Cache-Control"] = f"public, max-age={self.max_age}"
            if _matches(Headers(scope=scope).get("if-none-match", ""), etag):
                start["status"] = 304
                del headers["content-type"]
                del headers["content-length"]
                body = b""
            else:
                headers["content-length"] = str(len(body))
            await send(start)
            await send({"type": "http.response.body", "body": body, "more_body": False})

        await self.app(scope, receive, send_tagged)


def _headless(send: Send) -> Send:
    """`send` with every body left out (the headers, Content-Length included, kept)."""

    async def send_headers(message: Message) -> None:
        if message["type"] == "http.response.body":
            message = {**message, "body": b""}
        await send(message)

    return send_headers
