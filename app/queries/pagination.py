"""Keyset pagination over the primary key, with an opaque cursor."""
from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlalchemy import Select
from sqlalchemy.orm import Session

T = TypeVar("T")
MAX_ID = 2_147_483_647  # ids are 32-bit integers in the database


class InvalidCursor(ValueError):
    """The cursor was not one this API issued."""


def _unpack(cursor: str):
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        return json.loads(base64.urlsafe_b64decode(padded.encode()))
    except ValueError as exc:
        raise InvalidCursor("cursor is not valid") from exc


def _pack(value) -> str:
    raw = json.dumps(value, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _is_id(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_ID


_CURSOR_KEYS = {"of", "sort", "after"}


def encode_cursor(last_id: int, of: str, sort: str = "id") -> str:
    """A cursor bound to its list (the table it walks) and its order."""
    return _pack({"of": of, "sort": sort, "after": last_id})


def decode_cursor(cursor: str | None, of: str, sort: str = "id") -> int | None:
    """The id a cursor of list `of` in order `sort` points after. Anything else in its place
    (other JSON, other or extra keys, an id past any the database holds, a negative or
    non-integer number) is an InvalidCursor, a 422; so is a cursor of another list or order."""
    if not cursor:
        return None
    value = _unpack(cursor)
    if not isinstance(value, dict) or set(value) != _CURSOR_KEYS or not _is_id(value["after"]):
        raise InvalidCursor("cursor is not valid")
    if value["of"] != of:
        raise InvalidCursor(f"this cursor walks another list than {of}: start again without a cursor")
    if value["sort"] != sort:
        raise InvalidCursor(f"this cursor was issued for another sort than {sort}: keep the sort while walking")
    return value["after"]


@dataclass(frozen=True)
class RankedPosition:
    """Where a walk of ranked results stands: how many of each kind it has passed, and the
    highest id of each table when it began (rows added later stay out of the walk, so that
    their arrival does not move the rows it has yet to see)."""

    offset: int
    upto: tuple[int, ...]


def encode_ranked_cursor(position: RankedPosition) -> str:
    return _pack({"offset": position.offset, "upto": list(position.upto)})


def decode_ranked_cursor(cursor: str | None, kinds: int) -> RankedPosition | None:
    if not cursor:
        return None
    value = _unpack(cursor)
    if not isinstance(value, dict) or set(value) != {"offset", "upto"} or not _is_id(value["offset"]):
        raise InvalidCursor("cursor is not valid")
    upto = value["upto"]
    if not isinstance(upto, list) or len(upto) != kinds or not all(_is_id(v) for v in upto):
        raise InvalidCursor("cursor is not valid")
    return RankedPosition(value["offset"], tuple(upto))


@dataclass
class Page(Generic[T]):
    items: list[T]
    next_cursor: str | None


def paginate(
    session: Session, stmt: Select, id_column, limit: int, cursor: str | None, sort: str = "id"
) -> Page:
    """Rows after the cursor in id order (`-id`: newest first). Walking every page returns each
    row once, also while rows are added: new rows land after the end, or before the start."""
    of = id_column.table.name
    after = decode_cursor(cursor, of, sort)
    descending = sort == "-id"
    if after is not None:
        stmt = stmt.where(id_column < after if descending else id_column > after)
    order = id_column.desc() if descending else id_column
    result = session.execute(stmt.order_by(order).limit(limit + 1))
    # An entity per row (`select(Person)`), or plain rows of columns, each with an `id`.
    rows = list(result.scalars().unique() if len(stmt.column_descriptions) == 1 else result)
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(rows, encode_cursor(rows[-1].id, of, sort) if more and rows else None)
