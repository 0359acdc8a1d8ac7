"""Page text -> articles: furniture out, one Segment per article on the page.

Scraped pages carry navigation, subscription prompts, comment widgets and "related articles"
blocks, often glued to the article's own sentences without a space. This stage removes what the
furniture patterns in rules/furniture.txt recognise, splits a page that holds several articles at
their (typically repeated) headlines, and reads the title, publisher, byline and date lines.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser

from app.extract.rules import entries
from app.extract.types import Segment

_FURNITURE = [re.compile(p, re.IGNORECASE) for p in entries("furniture.txt")]

_AGO = r"\d+\s+(?:second|minute|hour|day|week|month|year)s?\s+ago"
_DATE_AGO = re.compile(rf"^(?:time|updated|posted|published)?\s*(?P<ago>{_AGO})$", re.IGNORECASE)
_PUB_AGO = re.compile(rf"^(?P<pub>.*?[A-Za-z].*?)\s*(?P<ago>{_AGO})$", re.IGNORECASE)
_BULLET = re.compile(r"^[•·▪●◦‣-]\s*(?P<text>\S.*)$")
_IMAGE = re.compile(r"^!\[.*\]\(\S+\)\s*$")
_BYLINE_BRACKET = re.compile(
    r"\[(?P<pub>[^\[\]]*?)\s*\b(?:Reporter|Correspondent|Staff Writer|Columnist|Editor)s?\s+"
    r"(?P<names>[A-Z][^\[\]]{1,80}?)\]"
)
_BYLINE_BY = re.compile(r"^By\s+(?P<names>[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|and|,))+)\s*$")
_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?P<pub>[^(©]+?)\s*(?:\(|\ball rights\b|\.\s|\.$|$)",
    re.IGNORECASE,
)
_DATELINE = re.compile(r"^\((?P<pub>[A-Z][\w&.'’ ]{1,40})\)\s*[—–-]+\s*")
# A sentence end glued to the next sentence ("science.Author of"), also after a closing quote.
_GLUED = re.compile(
    r"(?<=[A-Za-z0-9)]{2}[.!?])(?=[(\[]?[A-Z][a-z])|(?<=[.!?][”\"’])(?=[(\[]?[A-Z][a-z])"
    r"|(?<=[A-Za-z0-9)]{2}[.!?])(?=“)"
)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘'(\[])|(?<=[.!?][”\"’'])\s+(?=[A-Z\"“‘'(\[])")
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_DATE_PATTERNS = [
    re.compile(r"\b(?P<y>(?:19|20)\d\d)[-./](?P<m>\d{1,2})[-./](?P<d>\d{1,2})\b"),
    re.compile(r"\b(?P<mon>[A-Z][a-z]{2,8})\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<d>\d{1,2})\s+(?P<mon>[A-Z][a-z]{2,8})\.?,?\s+(?P<y>(?:19|20)\d\d)\b"),
]


_HTML = re.compile(r"<(?:html|body|p|div|br|article|span|h[1-6])\b[^>]*>", re.IGNORECASE)
_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section", "tr", "blockquote"}
_SKIP_TAGS = {"script", "style", "noscript", "head", "nav", "footer", "aside", "form"}


class _TextOf(HTMLParser):
    """The readable text of an HTML page: blocks on lines of their own, scripts and menus out."""

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


def html_to_text(raw: str) -> str:
    parser = _TextOf()
    parser.feed(raw)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def normalize_text(raw: str) -> str:
    """Unify line ends and spaces; drop control characters other than newline and tab; read the
    text out of HTML markup."""
    if len(_HTML.findall(raw[:20000])) >= 2:
        raw = html_to_text(raw)
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = "".join(
        c for c in text if c in "\n\t" or unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Co")
    )
    return text


def is_furniture(text: str) -> bool:
    piece = text.strip()
    if len(piece.split()) > 40:
        return False
    return any(p.search(piece) for p in _FURNITURE)


def split_sentences(text: str) -> list[str]:
    """A light sentence split for cleaning (the language stages use spaCy's)."""
    pieces: list[str] = []
    for chunk in _GLUED.split(text):
        pieces.extend(s for s in _SENTENCE_BREAK.split(chunk) if s.strip())
    return pieces


def _key(text: str) -> str:
    text = _DATELINE.sub("", text.strip())
    return re.sub(r"\W+", " ", text.lower()).strip()


def clean_line(line: str) -> str:
    """The line without its furniture sentences; an empty string when nothing is left."""
    line = line.strip()
    if not line or _IMAGE.match(line):
        return ""
    kept = [s.strip() for s in split_sentences(line) if not is_furniture(s)]
    return " ".join(kept)


def _words(line: str) -> int:
    return len(line.split())


def is_paragraph(line: str) -> bool:
    words = _words(line)
    return words >= 20 or (words >= 8 and line.rstrip()[-1:] in ".!?\"”’'")


def is_heading(line: str) -> bool:
    return not is_paragraph(line) and 2 <= _words(line) <= 25 and any(c.isalpha() for c in line)


def parse_date(text: str) -> date | None:
    for pattern in _DATE_PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        try:
            month = int(m["m"]) if "m" in m.groupdict() else _MONTHS.get(m["mon"][:3].lower())
            if month:
                return date(int(m["y"]), month, int(m["d"]))
        except (ValueError, TypeError):
            continue
    return None


def _article_starts(lines: list[str]) -> list[int]:
    """Indexes of headline lines that the page repeats within a few lines (a new article)."""
    starts: list[int] = []
    header_end = 0
    for i, line in enumerate(lines):
        if i < header_end:
            continue
        if is_heading(line) and _words(line) >= 3 and _key(line) in {_key(x) for x in lines[i + 1 : i + 7]}:
            starts.append(i)
            header_end = next((j for j in range(i + 1, len(lines)) if is_paragraph(lines[j])), len(lines))
    return starts


def _dedupe_sentences(paragraphs: list[str]) -> list[str]:
    """Drop a sentence that repeats one in the same or the previous paragraph (a doubled lede)."""
    out: list[str] = []
    previous: set[str] = set()
    for paragraph in paragraphs:
        seen: set[str] = set()
        kept = []
        for sentence in split_sentences(paragraph):
            key = _key(sentence)
            if len(key.split()) >= 8 and (key in seen or key in previous):
                continue
            seen.add(key)
            kept.append(sentence.strip())
        if kept:
            out.append(" ".join(kept))
        previous = seen
    return out


def _names(text: str) -> tuple[str, ...]:
    parts = re.split(r"\s*(?:,|\band\b|&)\s*", text.strip())
    return tuple(p.strip() for p in parts if p.strip())


def _segment(lines: list[str], title: str | None, page_publisher: str | None) -> Segment | None:
    publisher = None
    authors: tuple[str, ...] = ()
    published_at = None
    published_text = None
    body: list[str] = []
    in_header = True
    title_key = _key(title) if title else None
    for line in lines:
        if title_key and _key(line) == title_key:
            continue
        if in_header and is_paragraph(line):
            in_header = False
        if in_header:
            if m := _DATE_AGO.match(line):
                published_text = published_text or m["ago"]
                continue
            if m := _PUB_AGO.match(line):
                publisher = publisher or m["pub"].strip()
                published_text = published_text or m["ago"]
                continue
            if (when := parse_date(line)) and _words(line) <= 8:
                published_at = published_at or when
                published_text = published_text or line
                continue
            if m := _BYLINE_BY.match(line):
                authors = authors or _names(m["names"])
                continue
            if m := _BULLET.match(line):
                publisher = publisher or m["text"].strip()
                continue
            if _words(line) <= 4 and line[-1:] not in ".!?":
                publisher = publisher or line
                continue
        body.append(line)
    for paragraph in body[:6]:
        if m := _BYLINE_BRACKET.search(paragraph):
            authors = authors or _names(m["names"])
            publisher = publisher or (m["pub"].strip() or None)
        for sentence in split_sentences(paragraph)[:3]:
            if m := _DATELINE.match(sentence.strip()):
                publisher = publisher or m["pub"].strip()
    paragraphs = _dedupe_sentences(body)
    if not any(is_paragraph(p) for p in paragraphs):
        return None
    return Segment(
        title=title,
        body="\n\n".join(paragraphs),
        publisher=publisher or page_publisher,
        authors=authors,
        published_at=published_at,
        published_text=published_text,
    )


def _page_publisher(raw_lines: list[str]) -> str | None:
    for line in raw_lines:
        if m := _COPYRIGHT.match(line.strip()):
            name = m["pub"].strip(" .,")
            if name and any(c.isalpha() for c in name):
                return name
    return None


# A text ending on an abbreviation ("Acme Inc.") has not ended its sentence.
ABBREVIATION_END = re.compile(r"\b(?:" + "|".join(map(re.escape, entries("abbreviations.txt"))) + r")\.$")


def _join_broken_lines(lines: list[str]) -> list[str]:
    """A line that ends on an abbreviation ('Acme Inc.') was cut mid-sentence."""
    out: list[str] = []
    for line in lines:
        if out and ABBREVIATION_END.search(out[-1]) and is_paragraph(out[-1]) and line[:1].isupper():
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def segments(raw: str) -> Iterator[Segment]:
    """Cut a page into its articles, furniture removed."""
    raw_lines = normalize_text(raw).split("\n")
    page_publisher = _page_publisher(raw_lines)
    lines = _join_broken_lines([c for c in (clean_line(line) for line in raw_lines) if c])
    starts = _article_starts(lines)
    regions: list[tuple[str | None, list[str]]] = []
    head = lines[: starts[0]] if starts else lines
    if any(is_paragraph(line) for line in head):
        leading = []
        for line in head:
            if is_paragraph(line):
                break
            if is_heading(line):
                leading.append(line)
        title = max(leading, key=_words) if leading else None
        regions.append((title, [line for line in head if line is not title]))
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        regions.append((lines[start], lines[start + 1 : end]))
    for title, region in regions:
        segment = _segment(region, title, page_publisher)
        if segment is not None:
            yield segment
