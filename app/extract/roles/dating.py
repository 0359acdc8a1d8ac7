"""When a role was held and whether it still is: the period its own words give (periods.py),
else its line of the sentence; a period that has ended, or a departure said as done, makes it
former."""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from app.core.titles import normalize_title
from app.extract.periods import Period, find_period
from app.extract.roles.finder import STATUS
from app.extract.types import ExtractedRole, text_of

# Leaving a post, said as done ("resigned", "stepped down"), not as to come ("will step down").
_LEFT = re.compile(r"^[^.;]{0,40}?(?<!will )(?<!to )\b(?:resign(?:s|ed)|step(?:s|ped) down|quit|retire[sd]|"
                   r"(?:was|were|has been|had been) (?:fired|ousted|dismissed|sacked|removed))\b", re.I)


def dated(doc: Doc, role: ExtractedRole) -> ExtractedRole:
    span = doc.char_span(role.start, role.end, alignment_mode="expand")
    period = Period()
    if span is not None:
        # The role's own words first ("joined Acme in 2016 as …"), then its line of the sentence: a
        # period given for another post in a run-on line does not carry over.
        sentence = span.sent
        offset = role.start - sentence.start_char
        line_start = sentence.text.rfind("\n", 0, max(0, offset)) + 1
        line_end = sentence.text.find("\n", offset)
        line = sentence.text[line_start : line_end if line_end >= 0 else len(sentence.text)]
        period = find_period(span.text)
        if period.text is None:
            period = find_period(line)
    status = role.status
    if period and period.end_year and status == STATUS.current:
        status = STATUS.former  # "until 2020", "from 2015 to 2019"
    if status == STATUS.current and span is not None and _LEFT.search(text_of(doc)[role.end : span.sent.end_char]):
        status = STATUS.former  # "party leader Martin Cole resigned on Sunday"
    return replace(
        role,
        status=status,
        title_normalized=normalize_title(role.title),
        start_year=period.start_year if period else None,
        start_month=period.start_month if period else None,
        end_year=period.end_year if period else None,
        end_month=period.end_month if period else None,
        period_text=period.text if period else None,
    )
