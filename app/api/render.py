"""Read models to JSON bytes, straight from pydantic.

Handlers build their read models themselves (validated as they are made), so a handler returns
`ModelJSON(model)` and FastAPI sends it as it is: no second validation of the returned value
against `response_model` (which FastAPI runs in a thread of its own for a sync handler), no
encoding through Python dicts. `response_model` stays on each route for the OpenAPI document."""
from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel
from starlette.responses import Response

from app.api.middleware import weak_etag


class ModelJSON(Response):
    """The body's weak ETag goes with it, hashed here where the body is whole, so that the
    conditional-GET middleware need not hold the body back to hash it."""

    media_type = "application/json"

    def render(self, content: BaseModel) -> bytes:
        return type(content).__pydantic_serializer__.to_json(content)

    def init_headers(self, headers: Mapping[str, str] | None = None) -> None:
        super().init_headers(headers)
        self.raw_headers.append((b"etag", weak_etag(self.body).encode("latin-1")))
