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
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from app.core.lexicon import LEXICON
from app.extract.entities import ArticleEntities, clean_person
from app.extract.quotes import SPEAKER_LABEL, QuoteSpan, quote_kind
from app.extract.resolve import SUBJECT_DEPS, Resolver
from app.extract.types import text_of

_SENTENCE_END = {".", "!", "?"}
_SIGNATURE = re.compile(r"^\s*[―—–-]{1,2}\s*(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})")
_EMPTY_SUBJECTS = LEXICON.empty_subjects
_CLIMB_DEPS = {"advcl", "xcomp", "conj", "pcomp", "ccomp", "acl", "prep", "pobj", "dep"}


@dataclass(frozen=True)
class Attribution:
    speaker: str | None
    cue: str | None
    confidence: float
    verb_start: int | None = None
    mention: tuple[int, int] | None = None  # the words that name or refer to the speaker


def _reporting(token: Token) -> bool:
    if token.pos_ not in ("VERB", "AUX"):
        return False
    if token.lemma_.lower() == "put":  # "as Lee put it, …"
        return any(c.lower_ == "it" for c in token.children) and any(c.lower_ == "as" for c in token.children)
    return token.lemma_.lower() in LEXICON.reporting_verbs


def _verb_forms(token: Token) -> set[str]:
    word = token.lower_
    return {token.lemma_.lower(), word, word[:-1], word[:-2]}


_LISTENER_VERBS = LEXICON.listener_verbs


def _reports_own_content(verb: Token, quoted: list[tuple[int, int]]) -> bool:
    """A verb with a clause or an object of its own after it (not a quote) reports that, not a
    quote beside it."""
    if not _reporting(verb):
        return False
    return any((c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "dobj" and verb.lemma_.lower() not in _LISTENER_VERBS))
               and c.i > verb.i and not any(s <= c.idx < e for s, e in quoted)
               for c in verb.children)


class Attributor:
    def __init__(self, doc: Doc, entities: ArticleEntities, spans: list[QuoteSpan], roles=()):
        self.doc = doc
        self.entities = entities
        self.spans = spans
        self.resolver = Resolver(doc, entities, roles, [(s.start, s.end) for s in spans])
        self.quoted = [(s.start, s.end) for s in spans]
        self.anonymous = LEXICON.anonymous_sources

    # ----------------------------------------------------------------- windows
    def _quoted_at(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.quoted)

    def _inside_quote(self, token: Token) -> bool:
        return any(s <= token.idx < e for s, e in self.quoted)

    def _same_paragraph(self, a: int, b: int) -> bool:
        lo, hi = min(a, b), max(a, b)
        return "\n\n" not in text_of(self.doc)[lo:hi]

    def _after(self, span: QuoteSpan, limit: int = 22) -> list[Token]:
        out: list[Token] = []
        start = self.doc.char_span(span.end, len(text_of(self.doc)), alignment_mode="expand")
        if start is None:
            return out
        for token in self.doc[start.start :]:
            if token.idx < span.end:
                continue
            if not self._same_paragraph(span.end, token.idx) or self._inside_quote(token):
                break
            if token.text in _SENTENCE_END or len(out) >= limit:
                break
            out.append(token)
        return out

    def _before(self, span: QuoteSpan, limit: int = 30) -> list[Token]:
        out: list[Token] = []
        end = self.doc.char_span(0, span.start, alignment_mode="expand")
        if end is None:
            return out
        for token in reversed(self.doc[: end.end]):
            if token.idx >= span.start:
                continue
            if not self._same_paragraph(token.idx, span.start) or self._inside_quote(token):
                break
            if token.text in _SENTENCE_END or len(out) >= limit:
                break
            out.append(token)
        return out  # nearest first

    # ----------------------------------------------------------------- subjects
    def resolve(self, token: Token, before: int) -> tuple[str | None, float]:
        resolution = self.resolver.resolve(token, before)
        return resolution.ref, resolution.confidence

    def _subject(self, verb: Token) -> Token | None:
        node, hops = verb, 0
        while hops < 4:
            subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS and not self._inside_quote(c)
                        and c.ent_type_ not in ("DATE", "TIME")]  # "said Monday" parsed as a subject
            if subjects and hops and node.dep_ == "ccomp" and _reporting(node.head):
                # 'Lee said it was early but added, "…"': climbed into what Lee reports; Lee's
                subjects = []
            if subjects:
                subject = min(subjects, key=lambda c: abs(c.i - node.i))
                if subject.lower_ in LEXICON.relative_pronouns and node.dep_ == "relcl":
                    return node.head  # "Lee, who said …": the one the clause is about
                return subject
            if node.dep_ not in _CLIMB_DEPS or node.head is node or not self._same_paragraph(node.idx, node.head.idx):
                return None  # (a parse that ran across a paragraph break is not followed)
            node, hops = node.head, hops + 1
        return None

    def _from_verb(self, verb: Token, window: list[Token], span: QuoteSpan) -> Attribution | None:
        subject = self._subject(verb)
        if subject is None:
            # '…," said Kang': the name right after the verb (never after 'told': the listener); or
            # just before it
            listener = verb.lemma_.lower() in _LISTENER_VERBS
            near = [t for t in window if 0 < t.i - verb.i <= 3 and not listener] + [
                t for t in window if 0 < verb.i - t.i <= 3
            ]
            people = [t for t in window if 0 < abs(t.i - verb.i) <= 12 and t.ent_type_ == "PERSON"
                      and not (t.dep_ == "pobj") and not (listener and t.i > verb.i)]  # "Demanding … from Kim, Rep. Jo Lee, …, said"
            for t in near + people[-1:]:
                inverted_noun = (t.pos_ == "NOUN" and t.i == verb.i + 2 and self.doc[verb.i + 1].lower_ in ("the", "a", "an")
                                 and verb.i > 0 and self.doc[verb.i - 1].text in (",", '"', "”", "’"))  # '," said the woman'
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

    # ----------------------------------------------------------------- main
    def _label(self, span: QuoteSpan) -> Attribution | None:
        """'WALLACE: Let's start…' (a transcript) or '“…” ― Jane Roe' (a signed quote)."""
        inner = text_of(self.doc)[span.inner_start : span.inner_end]
        m = SPEAKER_LABEL.match(inner)
        if m:
            at = span.inner_start + m.start("name")
            ref = self._by_name(m["name"])
            if ref is None:  # a turn label naming someone the article names nowhere else
                ref = self.entities.add(m["name"].title(), "person", at, at + len(m["name"]))
            return Attribution(ref, None, 0.8, mention=(at, at + len(m["name"])))
        tail = text_of(self.doc)[span.end : span.end + 80]
        m = _SIGNATURE.match(tail)
        if m:
            at = span.end + m.start("name")
            where = (at, at + len(m["name"]))
            mention = self.entities.at(*where)
            if mention is not None:
                return Attribution(mention.ref, None, 0.85, mention=where)
            name = clean_person(m["name"])
            if name:
                return Attribution(self.entities.add(name, "person", *where), None, 0.8, mention=where)
        return None

    def _authored(self, found: Attribution, span: QuoteSpan, previous) -> Attribution:
        """'"…," read the statement': a text that names no author is the one the last speaker
        just issued, when it follows on in the same or the next paragraph."""
        if found.speaker is not None or found.mention is None or previous is None or not previous[1].speaker:
            return found
        words = text_of(self.doc)[found.mention[0] : found.mention[1]].lower().split()
        if not words or words[0] not in ("the", "their", "his", "her", "its", "that", "this") or \
                not set(words) & LEXICON.document_nouns:
            return found
        if span.paragraph - previous[0].paragraph > 1:
            return found
        return Attribution(previous[1].speaker, found.cue, 0.5, found.verb_start, found.mention)

    def _according_to(self, window: list[Token], span: QuoteSpan) -> Attribution | None:
        """'…," according to X' or 'According to X, "…"': X is the source."""
        for token in window:
            if token.lower_ != "according" or token.i + 1 >= len(self.doc) or self.doc[token.i + 1].lower_ != "to":
                continue
            source = [t for t in self.doc[token.i + 2 : token.i + 7] if not self._inside_quote(t)]
            for t in source:
                if t.pos_ == "NOUN" and t.dep_ in ("compound", "amod", "nmod"):
                    continue  # "a court document": the document's source, not a court
                ref, conf = self.resolve(t, span.start)
                if ref:
                    return Attribution(ref, "according to", conf, token.idx, self.resolver.mention_span(t))
            heads = [t for t in source if t.pos_ in ("NOUN", "PROPN")]
            if heads:  # "according to the newspaper": nobody to name, but the words
                head = max(heads[:3], key=lambda t: t.i if t.head not in heads else -1)
                return Attribution(None, "according to", 0.0, token.idx, self.resolver.mention_span(head))
        return None

    def _introduced(self, span: QuoteSpan, before: list[Token]) -> Attribution | None:
        """'Lee delivered a retort: "…"': a quote after a colon is the clause's subject's, also
        when the colon ends the paragraph before ('The paper responded:' then the quote)."""
        colon = before[0] if before and before[0].text == ":" else None
        if colon is None and not before:
            previous = [t for t in self.doc if t.idx < span.start and not t.is_space][-1:]
            if previous and previous[0].text == ":" and "\n\n" in text_of(self.doc)[previous[0].idx : span.start]:
                colon = previous[0]
                if any(_reporting(t) for t in colon.sent if t.i < colon.i):
                    return self._reported_before_colon(colon, span)
        if colon is None or any(_reporting(t) for t in before[:6]):
            return None
        named = self.entities.at(colon.idx - 2, colon.idx)
        if named is not None and named.end == colon.idx:  # "- Jo Lee: “…”": a name labels the quote
            return Attribution(named.ref, None, 0.6, None, (named.start, named.end))
        root = colon.head
        if self._inside_quote(root) or root.idx > colon.idx:  # the parse hung the colon on the quote
            root = self.doc[colon.i - 1] if colon.i else colon
        for _ in range(5):  # "Lee made the following comment:": the clause's verb, not its object
            if root.pos_ in ("VERB", "AUX") or root.head is root:
                break
            root = root.head
        while root.dep_ in ("conj", "xcomp", "advcl") and root.head is not root:
            root = root.head
        subjects = [c for c in root.children if c.dep_ in SUBJECT_DEPS and not self._inside_quote(c)]
        if not subjects:
            return None
        ref, confidence = self.resolve(subjects[0], span.start)
        if ref is None:
            return None
        return Attribution(ref, None, min(confidence, 0.6), None, self.resolver.mention_span(subjects[0]))

    def _reported_before_colon(self, colon: Token, span: QuoteSpan) -> Attribution | None:
        verbs = [t for t in colon.sent if t.i < colon.i and _reporting(t)]
        found = self._from_verb(verbs[-1], list(reversed(list(colon.sent))), span) if verbs else None
        return found

    def _clause_tagged_as_noun(self, span: QuoteSpan, after: list[Token]) -> Attribution | None:
        """'"…," the editorial read.': a short clause after the quote whose last word is a
        reporting verb the tagger took for a noun ('read', 'states'); the words before it are
        the speaker."""
        if not after or len(after) > 8 or after[-1].i + 1 >= len(self.doc) or \
                self.doc[after[-1].i + 1].text not in _SENTENCE_END:
            return None
        verb = after[-1]
        words = [t for t in after[:-1] if not t.is_punct]
        if verb.pos_ in ("VERB", "AUX") or not words or not _verb_forms(verb) & LEXICON.reporting_verbs:
            return None
        if words[0].pos_ != "DET" or any(t.pos_ not in ("DET", "ADJ", "NOUN", "PROPN") for t in words):
            return None
        head = words[-1]
        ref, confidence = self.resolve(head, span.start)
        return Attribution(ref, verb.text, min(confidence, 0.6), verb.idx, (words[0].idx, head.idx + len(head.text)))

    def _reported_just_before(self, span: QuoteSpan, previous) -> Attribution | None:
        """'The talks may stall, Lee said. "Nobody wants that."': a quote that opens right after
        a sentence of reported speech goes on with that sentence's speaker; so does a quote that
        opens a paragraph after one ending 'Kim continued his remarks.' or 'Lee issued a statement.'"""
        words = [t for t in self.doc if t.idx < span.start and not t.is_space]
        if not words or words[-1].text not in _SENTENCE_END or self._inside_quote(words[-1]):
            return None
        sentence = words[-1].sent
        first = next((t for t in sentence if not (t.is_punct or t.is_space)), sentence[0])
        if previous is not None and previous[0].end > first.idx:
            return None  # a quote in between has its own speaker
        same_paragraph = self._same_paragraph(words[-1].idx, span.start)
        if not same_paragraph and (text_of(self.doc)[: span.start].rsplit("\n\n", 1)[-1].strip()
                                   or not self._same_paragraph(first.idx, words[-1].idx)):
            return None  # across paragraphs only from the paragraph just before, to one the quote opens
        if self._inside_quote(sentence.root) or not self._same_paragraph(first.idx, words[-1].idx):
            return None
        verbs = [t for t in sentence if not self._inside_quote(t) and (_reporting(t) or self._issues_speech(t))]
        if not verbs or verbs[-1].i < sentence.root.i and verbs[-1].dep_ not in ("ROOT", "conj"):
            return None
        # the reporting clause the sentence hangs on, not one inside what it reports
        verb = min(verbs, key=lambda t: (len(list(t.ancestors)), -t.i))
        found = self._from_verb(verb, [t for t in sentence if not self._inside_quote(t)], span)
        if found is None or found.speaker is None and found.mention is None:
            return None
        return Attribution(found.speaker, None, min(found.confidence, 0.5), None, found.mention)

    def _embedding_clause(self, span: QuoteSpan) -> Attribution | None:
        """'Lee thanked the council for "acting so fast"': words quoted inside the writer's own
        sentence, with no reporting verb, are the words of that sentence's subject."""
        body = text_of(self.doc)
        if quote_kind(body, span) != "partial":
            return None
        inside = self.doc.char_span(span.inner_start, span.inner_end, alignment_mode="expand")
        if inside is None:
            return None
        node = inside[0]
        for _ in range(8):
            if not self._inside_quote(node) and node.pos_ in ("VERB", "AUX") and node.dep_ != "relcl":
                break
            if node.head is node:
                return None
            node = node.head
        else:
            return None
        climb = node
        for _ in range(4):  # 'Lee says his rival ran "a fine campaign"': the clause is what Lee reports
            if climb.dep_ not in ("ccomp", "conj", "xcomp", "advcl") or climb.head is climb:
                break
            climb = climb.head
            if _reporting(climb) and not self._inside_quote(climb):
                node = climb
                break
        subject = self._subject(node)
        if subject is None or subject.lower_ in _EMPTY_SUBJECTS or subject.sent != node.sent:
            return None
        if subject.ent_type_ in ("GPE", "NORP", "LOC", "FAC") and \
                self.entities.at(subject.idx, subject.idx + len(subject.text)) is None:
            # 'Japan has adopted a "data mining" exemption': a place is named, not a speaker made
            return Attribution(None, None, 0.0, None, self.resolver.mention_span(subject))
        ref, confidence = self.resolve(subject, span.start)
        if ref is None and subject.pos_ not in ("NOUN", "PROPN"):
            return None
        return Attribution(ref, None, min(confidence, 0.5), None, self.resolver.mention_span(subject))

    def _by_name(self, label: str) -> str | None:
        label = label.strip().lower()
        for e in self.entities.entities:
            if e.type == "person" and label in {w.lower() for w in (e.name.split()[0], e.name.split()[-1], e.name)}:
                return e.ref
        return None

    def _search_order(self, span: QuoteSpan, before: list[Token], after: list[Token], ended: bool):
        """(window, reach) pairs in the order they are searched for a reporting verb: just
        before, just after, then further out."""
        order = ((before, 3), (after, 6), (before, 6), (after, 22), (before, 30))
        inner = text_of(self.doc)[span.inner_start : span.inner_end].rstrip(" \"'”’")
        introducing = any(_reporting(t) and all(x.is_punct or x.lower_ == "that" for x in before[:i])
                          for i, t in enumerate(before[:3]))  # 'Lee said, "…"'
        if inner.endswith(",") and any(_reporting(t) for t in after[:4]) and not introducing:
            order = ((after, 6), *order)  # 'the four "…" he cited are "…," the paper reported.'
        if ended and quote_kind(text_of(self.doc), span) == "partial":
            # 'Japan called it an "outlaw nation." Russia said …': what follows is a new sentence
            order = tuple((w, r) for w, r in order if w is not after)
        return order

    @staticmethod
    def _issues_speech(verb: Token) -> bool:
        """'Lee issued a statement, "…"': a verb whose object is a speech noun introduces one."""
        nouns = LEXICON.speech_nouns
        return verb.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() in nouns for c in verb.children)

    def _may_introduce(self, verb: Token, before: bool) -> bool:
        """Whether a verb before (or after) the quote can be its reporting clause."""
        if before and verb.dep_ == "relcl" and verb.head.dep_ in SUBJECT_DEPS and self._inside_quote(verb.head.head):
            return False  # 'anybody who complains “is not having a good night”': the quote's own subject
        return not any(c.dep_ == "xcomp" and verb.i < c.i and not self._inside_quote(c)
                       and any(x.lower_ == "to" for x in c.children)
                       for c in verb.children)  # 'Lee will continue to be "…"'

    def attribute(self, span: QuoteSpan, previous: tuple[QuoteSpan, Attribution] | None) -> Attribution:
        labelled = self._label(span)
        if labelled is not None:
            return labelled
        after = self._after(span)
        before = self._before(span)
        tagged_as_noun = self._clause_tagged_as_noun(span, after)
        if tagged_as_noun is not None:
            return self._authored(tagged_as_noun, span, previous)
        # '…the impact it would have: “…,” the union wrote.': a reporting clause of the quote's
        # own comes before the sentence that introduced it
        if not any(_reporting(t) for t in after[:4]):
            introduced = self._introduced(span, before)
            if introduced is not None:
                return introduced
        ended = text_of(self.doc)[span.inner_start : span.inner_end].rstrip(" \"'”’").endswith((".", "!", "?"))
        for window, reach in self._search_order(span, before, after, ended):
            for token in window[:reach]:
                if window is after and ended and _reports_own_content(token, self.quoted):
                    continue  # '"… ." Lee claimed that …': a new sentence reporting something else
                if not self._may_introduce(token, window is before):
                    continue
                if _reporting(token) or window is before and self._issues_speech(token):
                    found = self._from_verb(token, window, span)
                    if found is not None:
                        return self._authored(found, span, previous)
                    if token.tag_ == "VBG" and previous and previous[1].speaker:
                        # "…," emphasizing, "…": the participle continues the last speaker.
                        if previous[0].paragraph == span.paragraph:
                            return Attribution(previous[1].speaker, token.text, 0.6, token.idx)
            according = self._according_to(window[:reach], span)
            if according is not None:
                return according
        embedded = self._embedding_clause(span)
        if embedded is not None:
            return embedded
        reported = self._reported_just_before(span, previous)
        if reported is not None:
            return reported
        if previous is None:
            # An opening quote left unattributed ("…" the article's subject, named next).
            for m in self.entities.mentions:
                if m.start >= span.end and m.start - span.end <= 300 and not self._quoted_at(m.start):
                    if self.entities.type_of(m.ref) == "person":
                        return Attribution(m.ref, None, 0.4)
                    break
        if previous is not None:
            prev_span, prev_attr = previous
            text_between = text_of(self.doc)[prev_span.end : span.start]
            same = prev_span.paragraph == span.paragraph
            opens_paragraph = not text_of(self.doc)[: span.start].rsplit("\n\n", 1)[-1].strip()
            next_paragraph = prev_span.paragraph == span.paragraph - 1 and (
                len(text_between.split()) <= 12 or (opens_paragraph and len(text_between.split()) <= 40))
            if prev_attr.speaker and (same or next_paragraph):
                return Attribution(prev_attr.speaker, None, 0.55 if same else 0.5)
        return Attribution(None, None, 0.0)


def interviewee(entities: ArticleEntities, attributions: list[Attribution]) -> str | None:
    """The person quoted most outside the answers, else the person named most often."""
    spoken = Counter(a.speaker for a in attributions if a.speaker)
    people = {e.ref for e in entities.entities if e.type == "person"}
    for ref, _ in spoken.most_common():
        if ref in people:
            return ref
    named = Counter(m.ref for m in entities.mentions if m.ref in people)
    return named.most_common(1)[0][0] if named else None


def attribute_all(
    doc: Doc, entities: ArticleEntities, spans: list[QuoteSpan], attributor: Attributor | None = None
) -> list[Attribution]:
    attributor = attributor or Attributor(doc, entities, spans)
    results: list[Attribution] = []
    previous: tuple[QuoteSpan, Attribution] | None = None
    for span in spans:
        attribution = attributor.attribute(span, previous)
        results.append(attribution)
        previous = (span, attribution)
    answers = [i for i, s in enumerate(spans) if s.answer]
    if answers:
        subject = interviewee(entities, [a for s, a in zip(spans, results) if not s.answer])
        for i in answers:
            if results[i].speaker is None or results[i].cue is None:
                results[i] = Attribution(subject, None, 0.7 if subject else 0.0)
    return results
