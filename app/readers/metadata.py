"""Metadata as sources state it, made uniform: titles, authors, dates, publishers, URLs."""
from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import cache
from pathlib import Path

from app.config import get_settings
from app.core.bylines import is_field, recase
from app.core.dates import find_date
from app.core.lexicon import rows_of
from app.readers.decoding import unescape

_SPACE = re.compile(r"\s+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_BRACKETED = re.compile(r"[\[(<][^\])>]*[\])>]")
_BY = re.compile(r"^by\s+", re.IGNORECASE)
_AUTHOR_SEPARATORS = re.compile(r"\s*(?:;|\||,|\band\b|&)\s*")
_ISO_DATE = re.compile(r"^\s*((?:19|20)\d\d)[-./](\d{1,2})[-./](\d{1,2})(?:\b|T)")


def clean_text(value) -> str | None:
    """A metadata string: entities decoded, spaces collapsed; None when nothing is left."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
        if value is None:
            return None
    text = _SPACE.sub(" ", unescape(str(value))).strip()
    return text or None


def clean_authors(value) -> tuple[str, ...]:
    """'By Mary Jones and Tom Lee', ['Jo Min-a jo@example.com'], 'KIM YU-NA [kim@x.com]',
    'Jo Lee | Published: 2025-03-04' -> the names alone (e-mail addresses, brackets, 'By' and the
    byline's date fields gone; capitals-only names re-cased)."""
    if value is None:
        return ()
    if isinstance(value, dict):
        value = value.get("name")
    raw = [value] if isinstance(value, str) else [v.get("name") if isinstance(v, dict) else v for v in value]
    names: list[str] = []
    for item in raw:
        if not isinstance(item, str):
            continue
        item = _BRACKETED.sub(" ", _EMAIL.sub(" ", unescape(item)))
        for part in _AUTHOR_SEPARATORS.split(_BY.sub("", _SPACE.sub(" ", item).strip())):
            name = _BY.sub("", part.strip(" .-–—/")).strip()
            if name and any(c.isalpha() for c in name) and not _is_field(name):
                names.append(recase(name) if len(name.split()) >= 2 else name)
    return tuple(dict.fromkeys(names))


def _is_field(part: str) -> bool:
    """Not a name: a date, a time or a labelled field that a byline carries after a bar
    ('Published: 2025-03-04 09:10', 'Updated')."""
    return any(c.isdigit() for c in part) or is_field(part)


def parse_date(value) -> date | None:
    """A date from what sources write: ISO 8601 with or without time, RFC 2822, 'Dec. 28, 2025'."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return datetime.fromtimestamp(value / 1000 if value > 1e11 else value).date()
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip()
    if m := _ISO_DATE.match(text):
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    return find_date(text)


@cache
def _publisher_names(path: Path | None) -> dict[str, str]:
    """The deployment's own publisher names (`PUBLISHER_NAMES`): label -> name served."""
    if path is None:
        return {}
    return {row[0].casefold(): row[1] for row in rows_of(path.read_text(encoding="utf-8")) if len(row) >= 2}


def clean_publisher(value) -> str | None:
    """The publisher as the source names it, without a leading 'www.' ('www.example-news.com' ->
    'example-news.com'), or under the name the `PUBLISHER_NAMES` file gives its label (a portal
    that labels outlets in another script)."""
    name = clean_text(value)
    if name is None:
        return None
    name = _publisher_names(get_settings().publisher_names).get(name.casefold(), name)
    return re.sub(r"^www\.", "", name, flags=re.IGNORECASE)


def clean_url(value) -> str | None:
    url = clean_text(value)
    if url and re.match(r"^https?://[^\s/]+", url, re.IGNORECASE) and " " not in url:
        return url
    return None
