"""Scraped articles as JSON records: one object, a list of objects, an object holding such a list,
or JSON Lines (one object per line).

A record is an article when it has a text field; the field names read (the first one present
wins) are news-please's and those of common feeds and scrapers:

    text        maintext, text, body, content, article_text, articleBody
    title       title, headline, title_page, title_rss
    url         url, link, canonical_url, source_url
    published   date_publish, published_at, published, datePublished, date, pubDate
    authors     authors, author, byline
    publisher   publisher, source, site_name, sitename, source_domain
    identity    id, guid, uuid, _id, article_id, doc_id (else the title and date, else the text)

A record's text may be HTML (it is then read by the HTML reader's text rules). A record without a
URL is known within its file by its identity, not by its place: records added, removed or moved
around it leave it the same source.
"""
from __future__ import annotations

import dataclasses
import json
from collections import Counter

from app.core.document import Document, InputError, Source, sha256_of
from app.readers.decoding import decode, unescape
from app.readers.metadata import (
    clean_authors,
    clean_publisher,
    clean_text,
    clean_url,
    parse_date,
)

TEXT_KEYS = ("maintext", "text", "body", "content", "article_text", "articleBody")
TITLE_KEYS = ("title", "headline", "title_page", "title_rss")
URL_KEYS = ("url", "link", "canonical_url", "source_url")
DATE_KEYS = ("date_publish", "published_at", "published", "datePublished", "date", "pubDate")
AUTHOR_KEYS = ("authors", "author", "byline")
PUBLISHER_KEYS = ("publisher", "source", "site_name", "sitename", "source_domain")
ID_KEYS = ("id", "guid", "uuid", "_id", "article_id", "doc_id")
LIST_KEYS = ("articles", "items", "records", "data", "results", "entries")


class NotArticles(InputError):
    """JSON that holds no article records (a settings or index file): skipped, not failed."""


def _first(record: dict, keys: tuple[str, ...]):
    for key in keys:
        value = record.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _records(value) -> list:
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        if _first(value, TEXT_KEYS) is not None:
            return [value]
        for key in LIST_KEYS:
            if isinstance(value.get(key), list):
                return value[key]
    return []


def _document(record, part: str | None) -> Document | None:
    if not isinstance(record, dict):
        return None
    text = _first(record, TEXT_KEYS)
    if not isinstance(text, str) or not text.strip():
        return None
    from app.readers.text import looks_like_html

    if looks_like_html(text):
        from app.readers.html import visible_text

        text = visible_text(text)
    publisher = _first(record, PUBLISHER_KEYS)
    if isinstance(publisher, dict):
        publisher = publisher.get("name")
    canonical = json.dumps(record, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")
    title = clean_text(_first(record, TITLE_KEYS))
    published_at = parse_date(_first(record, DATE_KEYS))
    return Document(
        text=unescape(text.replace("\r\n", "\n")),
        sha256=sha256_of(canonical),
        title=title,
        url=clean_url(_first(record, URL_KEYS)),
        published_at=published_at,
        authors=clean_authors(_first(record, AUTHOR_KEYS)),
        publisher=clean_publisher(publisher),
        part=part,
        identity=_identity(record, title, published_at, text) if part else None,
        format="json",
    )


def _identity(record: dict, title: str | None, published_at, text: str) -> str:
    """What a record is within its file, wherever it stands: its own id, else its title and
    date, else a digest of its text."""
    own = _first(record, ID_KEYS)
    if isinstance(own, (str, int)) and not isinstance(own, bool) and str(own).strip():
        return f"id:{str(own).strip()}"
    if title:
        return f"title:{title.casefold()}|{published_at or ''}"
    return f"text:{sha256_of(text.encode('utf-8'))}"


def _distinct(documents: list[Document]) -> list[Document]:
    """Records that share an identity are told apart by their order among themselves."""
    seen: Counter[str] = Counter()
    distinct = []
    for document in documents:
        if document.identity is not None:
            seen[document.identity] += 1
            if seen[document.identity] > 1:
                document = dataclasses.replace(document, identity=f"{document.identity}~{seen[document.identity]}")
        distinct.append(document)
    return distinct


def _source(records: list, numbered: bool, notes: list[str]) -> Source:
    documents = []
    skipped = 0
    for index, record in enumerate(records):
        document = _document(record, str(index + 1) if numbered else None)
        if document is not None:
            documents.append(document)
        elif record is not None:
            skipped += 1
    if not documents:
        if notes:
            raise InputError(f"no readable article records ({notes[0]})")
        raise NotArticles("no article records (no object with a text field such as 'maintext' or 'text')")
    if skipped:
        notes.append(f"{skipped} record{'s' if skipped > 1 else ''} without article text skipped")
    return Source(_distinct(documents), tuple(notes))


def read_json(data: bytes, charset: str | None = None) -> Source:
    try:
        value = json.loads(decode(data, charset))
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from exc
    records = _records(value)
    return _source(records, len(records) > 1, [])


def read_json_lines(data: bytes, charset: str | None = None) -> Source:
    """One record per line; a line that is not JSON is skipped and named, the others load."""
    records: list = []
    notes: list[str] = []
    for number, line in enumerate(decode(data, charset).splitlines(), start=1):
        try:
            records.append(json.loads(line) if line.strip() else None)
        except json.JSONDecodeError as exc:
            records.append(None)
            notes.append(f"line {number} is not valid JSON ({exc.msg})")
    return _source(records, True, notes)
