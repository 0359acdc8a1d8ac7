"""Keyset pagination over the primary key, with an opaque cursor."""
from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlalchemy import Select
from sqlalchemy.orm import Session

T = TypeVar("T")


class InvalidCursor(ValueError):
    """The cursor was not one this API issued."""


def encode_cursor(last_id: int) -> str:
    raw = json.dumps({"after": last_id}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int | None:
    if not cursor:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        value = json.loads(base64.urlsafe_b64decode(padded.encode()))["after"]
    except (ValueError, KeyError, TypeError) as exc:
        raise InvalidCursor("cursor is not valid") from exc
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise InvalidCursor("cursor is not valid")
    return value


@dataclass
class Page(Generic[T]):
    items: list[T]
    next_cursor: str | None


def paginate(
    session: Session, stmt: Select, id_column, limit: int, cursor: str | None, sort: str = "id"
) -> Page:
    """Rows after the cursor in id order (`-id`: newest first). Walking every page returns each
    row once, also while rows are added: new rows land after the end, or before the start."""
    after = decode_cursor(cursor)
    descending = sort == "-id"
    if after is not None:
        stmt = stmt.where(id_column < after if descending else id_column > after)
    order = id_column.desc() if descending else id_column
    result = session.execute(stmt.order_by(order).limit(limit + 1))
    # An entity per row (`select(Person)`), or plain rows of columns, each with an `id`.
    rows = list(result.scalars().unique() if len(stmt.column_descriptions) == 1 else result)
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(rows, encode_cursor(rows[-1].id) if more and rows else None)
