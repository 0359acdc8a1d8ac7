"""When a role was held: "From 2011 to 2016", "In 2020, he became …", "since March 2019"."""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.core.dates import month_number, month_pattern

_MONTH = month_pattern()
_YEAR = r"(?:19|20)\d\d"
_WHEN = rf"(?:(?P<{{m}}>{_MONTH})\s+)?(?P<{{y}}>{_YEAR})"


def _when(m: str, y: str) -> str:
    return _WHEN.format(m=m, y=y)


_RANGE = re.compile(
    rf"\b(?:from|between)\s+{_when('sm', 'sy')}\s+(?:to|and|until|through)\s+{_when('em', 'ey')}\b", re.I
)
_DASH = re.compile(rf"\b{_when('sm', 'sy')}\s*[-–]\s*{_when('em', 'ey')}\b")
_SINCE = re.compile(rf"\bsince\s+{_when('sm', 'sy')}\b", re.I)
_UNTIL = re.compile(rf"\b(?:until|till|through)\s+{_when('em', 'ey')}\b", re.I)
_IN = re.compile(rf"\b(?:in|In)\s+{_when('sm', 'sy')}\b")
_IN_MONTH = re.compile(rf"\b(?:in|In)\s+(?P<sm>{_MONTH})\b(?!\s+{_YEAR})")
_ON_DAY = re.compile(rf"\b(?:on|On)\s+(?P<sm>{_MONTH})\s+\d{{1,2}}\b(?:,?\s+(?P<sy>{_YEAR})\b)?")


@dataclass(frozen=True)
class Period:
    start_year: int | None = None
    start_month: int | None = None
    end_year: int | None = None
    end_month: int | None = None
    text: str | None = None


def _month(name: str | None) -> int | None:
    return month_number(name)


def _period(kind: str, m: re.Match[str]) -> Period:
    if kind == "range":
        return Period(int(m["sy"]), _month(m["sm"]), int(m["ey"]), _month(m["em"]), m.group(0))
    if kind == "since":
        return Period(int(m["sy"]), _month(m["sm"]), text=m.group(0))
    if kind == "until":
        return Period(end_year=int(m["ey"]), end_month=_month(m["em"]), text=m.group(0))
    if kind == "in" or kind == "on_day" and m["sy"]:
        return Period(int(m["sy"]), _month(m["sm"]), text=m.group(0))
    return Period(start_month=_month(m["sm"]), text=m.group(0))


# The period phrases, the fuller first: a range, "since", "until", "in <year>", "on <month> <day>", "in <month>".
_PHRASES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("range", _RANGE), ("range", _DASH), ("since", _SINCE), ("until", _UNTIL), ("in", _IN), ("on_day", _ON_DAY),
    ("in_month", _IN_MONTH),
)


def find_periods(text: str) -> list[tuple[int, Period]]:
    """Every period phrase in `text`, fuller kinds first, each with where it starts; a phrase
    inside a fuller one already found is left out."""
    found: list[tuple[int, int, Period]] = []
    for kind, pattern in _PHRASES:
        for m in pattern.finditer(text):
            if not any(s <= m.start() < e for s, e, _ in found):
                found.append((m.start(), m.end(), _period(kind, m)))
    return [(start, period) for start, _, period in found]


def find_period(text: str) -> Period:
    """The first period phrase in `text`, by kind (a range before "since" before "until" …)."""
    found = find_periods(text)
    return found[0][1] if found else Period()
