"""When a role was held and whether it still is: the period phrases ("from 2011 to 2016", "since
2022", "until March", "in 2016": periods.py) that belong to the role's own clause. A phrase
belongs to it when it stands in the role's own words ("chief executive of Acme since 2019"), or
when the parse hangs it on the title or on the verb that states the post (lexicon/role_verbs.txt:
"has served as mayor since 2022", "joined Acme in 2016 as …", "From 2015 to 2019, Park was …");
never a date on another verb of the sentence (an investment "through 2030", a departure "in
June", a year inside a quote). A period that has ended, or a departure said as done, makes the
role former."""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from app.core.lexicon import LEXICON
from app.core.titles import normalize_title
from app.extract.periods import Period, find_periods
from app.extract.roles.finder import STATUS
from app.extract.types import ExtractedRole, text_of

# Leaving a post, said as done ("resigned", "stepped down"), not as to come ("will step down").
_LEFT = re.compile(r"^[^.;]{0,40}?(?<!will )(?<!to )\b(?:resign(?:s|ed)|step(?:s|ped) down|quit|retire[sd]|"
                   r"(?:was|were|has been|had been) (?:fired|ousted|dismissed|sacked|removed))\b", re.I)
_PREDICATE_POS = ("VERB", "AUX")
# A clause that tells when its head's event happened: "expanded in October, when he was named …"
# dates the naming by the head's date.
_WHEN_LINKS = ("when",)


def _title_head(doc: Doc, role: ExtractedRole, span: Span) -> Token:
    """The head word of the role's title where its words stand, else of the role's span."""
    at = text_of(doc).lower().find(role.title.lower(), role.start, role.end)
    title = doc.char_span(at, at + len(role.title), alignment_mode="expand") if at >= 0 else None
    return (title or span).root


def _anchors(head: Token) -> set[int]:
    """The tokens a period phrase may hang on to date the role: the title and the words it
    hangs on up to its clause's verb, that verb only when it states a post."""
    anchors = {head.i}
    token = head
    while token.head.i != token.i:
        if token.dep_ == "appos":
            break  # "X, the head of Y, was appointed … on June 15": the date is the new post's
        token = token.head
        anchors.update(c.i for c in token.children  # "chairman X, who has led the board since 2019"
                       if c.dep_ == "relcl" and token.pos_ == "PROPN" and c.lemma_.lower() in LEXICON.role_verbs)
        if token.pos_ in _PREDICATE_POS:
            if token.lemma_.lower() in LEXICON.role_verbs:
                anchors.add(token.i)
                if any(c.lower_ in _WHEN_LINKS for c in token.children) and token.head.i != token.i:
                    anchors.add(token.head.i)
            break
        anchors.add(token.i)
    return anchors


def _own_period(doc: Doc, role: ExtractedRole) -> Period:
    span = doc.char_span(role.start, role.end, alignment_mode="expand")
    if span is None:
        return Period()
    head = _title_head(doc, role, span)
    anchors = _anchors(head)
    subtree = {t.i for t in head.subtree}
    sentence = span.sent
    for offset, period in find_periods(sentence.text):
        at = sentence.start_char + offset
        if role.start <= at < role.end:
            return period  # in the role's own words
        phrase = doc.char_span(at, at + len(period.text or " "), alignment_mode="expand")
        if phrase is None:
            continue
        first = phrase[0]
        anchor = first.head if first.dep_ == "prep" or first.head.dep_ != "prep" else first.head.head
        if first.i in subtree or anchor.i in anchors or any(t.i in anchors for t in phrase):
            return period
    return Period()


def dated(doc: Doc, role: ExtractedRole) -> ExtractedRole:
    period = _own_period(doc, role)
    status = role.status
    if period and period.end_year and status == STATUS.current:
        status = STATUS.former  # "until 2020", "from 2015 to 2019"
    span = doc.char_span(role.start, role.end, alignment_mode="expand")
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
