"""Any list as CSV or NDJSON, streamed over all of its pages."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from typing import get_args, get_origin

from fastapi.responses import StreamingResponse
from pydantic import BaseModel

from app.api.render import ModelJSON
from app.db.session import session_scope
from app.queries import facts, search
from app.queries.pagination import decode_cursor
from app.schemas import build
from app.schemas.read import Page

MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "ndjson": "application/x-ndjson"}
EXPORT_RESPONSES = {
    200: {"content": {"text/csv": {}, "application/x-ndjson": {}},
          "description": "With `format=csv` or `format=ndjson`: every row of the list, streamed."}
}
_PAGE = 500


def _model_of(annotation) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_of(arg)
        if found is not None and get_origin(annotation) is not list:
            return found
    return None


def columns(model: type[BaseModel], prefix: str = "") -> list[str]:
    """Column names for a read model: nested objects become `parent_child` columns."""
    names: list[str] = []
    for key, field in model.model_fields.items():
        nested = _model_of(field.annotation)
        names.extend(columns(nested, f"{prefix}{key}_") if nested else [f"{prefix}{key}"])
    return names


def flatten(item: dict, prefix: str = "") -> dict:
    """Nested objects to `parent_child` columns; lists of values joined with '; ', lists of
    objects as JSON."""
    flat: dict = {}
    for key, value in item.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}_"))
        elif isinstance(value, list):
            if all(not isinstance(v, (dict, list)) for v in value):
                flat[name] = "; ".join(str(v) for v in value)
            else:
                flat[name] = json.dumps(value, ensure_ascii=False)
        else:
            flat[name] = value
    return flat


def _rows(factory, fetch: Callable[..., Page], cursor: str | None) -> Iterator[BaseModel]:
    while True:
        with session_scope(factory) as session:
            page = fetch(session, _PAGE, cursor)
        yield from page.items
        cursor = page.next_cursor
        if not cursor:
            return


def _csv(rows: Iterator[BaseModel], model: type[BaseModel]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns(model), extrasaction="ignore")
    writer.writeheader()
    yield buffer.getvalue()
    for row in rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(flatten(row.model_dump(mode="json")))
        yield buffer.getvalue()


def _ndjson(rows: Iterator[BaseModel]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(row.model_dump(mode="json"), ensure_ascii=False) + "\n"


def stream(
    factory, fetch: Callable[..., Page], model: type[BaseModel], fmt: str, cursor: str | None, name: str
) -> StreamingResponse:
    """Each page is read in a short session of its own, so a slow client holds no transaction."""
    rows = _rows(factory, fetch, cursor)
    body = _csv(rows, model) if fmt == "csv" else _ndjson(rows)
    return StreamingResponse(
        body,
        media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'},
    )


def listing(request, session, page, fetch: Callable[..., Page], model: type[BaseModel], name: str):
    """A JSON page, or with `format=csv|ndjson` the whole list streamed."""
    if page.format == "json":
        return ModelJSON(fetch(session, page.limit, page.cursor))
    decode_cursor(page.cursor)  # a bad cursor is a 422 now, not a broken stream later
    return stream(request.app.state.sessionmaker, fetch, model, page.format, page.cursor, name)


def evidence_listing(request, session, page, table: str, list_fn, model, filters: dict,
                     include: str | None):
    """`listing` for quotes and claims: optional evidence sentences, snippets when searching."""

    def fetch(s, limit, cursor):
        found = list_fn(s, limit, cursor, page.sort, **filters)
        items = found.items
        if include == "sentence":
            build.with_sentences(items, facts.bodies(s, {i.article.id for i in items}))
        if filters.get("q"):
            build.with_snippets(items, search.snippets(s, table, filters["q"], [i.id for i in items]))
        return Page[model](items=items, next_cursor=found.next_cursor)

    return listing(request, session, page, fetch, model, table)
