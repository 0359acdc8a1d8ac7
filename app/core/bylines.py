"""Bylines: the lines that credit an article's writers, read wherever a page puts them.

    By Jo Lee                                    By JO LEE and TOM ROE
    By Jo Lee, Environment correspondent         Jo Lee, Environment correspondent
    By Jo Lee | Published: 2025-03-04 09:10 | Updated: 2025-03-04 11:25
    By Jo Lee NORDPORT, May 2 (Wirepress) -- …   (a wire byline before its dateline)

A line without "By" is a byline only when a credit title follows the names. The credit titles,
the labels of the fields after a bar, the name particles and the prefixes that re-cased names
keep are data (lexicon/byline_titles.txt, byline_fields.txt, name_particles.txt,
name_prefixes.txt).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.core.dates import find_date
from app.core.lexicon import LEXICON

_BY = re.compile(r"^by\s+", re.IGNORECASE)
# A wire byline: the names, then a dateline in capitals ("By Jo Lee SEOUL, May 2 (Agency) -- …").
_WIRE = re.compile(
    r"^By\s+(?P<names>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}(?:\s*(?:,|and)\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})*)"
    r"(?=\s+[A-Z]{2,}[A-Z ,]*\b)"
)
_PARTS = re.compile(r"\s*(?:,|;|&|\band\b)\s*")
_NAME_WORD = re.compile(r"^[A-Z][A-Za-z'’.-]*$")
_TIME = re.compile(r"^\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?$", re.IGNORECASE)


@dataclass(frozen=True)
class Byline:
    names: tuple[str, ...]
    rest: str = ""  # what follows the byline on its line: a wire story's dateline and text
    date_text: str | None = None  # a date field of the byline, as written


_TITLES = tuple(sorted((t.lower() for t in LEXICON.byline_titles), key=len, reverse=True))


def is_credit_title(part: str) -> bool:
    """'Environment correspondent', 'Staff Writers', 'political editor': a phrase of up to five
    words that ends with a credit title."""
    words = part.lower().rstrip(".").split()
    if not 1 <= len(words) <= 5:
        return False
    phrase = " ".join(words)
    singular = phrase.rstrip("s")
    return any(form == t or form.endswith(" " + t) for form in (phrase, singular) for t in _TITLES)


def is_name(part: str) -> bool:
    """One to four capitalised words (capitals only too), with name particles between them."""
    words = part.split()
    if not 1 <= len(words) <= 5 or words[0].lower() in LEXICON.name_particles:
        return False
    named = [w for w in words if w.lower() not in LEXICON.name_particles]
    months = {m.lower() for m in LEXICON.months}
    return (1 <= len(named) <= 4 and all(_NAME_WORD.match(w) and any(c.isalpha() for c in w) for w in named)
            and not any(w.lower().strip(".") in months for w in named))


def is_field(field: str) -> bool:
    """A field of a byline after a bar: a date or time, or a labelled one ('Published: …')."""
    label = field.split(":", 1)[0].strip().lower() if ":" in field else field.strip().lower()
    return bool(find_date(field) or _TIME.match(field.strip()) or label in LEXICON.byline_fields
                or any(label.startswith(f + " ") for f in LEXICON.byline_fields))


def read_byline(line: str) -> Byline | None:
    """The byline a line is (a whole line, or a wire byline before its dateline), or None."""
    text = line.strip()
    if whole := _whole(text):
        return whole
    if m := _WIRE.match(text):
        names = tuple(n for n in (p.strip() for p in _PARTS.split(m["names"])) if n)
        return Byline(tuple(recase(n) for n in names), text[m.end():].lstrip())
    return None


def _whole(text: str) -> Byline | None:
    by = _BY.match(text)
    head, *fields = [f.strip() for f in text[by.end() if by else 0:].split("|")]
    fields = [f for f in fields if f]
    if not head or any(not is_field(f) for f in fields):
        return None
    names: list[str] = []
    titled = False
    for part in (p for p in _PARTS.split(head) if p):
        if is_credit_title(part):
            titled = True
        elif titled and part[:1].isupper() and len(part.split()) <= 5:
            continue  # an affiliation after the title: "…, Environment correspondent, City News"
        elif is_name(part):
            names.append(recase(part))
        else:
            return None
    if not names or not (by or titled):
        return None
    when = next((f for f in fields if find_date(f)), None)
    if when and ":" in when and find_date(when.split(":", 1)[1]):  # 'Published: 2025-03-04 09:10'
        when = when.split(":", 1)[1].strip()
    return Byline(tuple(dict.fromkeys(names)), "", when)


def recase(name: str) -> str:
    """'KIM YU-NA' -> 'Kim Yu-na', "SARAH O'CONNELL" -> "Sarah O'Connell": a name written in
    capitals only, as bylines often are; a name in mixed case stays as it is."""
    if not (name.isupper() and any(c.isalpha() for c in name)):
        return name
    return " ".join(_recase_word(word) for word in name.split())


def _recase_word(word: str) -> str:
    lower = word.lower()
    for prefix in sorted(LEXICON.name_prefixes, key=len, reverse=True):
        if lower.startswith(prefix) and len(lower) > len(prefix) + 1:
            return prefix.capitalize() + lower[len(prefix):].capitalize()
    return word.capitalize()
