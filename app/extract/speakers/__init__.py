"""Who said it: the reporting clause around a quote, pronouns, continuations, interviews.

For each quote, the words outside any quote in its sentence are searched for a reporting verb
(lexicon/reporting_verbs.txt): first just after the quote (", said X" / ", X said" / "he added"),
then before it ("X said, …" / "adding, …"), then further out. The verb's subject in the
dependency parse is the speaker; a participle ("adding", "saying") takes its governing verb's
subject. The resolver (resolve.py) says who a subject is: a pronoun the person it refers back to,
a title noun ("the minister") whoever the article gives that post, an organization noun ("the
company") the organization of that kind; an anonymous subject ("an official") names nobody and
keeps its words as the mention. Without a reporting clause: a colon's introducing clause, the
sentence a partial quote sits in, a sentence of reported speech just before, or the previous
quote's speaker when the quote follows it directly; an interview answer goes to the interviewee.
The ways are strategies.py's STRATEGIES, tried in order.
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from app.extract.confidence import CONFIDENCE
from app.extract.entities import ArticleEntities
from app.extract.quotes import QuoteSpan
from app.extract.resolve import Resolver
from app.extract.speakers.attributor import Attributor, QuoteAt
from app.extract.speakers.clauses import NOBODY, Attribution, Spoken
from app.extract.speakers.strategies import STRATEGIES

__all__ = ["Attribution", "Attributor", "QuoteAt", "Spoken", "attribute", "attribute_all", "interviewee"]


def attribute(attributor: Attributor, span: QuoteSpan, previous: tuple[QuoteSpan, Attribution] | None) -> Attribution:
    """The first strategy's answer for one quote, or nobody."""
    quote = attributor.look_at(span, previous)
    for strategy in STRATEGIES:
        found = strategy(attributor, quote)
        if found is not None:
            return found
    return NOBODY


def interviewee(entities: ArticleEntities, attributions: list[Attribution]) -> str | None:
    """The person quoted most outside the answers, else the person named most often."""
    spoken = Counter(a.speaker for a in attributions if a.speaker)
    people = {e.ref for e in entities.entities if e.type == "person"}
    for ref, _ in spoken.most_common():
        if ref in people:
            return ref
    named = Counter(m.ref for m in entities.mentions if m.ref in people)
    return named.most_common(1)[0][0] if named else None


def attribute_all(doc: Doc, resolver: Resolver, spans: list[QuoteSpan]) -> list[Attribution]:
    """Who said each quote, in order (each quote sees the one before it); an interview's answers
    are the interviewee's unless a reporting clause of their own says otherwise."""
    attributor = Attributor(doc, resolver)
    results: list[Attribution] = []
    previous: tuple[QuoteSpan, Attribution] | None = None
    for span in spans:
        attribution = attribute(attributor, span, previous)
        results.append(attribution)
        previous = (span, attribution)
    answers = [i for i, s in enumerate(spans) if s.answer]
    if answers:
        subject = interviewee(resolver.entities, [a for s, a in zip(spans, results, strict=True) if not s.answer])
        for i in answers:
            if results[i].speaker is None or results[i].cue is None:
                results[i] = Attribution(subject, None, CONFIDENCE.interviewee if subject else 0.0)
    return results
