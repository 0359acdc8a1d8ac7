"""Policy claims: clauses that state a plan, commitment, target, deal, rule, position or
forecast, with claimant, amounts, target year and topics.

A clause is a claim when it states an amount or holds the frame of a commitment (a modal, a
future, a verb of planning, promising, proposing or backing: lexicon/commitment_markers.txt),
whether or not a cue word names its kind, so that background ("In 2006, he worked at …") is not
read as a claim. Its type is its cue's (lexicon/claim_cues.tsv), else its frame's
(lexicon/claim_frames.tsv). Who makes it is read by the tables of claimants.py.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from spacy.tokens import Doc, Span, Token

from app.core.lexicon import LEXICON
from app.extract.amounts import find_amounts
from app.extract.claimants import CONDITIONS, SOURCE_STRATEGIES, ClaimAt
from app.extract.clean import ABBREVIATION_END, WIRE_DATELINE
from app.extract.quotes import in_heading, question_paragraphs
from app.extract.resolve import Resolver
from app.extract.speakers import Spoken
from app.extract.types import ExtractedAmount, ExtractedClaim, text_of

_EDGE = " \n\t\"“”‘’'―—–-"
_TARGET_YEAR = re.compile(r"\b(?:by|until|through|before|in time for)\s+(?:the end of\s+)?((?:19|20)\d\d)\b", re.I)


def claim_type(text: str) -> str | None:
    """The type its cue words give a claim (lexicon/claim_cues.tsv), else None."""
    for kind, pattern in LEXICON.claim_cues:
        if pattern.search(text):
            return kind
    return None


def frame_type(text: str, amounts: tuple[ExtractedAmount, ...]) -> str:
    """The type of a claim no cue types, by its frame (lexicon/claim_frames.tsv): a target, a
    deal, a forecast, a position or a plan; else a program when it states money, a forecast
    otherwise ("sales rose 8 percent")."""
    for kind, pattern in LEXICON.claim_frames:
        if pattern.search(text):
            return kind
    return "program" if any(len(a.unit) == 3 and a.unit.isupper() for a in amounts) else "forecast"


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




ClauseCheck = Callable[["ClaimFinder", int, int], bool]


def reads_as_a_statement(f: ClaimFinder, start: int, end: int) -> bool:
    """Six to seventy words in one paragraph, not a question."""
    text = f.text[start:end]
    return 6 <= len(text.split()) <= 70 and "\n\n" not in text and not text.endswith("?")


def outside_interview_questions(f: ClaimFinder, start: int, end: int) -> bool:
    """Not in an interviewer's question (a Q&A's answers are the interviewee's claims)."""
    return f.text.count("\n\n", 0, start) not in f.questions


def outside_headings(f: ClaimFinder, start: int, end: int) -> bool:
    """Not in a headline, deck or subheading."""
    return not in_heading(f.text, start)


# What a clause must be before its words are read as a claim.
CLAUSE_CHECKS: tuple[ClauseCheck, ...] = (reads_as_a_statement, outside_interview_questions, outside_headings)


class ClaimFinder:
    def __init__(self, doc: Doc, resolver: Resolver, spoken: list[Spoken]):
        self.doc = doc
        self.text = text_of(doc)
        self.resolver = resolver
        self.entities = resolver.entities
        self.spoken = spoken
        self.pronouns_and_placeholders = LEXICON.pronouns | LEXICON.placeholder_subjects
        self.questions = question_paragraphs(self.text)
        self.found: list[ExtractedClaim] = []  # the claims read so far, in order

    def _speaker_of(self, start: int) -> tuple[bool, str | None]:
        for said in self.spoken:
            if said.span.inner_start <= start < said.span.inner_end:
                return True, said.quote.speaker
        return False, None

    def _tokens(self, start: int, end: int) -> list[Token]:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return list(span) if span is not None else []

    def _subjects(self, start: int, end: int) -> tuple[list[Token], list[Token]]:
        """The clause's tokens, and the subjects that may name its claimant: the main clause's
        first; past a placeholder ("The company plans …, it said"); past the main subject only a
        named actor ("as Acme sought to …")."""
        tokens = self._tokens(start, end)
        if tokens and tokens[0].sent.start_char < start:
            head = self.text[tokens[0].sent.start_char : start]
            if WIRE_DATELINE.fullmatch(head):  # the parse may hang the subject on the dateline
                tokens = self._tokens(tokens[0].sent.start_char, end)
        subjects = [t for t in tokens if t.dep_ in ("nsubj", "nsubjpass") and t.head.i >= tokens[0].i
                    and not any(m.dep_ == "mark" and m.lower_ in CONDITIONS for m in t.head.children)]
        roots = [t for t in subjects if t.head.dep_ == "ROOT"]
        ordered = roots + [t for t in subjects if t not in roots]
        main = ordered[:1]
        if ordered and ordered[0].lower_ in LEXICON.placeholder_subjects and len(ordered) > 1:
            ordered = ordered[1:2] + ordered[:1]
        return tokens, [subject for position, subject in enumerate(ordered) if not position or subject in main or (
            subject.lower_ not in self.pronouns_and_placeholders and subject.pos_ == "PROPN")]

    def claimant(self, start: int, end: int, quoted: bool, speaker: str | None) -> str | None:
        """Who makes the claim of [start, end): the first SOURCE_STRATEGIES answer."""
        tokens, subjects = self._subjects(start, end)
        at = ClaimAt(tokens, subjects, quoted, speaker)
        for strategy in SOURCE_STRATEGIES:
            answer = strategy(self, at)
            if answer is not None:
                return answer.ref
        return None

    def find(self) -> list[ExtractedClaim]:
        """Each clause that passes the CLAUSE_CHECKS and states an amount or holds the frame of a
        commitment, plan, forecast, target or position (lexicon/commitment_markers.txt), typed by
        its cue words, else by its frame."""
        claims: list[ExtractedClaim] = []
        self.found = claims  # what source_carried_on reads: the claims before the current one
        for sent in sentences(self.doc):
            for start, end in clauses(self.doc, sent):
                if not all(check(self, start, end) for check in CLAUSE_CHECKS):
                    continue
                text = self.text[start:end]
                amounts = tuple(a for a in find_amounts(sent) if start <= a.start and a.end <= end)
                if not amounts and not LEXICON.commitment_markers.search(text):
                    continue
                kind = claim_type(text) or frame_type(text, amounts)
                quoted, speaker = self._speaker_of(start)
                claims.append(ExtractedClaim(
                    text=text,
                    type=kind,
                    start=start,
                    end=end,
                    claimant=self.claimant(start, end, quoted, speaker),
                    amounts=amounts,
                    target_year=target_year(text),
                    topics=topics(text),
                ))
        return claims


def find_claims(doc: Doc, resolver: Resolver, spoken: list[Spoken]) -> list[ExtractedClaim]:
    """The article's policy claims; quoted clauses are their speakers' (`spoken`)."""
    return ClaimFinder(doc, resolver, spoken).find()
