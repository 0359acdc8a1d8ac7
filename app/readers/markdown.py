"""Markdown pages, with or without YAML front matter, as scrapers and crawlers write them.

The front matter gives the metadata; the body is parsed as CommonMark (markdown-it-py) and only
its text is kept: no markup, no images, links as their words. The page's own title heading and a
header bar such as `**Publisher** | 2025-01-02 |` become metadata, not body text.
"""
from __future__ import annotations

import re

import yaml
from markdown_it import MarkdownIt

from app.core.dates import find_date
from app.core.document import Document, Source, sha256_of
from app.readers.decoding import decode, unescape
from app.readers.metadata import (
    clean_authors,
    clean_publisher,
    clean_text,
    clean_url,
    parse_date,
)

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(?P<yaml>.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_LENIENT_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s?(?P<value>.*)$")
# Field names read from front matter, the first one present wins.
TITLE_KEYS = ("title", "headline")
URL_KEYS = ("url", "link", "canonical_url", "source_url")
DATE_KEYS = ("published_at", "date_publish", "published", "date", "pubdate", "datePublished")
AUTHOR_KEYS = ("authors", "author", "byline")
PUBLISHER_KEYS = ("publisher", "source", "site_name", "source_domain")

_parser = MarkdownIt("commonmark")


_OPENING = re.compile(r"\A(?:\ufeff)?---[ \t]*\n")
_FLOW_OPENERS = {"[": "]", "{": "}"}


def front_matter(text: str) -> tuple[dict, str, list[str]]:
    """The front matter as a dict, the text after it, and notes on what was wrong with it.
    Crawlers often write YAML that YAML refuses (tabs for indentation): such a block is read
    again with its tabs expanded, and failing that line by line as `key: value` with
    continuation lines, leaving out a value that opens a list or map it never closes. A block
    that opens and never closes is read up to its first line that is no `key: value`."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return _unclosed(text)
    block = m["yaml"]
    for candidate in (block, block.expandtabs(4)):
        try:
            data = yaml.safe_load(candidate)
        except yaml.YAMLError:
            continue
        if isinstance(data, dict):
            return data, text[m.end():], []
    data, dropped = _lenient(block)
    notes = ["front matter is not valid YAML: read line by line"]
    notes += _left_out(dropped)
    return data, text[m.end():], notes


def _unclosed(text: str) -> tuple[dict, str, list[str]]:
    """Front matter whose closing `---` is missing: its `key: value` lines, then the text."""
    opening = _OPENING.match(text)
    if not opening:
        return {}, text, []
    lines = text[opening.end():].split("\n")
    count = 0
    while count < len(lines) and _LENIENT_KEY.match(lines[count]) and not lines[count][:1].isspace():
        count += 1
    if not count:
        return {}, text, []
    data, dropped = _lenient("\n".join(lines[:count]))
    notes = [f"front matter never closed: read its first {count} line{'s' if count > 1 else ''} as fields"]
    notes += _left_out(dropped)
    return data, "\n".join(lines[count:]), notes


def _left_out(dropped: list[tuple[str, str]]) -> list[str]:
    return [f"front matter field '{key}' left out (it opens {value[:1]} and never closes it)" for key, value in dropped]


def _lenient(block: str) -> tuple[dict, list[tuple[str, str]]]:
    data: dict[str, str] = {}
    key = None
    for line in block.splitlines():
        if (m := _LENIENT_KEY.match(line)) and not line[:1].isspace():
            key = m["key"]
            data[key] = m["value"].strip().strip("\"'")
        elif key and line.strip():
            data[key] = f"{data[key]} {line.strip()}".strip()
    dropped = [(k, v) for k, v in data.items()
               if v[:1] in _FLOW_OPENERS and not v.rstrip().endswith(_FLOW_OPENERS[v[0]])]
    return {k: v for k, v in data.items() if (k, v) not in dropped}, dropped


def first(data: dict, keys: tuple[str, ...]):
    lowered = {str(k).lower(): v for k, v in data.items()}
    for key in keys:
        value = lowered.get(key.lower())
        if value not in (None, "", [], {}):
            return value
    return None


def _inline_text(token) -> str:
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
    return "".join(parts).strip()


def blocks(markdown: str) -> list[tuple[str, str]]:
    """(kind, text) per block: 'heading', 'paragraph' or 'rule' (a thematic break)."""
    out: list[tuple[str, str]] = []
    tokens = _parser.parse(markdown)
    heading = False
    for token in tokens:
        if token.type == "heading_open":
            heading = True
        elif token.type == "heading_close":
            heading = False
        elif token.type == "hr":
            out.append(("rule", ""))
        elif token.type == "inline":
            text = unescape(_inline_text(token))
            if text:
                out.append(("heading" if heading else "paragraph", text))
        elif token.type in ("code_block", "fence"):
            lines = (unescape(line.strip()) for line in token.content.splitlines())
            out.extend(("paragraph", line) for line in lines if line)
    return out


_BAR_DATE = re.compile(r"\b(?:19|20)\d\d[-./]\d{1,2}[-./]\d{1,2}\b")


def _header_bar(text: str) -> tuple[str | None, str | None] | None:
    """`Publisher | 2025-01-02 00:00 |` -> (publisher, date text); None for any other line."""
    fields = [f.strip() for f in text.split("|")]
    fields = [f for f in fields if f]
    if "|" not in text or not 1 <= len(fields) <= 5 or any(len(f.split()) > 6 for f in fields):
        return None
    dates = [f for f in fields if _BAR_DATE.search(f) or find_date(f)]
    if not dates:
        return None
    names = [f for f in fields if f not in dates]
    return (names[0] if names else None), dates[0]


def read(data: bytes, charset: str | None = None) -> Source:
    text = decode(data, charset)
    meta, body, notes = front_matter(text.replace("\r\n", "\n"))
    title = clean_text(first(meta, TITLE_KEYS))
    publisher = clean_publisher(first(meta, PUBLISHER_KEYS))
    published = parse_date(first(meta, DATE_KEYS))
    paragraphs: list[str] = []
    seen_text = False
    for kind, content in blocks(body):
        if kind == "rule":
            continue
        if kind == "heading" and not seen_text:
            if title is None:
                title = clean_text(content)
                continue
            if clean_text(content) == title:
                continue
        if not seen_text and (bar := _header_bar(content)):
            publisher = publisher or clean_publisher(bar[0])
            published = published or parse_date(bar[1])
            continue
        seen_text = seen_text or kind == "paragraph"
        paragraphs.append(content)
    return Source([Document(
        text="\n\n".join(paragraphs),
        sha256=sha256_of(data),
        title=title,
        url=clean_url(first(meta, URL_KEYS)),
        published_at=published,
        authors=clean_authors(first(meta, AUTHOR_KEYS)),
        publisher=publisher,
        format="markdown",
    )], tuple(notes))
