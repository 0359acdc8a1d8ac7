"""Indirect speech: "X said (that) the deal would help…" as quotes of kind `indirect`.

A reporting verb whose clausal complement (spaCy's `ccomp`) is not already a direct quote gives
the complement as the reported content and the verb's subject as its speaker.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from app.core.lexicon import LEXICON
from app.extract.confidence import CONFIDENCE
from app.extract.quotes import Quoted, QuoteSpan, in_heading
from app.extract.resolve import Resolver
from app.extract.types import ExtractedQuote, text_of

_EDGE = " ,;:\"“”‘’'"


def _trim_end(tokens: list[Token]) -> list[Token]:
    while tokens and tokens[-1].is_punct and tokens[-1].text not in ("”", '"', "’", "'"):
        tokens = tokens[:-1]
    return tokens


def _content_span(doc: Doc, clause: Token) -> tuple[int, int]:
    tokens = [t for t in clause.subtree]
    verbs = LEXICON.indirect_verbs
    for k, t in enumerate(tokens):
        if k and t.dep_ == "conj" and t.lemma_.lower() in verbs and t.pos_ == "VERB":
            # "…was made by the commissioner and said, '…'": a second report is not the content
            cut = k
            while cut and (tokens[cut - 1].dep_ == "cc" or tokens[cut - 1].is_punct):
                cut -= 1
            tokens = tokens[:cut]
            break
    while tokens and (tokens[0].dep_ == "mark" or tokens[0].is_punct):
        tokens = tokens[1:]
    tokens = _trim_end(tokens)
    if tokens and tokens[-1].dep_ == "cc":
        # "…in July, and 'preferably before August.'": the conjunct the parser hung elsewhere is
        # still the report's, unless it is a clause with a subject of its own
        rest = [t for t in doc[tokens[-1].i + 1 : tokens[-1].sent.end]]
        if rest and not any(t.dep_ in ("nsubj", "nsubjpass") for t in rest):
            tokens = _trim_end(tokens + rest)
        else:
            tokens = _trim_end(tokens[:-1])
    if not tokens:
        return clause.idx, clause.idx
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    while start < end and text_of(doc)[start] in _EDGE:
        start += 1
    while end > start and text_of(doc)[end - 1] in " ,;:":
        end -= 1
    return start, end


def _outer_source(doc: Doc, verb: Token, verbs: frozenset[str], quoted: Quoted,
                  content: tuple[int, int]) -> Token | None:
    """Whose report the report is: 'X said …, according to the paper' or 'X said …, the paper
    reported' gives the paper (the writer vouches only for what the paper says)."""
    sentence = verb.sent
    for t in sentence:
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to" and \
                not content[0] <= t.idx < content[1] and not quoted.covers(t.idx):
            objects = [c for c in doc[t.i + 1].children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    node = verb
    while node.dep_ in ("ccomp", "parataxis") and node.head is not node:
        node = node.head
        if "\n\n" in text_of(doc)[verb.idx : node.idx]:
            break  # the parse ran across a paragraph break
        if node.pos_ == "VERB" and node.lemma_.lower() in verbs and node.i > verb.i:
            outer = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
            if outer:
                return outer[0]
    return None


def find_indirect(doc: Doc, spans: list[QuoteSpan], resolver: Resolver) -> list[ExtractedQuote]:
    """Each report of speech outside the quotes `spans` as a quote of kind `indirect`, its
    speaker read by the article's resolver."""
    verbs = LEXICON.indirect_verbs
    generic = LEXICON.generic_subjects
    quoted = Quoted(spans)
    found = []
    for token in doc:
        if token.pos_ != "VERB" or token.lemma_.lower() not in verbs:
            continue
        if quoted.covers(token.idx):
            continue
        clauses = [c for c in token.children if c.dep_ == "ccomp" and c.i > token.i]
        subjects = sorted(
            (c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), key=lambda c: abs(c.i - token.i)
        )
        if not clauses or not subjects or subjects[0].lower_ in generic or subjects[0].dep_ == "expl":
            continue
        sentence = token.sent.text.strip().rstrip("\"”’'")
        if sentence.endswith("?") or in_heading(text_of(doc), token.idx):
            continue
        start, end = _content_span(doc, clauses[0])
        if len(text_of(doc)[start:end].split()) < 4 or "\n\n" in text_of(doc)[start:end]:
            continue
        if quoted.share(start, end) > 0.5:
            continue
        source = _outer_source(doc, token, verbs, quoted, (start, end))
        subject = source if source is not None else subjects[0]
        who = resolver.resolve(subject, subject.idx)
        found.append(ExtractedQuote(text_of(doc)[start:end], "indirect", start, end, who.ref, token.text,
                           who.confidence * CONFIDENCE.indirect_factor, who.mention))
    return found
