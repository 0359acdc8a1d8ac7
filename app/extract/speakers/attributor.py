"""The article the speaker strategies read: the words around each quote, the subject of a
reporting verb, and who that subject is (by the article's resolver)."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from app.core.lexicon import LEXICON
from app.extract.quotes import QuoteSpan, quote_kind
from app.extract.resolve import SUBJECT_DEPS, Resolver
from app.extract.speakers.clauses import (
    CLIMB_DEPS,
    SENTENCE_END,
    Attribution,
    reporting,
)
from app.extract.types import text_of


@dataclass(frozen=True)
class QuoteAt:
    """One quote being attributed, with what the strategies read around it: the quote before it
    and who said that, the words before and after it in its sentence (nearest first before), and
    whether the quoted words end their sentence."""

    span: QuoteSpan
    previous: tuple[QuoteSpan, Attribution] | None
    before: list[Token]
    after: list[Token]
    ended: bool


class Attributor:
    def __init__(self, doc: Doc, resolver: Resolver):
        self.doc = doc
        self.text = text_of(doc)
        self._starts = doc.to_array("IDX").tolist() if len(doc) else []  # where each token starts
        self.resolver = resolver
        self.entities = resolver.entities
        self.quoted = resolver.quoted
        self.anonymous = LEXICON.anonymous_sources

    def look_at(self, span: QuoteSpan, previous: tuple[QuoteSpan, Attribution] | None) -> QuoteAt:
        ended = self.text[span.inner_start : span.inner_end].rstrip(" \"'”’").endswith((".", "!", "?"))
        return QuoteAt(span, previous, self.before(span), self.after(span), ended)

    # ----------------------------------------------------------------- windows
    def word_before(self, at: int) -> Token | None:
        """The last token that is not white space and starts before `at`."""
        i = bisect_left(self._starts, at) - 1
        while i >= 0 and self.doc[i].is_space:
            i -= 1
        return self.doc[i] if i >= 0 else None

    def same_paragraph(self, a: int, b: int) -> bool:
        lo, hi = min(a, b), max(a, b)
        return "\n\n" not in self.text[lo:hi]

    def after(self, span: QuoteSpan, limit: int = 22) -> list[Token]:
        out: list[Token] = []
        start = self.doc.char_span(span.end, len(self.text), alignment_mode="expand")
        if start is None:
            return out
        for token in self.doc[start.start :]:
            if token.idx < span.end:
                continue
            if not self.same_paragraph(span.end, token.idx) or self.quoted.covers(token.idx):
                break
            if token.text in SENTENCE_END or len(out) >= limit:
                break
            out.append(token)
        return out

    def before(self, span: QuoteSpan, limit: int = 30) -> list[Token]:
        out: list[Token] = []
        end = self.doc.char_span(0, span.start, alignment_mode="expand")
        if end is None:
            return out
        for token in reversed(self.doc[: end.end]):
            if token.idx >= span.start:
                continue
            if not self.same_paragraph(token.idx, span.start) or self.quoted.covers(token.idx):
                break
            if token.text in SENTENCE_END or len(out) >= limit:
                break
            out.append(token)
        return out  # nearest first

    def search_order(self, q: QuoteAt) -> tuple[tuple[list[Token], int], ...]:
        """(window, reach) pairs in the order they are searched for a reporting verb: just
        before, just after, then further out."""
        before, after = q.before, q.after
        order: tuple[tuple[list[Token], int], ...] = ((before, 3), (after, 6), (before, 6), (after, 22), (before, 30))
        inner = self.text[q.span.inner_start : q.span.inner_end].rstrip(" \"'”’")
        introducing = any(reporting(t) and all(x.is_punct or x.lower_ == "that" for x in before[:i])
                          for i, t in enumerate(before[:3]))  # 'Lee said, "…"'
        if inner.endswith(",") and any(reporting(t) for t in after[:4]) and not introducing:
            order = ((after, 6), *order)  # 'the four "…" he cited are "…," the paper reported.'
        if q.ended and quote_kind(self.text, q.span) == "partial":
            # 'Japan called it an "outlaw nation." Russia said …': what follows is a new sentence
            order = tuple((w, r) for w, r in order if w is not after)
        return order

    # ----------------------------------------------------------------- subjects
    def resolve(self, token: Token, before: int) -> tuple[str | None, float]:
        resolution = self.resolver.resolve(token, before)
        return resolution.ref, resolution.confidence

    def subject(self, verb: Token) -> Token | None:
        """The subject of a verb, climbing to the clause that governs it ('adding, …' takes its
        governing verb's subject), never into what another speaker reports."""
        node, hops = verb, 0
        while hops < 4:
            subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS and not self.quoted.covers(c.idx)
                        and c.ent_type_ not in ("DATE", "TIME")]  # "said Monday" parsed as a subject
            if subjects and hops and node.dep_ == "ccomp" and reporting(node.head):
                # 'Lee said it was early but added, "…"': climbed into what Lee reports; Lee's
                subjects = []
            if subjects:
                subject = min(subjects, key=lambda c: abs(c.i - node.i))
                if subject.lower_ in LEXICON.relative_pronouns and node.dep_ == "relcl":
                    return node.head  # "Lee, who said …": the one the clause is about
                return subject
            if node.dep_ not in CLIMB_DEPS or node.head is node or not self.same_paragraph(node.idx, node.head.idx):
                return None  # (a parse that ran across a paragraph break is not followed)
            node, hops = node.head, hops + 1
        return None

    def from_verb(self, verb: Token, window: list[Token], span: QuoteSpan) -> Attribution | None:
        """The speaker a reporting verb names: its subject, else ('…," said Kang') the name right
        after the verb (never after 'told': the listener) or just before it."""
        subject = self.subject(verb)
        if subject is None:
            listener = verb.lemma_.lower() in LEXICON.listener_verbs
            near = [t for t in window if 0 < t.i - verb.i <= 3 and not listener] + [
                t for t in window if 0 < verb.i - t.i <= 3
            ]
            # "Demanding … from Kim, Rep. Jo Lee, …, said": a person further off, not an object
            people = [t for t in window if 0 < abs(t.i - verb.i) <= 12 and t.ent_type_ == "PERSON"
                      and not (t.dep_ == "pobj") and not (listener and t.i > verb.i)]
            for t in near + people[-1:]:
                inverted_noun = (  # '," said the woman'
                    t.pos_ == "NOUN" and t.i == verb.i + 2 and self.doc[verb.i + 1].lower_ in ("the", "a", "an")
                    and verb.i > 0 and self.doc[verb.i - 1].text in (",", '"', "”", "’"))
                if t.ent_type_ in ("DATE", "TIME"):
                    continue
                if t.pos_ in ("PROPN", "PRON") or t.ent_type_ in ("PERSON", "ORG") or inverted_noun:
                    subject = t
                    if t.ent_type_ != "ORG" or not people:
                        break
            if subject is not None and subject.ent_type_ == "ORG" and people:
                subject = people[-1]
        if subject is None:
            return None
        ref, confidence = self.resolve(subject, span.start)
        if ref is None and confidence == 0.0 and subject.lower_ not in self.anonymous:
            if subject.pos_ not in ("NOUN", "PRON", "PROPN"):
                return None
        return Attribution(ref, verb.text, confidence, verb.idx, self.resolver.mention_span(subject))

    def may_introduce(self, verb: Token, before: bool) -> bool:
        """Whether a verb before (or after) the quote can be its reporting clause."""
        if (before and verb.dep_ == "relcl" and verb.head.dep_ in SUBJECT_DEPS
                and self.quoted.covers(verb.head.head.idx)):
            return False  # 'anybody who complains “is not having a good night”': the quote's own subject
        return not any(c.dep_ == "xcomp" and verb.i < c.i and not self.quoted.covers(c.idx)
                       and any(x.lower_ == "to" for x in c.children)
                       for c in verb.children)  # 'Lee will continue to be "…"'

    def by_name(self, label: str) -> str | None:
        """The person a transcript's turn label names by surname, given name or full name."""
        label = label.strip().lower()
        for e in self.entities.entities:
            if e.type == "person" and label in {w.lower() for w in (e.name.split()[0], e.name.split()[-1], e.name)}:
                return e.ref
        return None
