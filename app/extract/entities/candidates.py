"""Named-entity spans from spaCy, repaired before they are clustered: Korean names the tagger
missed, given names it left out, organizations tagged as people and the reverse, names inside
headings and datelines left out."""
from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Span

from app.core.lexicon import LEXICON
from app.extract.clean import WIRE_DATELINE, reads_as_heading
from app.extract.entities.candidate import Candidate
from app.extract.entities.kinds import ORG_KIND_WORDS, org_kind, org_kind_words
from app.extract.entities.names import POSSESSIVE_SPLIT, clean_person
from app.extract.entities.unlabelled import (
    bodies_by_their_word,
    caption_affiliations,
    person_after_a_body,
    split_at_a_verb,
    split_at_with,
)
from app.extract.quotes import Quoted
from app.extract.types import text_of

# A romanized Korean name: a short surname and a hyphenated given name ("Ma Seok-jin").
KOREAN_NAME = re.compile(r"(?<![\w-])[A-Z][a-z]{0,3} [A-Z][a-z]+-[A-Za-z][a-z]+(?![\w-])")


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


def _place_named_by_title(text: str, label: str, start: int, end: int) -> str | None:
    """'chairwoman Helen Park': tagged a place, but a title word before it names a person."""
    if label in ("FAC", "GPE", "LOC", "NORP", "WORK_OF_ART") and _after_title_word(text, start) \
            and 2 <= len(text[start:end].split()) <= 3 and clean_person(text[start:end]):
        return "PERSON"
    return None


# "Riverton Mayor Jo Park", "Yongin mayor Lee": a place's title and the name that holds it.
_PLACE_TITLE = re.compile(
    r"\s+(?:" + "|".join(re.escape(t) for t in sorted(LEXICON.place_titles, key=len, reverse=True)) + r")\s+[A-Z]",
    re.IGNORECASE,
)


def _place_before_its_title(text: str, label: str, start: int, end: int) -> str | None:
    """'Riverton Mayor Jo Park' tagged a person or a company 'Riverton': a one-word name before a
    title held for a place (lexicon/place_titles.txt) is the place."""
    if label in ("PERSON", "ORG") and len(text[start:end].split()) == 1 and _PLACE_TITLE.match(text, end):
        return "GPE"
    return None


def _owned_thing(text: str, label: str, start: int, end: int) -> str | None:
    """'its Slimfast range', 'their Harbour brand': a one-word name after a possessive
    determiner is a product or a brand, not a person."""
    if label == "PERSON" and len(text[start:end].split()) == 1 and re.search(r"\b(?:its|their)\s+$",
                                                                              text[max(0, start - 8) : start]):
        return "PRODUCT"
    return None


def _political_group(text: str, label: str, start: int, end: int) -> str | None:
    """'the Democrats', 'the Tories', 'Liberal Democrats': tagged a political group, but a party's
    members in the plural (lexicon/party_members.txt) name the party."""
    words = text[start:end].split()
    return "ORG" if label in ("NORP", "PERSON") and words and words[-1].lower() in LEXICON.party_members else None


def _person_like_an_org(text: str, label: str, start: int, end: int) -> str | None:
    """'local daily Harbour Gazette', "Acme Motors' team": an organization's noun beside the name."""
    return "ORG" if label == "PERSON" and _looks_like_org(text, start, end) else None


def _org_with_honorific(text: str, label: str, start: int, end: int) -> str | None:
    """'Mr Brown' tagged an organization."""
    name = text[start:end]
    honorific = name.split()[0].lower().rstrip(".") in LEXICON.honorifics
    if label == "ORG" and honorific and not POSSESSIVE_SPLIT.search(name):
        return "PERSON"
    return None


def _org_named_by_title(text: str, label: str, start: int, end: int) -> str | None:
    """'spokesman Jo Lee' tagged an organization: a title word names a person next."""
    name = text[start:end]
    if label == "ORG" and _after_title_word(text, start) and clean_person(name) and len(name.split()) >= 2 \
            and org_kind(name) == "company" and not any(w.lower() in LEXICON.org_suffixes for w in name.split()):
        return "PERSON"
    return None


# ", son-in-law of …", ", the country's richest man,": a person's noun set off after a name.
_APPOSED_PERSON_NOUN = re.compile(
    r",\s+(?:(?:the|a|an|his|her|their)\s+(?:[A-Za-z]+['’]s\s+)?(?:[a-z]+\s+){0,2}|[A-Za-z]+['’]s\s+(?:[a-z]+\s+){0,2})?"
    r"(?P<noun>[a-z-]+)(?=\s*(?:[,.;]|of\b|who\b|$))"
)


def _org_apposed_to_a_person(text: str, label: str, start: int, end: int) -> str | None:
    """'Dara Holm, the country's richest man,' tagged an organization: a name of a person's
    shape set off by a noun for a person (lexicon/person_nouns.txt) or a title."""
    m = _APPOSED_PERSON_NOUN.match(text, end)
    name = text[start:end]
    if label == "ORG" and m and (m["noun"] in LEXICON.person_nouns or m["noun"] in LEXICON.title_words) \
            and 2 <= len(name.split()) <= 3 and clean_person(name) and org_kind(name) == "company" \
            and not any(w.lower() in LEXICON.org_suffixes for w in name.split()):
        return "PERSON"
    return None


# "Mia Stone of Harbour Kleinwort": a name after another person's name and "of" is where
# that person works, not a second person.
_NAME_AND_OF = re.compile(r"[A-Z][\w'’.-]+\s+(?:of|from)\s+$")


def _affiliation_after_a_name(text: str, label: str, start: int, end: int) -> str | None:
    """'analyst Mia Stone of Harbour Kleinwort': tagged a person, but a name's
    'of' makes it the organization that person belongs to."""
    if label == "PERSON" and _NAME_AND_OF.search(text[max(0, start - 60) : start]) and \
            len(text[start:end].split()) >= 2:
        return "ORG"
    return None


def _company_by_its_last_word(text: str, label: str, start: int, end: int) -> str | None:
    """'Northwave Telecom', 'Acme Holdings' tagged a person: a name ending in a word that only ends
    companies' names (lexicon/company_words.txt, org_suffixes.txt) is an organization; so is a
    lone word that says what kind of body it is ("the Nurses' Guild")."""
    words = text[start:end].split()
    last = words[-1].lower().strip(".,") if len(words) >= 2 else ""
    lone = words[0].lower() in org_kind_words() if len(words) == 1 else False
    return "ORG" if label == "PERSON" and (last in LEXICON.company_words or last in LEXICON.org_suffixes
                                           or lone) else None


# "founder of Bright Harvest", "chief executive at Acme": the body a title word is held at.
_TITLE_OF = re.compile(r"\b(?P<title>[a-z-]+)\s+(?:of|at)\s+(?:the\s+)?$")


def _body_of_a_title(text: str, label: str, start: int, end: int) -> str | None:
    """'Grace Chung, founder of Bright Harvest,' tagged Bright Harvest a person: the name a
    lower-case title word is 'of' or 'at' is the body the title is held in."""
    m = _TITLE_OF.search(text[max(0, start - 40) : start])
    return "ORG" if label == "PERSON" and m and m["title"] in LEXICON.title_words else None


def _party_and_portfolio(text: str, label: str, start: int, end: int) -> str | None:
    """'Conservative Treasury spokesman Jo Lee' tagged 'Conservative Treasury' an organization: a
    party's adjective (lexicon/party_adjectives.tsv) and a portfolio before a title word are the
    party and the title's words, no body of their own."""
    words = text[start:end].split()
    before = re.search(r"([A-Z][a-z]+)\s+$", text[max(0, start - 30) : start])
    party = len(words) >= 2 and words[0].lower() in LEXICON.party_adjectives or \
        before is not None and before[1].lower() in LEXICON.party_adjectives
    title_next = re.match(r"\s+([a-z-]+)", text[end:])
    if label == "ORG" and party and title_next and title_next[1] in LEXICON.title_words:
        return "NORP"
    return None


LabelFix = Callable[[str, str, int, int], str | None]
# A place that a title word names, before anything else; then, once the span is settled, the first
# of these that answers relabels it.
PLACE_FIXES: tuple[LabelFix, ...] = (_place_named_by_title, _political_group, _place_before_its_title, _owned_thing)
LABEL_FIXES: tuple[LabelFix, ...] = (
    _person_like_an_org, _affiliation_after_a_name, _org_with_honorific, _org_named_by_title,
    _org_apposed_to_a_person, _company_by_its_last_word, _body_of_a_title, _party_and_portfolio,
)


def _first_fix(fixes: tuple[LabelFix, ...], text: str, label: str, start: int, end: int) -> str:
    return next((fixed for fix in fixes if (fixed := fix(text, label, start, end)) is not None), label)


def _span(doc: Doc, ent: Span, label: str, names: list[tuple[int, int]]) -> tuple[int, int]:
    """The entity's span, repaired: a given name left out before a surname; an organization cut
    before a Korean name glued to it, and taking in "and X" after "… of …"."""
    text = text_of(doc)
    start, end = ent.start_char, ent.end_char
    if label == "PERSON":
        start = _given_name_before(doc, ent, start)
    for ns, ne in names:
        if ns < end and start < ne and label == "ORG":
            end = min(end, ns) if ns > start else start
    if end > start and label == "ORG" and " of " in text[start:end]:
        m = re.match(r" and ([A-Z][\w&]*(?: [A-Z][\w&]*)?)", text[end:])
        if m:
            end += m.end()
    return start, end


def _missed_korean_names(text: str, found: list[Candidate], names: list[tuple[int, int]]) -> list[Candidate]:
    """Korean names the tagger missed."""
    return found + [Candidate(ns, ne, "PERSON", text[ns:ne]) for ns, ne in names
                    if not any(c.start <= ns and ne <= c.end and c.label == "PERSON" for c in found)]


def _sharing_an_org_head(text: str, found: list[Candidate], names: list[tuple[int, int]]) -> list[Candidate]:
    """"Acme Motors" tagged a person beside "Acme Bank": a shared first word with an organization."""
    heads = {c.text.split()[0] for c in found if c.label == "ORG" and len(c.text.split()) > 1}
    return [Candidate(c.start, c.end, "ORG", c.text)
            if c.label == "PERSON" and c.text.split()[0] in heads and not KOREAN_NAME.fullmatch(c.text) else c
            for c in found]


def _org_of_a_surname(text: str, found: list[Candidate], names: list[tuple[int, int]]) -> list[Candidate]:
    """"Vera Holm" tagged an organization where "Holm" is tagged a person."""
    surnames = {c.text for c in found if c.label == "PERSON" and len(c.text.split()) == 1}
    return [Candidate(c.start, c.end, "PERSON", c.text)
            if c.label == "ORG" and 2 <= len(c.text.split()) <= 3 and c.text.split()[-1] in surnames
            and not any(w.lower() in ORG_KIND_WORDS for w in c.text.split()) and clean_person(c.text) else c
            for c in found]


def _outside_datelines(text: str, found: list[Candidate], names: list[tuple[int, int]]) -> list[Candidate]:
    """Not where a wire story was filed ("NORDPORT, Jan. 2 (Wirepress) --")."""
    datelines = [(m.start(), m.end()) for m in WIRE_DATELINE.finditer(text)]
    return [c for c in found if not any(s <= c.start < e for s, e in datelines)]


def _named_in_the_body(text: str, found: list[Candidate], names: list[tuple[int, int]]) -> list[Candidate]:
    """Names the body names outside its headings: a name only a heading gives is left out."""
    headings = _heading_spans(text)
    in_body = {c.text for c in found if not any(s <= c.start < e for s, e in headings)}
    return [c for c in found if c.text in in_body]


def _joined_by_and(text: str, found: list[Candidate], names: list[tuple[int, int]]) -> list[Candidate]:
    """'Port and Harbour Services Union' cut by the tagger at 'and': a one-word organization,
    'and', and an organization whose last word says it is no company (a union, an association, a
    council) are one name."""
    out: list[Candidate] = []
    for c in sorted(found, key=lambda c: c.start):
        last = out[-1] if out else None
        if (last is not None and last.label == "ORG" and c.label == "ORG" and len(last.text.split()) == 1
                and text[last.end : c.start] == " and " and len(c.text.split()) >= 2
                and org_kind(c.text) not in ("company", "party")):
            out[-1] = Candidate(last.start, c.end, "ORG", text[last.start : c.end], last.subject)
            continue
        out.append(c)
    return out



CandidatePass = Callable[[str, list[Candidate], list[tuple[int, int]]], list[Candidate]]
# Over all of an article's candidates, in order.
PASSES: tuple[CandidatePass, ...] = (
    _joined_by_and, split_at_with, split_at_a_verb, person_after_a_body, bodies_by_their_word, caption_affiliations,
    _missed_korean_names, _sharing_an_org_head, _org_of_a_surname, _outside_datelines, _named_in_the_body,
)


def candidates(doc: Doc, quoted: Quoted) -> list[Candidate]:
    """Named-entity spans, repaired: each entity's label (PLACE_FIXES, LABEL_FIXES) and span,
    then the PASSES over them all."""
    text = text_of(doc)
    names = [(m.start(), m.end()) for m in KOREAN_NAME.finditer(text)
             if m.group(0).split()[0].lower() not in LEXICON.title_modifiers]
    found: list[Candidate] = []
    for ent in doc.ents:
        label = _first_fix(PLACE_FIXES, text, ent.label_, ent.start_char, ent.end_char)
        if label not in ("PERSON", "ORG"):
            continue
        start, end = _span(doc, ent, label, names)
        if end <= start:
            continue
        label = _first_fix(LABEL_FIXES, text, label, start, end)
        if label not in ("PERSON", "ORG"):
            continue
        if label == "ORG":
            start, end = _extend_org(doc, ent, start, end)
        span = doc.char_span(start, end, alignment_mode="expand")
        subject = (span is not None and span.root.dep_ in ("nsubj", "nsubjpass") and label == "PERSON"
                   and span.root.tag_ == "NNP" and not quoted.covers(start))
        found.append(Candidate(start, end, label, text[start:end], subject))
    for each in PASSES:
        found = each(text, found, names)
    return sorted(found, key=lambda c: c.start)


def _extend_org(doc: Doc, ent: Span, start: int, end: int) -> tuple[int, int]:
    """Take in a capitalised word the tagger left out before the name ("Brain-inspired Computing
    Lab") and a unit noun after it ("Solar Power division")."""
    m = re.search(r"(?<![\w'’-])([A-Z][a-z]+(?:-[a-z]+)*|[A-Z]{2,6}) $", text_of(doc)[max(0, start - 40) : start])
    if m and start == ent.start_char:
        word_start = start - len(m.group(1)) - 1
        span = doc.char_span(word_start, start - 1, alignment_mode="expand")
        if (
            span is not None
            and not span[0].is_sent_start
            and not any(t.ent_type_ for t in span)
            and m.group(1).lower() not in LEXICON.title_words | LEXICON.title_modifiers
            and m.group(1).lower() not in LEXICON.clause_openers | LEXICON.small_words
        ):
            start = word_start
    if ent.end < len(doc) and end == ent.end_char:
        nxt = doc[ent.end]
        if nxt.lower_ in LEXICON.org_units and nxt.text.islower():
            end = nxt.idx + len(nxt.text)
    return start, end


def _given_name_before(doc: Doc, ent: Span, start: int) -> int:
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
    """An organization's noun right before the name in its clause ("local daily X") or right
    after it ("X's team"); not a name that opens with a title ("Chair Park Ji-hoon")."""
    nouns = LEXICON.org_nouns
    clause = re.split(r"[,;:.!?\"“”()]", text[max(0, start - 40) : start])[-1]
    before = re.findall(r"[A-Za-z-]+", clause)[-2:]
    if _after_title_word(text, start) or text[start:end].split()[0].lower().rstrip(".") in LEXICON.title_words:
        return False  # "council member Dana Whitfield": the title word names a person next
    possessive = re.search(r"['’]s?$", text[start:end]) is not None
    after = re.match(
        r"(?:['’]s?)" + ("?" if possessive else "") + r"\s+([\w-]+)(?:\s+([\w-]+))?(?:\s+([\w-]+))?",
        text[end:],
    )
    after_words = {w for w in after.groups() if w} if after else set()
    return bool({w.lower() for w in before} & nouns) or bool(after_words & nouns)
