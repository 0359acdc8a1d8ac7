"""Policy claims: clauses that state a plan, commitment, target, deal, rule, position or
forecast, with claimant, amounts, target year and topics.

A clause is a claim when it states an amount or holds the frame of a commitment (a modal, a
future, a verb of planning, promising, proposing or backing: lexicon/commitment_markers.txt),
whether or not a cue word names its kind, so that background ("In 2006, he worked at …") is not
read as a claim. Its type is its cue's (lexicon/claim_cues.tsv), else its frame's
(lexicon/claim_frames.tsv). The claimant is the clause's
named subject; quoted speech without one belongs to its speaker; "it"/"this" subjects take the
organization or person the clause names as an actor; an unnamed body ("the government") gives
no claimant.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from app.core.lexicon import LEXICON
from app.extract.amounts import find_amounts
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


# "If Labour is elected, there will be …": the subject of a condition makes no claim of it.
_CONDITIONS = ("if", "unless", "whether")


@dataclass(frozen=True)
class ClauseAt:
    """A claim's clause as the claimant strategies read it: its tokens, the subject in question,
    and, for a clause inside a quote, the quote's speaker."""

    tokens: list[Token]
    subject: Token
    quoted: bool
    speaker: str | None


@dataclass(frozen=True)
class Claimant:
    """A strategy's answer: who makes the claim (None: the clause names nobody)."""

    ref: str | None


ClaimantStrategy = Callable[["ClaimFinder", ClauseAt], Claimant | None]


def first_person(f: ClaimFinder, c: ClauseAt) -> Claimant | None:
    """'we will', 'our plan': in a quote, its speaker; in the writer's own words, nobody."""
    word = c.subject.lower_
    if word in ("i", "we") or any(x.dep_ == "poss" and x.lower_ in ("our", "my") for x in c.subject.children):
        return Claimant(c.speaker if c.quoted else None)
    return None


def possessed_thing(f: ClaimFinder, c: ClauseAt) -> Claimant | None:
    """'BA's shares closed up', 'shares of Acme rose', "Kim's wife is accused": a thing or a
    relative of someone is no one's claim (a plan, a body or a post of someone's is: 'its plan',
    'Acme's board')."""
    subject = c.subject
    owned = any(x.dep_ == "poss" for x in subject.children) or any(
        x.dep_ == "prep" and x.lower_ == "of" for x in subject.children)
    lemma = subject.lemma_.lower()
    if subject.pos_ != "NOUN" or not owned or lemma in _SPEAKING_NOUNS or lemma in f.resolver.titles:
        return None
    return Claimant(None)


def passive_subject(f: ClaimFinder, c: ClauseAt) -> Claimant | None:
    """'Kim is suspected of …', 'the party has been rocked by allegations': what is done to a
    subject is not its claim; the agent's ('was proposed by the committee') when one is named (a
    statement or a plan that was issued is still its author's, an appointee's post his)."""
    verb = c.subject.head
    if c.subject.dep_ != "nsubjpass" or LEXICON.commitment_markers.search(verb.text) or \
            verb.lemma_.lower() in LEXICON.reporting_verbs | LEXICON.role_verbs or \
            c.subject.lemma_.lower() in _SPEAKING_NOUNS or c.subject.pos_ not in ("NOUN", "PROPN"):
        return None
    for agent in (g for p in verb.children if p.dep_ == "agent" for g in p.children if g.dep_ == "pobj"):
        return Claimant(f.resolver.resolve(agent, agent.idx, actor=True).ref)
    return Claimant(None)


def resolved_subject(f: ClaimFinder, c: ClauseAt) -> Claimant | None:
    """The subject as the article's resolver reads an actor: a name, a pronoun, a description
    ("the committee", "the company")."""
    resolution = f.resolver.resolve(c.subject, c.subject.idx, actor=True)
    return Claimant(resolution.ref) if resolution.ref is not None else None


def possessive_owner(f: ClaimFinder, c: ClauseAt) -> Claimant | None:
    """'its plan', 'his proposal': the entity named last before the subject."""
    if not any(x.dep_ == "poss" and x.lower_ in ("its", "his", "her") for x in c.subject.children):
        return None
    found = [m for m in f.entities.mentions if m.end <= c.subject.idx]
    return Claimant(found[-1].ref if found else None)


def placeholder_actor(f: ClaimFinder, c: ClauseAt) -> Claimant | None:
    """'It was part of the chips Acme agreed to supply': the actor the clause names."""
    if c.subject.lower_ not in LEXICON.placeholder_subjects:
        return None
    for t in c.tokens:
        if t.dep_ in ("nsubj", "nsubjpass", "poss", "compound") and t is not c.subject:
            named = f.entities.at(t.idx, t.idx + len(t.text))
            if named is not None:
                return Claimant(named.ref)
    return None


def organization_it(f: ClaimFinder, c: ClauseAt) -> Claimant | None:
    """'It added that it plans to invest …', 'it said sales would rise', 'it raised the surcharge':
    'it' saying, planning, committing or acting is the organization last named as a subject, else
    the article's main company (an 'it' that only opens a sentence, "it is thought …", names nobody)."""
    head = c.subject.head
    acting = head.pos_ == "VERB" and head.lemma_.lower() != "be" and not any(x.dep_ == "auxpass" for x in head.children)
    if c.subject.lower_ != "it" or c.subject.dep_ != "nsubj" or not (head.lemma_.lower() in LEXICON.reporting_verbs
                                        or LEXICON.commitment_markers.search(head.text) or acting):
        return None
    found = f.resolver.organization_before(c.subject.idx)
    return Claimant(found) if found is not None else None


def agent_of_the_subject(f: ClaimFinder, c: ClauseAt) -> Claimant | None:
    """'The figure announced by President X is …', 'savings identified by X': the agent of the
    verb that describes the subject."""
    for verb in (v for v in c.subject.children if v.dep_ == "acl"):
        for agent in (g for p in verb.children if p.dep_ == "agent" for g in p.children if g.dep_ == "pobj"):
            ref = f.resolver.resolve(agent, agent.idx, actor=True).ref
            if ref is not None:
                return Claimant(ref)
    return None


# Tried in order for each subject of the clause (the main clause's first); the first answer decides.
CLAIMANT_STRATEGIES: tuple[ClaimantStrategy, ...] = (
    first_person, agent_of_the_subject, possessed_thing, passive_subject, resolved_subject, possessive_owner,
    placeholder_actor, organization_it,
)
# Nouns whose owner speaks or acts through them: "its plan", "Acme's board", "the party's leader".
_SPEAKING_NOUNS = (LEXICON.plan_nouns | LEXICON.result_nouns | LEXICON.org_nouns | LEXICON.speech_nouns
                   | LEXICON.document_nouns | LEXICON.person_nouns | LEXICON.government_nouns)


@dataclass(frozen=True)
class ClaimAt:
    """A claim's clause as the source strategies read it: its tokens, the subjects that may name
    its claimant (the main clause's first), and, inside a quote, the quote's speaker."""

    tokens: list[Token]
    subjects: list[Token]
    quoted: bool
    speaker: str | None


SourceStrategy = Callable[["ClaimFinder", ClaimAt], Claimant | None]


def according_to_source(f: ClaimFinder, c: ClaimAt) -> Claimant | None:
    """'…, according to Finance Minister Jo Park': the source the writer gives."""
    for token in c.tokens:
        if token.lower_ != "according" or token.i + 1 >= len(f.doc) or f.doc[token.i + 1].lower_ != "to":
            continue
        for source in (t for t in f.doc[token.i + 1].children if t.dep_ == "pobj"):
            resolution = f.resolver.resolve(source, source.idx, actor=True)
            if resolution.ref is not None:
                return Claimant(resolution.ref)
            for inner in _sources_within(source):  # "according to data disclosed by Rep. Choi", "… of his review"
                ref = _last_named_person(f, inner.idx) if inner.lower_ in ("his", "her") \
                    else f.resolver.resolve(inner, inner.idx, actor=True).ref
                if ref is not None:
                    return Claimant(ref)
    return None


def _last_named_person(f: ClaimFinder, before: int) -> str | None:
    """'his review': the person last named before, in the writer's words."""
    found = f.resolver.entities.nearest_before(before, "person", f.resolver.quoted.covers)
    return found.ref if found is not None else None


def _sources_within(thing: Token) -> list[Token]:
    """Who a document or a figure comes from, inside its phrase: its owner ('his review'), the
    agent of its verb ('data disclosed by X') or what 'of' or 'from' names ('a report from X')."""
    found = []
    for t in thing.subtree:
        if t.i == thing.i:
            continue
        if t.dep_ == "poss" or t.dep_ == "pobj" and t.head.dep_ == "agent" or \
                t.dep_ == "pobj" and t.head.lower_ in ("of", "from") and t.head.head.i == thing.i:
            found.append(t)
    return found


def subject_of_the_clause(f: ClaimFinder, c: ClaimAt) -> Claimant | None:
    """Who the clause's subjects name, by the CLAIMANT_STRATEGIES."""
    for subject in c.subjects:
        clause = ClauseAt(c.tokens, subject, c.quoted, c.speaker)
        for strategy in CLAIMANT_STRATEGIES:
            answer = strategy(f, clause)
            if answer is not None:  # nobody by its subject: a plan's agent or the quote's speaker may be
                return answer if answer.ref is not None else None
    return None


def agent_of_a_plan(f: ClaimFinder, c: ClaimAt) -> Claimant | None:
    """'plans by BT to offer …', 'Mr James' proposals', 'the chancellor's announcement': the one
    whose plan it is (lexicon/plan_nouns.txt), by 'by' or a possessive."""
    for token in c.tokens:
        if token.lemma_.lower() not in LEXICON.plan_nouns:
            continue
        agents = [g for p in token.children if p.dep_ == "prep" and p.lower_ == "by" for g in p.children
                  if g.dep_ == "pobj"] + [p for p in token.children if p.dep_ == "poss"]
        for agent in agents:
            resolution = f.resolver.resolve(agent, agent.idx, actor=True)
            if resolution.ref is not None:
                return Claimant(resolution.ref)
    return None


def owner_of_the_plan_under(f: ClaimFinder, c: ClaimAt) -> Claimant | None:
    """'Under the restructuring plans, X will become …': what a plan sets out is its owner's, by
    its possessive or 'by', else the organization the article last named acting."""
    opening = c.tokens[:2]
    if len(opening) < 2 or opening[0].lower_ != "under":
        return None
    plan = next((t for t in opening[0].children if t.dep_ == "pobj"), None)
    if plan is None or plan.lemma_.lower() not in LEXICON.plan_nouns:
        return None
    for owner in (t for t in plan.subtree if t.dep_ == "poss" or t.dep_ == "pobj" and t.head.dep_ == "agent"):
        ref = f.resolver.resolve(owner, owner.idx, actor=True).ref
        if ref is not None:
            return Claimant(ref)
    found = f.resolver.organization_before(opening[0].idx)
    return Claimant(found) if found is not None else None


def speaker_of_the_quote(f: ClaimFinder, c: ClaimAt) -> Claimant | None:
    """A clause inside a quote that names no one else is its speaker's."""
    return Claimant(c.speaker) if c.quoted else None


# Tried in order for a claim's clause; the first answer decides (none: nobody is named).
SOURCE_STRATEGIES: tuple[SourceStrategy, ...] = (
    according_to_source, owner_of_the_plan_under, subject_of_the_clause, agent_of_a_plan, speaker_of_the_quote,
)


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
                    and not any(m.dep_ == "mark" and m.lower_ in _CONDITIONS for m in t.head.children)]
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
