"""The FastAPI application."""
from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.utils import get_openapi
from fastapi_offline import FastAPIOffline

from app import __version__
from app.api import errors
from app.api.middleware import ConditionalGet, RequestContext
from app.api.routers import (
    articles,
    claims,
    facets,
    jobs,
    organizations,
    people,
    quotes,
    roles,
    search,
    system,
    writing,
)
from app.config import Settings, get_settings
from app.db.session import AsyncReads, get_engine, get_read_sessionmaker, get_sessionmaker
from app.queries.pagination import encode_cursor
from app.schemas.read import Problem

DESCRIPTION = """
newsgraph reads news articles and serves who holds which role, who said what and who promised
what. Every role, quote and claim carries `evidence`: character offsets into its article's `body`.

Lists take `limit` (1–100) and `cursor` and answer `{"items": [...], "next_cursor": ...}`;
errors are `application/problem+json`.
"""


TAGS = [
    {"name": "people", "description": "People named in the articles, one record per person."},
    {"name": "organizations", "description": "Organizations with aliases, kind and parent."},
    {"name": "roles", "description": "Who holds which title where, with the articles that say so."},
    {"name": "quotes", "description": "Who said what: direct, partial and indirect quotes."},
    {"name": "claims", "description": "Plans, targets, deals, rules, positions and forecasts."},
    {"name": "articles", "description": "The loaded articles, and writing new ones."},
    {"name": "search", "description": "One search box across the records."},
    {"name": "facets", "description": "The values the filters take, with how many records carry each."},
    {"name": "jobs", "description": "Bodies handed to the ingest queue (when BROKER_URL is set), and what "
                                    "became of them."},
    {"name": "system", "description": "Liveness and readiness."},
]


_LISTS = ("people", "organizations", "roles", "quotes", "claims", "articles")
_EXAMPLES = {"published_from": "2025-06-01", "published_to": "2025-06-30",
             "authorization": "Bearer <API_KEY>", "name": "minister-interview.txt"}


def _example(path: str, name: str, schema: dict):
    """A real example for a parameter the routes give none: ids 1, the first choice, a cursor of
    the path's own list…"""
    if name == "cursor" and path.rsplit("/", 1)[-1] in _LISTS:
        return encode_cursor(20, path.rsplit("/", 1)[-1])
    if name in _EXAMPLES:
        return _EXAMPLES[name]
    for option in [schema, *schema.get("anyOf", [])]:
        if option.get("examples"):
            return option["examples"][0]
        if option.get("enum"):
            return option["enum"][0]
        if option.get("type") == "integer":
            return max(1, option.get("minimum", 1))
        if option.get("type") == "number":
            return 1e9
    return schema.get("default")


def _openapi(app: FastAPI) -> dict:
    """The generated schema, with every error documented as the problem+json it is."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(title=app.title, version=app.version, description=app.description,
                         routes=app.routes, tags=app.openapi_tags)
    problem_ref = {"$ref": "#/components/schemas/Problem"}
    schema.setdefault("components", {}).setdefault("schemas", {})["Problem"] = Problem.model_json_schema()
    for path, operations in schema.get("paths", {}).items():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if "example" not in parameter and "examples" not in parameter:
                    parameter["example"] = _example(path, parameter["name"], parameter.get("schema", {}))
            for code, response in operation.get("responses", {}).items():
                if code[0] in "45":
                    response["content"] = {"application/problem+json": {"schema": problem_ref}}
                    if code == "422":
                        response["description"] = "A parameter is not valid."
    app.openapi_schema = schema
    return schema


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    if isinstance(app.state.read_sessionmaker, AsyncReads):
        await app.state.read_sessionmaker.dispose()


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    # The docs pages load Swagger UI and ReDoc from the application itself, not from a CDN.
    app = FastAPIOffline(
        title="newsgraph",
        version=__version__,
        description=DESCRIPTION,
        openapi_tags=TAGS,
        swagger_ui_parameters={"displayRequestDuration": True, "tryItOutEnabled": False},
        lifespan=_lifespan,
    )
    app.state.settings = settings
    app.state.engine = get_engine(settings.database_url)
    app.state.sessionmaker = get_sessionmaker(settings.database_url)
    app.state.read_sessionmaker = get_read_sessionmaker(settings.database_url, settings.reads_in_threads)
    errors.install(app)
    app.add_middleware(ConditionalGet, max_age=settings.cache_max_age)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "HEAD", "POST"],
            allow_headers=["Authorization", "Content-Type", "If-None-Match", "X-Request-ID"],
            expose_headers=["ETag", "X-Request-ID"],
        )
    app.add_middleware(RequestContext)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]  # FastAPI's documented way
    app.include_router(system.router)
    for module in (people, organizations, roles, quotes, claims, articles, writing, jobs, search, facets):
        app.include_router(module.router, prefix="/api/v1")
    return app


app = create_app()
