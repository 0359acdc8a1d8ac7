"""HTML pages: the article's main text and the metadata the page states.

trafilatura finds the main text (navigation, ads, related links and comments left out) and reads
`<meta>`, Open Graph and JSON-LD for the title, authors, date, canonical URL and site name; why
it and not rules of our own is measured in BENCHMARKS.md. A page it finds no main text in (a
bare fragment), or only a menu's links, is read as the visible text of its blocks, scripts,
styles, menus and footers left out; a page with no prose left is no article.
"""
from __future__ import annotations

import logging
import re
from html.parser import HTMLParser

from app.core.document import Document, InputError, Source, sha256_of
from app.readers.decoding import decode, unescape
from app.readers.metadata import (
    clean_authors,
    clean_publisher,
    clean_text,
    clean_url,
    parse_date,
)

log = logging.getLogger(__name__)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.IGNORECASE)
_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section", "tr",
               "blockquote", "title"}
_SKIP_TAGS = {"script", "style", "noscript", "head", "nav", "footer", "aside", "form", "template", "svg"}


def read(data: bytes, charset: str | None = None) -> Source:
    if charset is None and not data.startswith(b"\xef\xbb\xbf"):
        declared = _CHARSET.search(data[:4096])
        charset = declared.group(1).decode("ascii") if declared else None
    try:
        text = decode(data, charset)
    except InputError:
        if charset is None:
            raise
        text = decode(data)  # a wrong declaration: UTF-8 is the web's default
    return read_text(text, sha256_of(data))


def read_text(page: str, sha256: str) -> Source:
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    try:
        found = trafilatura.bare_extraction(
            page,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            deduplicate=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # a page trafilatura cannot parse is still read as text below
        log.info("the main-text extractor refused the page (%s: %s); reading its visible text",
                 type(exc).__name__, exc)
        found = None
    body = (getattr(found, "text", None) or "").strip()
    if found is None or isinstance(found, dict) or not has_prose(body):
        text = visible_text(page)
        if not has_prose(text):
            raise InputError("no article text found (only navigation and page furniture)")
        return Source([Document(text=text, sha256=sha256, title=_title_tag(page), format="html")])
    title = without_site_name(clean_text(found.title), clean_text(found.sitename))
    return Source([Document(
        text=_without_title_line(unescape(body), title),
        sha256=sha256,
        title=title,
        url=clean_url(found.url),
        published_at=parse_date(found.date),
        authors=clean_authors(found.author),
        publisher=clean_publisher(found.sitename),
        format="html",
    )])


_SENTENCE_END = re.compile(r"[.!?][\"”’')]*$")


# A run of a script written without spaces between words (Chinese, Japanese, Thai): a sentence's
# worth of it reads as writing.
_UNSPACED_RUN = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]{12,}")


def has_prose(text: str) -> bool:
    """Some line of the text reads as writing, not as a menu of links: four words or more, a
    sentence's end, or a sentence's worth of a script written without spaces."""
    return any(len(line.split()) >= 4 or _SENTENCE_END.search(line.strip()) or _UNSPACED_RUN.search(line)
               for line in text.splitlines())


class _TextOf(HTMLParser):
    """The readable text of a page: blocks on lines of their own, scripts and menus out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP_TAGS:
            self.skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIP_TAGS and self.skipping:
            self.skipping -= 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def visible_text(page: str) -> str:
    parser = _TextOf()
    parser.feed(page)
    parser.close()
    lines = (" ".join(line.split()) for line in unescape("".join(parser.parts)).split("\n"))
    return "\n".join(line for line in lines if line)


def _title_tag(page: str) -> str | None:
    m = re.search(r"<title[^>]*>(.*?)</title>", page, re.IGNORECASE | re.DOTALL)
    return clean_text(re.sub(r"<[^>]+>", " ", m.group(1))) if m else None


# What sets a site's name off in a page's title: "Headline | CNN Politics", "Headline -- Sott.net".
_TITLE_PARTS = re.compile(r"\s+(?:\||--|[-–—]|::)\s+")


def without_site_name(title: str | None, site: str | None) -> str | None:
    """The headline without the site's name a page's title adds before or after it ("Gates on
    Tillerson | CNN Politics" of the site "CNN" -> "Gates on Tillerson")."""
    if not title or not site:
        return title
    name = site.casefold()

    def names_site(part: str) -> bool:
        folded = part.casefold().strip()
        return bool(folded) and (folded.startswith(name) or name.startswith(folded))

    changed = True
    while changed:
        changed = False
        cuts = list(_TITLE_PARTS.finditer(title))
        if cuts and names_site(title[cuts[-1].end():]):
            title, changed = title[: cuts[-1].start()], True
        elif cuts and names_site(title[: cuts[0].start()]):
            title, changed = title[cuts[0].end():], True
    return title


def _without_title_line(body: str, title: str | None) -> str:
    """The body without a first line that only repeats the headline (the title is a field)."""
    first, _, rest = body.partition("\n")
    if title and rest.strip() and first.strip().casefold() == title.strip().casefold():
        return rest.lstrip("\n")
    return body
