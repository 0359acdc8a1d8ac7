"""The FastAPI application."""
from __future__ import annotations

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from app import __version__
from app.api import errors
from app.api.middleware import ConditionalGet, RequestContext
from app.api.routers import articles, claims, organizations, people, quotes, roles, search, system, writing
from app.config import Settings, get_settings
from app.db.session import get_engine, get_sessionmaker

DESCRIPTION = """
newsgraph reads news articles and serves who holds which role, who said what and who promised
what. Every role, quote and claim carries `evidence`: character offsets into its article's `body`.

Lists take `limit` (1–100) and `cursor` and answer `{"items": [...], "next_cursor": ...}`;
errors are `application/problem+json`.
"""


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    app = FastAPI(title="newsgraph", version=__version__, description=DESCRIPTION)
    app.state.settings = settings
    app.state.engine = get_engine(settings.database_url)
    app.state.sessionmaker = get_sessionmaker(settings.database_url)
    errors.install(app)
    app.add_middleware(ConditionalGet, max_age=settings.cache_max_age)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type", "If-None-Match", "X-Request-ID"],
            expose_headers=["ETag", "X-Request-ID"],
        )
    app.add_middleware(RequestContext)
    app.include_router(system.router)
    for module in (people, organizations, roles, quotes, claims, articles, writing, search):
        app.include_router(module.router, prefix="/api/v1")
    return app


app = create_app()
