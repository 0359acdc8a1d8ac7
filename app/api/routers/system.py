from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app.api.errors import problem
from app.queue import unreachable
from app.schemas.read import Problem

router = APIRouter(tags=["system"])


@router.get("/health")
async def health() -> dict[str, str]:
    """The process answers; the database is not touched."""
    return {"status": "ok"}


@router.get("/ready", responses={503: {"model": Problem, "description": "The database, or the queue's broker "
                                                                     "when BROKER_URL is set, cannot be reached."}})
def ready(request: Request) -> JSONResponse:
    """The database answers a query, and the queue's broker (when BROKER_URL is set) a ping."""
    try:
        with request.app.state.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError:
        return problem(503, "the database cannot be reached")
    settings = request.app.state.settings
    if settings.broker_url and (why := unreachable(settings)):
        return problem(503, why)
    return JSONResponse({"status": "ok"})
