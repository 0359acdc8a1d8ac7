"""Bytes -> str, refusing what is not text."""
from __future__ import annotations

import codecs
import html
import re

from app.core.document import InputError, UndecodableInput

_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def decode(data: bytes, charset: str | None = None) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, or the charset the source declares;
    anything else is refused, by the reason."""
    if not data:
        raise InputError("empty file")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode(data, "utf-16")
    else:
        if b"\x00" in data[:8192]:
            raise UndecodableInput("binary file (NUL bytes), not text")
        encoding = "utf-8-sig"
        if charset:
            try:
                encoding = codecs.lookup(charset).name
            except LookupError as exc:
                raise UndecodableInput(f"unknown charset {charset!r}") from exc
            if encoding == "utf-8":
                encoding = "utf-8-sig"
        text = _decode(data, encoding)
    if "\x00" in text:
        raise UndecodableInput("binary file (NUL characters), not text")
    if not text.strip():
        raise InputError("no text (empty or whitespace only)")
    return text


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        name = "UTF-8" if encoding.startswith("utf-8") else encoding.upper()
        raise UndecodableInput(f"not {name} text (invalid byte at offset {exc.start})") from exc


def unescape(text: str) -> str:
    """HTML character references decoded, also when a scraper escaped them twice
    (`&amp;quot;`); text without any is returned as it is."""
    for _ in range(3):
        if "&" not in text or not _ENTITY.search(text):
            break
        text = html.unescape(text)
    return text
