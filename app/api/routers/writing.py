"""POST /api/v1/articles: extract and store an article sent by a client."""
from __future__ import annotations

import hashlib
import hmac
import json
import re
from typing import Annotated

from fastapi import APIRouter, Header, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, ValidationError

from app.api.deps import SessionDep
from app.config import Settings
from app.queries import facts
from app.schemas import build
from app.schemas.read import ArticleRead, Problem
from app.services.ingest import InputError, decode, prepare, store

router = APIRouter(prefix="/articles", tags=["articles"])
_NAME = re.compile(r"^[\w .,()-]{1,200}$")


class ArticleIn(BaseModel):
    name: str | None = Field(default=None, max_length=200, description="A file-like name; same name replaces.",
                             examples=["minister-interview.txt"])
    text: str = Field(min_length=1, description="The article's text, page furniture and all.",
                      examples=["Minister Sets AI Target\n\nThe minister said on Monday …"])


class Created(BaseModel):
    status: str = Field(description="`loaded`, `updated` (same name, new text) or `unchanged` (same text).")
    items: list[ArticleRead]


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


def _parse(content_type: str, data: bytes, name: str | None) -> tuple[str, bytes, str]:
    if content_type == "application/json":
        try:
            payload = ArticleIn.model_validate(json.loads(data))
        except (ValueError, ValidationError) as exc:
            raise HTTPException(422, f"expected a JSON object {{name, text}}: {str(exc)[:300]}") from exc
        name, data = payload.name or name, payload.text.encode()
    elif content_type != "text/plain":
        raise HTTPException(415, "send text/plain or application/json")
    try:
        text = decode(data)
    except InputError as exc:
        raise HTTPException(415 if "binary" in str(exc) or "UTF" in str(exc) else 422, str(exc)) from exc
    if name is not None and not _NAME.match(name):
        raise HTTPException(422, "name may hold letters, digits, spaces and . , ( ) - _ only")
    return name or f"posted-{hashlib.sha256(data).hexdigest()[:12]}.txt", data, text


@router.post(
    "",
    status_code=201,
    response_model=Created,
    responses={
        200: {"model": Created, "description": "The same text was loaded before; nothing changed."},
        401: {"model": Problem, "description": "Missing or wrong bearer key."},
        403: {"model": Problem, "description": "Writing is disabled (no API key configured)."},
        413: {"model": Problem, "description": "The body is over the size limit."},
        415: {"model": Problem, "description": "Not text/plain or application/json, or not text."},
        422: {"model": Problem, "description": "No article text found, or a malformed body."},
    },
)
async def post_article(
    request: Request,
    session: SessionDep,
    authorization: Annotated[str | None, Header(description="`Bearer <API_KEY>`.")] = None,
    name: Annotated[str | None, Query(max_length=200, description="File name for a text/plain body.")] = None,
) -> JSONResponse:
    """Extract an article (plain text, or JSON {name, text}) and store it in one transaction."""
    settings: Settings = request.app.state.settings
    _authorize(settings, authorization)
    data = await _body(request, settings.max_body_bytes)
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    name, data, text = _parse(content_type, data, name)
    # Extraction is CPU work: keep it off the event loop.
    return await run_in_threadpool(_extract_and_store, session, name, data, text)


def _extract_and_store(session, name: str, data: bytes, text: str) -> JSONResponse:
    try:
        prepared = prepare(name, data, text)
    except InputError as exc:
        raise HTTPException(422, str(exc)) from exc
    result = store(session, prepared)
    items = [build.article(facts.get_article(session, i)) for i in result.article_ids]
    body = Created(status=result.status, items=items)
    return JSONResponse(body.model_dump(mode="json"), status_code=200 if result.status == "unchanged" else 201)
