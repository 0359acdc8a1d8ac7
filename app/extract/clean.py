"""Page text -> articles: furniture out, one Segment per article on the page.

Scraped pages carry navigation, subscription prompts, comment widgets and "related articles"
blocks, often glued to the article's own sentences without a space. This stage removes what the
furniture patterns in lexicon/furniture.txt recognise, splits a page that holds several articles at
their (typically repeated) headlines, and reads the title, publisher, byline and date lines.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import replace

from app.core.bylines import read_byline
from app.core.dates import find_date
from app.core.lexicon import LEXICON
from app.extract.repair import (
    cut_repeated_title,
    is_caption_line,
    repair_line,
    strip_credit,
    take_byline,
)
from app.extract.types import Segment

_FURNITURE = LEXICON.furniture

_AGO = r"\d+\s+(?:second|minute|hour|day|week|month|year)s?\s+ago"
_DATE_AGO = re.compile(rf"^(?:time|updated|posted|published)?\s*(?P<ago>{_AGO})$", re.IGNORECASE)
_PUB_AGO = re.compile(rf"^(?P<pub>.*?[A-Za-z].*?)\s*(?P<ago>{_AGO})$", re.IGNORECASE)
_BULLET = re.compile(r"^[•·▪●◦‣-]\s*(?P<text>\S.*)$")
_IMAGE = re.compile(r"^!\[.*\]\(\S+\)\s*$")
# A bracketed byline: "[Daily Times Reporter Jo Lee]"; the titles are data (lexicon/byline_titles.txt).
BYLINE_BRACKET = re.compile(
    r"\[(?P<pub>[^\[\]]*?)\s*\b(?P<title>" + "|".join(LEXICON.byline_titles) + r")s?\s+"
    r"(?P<names>[A-Z][^\[\]]{1,80}?)\]"
)
_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?P<pub>[^(©]+?)\s*(?:\(|\ball rights\b|\.\s|\.$|$)",
    re.IGNORECASE,
)
_DATELINE = re.compile(r"^\((?P<pub>[A-Z][\w&.'’ ]{1,40})\)\s*[—–-]+\s*")
# A wire story's dateline: "NORDPORT, Dec. 28 (Wirepress) -- ", "EASTON (NWS) — ".
WIRE_DATELINE = re.compile(
    r"(?m)^(?:[A-Z][A-Z .'’-]{1,40}(?:, [A-Z][\w .'’-]{1,30})?(?:, [A-Z][a-z]{2,4}\.? \d{1,2})? )?"
    r"\((?P<agency>[^()\n]{2,40})\) *[—–-]{1,2} *"
)
# A sentence end glued to the next sentence ("science.Author of"), also after a closing quote.
_GLUED = re.compile(
    r"(?<=[A-Za-z0-9)]{2}[.!?])(?=[(\[]?[A-Z][a-z])|(?<=[.!?][”\"’])(?=[(\[]?[A-Z][a-z])"
    r"|(?<=[A-Za-z0-9)]{2}[.!?])(?=“\S)"
)
# Footers and tip lines set off by symbols ("■ Tips ▷ Phone: …"), each piece tested on its own.
_SYMBOLS = "■□◆◇▶▷►※☞☎"
_SYMBOL_BREAK = re.compile(rf"\s*(?=[{_SYMBOLS}])")
# A sentence end followed straight by text in another script ("…airport.재난 …").
_SCRIPT_BREAK = re.compile(r"(?<=[.!?])\s*(?=[^\W\d_A-Za-z\u00C0-\u024F])")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘'(\[])|(?<=[.!?][”\"’'])\s+(?=[A-Z\"“‘'(\[])")

def normalize_text(raw: str) -> str:
    """Unify line ends and spaces; drop control characters other than newline and tab."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = "".join(
        c for c in text if c in "\n\t" or unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Co")
    )
    return text


def is_foreign(text: str) -> bool:
    """A piece mostly in another script than the article's Latin one: a portal's footer or
    tip line in the page's home language, not English article text."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 4:
        return False
    latin = sum(1 for c in letters if c.isascii() or unicodedata.name(c, "").startswith("LATIN"))
    return latin < len(letters) / 2


def is_furniture(text: str) -> bool:
    piece = text.strip()
    if is_foreign(piece):
        return True
    if len(piece.split()) > 40:
        return False
    return any(p.search(piece) for p in _FURNITURE)


def split_sentences(text: str) -> list[str]:
    """A light sentence split for cleaning (the language stages use spaCy's)."""
    pieces: list[str] = []
    for part in (p for symbol_part in _SYMBOL_BREAK.split(text) for p in _SCRIPT_BREAK.split(symbol_part)):
        for chunk in _GLUED.split(part):
            pieces.extend(s for s in _SENTENCE_BREAK.split(chunk) if s.strip())
    return pieces


def _key(text: str) -> str:
    text = _DATELINE.sub("", text.strip())
    return re.sub(r"\W+", " ", text.lower()).strip()


def _without_symbol_footer(pieces: list[str]) -> list[str]:
    """A run of symbol-led pieces ("■ Tips ▷ Phone: … ▷ E-mail: …") goes whole when any of
    them is in another script: a portal's tip line, not article text."""
    for i, piece in enumerate(pieces):
        if piece[:1] in _SYMBOLS and any(_has_foreign(p) for p in pieces[i:]):
            return pieces[:i]
    return pieces


def _has_foreign(text: str) -> bool:
    return any(c.isalpha() and not c.isascii() and "LATIN" not in unicodedata.name(c, "") for c in text)


def clean_line(line: str) -> str:
    """The line without its furniture sentences; an empty string when nothing is left."""
    line = line.strip()
    if not line or _IMAGE.match(line):
        return ""
    pieces = _without_symbol_footer([s.strip() for s in split_sentences(line)])
    return " ".join(s for s in pieces if s and not is_furniture(s))


def _words(line: str) -> int:
    return len(line.split())


def is_paragraph(line: str) -> bool:
    words = _words(line)
    return words >= 20 or (words >= 8 and line.rstrip()[-1:] in ".!?\"”’'“")  # '…percent.“' closes too


HEADING_WORDS = 25  # a heading, a deck or a subhead is at most this long


def is_heading(line: str) -> bool:
    return not is_paragraph(line) and 2 <= _words(line) <= HEADING_WORDS and any(c.isalpha() for c in line)


def reads_as_heading(paragraph: str) -> bool:
    """A short paragraph without closing punctuation: a heading, a deck or a subhead."""
    paragraph = paragraph.strip()
    return bool(paragraph) and _words(paragraph) <= HEADING_WORDS and not re.search(r"[.!?][\"”’']?$", paragraph)


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


def _names_a_writer(line: str, writers: tuple[str, ...]) -> bool:
    """A header line that names the article's writers ('Jo Lee and Tom Roe report from …'): a
    credit or standfirst about the reporting, not the article's text."""
    return any(len(name.split()) >= 2 and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", line, re.IGNORECASE)
               for name in writers)


def _segment(lines: list[str], title: str | None, page_publisher: str | None,
             writers: tuple[str, ...] = ()) -> Segment | None:
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
            if (when := find_date(line)) and _words(line) <= 8:
                published_at = published_at or when
                published_text = published_text or line
                continue
            byline = read_byline(line)
            if byline and not byline.rest:
                authors = authors or byline.names
                if byline.date_text and (when := find_date(byline.date_text)):
                    published_at = published_at or when
                    published_text = published_text or byline.date_text
                continue
            if _names_a_writer(line, writers + authors):
                continue
            if m := _BULLET.match(line):
                publisher = publisher or m["text"].strip()
                continue
            if _words(line) <= 4 and line[-1:] not in ".!?":
                publisher = publisher or line
                continue
        body.append(line)
    for paragraph in body[:6]:
        if m := BYLINE_BRACKET.search(paragraph):
            authors = authors or _names(m["names"])
            publisher = publisher or (m["pub"].strip() or None)
        for sentence in split_sentences(paragraph)[:3]:
            if m := _DATELINE.match(sentence.strip()) or WIRE_DATELINE.match(sentence.strip()):
                publisher = publisher or (m.groupdict().get("pub") or m["agency"]).strip()
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
ABBREVIATION_END = re.compile(r"\b(?:" + "|".join(map(re.escape, LEXICON.abbreviations)) + r")\.$")


def _join_broken_lines(lines: list[str]) -> list[str]:
    """A line that ends on an abbreviation ('Acme Inc.') was cut mid-sentence."""
    out: list[str] = []
    for line in lines:
        if out and ABBREVIATION_END.search(out[-1]) and is_paragraph(out[-1]) and line[:1].isupper():
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _open_of_wire_copy(lines: list[str], title: str) -> tuple[list[str], tuple[str, ...]]:
    """Wire copy repeats its slug and headline and then gives its byline on the first line:
    both go, and the byline's names are returned."""
    lines = list(lines)
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return lines, ()
    lines[first] = cut_repeated_title(lines[first], title)
    at = next((i for i in range(first, len(lines)) if lines[i].strip()), None)
    if at is None:
        return lines, ()
    lines[at], names = take_byline(lines[at])
    return lines, names


def _without_captions(lines: list[str]) -> list[str]:
    """Photo captions on lines of their own out, unless the caption is all the article has."""
    kept = [line for line in lines if not is_caption_line(line)]
    if any(is_paragraph(line) for line in kept):
        return kept
    return [strip_credit(line) if is_caption_line(line) else line for line in lines]


def _could_head(line: str) -> bool:
    """A leading line that could be the headline: a heading, not a byline, a date line or a line
    that introduces what follows."""
    return (is_heading(line) and not line.rstrip().endswith(":") and read_byline(line) is None
            and not (find_date(line) and _words(line) <= 8))


def segments(raw: str, title: str | None = None, writers: tuple[str, ...] = ()) -> Iterator[Segment]:
    """Cut a page into its articles, furniture removed. `title`, where the source states it
    (front matter, a page's metadata), is the first article's title, and a repetition of it at
    the top of the text is cut; `writers`, the authors the source names, let a credit line
    naming them be told from the text. A page with no full paragraph is one brief article: its
    lines, or its headline alone."""
    raw_lines = [part for line in normalize_text(raw).split("\n") for part in repair_line(line)]
    page_publisher = _page_publisher(raw_lines)
    bylines: tuple[str, ...] = ()
    if title:
        raw_lines, bylines = _open_of_wire_copy(raw_lines, title)
    lines = _without_captions(_join_broken_lines([c for c in (clean_line(line) for line in raw_lines) if c]))
    starts = _article_starts(lines)
    regions: list[tuple[str | None, list[str]]] = []
    head = lines[: starts[0]] if starts else lines
    if title and head:
        regions.append((title, head))
    elif any(is_paragraph(line) for line in head):
        leading = []
        for line in head:
            if is_paragraph(line):
                break
            if byline := read_byline(line):
                writers += byline.names
            elif _could_head(line):
                leading.append(line)
        leading = [line for line in leading if not _names_a_writer(line, writers)]
        found_title = max(leading, key=_words) if leading else None
        regions.append((found_title, [line for line in head if line is not found_title]))
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        regions.append((lines[start], lines[start + 1 : end]))
    writers = tuple(dict.fromkeys(writers + bylines))
    found = [s for s in (_segment(region, t, page_publisher, writers) for t, region in regions) if s is not None]
    if not found and (head or title):
        brief = [line for line in head if not title or _key(line) != _key(title)] or [title or ""]
        found = [Segment(title=title, body="\n\n".join(brief), publisher=page_publisher)]
    if bylines and found:
        found[0] = replace(found[0], authors=tuple(dict.fromkeys(found[0].authors + bylines)))
    yield from found
