"""What every reader returns: an article's text and the metadata its source states."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date


class InputError(ValueError):
    """A file or body that cannot be loaded; the message says why."""


class UndecodableInput(InputError):
    """Bytes that are not text in any encoding the source declares or that is assumed (binary,
    invalid UTF-8, an unknown charset): POST answers 415, not 422."""


@dataclass(frozen=True)
class Document:
    """One source's text and metadata, whatever its format.

    `text` is plain text, one paragraph per line (blank lines allowed), with markup, entities
    and the source's own header and footer lines already gone; the extraction stages read it
    and never see a file format. Metadata fields are None (or empty) when the source does not
    state them. `part` is a record's number in its file (for listings: `feed.jsonl#3`);
    `identity` is what tells the record from the others of its file wherever it stands (its own
    id field, else its title and date, else its text), so that a record keeps its identity when
    others are added, removed or moved; and `sha256` is the digest of the bytes this document was
    read from (the whole file, or its record), which makes reloading them a no-op.
    """

    text: str
    sha256: str
    title: str | None = None
    url: str | None = None
    published_at: date | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    part: str | None = None
    identity: str | None = None
    format: str = "text"


@dataclass(frozen=True)
class Source:
    """What a reader made of one file or body: its documents, and notes on what it skipped."""

    documents: list[Document]
    notes: tuple[str, ...] = ()


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
