"""Any list as CSV or NDJSON, streamed over all of its pages."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any, get_args, get_origin

from fastapi.responses import StreamingResponse
from pydantic import BaseModel

from app.api.render import ModelJSON
from app.db.session import session_scope
from app.queries import facts, search
from app.queries.pagination import decode_cursor
from app.schemas import build
from app.schemas.read import AmountRead, Page, RoleReport

MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "ndjson": "application/x-ndjson"}
EXPORT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {}, "application/x-ndjson": {}},
          "description": "With `format=csv` or `format=ndjson`: every row of the list, streamed."}
}
_PAGE = 500


def _model_of(annotation) -> type[BaseModel] | None:
    """The read model a field holds, alone or in a list."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_of(arg)
        if found is not None:
            return found
    return None


def _is_list(annotation) -> bool:
    return get_origin(annotation) is list or any(_is_list(a) for a in get_args(annotation))


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e18 else repr(value)


def _amount(amount: AmountRead) -> str:
    """'100000000000000 KRW', with its qualifier where it has one: '5 percent (more_than)'."""
    text = f"{_number(amount.value)} {amount.unit}"
    return f"{text} ({amount.qualifier})" if amount.qualifier else text


# A list of objects in one cell: each object as a short text, joined with '; '. The column is
# named after the field, plus a suffix where the text is one of the object's fields.
_CELLS: dict[type[BaseModel], tuple[str, Callable[[Any], str]]] = {
    AmountRead: ("", _amount),                                  # '100000000000000 KRW; 5 percent'
    RoleReport: ("_article_ids", lambda r: str(r.article.id)),  # the articles that report a role
}
# What makes a spreadsheet read a cell as a formula, at the cell's start (OWASP, "CSV injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def neutralised(value: object) -> object:
    """A text cell that a spreadsheet would run as a formula, with a `'` before it (OWASP's advice:
    the cell shows as text, the `'` is not displayed); numbers and other text as they are."""
    return f"'{value}" if isinstance(value, str) and value.startswith(_FORMULA_STARTS) else value


def columns(model: type[BaseModel], prefix: str = "") -> list[str]:
    """Column names for a read model: nested objects become `parent_child` columns; a list is
    one column."""
    names: list[str] = []
    for key, field in model.model_fields.items():
        nested = _model_of(field.annotation)
        if nested is None:
            names.append(f"{prefix}{key}")
        elif _is_list(field.annotation):
            names.append(f"{prefix}{key}{_CELLS[nested][0]}")
        else:
            names.extend(columns(nested, f"{prefix}{key}_"))
    return names


def flatten(item: BaseModel, prefix: str = "") -> dict:
    """A read model as one row of `columns`: nested objects as `parent_child` columns, lists
    joined with '; ' (objects in them as `_CELLS` writes them)."""
    flat: dict = {}
    for key in type(item).model_fields:
        value, name = getattr(item, key), f"{prefix}{key}"
        if isinstance(value, BaseModel):
            flat.update(flatten(value, f"{name}_"))
        elif isinstance(value, list):
            if value and isinstance(value[0], BaseModel):
                suffix, cell = _CELLS[type(value[0])]
                flat[f"{name}{suffix}"] = "; ".join(cell(v) for v in value)
            else:
                flat[name] = "; ".join(str(v) for v in value)
        elif isinstance(value, date):
            flat[name] = value.isoformat()
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


def _csv(rows: Iterator[BaseModel], model: type[BaseModel], omit: frozenset[str], bom: bool) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[c for c in columns(model) if c not in omit], extrasaction="ignore")
    writer.writeheader()
    yield (BOM if bom else "") + buffer.getvalue()
    for row in rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow({name: neutralised(value) for name, value in flatten(row).items()})
        yield buffer.getvalue()


def _ndjson(rows: Iterator[BaseModel]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(row.model_dump(mode="json"), ensure_ascii=False) + "\n"


def stream(
    factory, fetch: Callable[..., Page], model: type[BaseModel], fmt: str, cursor: str | None, name: str,
    omit: frozenset[str] = frozenset(), bom: bool = False,
) -> StreamingResponse:
    """Each page is read in a short session of its own, so a slow client holds no transaction."""
    rows = _rows(factory, fetch, cursor)
    body = _csv(rows, model, omit, bom) if fmt == "csv" else _ndjson(rows)
    return StreamingResponse(
        body,
        media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'},
    )


def unused_columns(q: str | None = None, include: str | None = None) -> frozenset[str]:
    """CSV columns a request leaves empty in every row: the snippet without a search, the
    evidence sentence unless asked for."""
    return frozenset(({"snippet"} if not q else set()) | ({"evidence_sentence"} if include != "sentence" else set()))


def listing(request, session, page, fetch: Callable[..., Page], model: type[BaseModel], name: str,
            omit: frozenset[str] = unused_columns()):
    """A JSON page, or with `format=csv|ndjson` the whole list streamed (CSV without the
    columns `omit` names, which this request leaves empty)."""
    if page.format == "json":
        return ModelJSON(fetch(session, page.limit, page.cursor))
    decode_cursor(page.cursor, name, page.sort)  # a bad cursor is a 422 now, not a broken stream later
    return stream(request.app.state.sessionmaker, fetch, model, page.format, page.cursor, name, omit, page.bom)


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

    return listing(request, session, page, fetch, model, table, unused_columns(filters.get("q"), include))
