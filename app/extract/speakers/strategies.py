"""The ways a news text says who spoke, as an ordered table of named strategies. Each takes the
article (Attributor) and one quote (QuoteAt) and gives an Attribution, or None to pass the quote
on to the next; the first that answers decides. A new way of attributing speech is a new
strategy in STRATEGIES, with its own table test (tests/extract/test_speaker_strategies.py)."""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from app.core.lexicon import LEXICON
from app.extract.confidence import CONFIDENCE
from app.extract.entities import clean_person
from app.extract.quotes import SPEAKER_LABEL, QuoteSpan, quote_kind
from app.extract.resolve import SUBJECT_DEPS
from app.extract.speakers.attributor import Attributor, QuoteAt
from app.extract.speakers.clauses import (
    SENTENCE_END,
    SIGNATURE,
    Attribution,
    issues_speech,
    reporting,
    reports_own_content,
    verb_forms,
)

Strategy = Callable[[Attributor, QuoteAt], Attribution | None]


def turn_label(a: Attributor, q: QuoteAt) -> Attribution | None:
    """'WALLACE: Let's start…': a transcript's turn label names the speaker."""
    span = q.span
    m = SPEAKER_LABEL.match(a.text[span.inner_start : span.inner_end])
    if not m:
        return None
    at = span.inner_start + m.start("name")
    ref = a.by_name(m["name"])
    if ref is None:  # a turn label naming someone the article names nowhere else
        ref = a.resolver.named(m["name"].title(), "person", at, at + len(m["name"]))
    return Attribution(ref, None, CONFIDENCE.turn_label, mention=(at, at + len(m["name"])))


def signed(a: Attributor, q: QuoteAt) -> Attribution | None:
    """'“…” ― Jane Roe': a quote signed with a dash and a name."""
    m = SIGNATURE.match(a.text[q.span.end : q.span.end + 80])
    if not m:
        return None
    at = q.span.end + m.start("name")
    where = (at, at + len(m["name"]))
    mention = a.entities.at(*where)
    if mention is not None:
        return Attribution(mention.ref, None, CONFIDENCE.signature_known, mention=where)
    name = clean_person(m["name"])
    if name:
        return Attribution(a.resolver.named(name, "person", *where), None, CONFIDENCE.signature_new, mention=where)
    return None


def authored(a: Attributor, found: Attribution, q: QuoteAt) -> Attribution:
    """'"…," read the statement': a text that names no author is the one the last speaker just
    issued, when it follows on in the same or the next paragraph."""
    previous = q.previous
    if found.speaker is not None or found.mention is None or previous is None or not previous[1].speaker:
        return found
    words = a.text[found.mention[0] : found.mention[1]].lower().split()
    if not words or words[0] not in ("the", "their", "his", "her", "its", "that", "this") or \
            not set(words) & LEXICON.document_nouns:
        return found
    if q.span.paragraph - previous[0].paragraph > 1:
        return found
    return Attribution(previous[1].speaker, found.cue, CONFIDENCE.authored_text, found.verb_start, found.mention)


def clause_tagged_as_noun(a: Attributor, q: QuoteAt) -> Attribution | None:
    """'"…," the editorial read.': a short clause after the quote whose last word is a reporting
    verb the tagger took for a noun ('read', 'states'); the words before it are the speaker."""
    after, doc = q.after, a.doc
    if not after or len(after) > 8 or after[-1].i + 1 >= len(doc) or doc[after[-1].i + 1].text not in SENTENCE_END:
        return None
    verb = after[-1]
    words = [t for t in after[:-1] if not t.is_punct]
    if verb.pos_ in ("VERB", "AUX") or not words or not verb_forms(verb) & LEXICON.reporting_verbs:
        return None
    if words[0].pos_ != "DET" or any(t.pos_ not in ("DET", "ADJ", "NOUN", "PROPN") for t in words):
        return None
    head = words[-1]
    ref, confidence = a.resolve(head, q.span.start)
    found = Attribution(ref, verb.text, min(confidence, CONFIDENCE.tagged_as_noun), verb.idx,
                        (words[0].idx, head.idx + len(head.text)))
    return authored(a, found, q)


def introduced_by_colon(a: Attributor, q: QuoteAt) -> Attribution | None:
    """'Lee delivered a retort: "…"': a quote after a colon is the clause's subject's, also when
    the colon ends the paragraph before ('The paper responded:' then the quote). A reporting
    clause of the quote's own after it comes first ('…the impact: “…,” the union wrote.')."""
    span, before = q.span, q.before
    if any(reporting(t) for t in q.after[:4]):
        return None
    colon = before[0] if before and before[0].text == ":" else None
    if colon is None and not before:
        previous = a.word_before(span.start)
        if previous is not None and previous.text == ":" and "\n\n" in a.text[previous.idx : span.start]:
            colon = previous
            if any(reporting(t) for t in colon.sent if t.i < colon.i):
                verbs = [t for t in colon.sent if t.i < colon.i and reporting(t)]
                return a.from_verb(verbs[-1], list(reversed(list(colon.sent))), span) if verbs else None
    if colon is None or any(reporting(t) for t in before[:6]):
        return None
    named = a.entities.at(colon.idx - 2, colon.idx)
    if named is not None and named.end == colon.idx:  # "- Jo Lee: “…”": a name labels the quote
        return Attribution(named.ref, None, CONFIDENCE.label_before_colon, None, (named.start, named.end))
    root = colon.head
    if a.quoted.covers(root.idx) or root.idx > colon.idx:  # the parse hung the colon on the quote
        root = a.doc[colon.i - 1] if colon.i else colon
    for _ in range(5):  # "Lee made the following comment:": the clause's verb, not its object
        if root.pos_ in ("VERB", "AUX") or root.head is root:
            break
        root = root.head
    while root.dep_ in ("conj", "xcomp", "advcl") and root.head is not root:
        root = root.head
    subjects = [c for c in root.children if c.dep_ in SUBJECT_DEPS and not a.quoted.covers(c.idx)]
    if not subjects:
        return None
    ref, confidence = a.resolve(subjects[0], span.start)
    if ref is None:
        return None
    return Attribution(ref, None, min(confidence, CONFIDENCE.introduced), None, a.resolver.mention_span(subjects[0]))


def according_to(a: Attributor, window: list[Token], span: QuoteSpan) -> Attribution | None:
    """'…," according to X' or 'According to X, "…"': X is the source."""
    for token in window:
        if token.lower_ != "according" or token.i + 1 >= len(a.doc) or a.doc[token.i + 1].lower_ != "to":
            continue
        source = [t for t in a.doc[token.i + 2 : token.i + 7] if not a.quoted.covers(t.idx)]
        for t in source:
            if t.pos_ == "NOUN" and t.dep_ in ("compound", "amod", "nmod"):
                continue  # "a court document": the document's source, not a court
            ref, conf = a.resolve(t, span.start)
            if ref:
                return Attribution(ref, "according to", conf, token.idx, a.resolver.mention_span(t))
        heads = [t for t in source if t.pos_ in ("NOUN", "PROPN")]
        if heads:  # "according to the newspaper": nobody to name, but the words
            head = max(heads[:3], key=lambda t: t.i if t.head not in heads else -1)
            return Attribution(None, "according to", 0.0, token.idx, a.resolver.mention_span(head))
    return None


def reporting_clause(a: Attributor, q: QuoteAt) -> Attribution | None:
    """A reporting verb near the quote (", said X", "X said, …", "adding, …", "according to X"),
    searched just before, just after, then further out; its subject is the speaker."""
    span, previous = q.span, q.previous
    for window, reach in a.search_order(q):
        for token in window[:reach]:
            if window is q.after and q.ended and reports_own_content(token, a.quoted):
                continue  # '"… ." Lee claimed that …': a new sentence reporting something else
            if not a.may_introduce(token, window is q.before):
                continue
            if reporting(token) or window is q.before and issues_speech(token):
                found = a.from_verb(token, window, span)
                if found is not None:
                    return authored(a, found, q)
                if token.tag_ == "VBG" and previous and previous[1].speaker:
                    # "…," emphasizing, "…": the participle continues the last speaker.
                    if previous[0].paragraph == span.paragraph:
                        return Attribution(previous[1].speaker, token.text, CONFIDENCE.participle_continues, token.idx)
        according = according_to(a, window[:reach], span)
        if according is not None:
            return according
    return None


def embedding_clause(a: Attributor, q: QuoteAt) -> Attribution | None:
    """'Lee thanked the council for "acting so fast"': words quoted inside the writer's own
    sentence, with no reporting verb, are the words of that sentence's subject."""
    span = q.span
    if quote_kind(a.text, span) != "partial":
        return None
    inside = a.doc.char_span(span.inner_start, span.inner_end, alignment_mode="expand")
    if inside is None:
        return None
    node = inside[0]
    for _ in range(8):
        if not a.quoted.covers(node.idx) and node.pos_ in ("VERB", "AUX") and node.dep_ != "relcl":
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
        if reporting(climb) and not a.quoted.covers(climb.idx):
            node = climb
            break
    subject = a.subject(node)
    if subject is None or subject.lower_ in LEXICON.empty_subjects or subject.sent != node.sent:
        return None
    place = subject.ent_type_ in ("GPE", "NORP", "LOC", "FAC")
    if place and a.entities.at(subject.idx, subject.idx + len(subject.text)) is None:
        # 'Japan has adopted a "data mining" exemption': a place is named, not a speaker made
        return Attribution(None, None, 0.0, None, a.resolver.mention_span(subject))
    ref, confidence = a.resolve(subject, span.start)
    if ref is None and subject.pos_ not in ("NOUN", "PROPN"):
        return None
    return Attribution(ref, None, min(confidence, CONFIDENCE.embedding_clause), None, a.resolver.mention_span(subject))


def reported_just_before(a: Attributor, q: QuoteAt) -> Attribution | None:
    """'The talks may stall, Lee said. "Nobody wants that."': a quote that opens right after a
    sentence of reported speech goes on with that sentence's speaker; so does a quote that opens
    a paragraph after one ending 'Kim continued his remarks.' or 'Lee issued a statement.'"""
    span, previous = q.span, q.previous
    last = a.word_before(span.start)
    if last is None or last.text not in SENTENCE_END or a.quoted.covers(last.idx):
        return None
    sentence = last.sent
    first = next((t for t in sentence if not (t.is_punct or t.is_space)), sentence[0])
    if previous is not None and previous[0].end > first.idx:
        return None  # a quote in between has its own speaker
    same_paragraph = a.same_paragraph(last.idx, span.start)
    if not same_paragraph and (a.text[: span.start].rsplit("\n\n", 1)[-1].strip()
                               or not a.same_paragraph(first.idx, last.idx)):
        return None  # across paragraphs only from the paragraph just before, to one the quote opens
    if a.quoted.covers(sentence.root.idx) or not a.same_paragraph(first.idx, last.idx):
        return None
    verbs = [t for t in sentence if not a.quoted.covers(t.idx) and (reporting(t) or issues_speech(t))]
    if not verbs or verbs[-1].i < sentence.root.i and verbs[-1].dep_ not in ("ROOT", "conj"):
        return None
    # the reporting clause the sentence hangs on, not one inside what it reports
    verb = min(verbs, key=lambda t: (len(list(t.ancestors)), -t.i))
    found = a.from_verb(verb, [t for t in sentence if not a.quoted.covers(t.idx)], span)
    if found is None or found.speaker is None and found.mention is None:
        return None
    return Attribution(found.speaker, None, min(found.confidence, CONFIDENCE.reported_just_before), None, found.mention)


def named_next(a: Attributor, q: QuoteAt) -> Attribution | None:
    """An opening quote left unattributed: the article's subject, named right after it."""
    if q.previous is not None:
        return None
    for m in a.entities.mentions:
        if m.start >= q.span.end and m.start - q.span.end <= 300 and not a.quoted.covers(m.start):
            if a.entities.type_of(m.ref) == "person":
                return Attribution(m.ref, None, CONFIDENCE.named_next)
            break
    return None


def continues_previous(a: Attributor, q: QuoteAt) -> Attribution | None:
    """A quote right after the last speaker's, in its paragraph or opening the next one, with
    little between them, goes on with that speaker."""
    if q.previous is None:
        return None
    prev_span, prev_attr = q.previous
    span = q.span
    text_between = a.text[prev_span.end : span.start]
    same = prev_span.paragraph == span.paragraph
    opens_paragraph = not a.text[: span.start].rsplit("\n\n", 1)[-1].strip()
    next_paragraph = prev_span.paragraph == span.paragraph - 1 and (
        len(text_between.split()) <= 12 or (opens_paragraph and len(text_between.split()) <= 40))
    if prev_attr.speaker and (same or next_paragraph):
        confidence = CONFIDENCE.continues_in_paragraph if same else CONFIDENCE.continues_next_paragraph
        return Attribution(prev_attr.speaker, None, confidence)
    return None


STRATEGIES: tuple[Strategy, ...] = (
    turn_label,
    signed,
    clause_tagged_as_noun,
    introduced_by_colon,
    reporting_clause,
    embedding_clause,
    reported_just_before,
    named_next,
    continues_previous,
)
