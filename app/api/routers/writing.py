"""POST /api/v1/articles: extract and store an article sent by a client."""
from __future__ import annotations

import hashlib
import hmac
import json
import re
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Header, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from app.api.deps import SessionDep
from app.api.errors import problem
from app.api.routers.jobs import JobRead, job_read
from app.config import Settings
from app.queries import facts
from app.queue import BrokerUnavailable
from app.readers import (
    MEDIA_TYPES,
    Document,
    InputError,
    UndecodableInput,
    read,
    reader_for_media_type,
)
from app.schemas.read import ArticleRead, Problem
from app.services import jobs

router = APIRouter(prefix="/articles", tags=["articles"])
_NAME = re.compile(r"^[\w .,()-]{1,200}$")


class Created(BaseModel):
    status: str = Field(description="`loaded`, `updated` (same name or URL, new text; ids are kept) or "
                        "`unchanged` (same text).")
    items: list[ArticleRead]
    problems: list[str] = Field(default=[], description="Facts that could not be stored, each with why.")


def _authorize(settings: Settings, authorization: str | None) -> None:
    if not settings.api_key:
        raise HTTPException(403, "writing is disabled: no API key is configured")
    scheme, _, key = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(key.encode(), settings.api_key.encode()):
        raise HTTPException(401, "a valid bearer key is required", headers={"WWW-Authenticate": "Bearer"})


async def _body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"the body is over {limit} bytes")
    data = b""
    async for chunk in request.stream():
        data += chunk
        if len(data) > limit:
            raise HTTPException(413, f"the body is over {limit} bytes")
    return data


@dataclass(frozen=True)
class Body:
    """A posted body read: its name, its documents and how to read its bytes again."""

    name: str
    documents: list[Document]
    reader: str
    charset: str | None


def _read(content_type: str, data: bytes, name: str | None) -> Body:
    """The body's documents, read by the reader its media type names (the same registry the
    `load` command chooses from by file name)."""
    media_type, _, params = content_type.partition(";")
    reader = reader_for_media_type(media_type)
    if reader is None:
        raise HTTPException(415, f"send one of: {', '.join(MEDIA_TYPES)}")
    charset = next((v.strip().strip('"') for k, _, v in (p.partition("=") for p in params.split(";"))
                    if k.strip().lower() == "charset"), None)
    if reader.name == "json" and name is None:
        name = _json_name(data)
    try:
        source = read(reader, data, charset)
    except UndecodableInput as exc:
        raise HTTPException(415, str(exc)) from exc
    except InputError as exc:  # no article in it (NotArticles among them), or malformed
        raise HTTPException(422, str(exc)) from exc
    if name is not None and not _NAME.match(name):
        raise HTTPException(422, "name may hold letters, digits, spaces and . , ( ) - _ only")
    name = name or f"posted-{hashlib.sha256(data).hexdigest()[:12]}{reader.suffixes[0]}"
    return Body(name, source.documents, reader.name, charset)


def _json_name(data: bytes) -> str | None:
    """The `name` of a JSON body {"name": …, "text": …}."""
    try:
        value = json.loads(data)
    except ValueError:
        return None
    name = value.get("name") if isinstance(value, dict) else None
    return name if isinstance(name, str) else None


_EXAMPLE_TEXT = ("Council Backs Flood Plan\n\nThe council will spend 12 million pounds on flood defences by "
                 "2027, its leader Jo Park said on Monday. \"We cannot wait for the next storm,\" Park said.")
_SCHEMA_TEXT = {"type": "string"}
# The body is read by the reader its media type names; the document says which ones there are,
# so that the docs page can send one.
REQUEST_BODY = {
    "required": True,
    "description": "An article in any format the loader reads, by its media type (a declared `charset` is "
                   "honoured). A JSON body is one record, a list of records or an object holding them; a "
                   "record needs a text field (`text`, `maintext`, `body`, …) and may have `name`, `title`, "
                   "`url`, `published_at`, `authors` and `publisher`. A record without a `url` is identified "
                   "under the body's name by its own `id` field, else its title and date, else its text, "
                   "wherever it stands among the others; records posted before under the name that the "
                   "body no longer holds are deleted.",
    "content": {
        "text/plain": {"schema": _SCHEMA_TEXT, "example": _EXAMPLE_TEXT},
        "text/markdown": {"schema": _SCHEMA_TEXT,
                          "example": "---\ntitle: Council Backs Flood Plan\nurl: https://news.example/flood\n---\n\n"
                                     + _EXAMPLE_TEXT.split("\n\n", 1)[1]},
        "text/html": {"schema": _SCHEMA_TEXT,
                      "example": "<html><head><title>Council Backs Flood Plan</title></head><body><article><p>"
                                 + _EXAMPLE_TEXT.split("\n\n", 1)[1].replace('"', "&quot;")
                                 + "</p></article></body></html>"},
        "application/json": {
            "schema": {"type": "object", "additionalProperties": True,
                       "properties": {"name": {"type": "string"}, "title": {"type": "string"},
                                      "text": {"type": "string"}, "url": {"type": "string"},
                                      "published_at": {"type": "string"}}},
            "example": {"name": "flood-plan.txt", "title": "Council Backs Flood Plan",
                        "text": _EXAMPLE_TEXT.split("\n\n", 1)[1]},
        },
        "application/x-ndjson": {"schema": _SCHEMA_TEXT},
    },
}


@router.post(
    "",
    status_code=201,
    openapi_extra={"requestBody": REQUEST_BODY},
    response_model=Created,
    responses={
        201: {"description": "Stored (loaded, or updated in place).",
              "headers": {"Location": {"description": "The path of the (first) article stored.",
                                       "schema": {"type": "string"}}}},
        200: {"model": Created, "description": "The same text was loaded before; nothing changed."},
        401: {"model": Problem, "description": "Missing or wrong bearer key."},
        403: {"model": Problem, "description": "Writing is disabled (no API key configured)."},
        413: {"model": Problem, "description": "The body is over the size limit."},
        202: {"model": JobRead, "description": "With BROKER_URL set: the body is queued as a job; its "
                                               "`Location` says where to follow it.",
              "headers": {"Location": {"description": "The job's path.", "schema": {"type": "string"}}}},
        415: {"model": Problem, "description": "A media type no reader takes, or a body that is not text."},
        422: {"model": Problem, "description": "No article text found, or a malformed body."},
        503: {"model": Problem, "description": "With BROKER_URL set: the broker cannot be reached; nothing "
                                               "was queued."},
    },
)
async def post_article(
    request: Request,
    session: SessionDep,
    authorization: Annotated[str | None, Header(description="`Bearer <API_KEY>`.")] = None,
    name: Annotated[str | None, Query(max_length=200, description="The source's name (a file name); a body "
                                      "without a URL is identified by it, so the same name updates.")] = None,
) -> JSONResponse:
    """Extract and store the articles of a body (plain text, markdown, HTML, JSON or JSON Lines)."""
    settings: Settings = request.app.state.settings
    _authorize(settings, authorization)
    data = await _body(request, settings.max_body_bytes)
    body = _read(request.headers.get("content-type", ""), data, name)
    # Extraction is CPU work, and the broker a network call: both off the event loop.
    if settings.broker_url:
        return await run_in_threadpool(_queue, settings, body, data)
    return await run_in_threadpool(_extract_and_store, session, body, len(data))


def _extract_and_store(session, body: Body, size: int) -> JSONResponse:
    """The body's records reconciled with what was posted under its name before (as the loader
    does with a file), then the new and changed ones extracted and stored."""
    ingested = jobs.ingest(session, f"posted:{body.name}", body.name, body.documents, size)
    if ingested.failed:
        exc = ingested.failed[0][1]
        if isinstance(exc, InputError):
            raise HTTPException(422, str(exc)) from exc
        raise exc
    items = facts.articles_by_ids(session, ingested.article_ids)
    status = ingested.status
    created = Created(status=status, items=items, problems=ingested.problems)
    headers = {"Location": f"/api/v1/articles/{items[0].id}"} if items and status != "unchanged" else {}
    return JSONResponse(created.model_dump(mode="json"), status_code=200 if status == "unchanged" else 201,
                        headers=headers)


def _queue(settings: Settings, body: Body, data: bytes) -> JSONResponse:
    """The body handed to the workers as a job; if the broker cannot take it, the client hears
    503 and nothing is kept: nothing it was told is accepted is lost."""
    try:
        job = jobs.queue(settings, name=body.name, family=f"posted:{body.name}", reader=body.reader, data=data,
                         charset=body.charset)
    except BrokerUnavailable as exc:
        refused = problem(503, f"{exc}; nothing was queued")
        refused.headers["Retry-After"] = "30"
        return refused
    return JSONResponse(job_read(job).model_dump(mode="json"), status_code=202,
                        headers={"Location": f"/api/v1/jobs/{job.id}"})
