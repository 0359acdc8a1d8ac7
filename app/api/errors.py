"""Every error leaves as application/problem+json (RFC 9457)."""
from __future__ import annotations

import logging
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException

from app.queries.pagination import InvalidCursor

log = logging.getLogger("app.api")
PROBLEM = "application/problem+json"


def problem(status: int, detail: str | None = None, title: str | None = None, **extra) -> JSONResponse:
    body = {"type": "about:blank", "title": title or HTTPStatus(status).phrase, "status": status}
    if detail:
        body["detail"] = detail
    body.update(extra)
    return JSONResponse(body, status_code=status, media_type=PROBLEM)


class NotFound(HTTPException):
    def __init__(self, resource: str, item_id: int):
        super().__init__(404, f"{resource} {item_id} does not exist")


def _validation_detail(exc: RequestValidationError) -> tuple[str, list[dict]]:
    errors = [
        {"loc": [str(p) for p in e.get("loc", ())], "msg": e.get("msg", "")} for e in exc.errors()
    ]
    detail = "; ".join(f"{'.'.join(e['loc'])}: {e['msg']}" for e in errors) or "invalid request"
    return detail, errors


def install(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(_request: Request, exc: HTTPException) -> JSONResponse:
        return problem(exc.status_code, str(exc.detail) if exc.detail else None)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        detail, errors = _validation_detail(exc)
        return problem(422, detail, errors=errors)

    @app.exception_handler(InvalidCursor)
    async def cursor_error(_request: Request, exc: InvalidCursor) -> JSONResponse:
        return problem(422, str(exc))

    @app.exception_handler(OperationalError)
    async def database_error(_request: Request, exc: OperationalError) -> JSONResponse:
        log.error("database unavailable: %s", exc.__class__.__name__)
        return problem(503, "the database is unavailable")

    @app.exception_handler(Exception)
    async def unexpected(_request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error")
        return problem(500, "internal error")
