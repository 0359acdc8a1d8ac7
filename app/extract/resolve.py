"""Who a subject is: the one place that turns the words naming a speaker or an actor into an
entity of the article, and says which words it read.

One Resolver per article owns the article's entities. Roles, speakers, reported speech and
claims all ask it the same question of a token: a name ("Kim", "Acme Corp.") is its entity; a
pronoun is the person its clause's reporter is, else the person last named as a subject before
it; a description is resolved with what the article says: "the mayor" is whoever the article's
roles make mayor, "the company" is the article's main company, "the committee" the named
committee; "a spokesman", "officials", "experts" name nobody. A stage that finds a name the
entity stage did not keep proposes it (`named`) and gets its ref back: refs are handed out here
alone. `resolve` also returns the span of words it read (the speaker mention). The pipeline tells
the resolver what the article has said so far (`update`: its roles, its quoted stretches).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from app.core.lexicon import LEXICON
from app.extract.clean import WIRE_DATELINE
from app.extract.confidence import CONFIDENCE
from app.extract.entities import ArticleEntities, clean_org, clean_person, org_kind
from app.extract.quotes import Quoted
from app.extract.titles import main_organizations
from app.extract.types import ExtractedRole, text_of

SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_MENTION_PREPOSITIONS = LEXICON.mention_prepositions
_INDEFINITE = LEXICON.indefinite_determiners
_GOVERNMENT_NOUNS = LEXICON.government_nouns


@dataclass(frozen=True)
class Resolution:
    ref: str | None
    confidence: float
    mention: tuple[int, int] | None  # the words read: body[start:end]


NOBODY = Resolution(None, 0.0, None)


COMMON_NOUN_TAGS = ("NN", "NNS")


class Resolver:
    def __init__(self, doc: Doc, entities: ArticleEntities):
        self.doc = doc
        self.text = text_of(doc)
        self.entities = entities
        self.roles: list[ExtractedRole] = []
        self.quoted = Quoted()
        self.pronouns = LEXICON.pronouns
        self.titles = LEXICON.title_words
        self.reporting = LEXICON.reporting_verbs
        self.anonymous = LEXICON.anonymous_sources
        self.org_nouns = LEXICON.org_nouns
        self.description_kinds = LEXICON.description_kinds
        self.main = main_organizations(entities)
        self.datelines = [(m.start(), m.end()) for m in WIRE_DATELINE.finditer(self.text)]

    def update(self, roles: Sequence[ExtractedRole] | None = None, quoted: Quoted | None = None) -> None:
        """What the article has said so far: the roles found (so "the mayor" can be named) and
        the stretches quoted (mentions inside a quote are not the narrator's); the article's
        main organizations are read again, since stages may have named new ones."""
        if roles is not None:
            self.roles = list(roles)
        if quoted is not None:
            self.quoted = quoted
        self.main = main_organizations(self.entities)

    def named(self, name: str, type_: str, start: int, end: int) -> str:
        """A name a stage found at [start, end) that the entity stage did not keep (a speaker
        named once, an employer after "at"): the ref of the entity it names."""
        return self.entities.register(name, type_, start, end)

    # ----------------------------------------------------------------- the words read
    def inside_quote(self, token: Token) -> bool:
        return self.quoted.covers(token.idx)

    def mention_span(self, token: Token) -> tuple[int, int]:
        """The words that name or refer to someone around a subject token: its noun phrase
        ("the state's Republican governor", "a spokesman for the ministry", "he"), without a
        relative clause or an apposition after a comma."""
        if token.pos_ == "PRON":
            return token.idx, token.idx + len(token.text)
        last = token
        for child in token.rights:
            if child.dep_ in ("compound", "flat", "nmod") or (
                    child.dep_ == "prep" and child.lower_ in _MENTION_PREPOSITIONS):
                last = child.right_edge
            else:
                break
        tokens = self.doc[token.left_edge.i : last.i + 1]
        for narrower in (self.doc[token.left_edge.i : token.i + 1], self.doc[token.i : token.i + 1]):
            if len(tokens) <= 15 and not any(self.inside_quote(t) for t in tokens):
                break
            tokens = narrower
        while len(tokens) > 1 and (tokens[0].is_punct or tokens[0].dep_ == "cc"):
            tokens = tokens[1:]
        while len(tokens) > 1 and tokens[-1].is_punct:
            tokens = tokens[:-1]
        return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)

    # ----------------------------------------------------------------- who it is
    def resolve(self, token: Token, before: int, actor: bool = False) -> Resolution:
        """A subject token -> the entity it names or refers to, with the words read. For an
        `actor` (a claim's subject) only the words that can name it count, not a place or
        thing it is attached to ('the plant project in Riverton' is nobody)."""
        if token.lower_ in LEXICON.relative_pronouns and token.head.dep_ == "relcl" and token.head.head is not token:
            token = token.head.head  # "Lee, who said …": the one the clause is about
        if self._in_dateline(token.idx):  # "SEOUL, May 2 (Wire) -- Mayor Lee said": the parse took the place
            named = [c for c in token.children if c.dep_ == "appos" and not self._in_dateline(c.idx)]
            if not named:
                return NOBODY
            token = named[0]
        ref, confidence = self._ref(token, before, actor)
        return Resolution(ref, confidence, self.mention_span(token))

    def _in_dateline(self, at: int) -> bool:
        return any(s <= at < e for s, e in self.datelines)

    def _ref(self, token: Token, before: int, actor: bool = False) -> tuple[str | None, float]:
        mention = self.entities.at(token.idx, token.idx + len(token.text))
        if mention is None and token.ent_type_ in ("PERSON", "ORG"):
            for t in token.subtree:
                mention = mention or self.entities.at(t.idx, t.idx + len(t.text))
        if mention is not None:
            return mention.ref, CONFIDENCE.named
        if token.ent_type_ in (("PERSON", "ORG") if actor else ("PERSON", "ORG", "GPE", "NORP")):
            created = self._create(token)
            if created:
                return created, CONFIDENCE.named_late
        word = token.lower_
        if token.pos_ == "PRON" and word in self.pronouns and word not in ("i", "we"):
            if word in ("they", "them"):
                return None, 0.0
            return self.person_for_pronoun(token, before)
        if token.pos_ in ("NOUN", "PROPN"):
            return self._description(token, before, actor)
        return None, 0.0

    def person_for_pronoun(self, pronoun: Token, before: int) -> tuple[str | None, float]:
        """The person a reporting clause names ('Lee told reporters that she …'), else the
        person last named as a subject, else the person last named."""
        governing = self._governing_subject(pronoun)
        if governing is not None:
            ref, confidence = self._ref(governing, before)
            if ref is not None and self.entities.type_of(ref) == "person":
                return ref, min(confidence, CONFIDENCE.pronoun_of_reporter)
        subject = self._last_subject(before, "person")
        if subject is not None:
            return subject, CONFIDENCE.pronoun_of_subject
        found = self.entities.nearest_before(before, "person", self.quoted.covers)
        return (found.ref, CONFIDENCE.pronoun_of_nearest) if found else (None, 0.0)

    def _description(self, token: Token, before: int, actor: bool = False) -> tuple[str | None, float]:
        lemma = token.lemma_.lower()
        if token.lower_ in self.anonymous or lemma in self.anonymous:
            return None, 0.0
        person_noun = lemma in self.titles
        words = self._naming_part(token) if actor else token.subtree
        named = [m for m in (self.entities.at(t.idx, t.idx + len(t.text)) for t in words) if m is not None]
        for m in named:  # "a lawmaker, Jane Roe," names her
            if self.entities.type_of(m.ref) == "person":
                return m.ref, CONFIDENCE.description_naming
        determiner = next((c.lower_ for c in token.children if c.dep_ == "det"), "")
        if person_noun and determiner in _INDEFINITE:
            return None, 0.0  # "a representative of Acme": an unnamed individual
        if named and person_noun and token.tag_ == "NN":
            holder = self._holder_before(token, before, {m.ref for m in named})
            if holder is not None:  # "the chief of Acme": the one the article gives that post at Acme
                return holder, CONFIDENCE.title_holder
        if named:  # "a statement from Acme", "the Acme campaign": the organization
            return named[0].ref, CONFIDENCE.description_naming
        if token.tag_ in ("NNS", "NNPS"):
            return None, 0.0  # "lawmakers", "researchers": a group, nobody in particular
        if person_noun or self._holders(token):
            holder = self._holder_before(token, before)
            if holder is not None:
                return holder, CONFIDENCE.title_holder
            return None, 0.0  # no one the article gives that post: "the spokesman" stays unnamed
        if lemma in self.org_nouns or lemma in _GOVERNMENT_NOUNS or lemma in LEXICON.company_nouns:
            return self.organization_for(token, before)  # "the committee", "the ministry", "the airline"
        return None, 0.0

    def _naming_part(self, token: Token) -> list[Token]:
        """The words of a noun phrase that can name its referent: itself, its compounds,
        possessives and appositions, and what 'for'/'from'/'of' introduce ('a statement from
        Acme'), not a place it happened in."""
        parts = [token]
        for child in token.children:
            if child.dep_ in ("compound", "poss", "appos", "nmod", "amod", "flat"):
                parts.extend(child.subtree)
            elif child.dep_ == "prep" and child.lower_ in ("for", "from", "of", "at"):
                parts.extend(child.subtree)
        return sorted(parts, key=lambda t: t.i)

    # ----------------------------------------------------------------- descriptions
    def organization_for(self, noun: Token, before: int) -> tuple[str | None, float]:
        """'the committee' is the named committee; 'the company' the article's main company;
        else the organization last named as a subject."""
        lemma = noun.lemma_.lower()
        by_head = [e.ref for e in self.entities.entities  # "the committee": "Works Committee", "Committee of …"
                   if e.type == "organization" and (e.name.split()[-1].lower().rstrip("'s") == lemma
                                                    or e.name.lower().startswith(f"{lemma} of "))]
        if by_head:
            for mention in reversed(self.entities.mentions):
                if mention.start < before and mention.ref in by_head:
                    return mention.ref, CONFIDENCE.org_by_head_named_before
            if len(by_head) == 1:
                return by_head[0], CONFIDENCE.org_by_head_only
        kind = org_kind(lemma)
        if lemma in _GOVERNMENT_NOUNS:
            return None, 0.0  # an unnamed government body
        if kind in self.main and kind != "company" or lemma in LEXICON.company_nouns:
            main = self.main.get(kind)
            if main is not None:
                return main, CONFIDENCE.main_organization
        # otherwise the organization last named as a subject, else last named, of a kind the
        # noun can describe ("the newspaper" is no court)
        fits = self._fitting(self.description_kinds.get(lemma))
        acting = self._last_subject(before, "organization", fits)
        if acting is not None:
            return acting, CONFIDENCE.org_last_subject
        found = self.entities.nearest_before(before, "organization", self.quoted.covers, fits)
        return (found.ref, CONFIDENCE.org_nearest) if found else (None, 0.0)

    def organization_before(self, before: int) -> str | None:
        """The organization last named as a subject before `before`, else the article's main
        company, else the organization last named."""
        acting = self._last_subject(before, "organization")
        if acting is not None:
            return acting
        if "company" in self.main:
            return self.main["company"]
        found = self.entities.nearest_before(before, "organization", self.quoted.covers)
        return found.ref if found else None

    def _person_subject_of(self, verb: Token) -> str | None:
        for subject in (c for c in verb.children if c.dep_ in SUBJECT_DEPS):
            for t in subject.subtree:
                found = self.entities.at(t.idx, t.idx + len(t.text))
                if found is not None and self.entities.type_of(found.ref) == "person":
                    return found.ref
        return None

    def _fitting(self, kind: str | None) -> Callable[[str], bool] | None:
        if kind is None:
            return None
        kinds = {e.ref: e.kind for e in self.entities.entities}
        return lambda ref: kinds.get(ref) == kind

    def _holders(self, noun: Token, at: set[str] | None = None) -> set[str]:
        """People whose role in the article this title noun names ("the mayor", "the chief
        executive"), at one of the organizations `at` when given: roles are found before
        speakers. A shadow's or a former holder's post is not the post ("the chancellor" is not
        the shadow chancellor)."""
        words = {noun.lemma_.lower(), noun.lower_} | LEXICON.title_references.get(noun.lemma_.lower(), frozenset())
        compound = " ".join([t.lower_ for t in noun.lefts if t.dep_ in ("compound", "amod")] + [noun.lower_])
        rival = LEXICON.rival_title_words - {t.lower_ for t in noun.lefts}
        holders = set()
        for role in self.roles:
            if at is not None and role.organization not in at or rival & set(role.title.lower().split()):
                continue
            for title in ((role.title_normalized or "").lower().split(), role.title.lower().split()):
                if title and (title[-1] in words or " ".join(title).endswith(compound) and " " in compound):
                    holders.add(role.person)  # the noun is the title's head: "the mayor" of "Riverton mayor"
        return holders

    def _holder_before(self, noun: Token, before: int, at: set[str] | None = None) -> str | None:
        holders = self._holders(noun, at)
        if not holders:
            return None
        for mention in reversed(self.entities.mentions):
            if mention.start < before and mention.ref in holders and not self.quoted.covers(mention.start):
                return mention.ref
        return sorted(holders)[0] if len(holders) == 1 else None

    def _governing_subject(self, pronoun: Token) -> Token | None:
        """'Lee told reporters that she …': the subject of the clause that reports the pronoun's."""
        clause = pronoun.head
        if clause.dep_ not in ("ccomp", "xcomp", "advcl") or clause.head is clause:
            return None
        subjects = [c for c in clause.head.children if c.dep_ in SUBJECT_DEPS and c.pos_ in ("PROPN", "NOUN")]
        return subjects[0] if subjects else None

    def _last_subject(self, before: int, type_: str, fits: Callable[[str], bool] | None = None) -> str | None:
        """The entity of a type (that `fits`) last named as the subject of a clause before `before`."""
        for mention in reversed(self.entities.mentions):
            if mention.start >= before or self.quoted.covers(mention.start):
                continue
            if self.entities.type_of(mention.ref) != type_ or (fits and not fits(mention.ref)):
                continue
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            if root.dep_ in ("compound", "appos") and root.head.dep_ in SUBJECT_DEPS:
                root = root.head  # "Aviation analyst Jo van der Berg … described": the name of the subject
            if root.dep_ not in SUBJECT_DEPS:
                continue
            if type_ == "person" and root.head.dep_ == "ccomp" and root.head.head.lemma_.lower() in self.reporting:
                reporter = self._person_subject_of(root.head.head)
                if reporter is not None:
                    return reporter  # "Dempsey said Mr Ahern had been …": the one who reported it
            return mention.ref
        return None

    def _create(self, token: Token) -> str | None:
        """A named speaker the entity stage did not keep (a name given once, a surname alone)."""
        ent = next((e for e in self.doc.ents if e.start <= token.i < e.end), None)
        if ent is None or self._in_dateline(ent.start_char):
            return None
        if len(ent) == 1 and token.tag_ in COMMON_NOUN_TAGS:
            return None  # "Schools will …": a common noun the tagger misread as a name
        if ent.label_ == "PERSON":
            name = clean_person(ent.text)
            type_ = "person"
        elif ent.label_ in ("GPE", "NORP"):
            # "Japan insisted …", "Democrats argued …": a country or a party speaking.
            if token.dep_ not in SUBJECT_DEPS:
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
        return self.named(name, type_, ent.start_char, ent.end_char)
