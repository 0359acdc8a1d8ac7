"""Policy claims: clauses that state a plan, commitment, target, deal, rule, position or
forecast, typed by the cue patterns in lexicon/claim_cues.tsv, with claimant, amounts, target
year and topics.

A clause needs a cue for its type and, unless it carries an amount, a commitment marker (a
modal, a future, a verb of deciding or promising: lexicon/commitment_markers.txt), so that
background ("In 2006, he worked at …") is not read as a claim. The claimant is the clause's
named subject; quoted speech without one belongs to its speaker; "it"/"this" subjects take the
organization or person the clause names as an actor; an unnamed body ("the government") gives
no claimant.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from app.core.lexicon import LEXICON
from app.extract.amounts import find_amounts
from app.extract.clean import ABBREVIATION_END, WIRE_DATELINE
from app.extract.quotes import in_heading, question_paragraphs
from app.extract.resolve import Resolver
from app.extract.speakers import Spoken
from app.extract.types import Claim, text_of

_EDGE = " \n\t\"“”‘’'―—–-"
_TARGET_YEAR = re.compile(r"\b(?:by|until|through|before|in time for)\s+(?:the end of\s+)?((?:19|20)\d\d)\b", re.I)
_PLACEHOLDER_SUBJECTS = LEXICON.placeholder_subjects


def claim_type(text: str) -> str | None:
    for kind, pattern in LEXICON.claim_cues:
        if pattern.search(text):
            return kind
    return None


def topics(text: str) -> tuple[str, ...]:
    return tuple(topic for topic, pattern in LEXICON.topics if pattern.search(text))


def target_year(text: str) -> int | None:
    m = _TARGET_YEAR.search(text)
    return int(m.group(1)) if m else None


def sentences(doc: Doc) -> Iterator[Span]:
    """spaCy's sentences, rejoined where it split after an abbreviation ('Acme Corp. CEO …')."""
    pending: Span | None = None
    for sent in doc.sents:
        if pending is not None:
            sent = doc[pending.start : sent.end]
        if ABBREVIATION_END.search(sent.text.rstrip()) and sent.end < len(doc):
            pending = sent
            continue
        pending = None
        yield sent
    if pending is not None:
        yield pending


def clauses(doc: Doc, sent: Span) -> Iterator[tuple[int, int]]:
    """The sentence cut at semicolons, edges trimmed of quote marks and dashes."""
    start = sent.start_char
    text = text_of(doc)[start : sent.end_char]
    dateline = WIRE_DATELINE.match(text)
    if dateline:  # "NORDPORT, Jan. 2 (Wirepress) -- " is where the story was filed, not the claim
        start += dateline.end()
        text = text[dateline.end():]
    pos = 0
    for piece in re.split(r"(;\s+)", text):
        if not piece.startswith(";"):
            a, b = start + pos, start + pos + len(piece)
            while a < b and text_of(doc)[a] in _EDGE:
                a += 1
            while b > a and text_of(doc)[b - 1] in _EDGE:
                b -= 1
            if b > a:
                yield a, b
        pos += len(piece)


class ClaimFinder:
    def __init__(self, doc: Doc, resolver: Resolver, spoken: list[Spoken]):
        self.doc = doc
        self.resolver = resolver
        self.entities = resolver.entities
        self.spoken = spoken
        self.pronouns_and_placeholders = LEXICON.pronouns | _PLACEHOLDER_SUBJECTS

    def _speaker_of(self, start: int) -> tuple[bool, str | None]:
        for said in self.spoken:
            if said.span.inner_start <= start < said.span.inner_end:
                return True, said.quote.speaker
        return False, None

    def _tokens(self, start: int, end: int) -> list[Token]:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return list(span) if span is not None else []

    def _claimant(self, start: int, end: int, quoted: bool, speaker: str | None) -> str | None:
        """The clause's subject as the resolver reads it: a name, a pronoun, a description
        ("the committee", "the company"); "we"/"our" in a quote are its speaker."""
        tokens = self._tokens(start, end)
        if tokens and tokens[0].sent.start_char < start:
            head = text_of(self.doc)[tokens[0].sent.start_char : start]
            if WIRE_DATELINE.fullmatch(head):  # the parse may hang the subject on the dateline
                tokens = self._tokens(tokens[0].sent.start_char, end)
        subjects = [t for t in tokens if t.dep_ in ("nsubj", "nsubjpass") and t.head.i >= tokens[0].i]
        roots = [t for t in subjects if t.head.dep_ == "ROOT"]
        # The main clause's subject first; "The company plans …, it said": past a placeholder
        ordered = roots + [t for t in subjects if t not in roots]
        if ordered and ordered[0].lower_ in _PLACEHOLDER_SUBJECTS and len(ordered) > 1:
            ordered = ordered[1:2] + ordered[:1]
        for position, subject in enumerate(ordered):
            if position and (subject.lower_ in self.pronouns_and_placeholders or subject.pos_ != "PROPN"):
                continue  # past the main subject only a named actor counts ("as Acme sought to …")
            word = subject.lower_
            first_person = word in ("i", "we") or any(
                c.dep_ == "poss" and c.lower_ in ("our", "my") for c in subject.children)
            if first_person:
                return speaker if quoted else None
            resolution = self.resolver.resolve(subject, subject.idx, actor=True)
            if resolution.ref is not None:
                return resolution.ref
            possessive = [c for c in subject.children if c.dep_ == "poss" and c.lower_ in ("its", "his", "her")]
            if possessive:
                found = [m for m in self.entities.mentions if m.end <= subject.idx]
                return found[-1].ref if found else None
            if word in _PLACEHOLDER_SUBJECTS:
                # "It was part of the chips Acme agreed to supply": the named actor.
                for t in tokens:
                    if t.dep_ in ("nsubj", "nsubjpass", "poss", "compound") and t is not subject:
                        named = self.entities.at(t.idx, t.idx + len(t.text))
                        if named is not None:
                            return named.ref
        return speaker if quoted else None

    def find(self) -> list[Claim]:
        questions = question_paragraphs(text_of(self.doc))
        claims: list[Claim] = []
        for sent in sentences(self.doc):
            for start, end in clauses(self.doc, sent):
                text = text_of(self.doc)[start:end]
                if not 6 <= len(text.split()) <= 70 or "\n\n" in text or text.endswith("?"):
                    continue
                if text_of(self.doc).count("\n\n", 0, start) in questions or in_heading(text_of(self.doc), start):
                    continue
                kind = claim_type(text)
                if kind is None:
                    continue
                amounts = tuple(a for a in find_amounts(sent) if start <= a.start and a.end <= end)
                if not amounts and not LEXICON.commitment_markers.search(text):
                    continue
                quoted, speaker = self._speaker_of(start)
                claims.append(Claim(
                    text=text,
                    type=kind,
                    start=start,
                    end=end,
                    claimant=self._claimant(start, end, quoted, speaker),
                    amounts=amounts,
                    target_year=target_year(text),
                    topics=topics(text),
                ))
        return claims


def find_claims(doc: Doc, resolver: Resolver, spoken: list[Spoken]) -> list[Claim]:
    """The article's policy claims; quoted clauses are their speakers' (`spoken`)."""
    return ClaimFinder(doc, resolver, spoken).find()
