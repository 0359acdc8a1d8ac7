"""Read models to JSON bytes, straight from pydantic.

Handlers build their read models themselves (validated as they are made), so a handler returns
`ModelJSON(model)` and FastAPI sends it as it is: no second validation of the returned value
against `response_model` (which FastAPI runs in a thread of its own for a sync handler), no
encoding through Python dicts. `response_model` stays on each route for the OpenAPI document."""
from __future__ import annotations

from pydantic import BaseModel
from starlette.responses import Response


class ModelJSON(Response):
    media_type = "application/json"

    def render(self, content: BaseModel) -> bytes:
        return type(content).__pydantic_serializer__.to_json(content)
