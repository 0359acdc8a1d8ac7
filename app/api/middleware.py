"""HTTP manners: request ids, structured access logs, ETags and cache headers."""
from __future__ import annotations

import hashlib
import json
import logging
import time
import uuid

from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import Response

from app.api.errors import problem

access_log = logging.getLogger("app.access")
_CACHEABLE_TYPES = ("application/json", "application/problem+json")
_NO_STORE_PATHS = ("/health", "/ready")


class RequestContext(BaseHTTPMiddleware):
    """An `X-Request-ID` on every response (the client's, or a new one) and one JSON log line."""

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        request_id = request.headers.get("x-request-id", "")[:100] or uuid.uuid4().hex
        request.state.request_id = request_id
        started = time.perf_counter()
        if any("\x00" in value for value in request.query_params.values()):
            # No database stores NUL characters; no parameter needs one.
            response = problem(422, "query parameters may not contain NUL characters")
        else:
            response = await call_next(request)
        response.headers["X-Request-ID"] = request_id
        access_log.info(json.dumps({
            "request_id": request_id,
            "method": request.method,
            "path": request.url.path,
            "query": request.url.query,
            "status": response.status_code,
            "duration_ms": round((time.perf_counter() - started) * 1000, 2),
            "client": request.client.host if request.client else None,
        }))
        return response


class ConditionalGet(BaseHTTPMiddleware):
    """Weak ETags on JSON GET responses; `If-None-Match` answers 304 with no body."""

    def __init__(self, app, max_age: int = 60):
        super().__init__(app)
        self.max_age = max_age

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        response = await call_next(request)
        if request.method != "GET":
            return response
        if request.url.path in _NO_STORE_PATHS:
            response.headers["Cache-Control"] = "no-store"
            return response
        content_type = response.headers.get("content-type", "")
        if response.status_code != 200 or not content_type.startswith(_CACHEABLE_TYPES):
            return response
        body = b"".join([chunk async for chunk in response.body_iterator])
        etag = f'W/"{hashlib.sha256(body).hexdigest()[:32]}"'
        headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
        headers["ETag"] = etag
        headers["Cache-Control"] = f"public, max-age={self.max_age}"
        if etag in [t.strip() for t in request.headers.get("if-none-match", "").split(",")]:
            return Response(status_code=304, headers={k: v for k, v in headers.items() if k.lower() != "content-type"})
        return Response(body, status_code=200, headers=headers, media_type=content_type)
