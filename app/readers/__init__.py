"""Input formats -> documents (text + metadata). One registry chooses the reader, for the `load`
command (by file name) and for `POST /api/v1/articles` (by media type); extraction only ever
sees the documents.

| format     | file names               | media types                                        |
|------------|--------------------------|----------------------------------------------------|
| text       | .txt .text               | text/plain                                         |
| markdown   | .md .markdown            | text/markdown, text/x-markdown                     |
| html       | .html .htm .xhtml        | text/html, application/xhtml+xml                   |
| json       | .json                    | application/json                                   |
| json lines | .jsonl .ndjson           | application/jsonl, application/x-ndjson, application/x-jsonlines |
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath

from app.core.document import Document, InputError, Source, UndecodableInput
from app.readers import html, markdown, records, text
from app.readers.decoding import decode
from app.readers.records import NotArticles


@dataclass(frozen=True)
class Reader:
    name: str
    suffixes: tuple[str, ...]
    media_types: tuple[str, ...]
    read: Callable[[bytes, str | None], Source]


READERS = (
    Reader("text", (".txt", ".text"), ("text/plain",), text.read),
    Reader("markdown", (".md", ".markdown"), ("text/markdown", "text/x-markdown"), markdown.read),
    Reader("html", (".html", ".htm", ".xhtml"), ("text/html", "application/xhtml+xml"), html.read),
    Reader("json", (".json",), ("application/json",), records.read_json),
    Reader("json lines", (".jsonl", ".ndjson"),
           ("application/jsonl", "application/x-ndjson", "application/x-jsonlines", "application/json-lines"),
           records.read_json_lines),
)
SUFFIXES = tuple(suffix for reader in READERS for suffix in reader.suffixes)
MEDIA_TYPES = tuple(media_type for reader in READERS for media_type in reader.media_types)


def reader_for_name(name: str) -> Reader | None:
    suffix = PurePath(name).suffix.lower()
    return next((r for r in READERS if suffix in r.suffixes), None)


def reader_for_media_type(media_type: str) -> Reader | None:
    media_type = media_type.split(";")[0].strip().lower()
    return next((r for r in READERS if media_type in r.media_types), None)


def read(reader: Reader, data: bytes, charset: str | None = None) -> Source:
    """The documents of one file or body, or InputError saying why there are none."""
    if not data:
        raise InputError("empty file")
    source = reader.read(data, charset)
    if not any(document.text.strip() for document in source.documents):
        raise InputError("no text (empty or whitespace only)")
    return source


__all__ = [
    "Document", "InputError", "MEDIA_TYPES", "NotArticles", "READERS", "Reader", "SUFFIXES", "Source",
    "UndecodableInput", "decode", "read", "reader_for_media_type", "reader_for_name",
]
