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


@dataclass(frozen=True)
class Period:
    start_year: int | None = None
    start_month: int | None = None
    end_year: int | None = None
    end_month: int | None = None
    text: str | None = None


def _month(name: str | None) -> int | None:
    return month_number(name)


def find_period(text: str) -> Period:
    """The first period phrase in `text` (a sentence holding a role)."""
    for pattern in (_RANGE, _DASH):
        if m := pattern.search(text):
            return Period(int(m["sy"]), _month(m["sm"]), int(m["ey"]), _month(m["em"]), m.group(0))
    if m := _SINCE.search(text):
        return Period(int(m["sy"]), _month(m["sm"]), text=m.group(0))
    if m := _UNTIL.search(text):
        return Period(end_year=int(m["ey"]), end_month=_month(m["em"]), text=m.group(0))
    if m := _IN.search(text):
        return Period(int(m["sy"]), _month(m["sm"]), text=m.group(0))
    if m := _IN_MONTH.search(text):
        return Period(start_month=_month(m["sm"]), text=m.group(0))
    return Period()
