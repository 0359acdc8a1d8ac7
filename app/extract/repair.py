"""Text run together by scrapers, repaired line by line before furniture is removed.

Crawlers join a page's blocks without spaces ("…he said.Last year …", a photo caption glued to
the first sentence, "…market.\"\"Amid …"), leave editorial and broadcast markers in the text
("[LEAD]", "(URGENT)", "(ATTN: …)", "(END)") and sign articles off with a reporter's e-mail
address. Everything here works on one line and returns the repaired line: the article body is
assembled afterwards, so evidence offsets into it stay true.
"""
from __future__ import annotations

import re

from app.core.bylines import read_byline
from app.core.lexicon import LEXICON

_MARKERS = LEXICON.markers
# A sentence end glued to the next sentence: "economy.In a message", "fell 3%.The", "said.\"The".
_GLUED_SENTENCE = re.compile(r"(?<=[a-z0-9%]{2}[.!?])(?=[A-Z(\[]|[“‘]\S)|(?<=[a-z0-9%][.!?][”’])(?=[A-Z“])")
# Two quotations glued where a closing mark meets an opening one: `."“Next` or `.""Next`.
_GLUED_QUOTES = re.compile(r"(?<=[.!?,]\")(?=\"[A-Z])|(?<=[.!?,]”)(?=“)")
# A curly opening mark glued to the comma or colon that introduces it: `he said,“We…`.
_GLUED_OPENER = re.compile(r"(?<=[a-z][,:])(?=[“‘][A-Za-z])")
# A straight quote mark between a sentence end and a capital: `.\"Next` opens or closes a quote.
_GLUED_STRAIGHT = re.compile(r"(?<=[a-z0-9%][.!?,])\"(?=[A-Z])")
# A photo caption and its credit glued to the text after it: "A view of the port (Wirepress)The ..."
# (a closing parenthesis directly followed by a capital letter or quote does not occur in prose).
# A caption's words may hold short asides in parentheses: where each person stands ("(left)",
# "(center, left)"); its credit is the last parenthesis.
_CAPTION_WORDS = r"(?:[^()]|\([^()]{1,20}\))"
_GLUED_CAPTION = re.compile(
    rf"^(?P<caption>{_CAPTION_WORDS}{{0,600}}?\((?P<credit>[^()]{{1,60}})\))(?=[A-Z\"“‘'\[])"
)
# Where a scraper joined a heading or deck to the next block: a lower-case letter, a capital.
_GLUED_BLOCK = re.compile(r"(?<=[a-z])(?=[A-Z])")
# A broadcaster's on-screen caption, "Name / Title", glued to the soundbite that follows it.
_NAME_CAPTION = re.compile(
    r"(?P<caption>(?<![\w'’-])(?:[A-Z][\w'’-]+ ){1,3}[A-Z][\w'’-]+ / [A-Z][^/\n]{1,80}?[a-z])(?=[A-Z\"“])"
)
# A caption on a line of its own: a short line that ends with a parenthesised credit.
_CAPTION_LINE = re.compile(rf"^{_CAPTION_WORDS}{{2,600}}\((?P<credit>[^()]{{1,60}})\)$")
_SIGN_OFF = re.compile(r"\s*(?<![\w.])[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*$")
def remove_markers(line: str) -> str:
    if not _MARKERS.search(line):
        return line
    return re.sub(r"[ \t]{2,}", " ", _MARKERS.sub(" ", line)).strip()


def unglue(line: str) -> str:
    """Spaces where a scraper joined two sentences or two quotations. Whether a straight quote
    mark glued between two sentences opens or closes a quotation is read from the marks before
    it on the line: after an even number it opens one."""
    line = _GLUED_OPENER.sub(" ", _GLUED_QUOTES.sub(" ", line))

    def space(m: re.Match) -> str:
        return '" ' if line.count('"', 0, m.start()) % 2 else ' "'

    return _GLUED_SENTENCE.sub(" ", _GLUED_STRAIGHT.sub(space, line))


def drop_glued_caption(line: str) -> str:
    """A photo caption glued to the text after it goes; a heading or deck glued to the caption's
    start stays, on a line of its own."""
    m = _GLUED_CAPTION.match(line)
    if not (m and len(m["credit"].split()) <= 8 and len(m["caption"].split()) <= 90):
        return line
    deck = _GLUED_BLOCK.search(line, 0, m.start("credit"))
    return (line[: deck.start()] + "\n" if deck else "") + line[m.end():]


def split_name_captions(line: str) -> str:
    """'…hearing.Kim Min-ho / Lawyer for the familyWe will appeal' -> the caption on a line of
    its own, between the text before it and the soundbite after it."""
    return _NAME_CAPTION.sub(lambda m: f"\n{m['caption']}\n", line) if " / " in line else line


def drop_sign_off(line: str) -> str:
    """The reporter's e-mail address that wire stories end on."""
    return _SIGN_OFF.sub("", line)


def repair_line(line: str) -> list[str]:
    """The line repaired; a line that held several blocks comes back as several lines."""
    line = split_name_captions(drop_glued_caption(remove_markers(line.strip())))
    return [unglue(drop_sign_off(part.strip())).strip() for part in line.split("\n")]


def is_caption_line(line: str) -> bool:
    """A photo caption on a line of its own: up to 40 words ending with a short credit."""
    m = _CAPTION_LINE.match(line)
    return m is not None and len(m["credit"].split()) <= 6 and len(line.split()) <= 90 and not m["credit"].isupper()


def strip_credit(line: str) -> str:
    m = _CAPTION_LINE.match(line)
    return line[: m.start("credit") - 1].rstrip() if m else line


def cut_repeated_title(line: str, title: str) -> str:
    """Wire copy that opens with a slug and the headline again ("Lee-budget Lee names …By …"):
    everything up to the end of the repeated headline goes."""
    for form in dict.fromkeys((title, remove_markers(title))):  # the line has lost its markers already
        if len(form.split()) < 3:
            continue
        at = line.find(form, 0, 400 + len(form))
        if at >= 0:
            return line[at + len(form):].lstrip(" -–—:")
    return line


def take_byline(line: str) -> tuple[str, tuple[str, ...]]:
    """A byline at the start of a line (bylines.py): the rest of the line (a wire story's
    dateline and text, or nothing) and the names. A line that is no byline comes back whole."""
    byline = read_byline(line)
    if byline is None:
        return line, ()
    return byline.rest, byline.names
