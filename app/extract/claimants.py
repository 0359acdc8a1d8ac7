"""Who makes a claim: SOURCE_STRATEGIES read the claim's clause ("according to X", a study's
author, a plan's owner, the clause's subject, a plan's agent, the quote's speaker) and, for its
subjects, CLAIMANT_STRATEGIES ("we" in a quote, the agent of what describes it, a thing owned or
a thing done to it naming nobody, the name, pronoun or description, a possessive, a placeholder's
actor, an acting "it"). Each is tried in order; the first answer decides. A new way of naming a
claimant is a new strategy in a table here, with its own table test
(tests/extract/test_claim_strategies.py)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Token

from app.core.lexicon import LEXICON

if TYPE_CHECKING:
    from app.extract.claims import ClaimFinder

# "If Labour is elected, there will be …": the subject of a condition makes no claim of it.
CONDITIONS = ("if", "unless", "whether")


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


# Verbs whose passive subject still speaks or holds the post ("was quoted", "was appointed").
_SAYING_OR_POSTING = LEXICON.reporting_verbs | LEXICON.role_verbs


def passive_subject(f: ClaimFinder, c: ClauseAt) -> Claimant | None:
    """'Kim is suspected of …', 'the party has been rocked by allegations': what is done to a
    subject is not its claim; the agent's ('was proposed by the committee') when one is named (a
    statement or a plan that was issued is still its author's, an appointee's post his)."""
    verb = c.subject.head
    if c.subject.dep_ != "nsubjpass" or LEXICON.commitment_markers.search(verb.text) or \
            verb.lemma_.lower() in _SAYING_OR_POSTING or \
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


def author_of_a_study(f: ClaimFinder, c: ClaimAt) -> Claimant | None:
    """'In a survey conducted by the Drivers' Association, 93% …', 'figures from the ministry
    show …': the author of the study the clause reads from (lexicon/study_nouns.txt)."""
    for study in (t for t in c.tokens if t.lemma_.lower() in LEXICON.study_nouns and t.dep_ in ("pobj", "nsubj")):
        if study.dep_ == "pobj" and study.head.lower_ not in ("in", "from"):
            continue
        for inner in _sources_within(study):
            ref = f.resolver.resolve(inner, inner.idx, actor=True).ref
            if ref is not None:
                return Claimant(ref)
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


def source_carried_on(f: ClaimFinder, c: ClaimAt) -> Claimant | None:
    """'The council will spend £40m on schools, its leader said. The plan also sets aside £5m for
    libraries.': a claim that names no source of its own, in the writer's words, goes on with the
    source of the claim before it in the same paragraph."""
    if c.quoted or not c.tokens or not f.found:
        return None
    before = f.found[-1]
    start = c.tokens[0].idx
    if before.claimant is None or "\n\n" in f.text[before.end : start]:
        return None
    return Claimant(before.claimant)


# Tried in order for a claim's clause; the first answer decides (none: nobody is named).
SOURCE_STRATEGIES: tuple[SourceStrategy, ...] = (
    according_to_source, author_of_a_study, owner_of_the_plan_under, subject_of_the_clause, agent_of_a_plan,
    speaker_of_the_quote, source_carried_on,
)
