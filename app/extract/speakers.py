"""Who said it: the reporting clause around a quote, pronouns, continuations, interviews.

For each quote, the words outside any quote in its sentence are searched for a reporting verb
(rules/reporting_verbs.txt): first just after the quote (", said X" / ", X said" / "he added"),
then before it ("X said, …" / "adding, …"). The verb's subject in the dependency parse is the
speaker; a participle ("adding", "saying") takes its governing verb's subject. A pronoun or a
title noun ("the minister") goes to the nearest named person before the quote, outside quotes;
an anonymous subject ("an official") gives no speaker. A quote with no clause of its own
continues the previous quote's speaker when it follows it directly; an interview answer goes to
the interviewee.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from app.extract.entities import ArticleEntities, clean_org, clean_person
from app.extract.quotes import SPEAKER_LABEL, QuoteSpan
from app.extract.rules import word_set
from app.extract.types import text_of

_SENTENCE_END = {".", "!", "?"}
_SIGNATURE = re.compile(r"^\s*[―—–-]{1,2}\s*(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})")
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_CLIMB_DEPS = {"advcl", "xcomp", "conj", "pcomp", "ccomp", "acl", "prep", "pobj", "dep"}
_MENTION_PREPOSITIONS = {"for", "of", "at", "from", "with", "in"}


@dataclass(frozen=True)
class Attribution:
    speaker: str | None
    cue: str | None
    confidence: float
    verb_start: int | None = None
    mention: tuple[int, int] | None = None  # the words that name or refer to the speaker


def _reporting(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in word_set("reporting_verbs.txt")


_LISTENER_VERBS = {"tell", "ask", "inform", "assure", "warn", "remind", "urge", "advise"}


def _reports_own_content(verb: Token) -> bool:
    """A verb with a clause or an object of its own reports that, not a quote beside it."""
    if not _reporting(verb):
        return False
    return any(c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "dobj" and verb.lemma_.lower() not in _LISTENER_VERBS)
               for c in verb.children)


class Attributor:
    def __init__(self, doc: Doc, entities: ArticleEntities, spans: list[QuoteSpan], roles=()):
        self.doc = doc
        self.entities = entities
        self.spans = spans
        self.roles = list(roles)
        self.quoted = [(s.start, s.end) for s in spans]
        self.pronouns = word_set("pronouns.txt")
        self.titles = word_set("title_words.txt")
        self.anonymous = word_set("anonymous_sources.txt")
        self.org_nouns = word_set("org_nouns.txt")

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
    def mention_span(self, token: Token) -> tuple[int, int]:
        """The words that name or refer to the speaker around a subject token: its noun phrase
        ("the state's Republican governor", "a spokesman for the ministry", "he"), without a
        relative clause or an apposition after a comma."""
        if token.pos_ == "PRON":
            return token.idx, token.idx + len(token.text)
        first = token.left_edge
        last = token
        for child in token.rights:
            if child.dep_ in ("compound", "flat", "nmod") or (child.dep_ == "prep" and child.lower_ in _MENTION_PREPOSITIONS):
                last = child.right_edge
            else:
                break
        tokens = self.doc[first.i : last.i + 1]
        if len(tokens) > 15 or any(self._inside_quote(t) for t in tokens):
            tokens = self.doc[first.i : token.i + 1]
            if len(tokens) > 15 or any(self._inside_quote(t) for t in tokens):
                tokens = self.doc[token.i : token.i + 1]
        while len(tokens) > 1 and (tokens[0].is_punct or tokens[0].dep_ == "cc"):
            tokens = tokens[1:]
        while len(tokens) > 1 and tokens[-1].is_punct:
            tokens = tokens[:-1]
        return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)

    def _subject(self, verb: Token) -> Token | None:
        node, hops = verb, 0
        while hops < 4:
            subjects = [c for c in node.children if c.dep_ in _SUBJECT_DEPS and not self._inside_quote(c)]
            if subjects:
                subject = min(subjects, key=lambda c: abs(c.i - node.i))
                if subject.lower_ in ("who", "which", "that") and node.dep_ == "relcl":
                    return node.head  # "Lee, who said …": the one the clause is about
                return subject
            if node.dep_ not in _CLIMB_DEPS or node.head is node:
                return None
            node, hops = node.head, hops + 1
        return None

    def resolve(self, token: Token, before: int) -> tuple[str | None, float]:
        """A subject token -> (entity ref, confidence); (None, 0) when it names nobody."""
        mention = self.entities.at(token.idx, token.idx + len(token.text))
        if mention is None and token.ent_type_ in ("PERSON", "ORG"):
            for t in token.subtree:
                mention = mention or self.entities.at(t.idx, t.idx + len(t.text))
        if mention is not None:
            return mention.ref, 0.9
        if token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            created = self._create(token)
            if created:
                return created, 0.8
        word = token.lower_
        if token.pos_ == "PRON" and word in self.pronouns and word not in ("i", "we"):
            if word in ("they", "them"):
                return None, 0.0
            governing = self._governing_subject(token)
            if governing is not None:
                ref, confidence = self.resolve(governing, before)
                if ref is not None and self.entities.type_of(ref) == "person":
                    return ref, min(confidence, 0.75)
            found = self.entities.nearest_before(before, "person", self.quoted)
            return (found.ref, 0.7) if found else (None, 0.0)
        if token.pos_ in ("NOUN", "PROPN"):
            if word in self.anonymous or token.lemma_.lower() in self.anonymous:
                return None, 0.0
            person_noun = token.lemma_.lower() in self.titles
            named = [self.entities.at(t.idx, t.idx + len(t.text)) for t in token.subtree]
            named = [m for m in named if m is not None]
            for m in named:  # "a lawmaker, Jane Roe," names her
                if self.entities.type_of(m.ref) == "person":
                    return m.ref, 0.75
            determiner = next((c.lower_ for c in token.children if c.dep_ == "det"), "")
            if person_noun and determiner in ("a", "an", "one", "another", "some", "any"):
                return None, 0.0  # "a representative of Acme": an unnamed individual
            if named:  # "a statement from Acme", "the Acme campaign": the organization
                return named[0].ref, 0.75
            if token.tag_ in ("NNS", "NNPS"):
                return None, 0.0  # "lawmakers", "researchers": a group, nobody in particular
            if person_noun or self._holders(token):
                holder = self._holder_before(token, before)
                if holder is not None:
                    return holder, 0.7
                found = self.entities.nearest_before(before, "person", self.quoted)
                return (found.ref, 0.65) if found else (None, 0.0)
            if token.lemma_.lower() in self.org_nouns:
                found = self.entities.nearest_before(before, "organization", self.quoted)
                return (found.ref, 0.6) if found else (None, 0.0)
        return None, 0.0

    def _holders(self, noun: Token) -> set[str]:
        """People whose role in the article this title noun names ("the mayor", "the chief
        executive"): roles are found before speakers."""
        words = {noun.lemma_.lower(), noun.lower_}
        compound = " ".join(t.lower_ for t in noun.lefts if t.dep_ in ("compound", "amod")) + " " + noun.lower_
        return {role.person for role in self.roles
                if words & set(role.title_normalized.split()) or compound.strip() in role.title_normalized}

    def _holder_before(self, noun: Token, before: int) -> str | None:
        holders = self._holders(noun)
        if not holders:
            return None
        for mention in reversed(self.entities.mentions):
            if mention.start < before and mention.ref in holders and not self._quoted_at(mention.start):
                return mention.ref
        return sorted(holders)[0] if len(holders) == 1 else None

    def _governing_subject(self, pronoun: Token) -> Token | None:
        """'Lee told reporters that she …': the subject of the clause that reports the pronoun's."""
        clause = pronoun.head
        if clause.dep_ not in ("ccomp", "xcomp", "advcl") or clause.head is clause:
            return None
        subjects = [c for c in clause.head.children if c.dep_ in _SUBJECT_DEPS and c.pos_ in ("PROPN", "NOUN")]
        return subjects[0] if subjects else None

    def _create(self, token: Token) -> str | None:
        """A named speaker the entity stage did not keep (a name given once, a surname alone)."""
        ent = next((e for e in self.doc.ents if e.start <= token.i < e.end), None)
        if ent is None:
            return None
        if ent.label_ == "PERSON":
            name = clean_person(ent.text)
            type_ = "person"
        elif ent.label_ in ("GPE", "NORP"):
            # "Japan insisted …", "Democrats argued …": a country or a party speaking.
            if token.dep_ not in ("nsubj", "nsubjpass"):
                return None
            if ent.label_ == "NORP" and token.tag_ != "NNPS":
                return None
            name, type_ = clean_org(ent.text), "organization"
        else:
            name = clean_org(ent.text)
            type_ = "organization"
        if not name:
            return None
        if type_ == "person" and len(name.split()) == 1:
            for e in self.entities.entities:  # a surname of a person named in full
                if e.type == "person" and name in (e.name.split()[0], e.name.split()[-1]):
                    return e.ref
        return self.entities.add(name, type_, ent.start_char, ent.end_char)

    def _from_verb(self, verb: Token, window: list[Token], span: QuoteSpan) -> Attribution | None:
        subject = self._subject(verb)
        if subject is None:
            # "…," said Kang: the name right after the verb; or just before it.
            near = [t for t in window if 0 < t.i - verb.i <= 3] + [
                t for t in window if 0 < verb.i - t.i <= 3
            ]
            for t in near:
                if t.pos_ in ("PROPN", "PRON") or t.ent_type_ in ("PERSON", "ORG"):
                    subject = t
                    break
        if subject is None:
            return None
        ref, confidence = self.resolve(subject, span.start)
        if ref is None and confidence == 0.0 and subject.lower_ not in self.anonymous:
            if subject.pos_ not in ("NOUN", "PRON", "PROPN"):
                return None
        return Attribution(ref, verb.text, confidence, verb.idx, self.mention_span(subject))

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

    def _according_to(self, window: list[Token], span: QuoteSpan) -> Attribution | None:
        """'…," according to X' or 'According to X, "…"': X is the source."""
        for token in window:
            if token.lower_ != "according" or token.i + 1 >= len(self.doc) or self.doc[token.i + 1].lower_ != "to":
                continue
            source = [t for t in self.doc[token.i + 2 : token.i + 7] if not self._inside_quote(t)]
            for t in source:
                ref, conf = self.resolve(t, span.start)
                if ref:
                    return Attribution(ref, "according to", conf, token.idx, self.mention_span(t))
            heads = [t for t in source if t.pos_ in ("NOUN", "PROPN")]
            if heads:  # "according to the newspaper": nobody to name, but the words
                head = max(heads[:3], key=lambda t: t.i if t.head not in heads else -1)
                return Attribution(None, "according to", 0.0, token.idx, self.mention_span(head))
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
        root = colon.head
        while root.dep_ in ("conj", "xcomp", "advcl") and root.head is not root:
            root = root.head
        subjects = [c for c in root.children if c.dep_ in _SUBJECT_DEPS and not self._inside_quote(c)]
        if not subjects:
            return None
        ref, confidence = self.resolve(subjects[0], span.start)
        if ref is None:
            return None
        return Attribution(ref, None, min(confidence, 0.6), None, self.mention_span(subjects[0]))

    def _reported_before_colon(self, colon: Token, span: QuoteSpan) -> Attribution | None:
        verbs = [t for t in colon.sent if t.i < colon.i and _reporting(t)]
        found = self._from_verb(verbs[-1], list(reversed(list(colon.sent))), span) if verbs else None
        return found

    def _by_name(self, label: str) -> str | None:
        label = label.strip().lower()
        for e in self.entities.entities:
            if e.type == "person" and label in {w.lower() for w in (e.name.split()[0], e.name.split()[-1], e.name)}:
                return e.ref
        return None

    def attribute(self, span: QuoteSpan, previous: tuple[QuoteSpan, Attribution] | None) -> Attribution:
        labelled = self._label(span)
        if labelled is not None:
            return labelled
        after = self._after(span)
        before = self._before(span)
        introduced = self._introduced(span, before)
        if introduced is not None:
            return introduced
        ended = text_of(self.doc)[span.inner_start : span.inner_end].rstrip(" \"'”’").endswith((".", "!", "?"))
        for window, reach in ((before, 3), (after, 6), (before, 6), (after, 22), (before, 30)):
            for token in window[:reach]:
                if window is after and ended and _reports_own_content(token):
                    continue  # '"… ." Lee claimed that …': a new sentence reporting something else
                if _reporting(token):
                    found = self._from_verb(token, window, span)
                    if found is not None:
                        return found
                    if token.tag_ == "VBG" and previous and previous[1].speaker:
                        # "…," emphasizing, "…": the participle continues the last speaker.
                        if previous[0].paragraph == span.paragraph:
                            return Attribution(previous[1].speaker, token.text, 0.6, token.idx)
            according = self._according_to(window[:reach], span)
            if according is not None:
                return according
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
