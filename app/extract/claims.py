"""Policy claims: sentences that state a plan, commitment, target, deal, rule, position or
forecast, typed by the cue patterns in rules/claim_cues.tsv, with their claimant and amounts.

The claimant is the speaker when the sentence is quoted speech; otherwise the subject of the
sentence's main verb when it names a person or organization (a pronoun goes to the nearest person
named before it). A sentence whose subject names nobody ("the government") has no claimant.
"""
from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span

from app.extract.amounts import find_amounts
from app.extract.entities import ArticleEntities
from app.extract.quotes import QuoteSpan, question_paragraphs
from app.extract.rules import table, word_set
from app.extract.types import Claim, Quote

_EDGE = " \n\t\"“”‘’'―—–-"


@cache
def _cues() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in table("claim_cues.tsv"))


def claim_type(text: str) -> str | None:
    for kind, pattern in _cues():
        if pattern.search(text):
            return kind
    return None


def _trim(doc: Doc, sent: Span) -> tuple[int, int]:
    start, end = sent.start_char, sent.end_char
    while start < end and doc.text[start] in _EDGE:
        start += 1
    while end > start and doc.text[end - 1] in _EDGE:
        end -= 1
    return start, end


class ClaimFinder:
    def __init__(self, doc: Doc, entities: ArticleEntities, spans: list[QuoteSpan], quotes: list[Quote]):
        self.doc = doc
        self.entities = entities
        self.spans = spans
        self.quotes = quotes
        self.pronouns = word_set("pronouns.txt")
        self.people = {e.ref for e in entities.entities if e.type == "person"}

    def _speaker_of(self, start: int) -> tuple[bool, str | None]:
        for span, quote in zip(self.spans, self.quotes):
            if span.inner_start <= start < span.inner_end:
                return True, quote.speaker
        return False, None

    def _subject_ref(self, sent: Span) -> str | None:
        root = sent.root
        subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        for subject in subjects:
            for t in subject.subtree:
                m = self.entities.at(t.idx, t.idx + len(t.text))
                if m is not None:
                    return m.ref
            if subject.lower_ in self.pronouns and subject.lower_ not in ("i", "we", "they", "them"):
                found = self.entities.nearest_before(subject.idx, "person")
                return found.ref if found else None
        return None

    def find(self) -> list[Claim]:
        questions = question_paragraphs(self.doc.text)
        claims: list[Claim] = []
        for sent in self.doc.sents:
            start, end = _trim(self.doc, sent)
            text = self.doc.text[start:end]
            n_words = len(text.split())
            if n_words < 6 or n_words > 70 or "\n\n" in text:
                continue
            paragraph = self.doc.text.count("\n\n", 0, start)
            if paragraph in questions or text.endswith("?"):
                continue
            kind = claim_type(text)
            if kind is None:
                continue
            quoted, speaker = self._speaker_of(start)
            claimant = speaker if quoted else self._subject_ref(sent)
            amounts = tuple(find_amounts(sent))
            claims.append(Claim(text, kind, start, end, claimant, amounts))
        return claims


def find_claims(doc: Doc, entities: ArticleEntities, spans: list[QuoteSpan], quotes: list[Quote]) -> list[Claim]:
    return ClaimFinder(doc, entities, spans, quotes).find()
