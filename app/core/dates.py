"""Dates as news text writes them: one list of month names (lexicon/months.txt) for every stage."""
from __future__ import annotations

import re
from datetime import date

from app.core.lexicon import LEXICON


def month_names() -> tuple[str, ...]:
    return LEXICON.months


def month_pattern() -> str:
    """A regular expression for a month written in full ('September')."""
    return "(?:" + "|".join(month_names()) + ")"


def month_number(name: str | None) -> int | None:
    """'September', 'Sept.', 'sep' -> 9; anything else -> None."""
    if not name:
        return None
    prefix = name.strip(".").lower()[:3]
    return next((i for i, m in enumerate(month_names(), start=1) if m.lower()[:3] == prefix), None)


_DATE_PATTERNS = [
    re.compile(r"\b(?P<y>(?:19|20)\d\d)[-./](?P<m>\d{1,2})[-./](?P<d>\d{1,2})\b"),
    re.compile(r"\b(?P<mon>[A-Z][a-z]{2,8})\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<d>\d{1,2})\s+(?P<mon>[A-Z][a-z]{2,8})\.?,?\s+(?P<y>(?:19|20)\d\d)\b"),
]


def find_date(text: str) -> date | None:
    """The first full date in the text: '2025-12-28', 'Dec. 28, 2025', '28 December 2025'."""
    for pattern in _DATE_PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        month = int(m["m"]) if "m" in m.groupdict() else month_number(m["mon"])
        try:
            if month:
                return date(int(m["y"]), month, int(m["d"]))
        except ValueError:
            continue
    return None
