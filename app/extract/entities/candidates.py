"""Named-entity spans from spaCy, repaired before they are clustered: Korean names the tagger
missed, given names it left out, organizations tagged as people and the reverse, names inside
headings and datelines left out."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from app.core.lexicon import LEXICON
from app.extract.clean import WIRE_DATELINE, reads_as_heading
from app.extract.entities.kinds import ORG_KIND_WORDS, org_kind
from app.extract.entities.names import POSSESSIVE_SPLIT, clean_person
from app.extract.quotes import Quoted
from app.extract.types import text_of

# A romanized Korean name: a short surname and a hyphenated given name ("Ma Seok-jin").
KOREAN_NAME = re.compile(r"(?<![\w-])[A-Z][a-z]{0,3} [A-Z][a-z]+-[A-Za-z][a-z]+(?![\w-])")


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    label: str
    text: str
    subject: bool = False  # the subject of its clause ("Becker was chief operating officer …")


_NAME_CAPTION = re.compile(r"^[A-Z][^/]{2,40}? / [A-Z]")


def _heading_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs that read as headings or decks: short and without closing punctuation (a
    broadcaster's "Name / Title" caption is not one: it names who speaks next)."""
    spans, pos = [], 0
    for para in text.split("\n\n"):
        stripped = para.strip()
        if reads_as_heading(stripped) and not _NAME_CAPTION.match(stripped):
            spans.append((pos, pos + len(para)))
        pos += len(para) + 2
    return spans


def candidates(doc: Doc, quoted: Quoted) -> list[Candidate]:
    """Named-entity spans, repaired: Korean names the tagger missed, names glued to an
    organization, organizations cut at 'and', organizations tagged as people."""
    text = text_of(doc)
    names = [(m.start(), m.end()) for m in KOREAN_NAME.finditer(text)
             if m.group(0).split()[0].lower() not in LEXICON.title_modifiers]
    found: list[Candidate] = []
    for ent in doc.ents:
        label = ent.label_
        if label in ("FAC", "GPE", "LOC", "NORP", "WORK_OF_ART") and _after_title_word(text, ent.start_char) \
                and 2 <= len(ent.text.split()) <= 3 and clean_person(ent.text):
            label = "PERSON"  # "chairwoman Helen Park": tagged a place, but a title word names a person
        if label not in ("PERSON", "ORG"):
            continue
        start, end = ent.start_char, ent.end_char
        if label == "PERSON":
            start = _given_name_before(doc, ent, start)
        for ns, ne in names:
            if ns < end and start < ne and label == "ORG":
                end = min(end, ns) if ns > start else start
        if end <= start:
            continue
        if label == "ORG" and " of " in text[start:end]:
            m = re.match(r" and ([A-Z][\w&]*(?: [A-Z][\w&]*)?)", text[end:])
            if m:
                end += m.end()
        if label == "PERSON" and _looks_like_org(text, start, end):
            label = "ORG"
        elif label == "ORG" and text[start:end].split()[0].lower().rstrip(".") in LEXICON.honorifics \
                and not POSSESSIVE_SPLIT.search(text[start:end]):
            label = "PERSON"  # "Mr Brown" tagged an organization
        elif label == "ORG" and _after_title_word(text, start) and clean_person(text[start:end]) and \
                len(text[start:end].split()) >= 2 and org_kind(text[start:end]) == "company" and \
                not any(w.lower() in LEXICON.org_suffixes for w in text[start:end].split()):
            label = "PERSON"  # "spokesman Jo Lee": a title word names a person next
        if label == "ORG":
            start, end = _extend_org(doc, ent, start, end)
        span = doc.char_span(start, end, alignment_mode="expand")
        subject = (span is not None and span.root.dep_ in ("nsubj", "nsubjpass") and label == "PERSON"
                   and span.root.tag_ == "NNP" and not quoted.covers(start))
        found.append(Candidate(start, end, label, text[start:end], subject))
    for ns, ne in names:
        if not any(c.start <= ns and ne <= c.end and c.label == "PERSON" for c in found):
            found.append(Candidate(ns, ne, "PERSON", text[ns:ne]))
    # "Acme Motors" tagged a person beside "Acme Bank": a shared first word with an organization.
    org_heads = {c.text.split()[0] for c in found if c.label == "ORG" and len(c.text.split()) > 1}
    found = [
        Candidate(c.start, c.end, "ORG", c.text)
        if c.label == "PERSON" and c.text.split()[0] in org_heads and not KOREAN_NAME.fullmatch(c.text)
        else c
        for c in found
    ]
    surnames = {c.text for c in found if c.label == "PERSON" and len(c.text.split()) == 1}
    found = [
        Candidate(c.start, c.end, "PERSON", c.text)
        if c.label == "ORG" and 2 <= len(c.text.split()) <= 3 and c.text.split()[-1] in surnames
        and not any(w.lower() in ORG_KIND_WORDS for w in c.text.split()) and clean_person(c.text)
        else c
        for c in found
    ]  # "Vera Holm" tagged an organization, "Holm" a person
    headings = _heading_spans(text)
    datelines = [(m.start(), m.end()) for m in WIRE_DATELINE.finditer(text)]
    found = [c for c in found if not any(s <= c.start < e for s, e in datelines)]
    in_body = {c.text for c in found if not any(s <= c.start < e for s, e in headings)}
    return sorted(
        (c for c in found if c.text in in_body), key=lambda c: c.start
    )


def _extend_org(doc: Doc, ent, start: int, end: int) -> tuple[int, int]:
    """Take in a capitalised word the tagger left out before the name ("Brain-inspired Computing
    Lab") and a unit noun after it ("Solar Power division")."""
    m = re.search(r"(?<![\w'’-])([A-Z][a-z]+(?:-[a-z]+)*) $", text_of(doc)[max(0, start - 40) : start])
    if m and start == ent.start_char:
        word_start = start - len(m.group(1)) - 1
        span = doc.char_span(word_start, start - 1, alignment_mode="expand")
        if (
            span is not None
            and not span[0].is_sent_start
            and not any(t.ent_type_ for t in span)
            and m.group(1).lower() not in LEXICON.title_words | LEXICON.title_modifiers
        ):
            start = word_start
    if ent.end < len(doc) and end == ent.end_char:
        nxt = doc[ent.end]
        if nxt.lower_ in LEXICON.org_units and nxt.text.islower():
            end = nxt.idx + len(nxt.text)
    return start, end


def _given_name_before(doc: Doc, ent, start: int) -> int:
    """'Reps. Ana Silva': a capitalised word the tagger left out before a surname."""
    if ent.start == 0 or len(ent) != 1:
        return start
    before = doc[ent.start - 1]
    if (before.text[:1].isupper() and before.text.isalpha() and not before.is_sent_start and not before.ent_type_
            and before.lower_ not in LEXICON.title_words | LEXICON.title_modifiers | LEXICON.honorifics
            and before.lower_ not in LEXICON.person_stopwords):
        return before.idx
    return start


def _after_title_word(text: str, start: int) -> bool:
    """A lower-case title or a noun for a person right before the name: 'spokesman Jo Lee',
    'local farmer Gareth Jones'."""
    before = re.findall(r"[A-Za-z-]+", text[max(0, start - 30) : start])
    return bool(before) and text[start - 1 : start] == " " and before[-1].islower() and \
        before[-1] in LEXICON.title_words | LEXICON.person_nouns


def _looks_like_org(text: str, start: int, end: int) -> bool:
    nouns = LEXICON.org_nouns
    before = re.findall(r"[A-Za-z-]+", text[max(0, start - 40) : start])[-2:]
    if _after_title_word(text, start):
        return False  # "council member Dana Whitfield": the title word names a person next
    possessive = re.search(r"['’]s?$", text[start:end]) is not None
    after = re.match(
        r"(?:['’]s?)" + ("?" if possessive else "") + r"\s+([\w-]+)(?:\s+([\w-]+))?(?:\s+([\w-]+))?",
        text[end:],
    )
    after_words = {w for w in after.groups() if w} if after else set()
    return bool({w.lower() for w in before} & nouns) or bool(after_words & nouns)
