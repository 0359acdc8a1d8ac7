"""What the role strategies read: the article's text and parse, its entities (through its
resolver, which names an employer the entity stage missed), and the words around a name."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from app.core.lexicon import LEXICON
from app.extract.entities import clean_org, org_kind_words
from app.extract.resolve import Resolver
from app.extract.roles.patterns import NOMINATED
from app.extract.titles import CONNECTORS, Word, is_title
from app.extract.types import EntityMention, ExtractedRole, text_of

STATUS = LEXICON.role_statuses
# ", of the ruling …": what stands between a name and the party it belongs to.
_OF_PARTY = re.compile(
    r",?\s+of\s+(?:the\s+)?(?:[A-Z][\w-]*['’]s\s+)?"
    r"(?:(?:ruling|main|minor|opposition|conservative|liberal|progressive)\s+){0,2}"
)


class RoleFinder:
    def __init__(self, doc: Doc, resolver: Resolver):
        self.doc = doc
        self.text = text_of(doc)
        self.resolver = resolver
        self.entities = resolver.entities

    def person(self, ref: str) -> bool:
        return self.entities.is_person(ref)

    def org_in(self, start: int, end: int) -> str | None:
        """The organization named in [start, end): the first mention there."""
        for m in self.entities.mentions:
            if m.start >= end:
                break
            if m.start >= start and m.end <= end and not self.person(m.ref):
                return m.ref
        return None

    def org_named(self, phrase: str, start: int) -> str | None:
        """An organization for the phrase after 'of'/'at': a known mention, else the
        capitalised name itself, added to the article's entities."""
        ref = self.org_in(start, start + len(phrase))
        if ref is not None:
            return ref
        if any(start <= m.start < start + len(phrase) and self.person(m.ref) for m in self.entities.mentions):
            return None
        span = self.doc.char_span(start, start + len(phrase.rstrip()), alignment_mode="expand")
        if span is not None and span.ents and all(
                e.label_ in ("GPE", "LOC") or e.label_ == "NORP" and e.text.lower() in LEXICON.demonyms
                for e in span.ents):
            return None  # "ambassador to Japan", "Korean president": a place or a nation, not an employer
        name = re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(), flags=re.I)
        name = re.split(r"['’]s\b", name)[-1].strip() or name
        member_of = self.body_of_members(name, start + max(0, phrase.find(name)))
        if member_of is not None:
            return member_of
        words = name.split()
        if not words or len(words) > 8 or not all(w[0].isupper() or w in CONNECTORS for w in words):
            return None
        if len(words) == 1 and words[0].lower() in org_kind_words():
            # "Union general secretary X": the union the article names
            named = [e for e in self.entities.entities if e.type == "organization"
                     and e.name.split()[-1].lower() == words[0].lower() and len(e.name.split()) > 1]
            return named[0].ref if len(named) == 1 else None
        cleaned = clean_org(name)
        if cleaned is None:
            return None
        return self.resolver.named(cleaned, "organization", start, start + len(phrase))

    def body_of_members(self, name: str, at: int | None = None) -> str | None:
        """The organization a member's word names: 'Liberal Democrat' of the Liberal Democrats,
        'Tory' of the Tories, 'Conservative' of the Conservative Party, as the article names it;
        else, given where the word stands, the party its adjective names (lexicon/party_adjectives.tsv)."""
        party = LEXICON.party_adjectives.get(name.lower())
        forms = {f"{name}s", f"{name[:-1]}ies" if name.endswith("y") else f"{name}s", f"{name} Party",
                 f"{name} party", party}
        found = [e.ref for e in self.entities.entities if e.type == "organization"
                 and ({e.name, *e.aliases} & forms)]
        if len(found) == 1:
            return found[0]
        if not found and party is not None and at is not None and name[:1].isupper():
            return self.resolver.named(party, "organization", at, at + len(name))
        return None

    def owner(self, word: str, at: int) -> str | None:
        """'Acme's' is Acme; 'the company's', 'the airline's' is the organization of the article
        that the noun names."""
        if word[:1].isupper():
            return self.org_named(word, at)
        return self.entities.by_head(word)

    def is_place(self, phrase: str) -> bool:
        phrase = re.sub(r"^(?:the)\s+", "", phrase.strip(), flags=re.I)
        return any(e.label_ in ("GPE", "LOC") and e.text.removeprefix("the ") == phrase for e in self.doc.ents)

    def status(self, words: list[str], context: str = "") -> str:
        lowered = {w.lower().strip(".,-") for w in words} | {w.lower().split("-")[0] for w in words if "-" in w}
        if lowered & LEXICON.former_words:  # "former", "ex-", "then-Chair", "former-President"
            return STATUS.former
        if NOMINATED.search(context):
            return STATUS.nominated
        return STATUS.current

    def chain_start(self, mention: EntityMention) -> int:
        """Where a list of names that ends with this one begins ("A, B, and C")."""
        start = mention.start
        for m in reversed([m for m in self.entities.mentions if m.end <= mention.start]):
            if not self.person(m.ref) or not re.fullmatch(r"(?:,\s*(?:and\s+)?|\s+and\s+)", self.text[m.end : start]):
                break
            start = m.start
        return start

    def chain_end(self, mention: EntityMention) -> int:
        """Where a list of names that starts with this one ends."""
        end = mention.end
        for m in (m for m in self.entities.mentions if m.start >= mention.end):
            if not self.person(m.ref) or not re.fullmatch(r"(?:,\s*(?:and\s+)?|\s+and\s+)", self.text[end : m.start]):
                break
            end = m.end
        return end

    def words(self, start: int, end: int) -> list[Word]:
        words = []
        for m in re.finditer(r"\S+", self.text[start:end]):
            at = start + m.start()
            span = self.doc.char_span(at, at + len(m.group()), alignment_mode="expand")
            token = span[0] if span is not None and len(span) else None
            pos, ent = (token.pos_, token.ent_type_) if token is not None else ("", "")
            words.append(Word(m.group(), at, pos, ent))
        return words

    def org_after(self, end: int) -> str | None:
        """'Rep. A of the ruling B Party': the organization named right after the name(s)."""
        m = _OF_PARTY.match(self.text[end : end + 80])
        if not m:
            return None
        at = end + m.end()
        for mention in self.entities.mentions:
            if mention.start == at and not self.person(mention.ref):
                return mention.ref
            if mention.start > at:
                break
        return None

    def token_at(self, at: int) -> Token | None:
        """The token that starts at or covers the character at `at`."""
        span = self.doc.char_span(at, at + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def sentence_start(self, at: int) -> int:
        span = self.doc.char_span(at, at + 1, alignment_mode="expand")
        return span.sent.start_char if span is not None else -1

    def subject_before(self, start: int, verb_at: int) -> str | None:
        best = None
        for m in self.entities.mentions:
            if m.start >= verb_at:
                break
            if m.start >= start and self.person(m.ref):
                best = m.ref
        if best is None:
            window = self.text[start:verb_at]
            # "he was named …", "The 49-year-old … before becoming …": the person last named.
            if re.search(r"\b(he|she)\b", window, re.I) or re.match(r"\s*the\s+[\w-]+", window, re.I):
                found = self.entities.nearest_before(verb_at, "person")
                best = found.ref if found else None
        return best

    def person_between(self, start: int, end: int) -> str | None:
        for m in self.entities.mentions:
            if start <= m.start < end and self.person(m.ref):
                return m.ref
        return None

    def role(self, person: str, title: str, status: str, start: int, end: int,
             org: str | None) -> tuple[ExtractedRole, ...]:
        """The role a strategy proposes, its title tidied; none when the words are no title."""
        title = " ".join(title.split()).strip(" ,")
        if not title or not is_title(title):
            return ()
        return (ExtractedRole(person, title, status, start, end, org),)
