"""People and organizations of one article: cleaned named entities, clustered, with mentions.

spaCy's named entities are the starting point. Names are cleaned (possessives, leading "the",
titles glued to a name), noise is dropped, and mentions are clustered: variant spellings of a full
name share a key (names.person_key), and a one-word mention ("Roe") joins the full name it
shortens, the nearest one before it when two people share it. Every occurrence of each form in the
body is then indexed, so later stages can resolve a reporting clause's subject to a person even
where the tagger missed it.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc

from app.core.lexicon import LEXICON
from app.core.names import (
    fold,
    is_acronym_of,
    name_fullness,
    org_key,
    org_words,
    person_key,
    strip_possessive,
)
from app.extract.clean import WIRE_DATELINE, reads_as_heading
from app.extract.types import Entity, Mention, text_of

_LEADING_FUNCTION_WORDS = LEXICON.clause_openers
_PARTICLES = LEXICON.name_particles
_HONORIFICS = LEXICON.honorifics
_NAME_TOKEN = re.compile(r"^[A-Z][\w'’.-]*$")
# A romanized Korean name: a short surname and a hyphenated given name ("Ma Seok-jin").
_KOREAN_NAME = re.compile(r"(?<![\w-])[A-Z][a-z]{0,3} [A-Z][a-z]+-[A-Za-z][a-z]+(?![\w-])")
_POSSESSIVE_SPLIT = re.compile(r"['’]s?\s+")


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


def candidates(doc: Doc) -> list[Candidate]:
    """Named-entity spans, repaired: Korean names the tagger missed, names glued to an
    organization, organizations cut at 'and', organizations tagged as people."""
    text = text_of(doc)
    names = [(m.start(), m.end()) for m in _KOREAN_NAME.finditer(text)
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
        elif label == "ORG" and text[start:end].split()[0].lower().rstrip(".") in _HONORIFICS \
                and not _POSSESSIVE_SPLIT.search(text[start:end]):
            label = "PERSON"  # "Mr Brown" tagged an organization
        elif label == "ORG" and _after_title_word(text, start) and clean_person(text[start:end]) and \
                len(text[start:end].split()) >= 2 and org_kind(text[start:end]) == "company" and \
                not any(w.lower() in LEXICON.org_suffixes for w in text[start:end].split()):
            label = "PERSON"  # "spokesman Jo Lee": a title word names a person next
        if label == "ORG":
            start, end = _extend_org(doc, ent, start, end)
        span = doc.char_span(start, end, alignment_mode="expand")
        subject = (span is not None and span.root.dep_ in ("nsubj", "nsubjpass") and label == "PERSON"
                   and span.root.tag_ == "NNP" and not _in_quotes(text, start))
        found.append(Candidate(start, end, label, text[start:end], subject))
    for ns, ne in names:
        if not any(c.start <= ns and ne <= c.end and c.label == "PERSON" for c in found):
            found.append(Candidate(ns, ne, "PERSON", text[ns:ne]))
    # "Acme Motors" tagged a person beside "Acme Bank": a shared first word with an organization.
    org_heads = {c.text.split()[0] for c in found if c.label == "ORG" and len(c.text.split()) > 1}
    found = [
        Candidate(c.start, c.end, "ORG", c.text)
        if c.label == "PERSON" and c.text.split()[0] in org_heads and not _KOREAN_NAME.fullmatch(c.text)
        else c
        for c in found
    ]
    surnames = {c.text for c in found if c.label == "PERSON" and len(c.text.split()) == 1}
    found = [
        Candidate(c.start, c.end, "PERSON", c.text)
        if c.label == "ORG" and 2 <= len(c.text.split()) <= 3 and c.text.split()[-1] in surnames
        and not any(w.lower() in _ORG_KIND_WORDS for w in c.text.split()) and clean_person(c.text)
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


def _in_quotes(text: str, at: int) -> bool:
    """Inside a quotation of its paragraph: an odd number of quote marks before it."""
    paragraph = text[text.rfind("\n\n", 0, at) + 1 : at]
    return (paragraph.count("\"") + paragraph.count("“") - paragraph.count("”")) % 2 == 1 or \
        paragraph.count("“") > paragraph.count("”")


def _given_name_before(doc: Doc, ent, start: int) -> int:
    """'Reps. Ana Silva': a capitalised word the tagger left out before a surname."""
    if ent.start == 0 or len(ent) != 1:
        return start
    before = doc[ent.start - 1]
    if (before.text[:1].isupper() and before.text.isalpha() and not before.is_sent_start and not before.ent_type_
            and before.lower_ not in LEXICON.title_words | LEXICON.title_modifiers | _HONORIFICS
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


@dataclass
class Cluster:
    ref: str
    type: str
    forms: Counter = field(default_factory=Counter)
    short_forms: set[str] = field(default_factory=set)
    first_at: int = 0
    media: bool = False  # the page's publisher

    @property
    def name(self) -> str:
        return max(self.forms, key=lambda f: (name_fullness(f), self.forms[f]))


@dataclass
class ArticleEntities:
    entities: list[Entity]
    mentions: list[Mention]  # sorted by start

    def at(self, start: int, end: int) -> Mention | None:
        """The mention overlapping [start, end), if any."""
        for m in self.mentions:
            if m.start < end and start < m.end:
                return m
            if m.start >= end:
                break
        return None

    def add(self, name: str, type_: str, start: int, end: int) -> str:
        """An entity found late (a speaker the tagger named only once); returns its ref."""
        key = person_key(name) if type_ == "person" else org_key(name)
        for e in self.entities:
            if e.type == type_ and (person_key(e.name) if type_ == "person" else org_key(e.name)) == key:
                ref = e.ref
                break
        else:
            ref = self._next_ref(type_)
            kind = org_kind(name) if type_ == "organization" else None
            self.entities.append(Entity(ref=ref, type=type_, name=name, kind=kind))
        bisect.insort(self.mentions, Mention(start, end, ref), key=lambda m: m.start)
        return ref

    def _next_ref(self, type_: str) -> str:
        """Refs are 'p1', 'p2', … for people and 'o1', … for organizations, in the order found."""
        prefix = type_[0]
        taken = [int(e.ref[1:]) for e in self.entities if e.ref[:1] == prefix and e.ref[1:].isdigit()]
        return f"{prefix}{max(taken, default=0) + 1}"

    def type_of(self, ref: str) -> str:
        return next(e.type for e in self.entities if e.ref == ref)

    def nearest_before(
        self, pos: int, type_: str, skip: list[tuple[int, int]] | None = None, fits=None
    ) -> Mention | None:
        best = None
        for m in self.mentions:
            if m.start >= pos:
                break
            if self.type_of(m.ref) != type_ or (fits and not fits(m.ref)):
                continue
            if skip and any(s <= m.start < e for s, e in skip):
                continue
            best = m
        return best


def _title_words() -> frozenset[str]:
    return LEXICON.title_words | LEXICON.title_modifiers


def clean_person(text: str) -> str | None:
    text = strip_possessive(" ".join(text.split()))
    words = text.split()
    titles = _title_words()
    while words and words[0].lower() in _LEADING_FUNCTION_WORDS:
        words = words[1:]  # "While Comey": a sentence's first word taken into the name
    original = list(words)
    while words and (words[0].lower().strip(".") in titles | _HONORIFICS):
        words = words[1:]
    if len(words) == 1 and len(original) == 2 and "-" in words[0] and original[0][:1].isupper() \
            and original[0].lower() not in _HONORIFICS:
        words = original  # "King Ha-eun": a surname that is also a title word
    if not 1 <= len(words) <= 4:
        return None
    stop = LEXICON.person_stopwords
    for w in words:
        if w.lower() in _PARTICLES:
            continue
        if not _NAME_TOKEN.match(w) or any(c.isdigit() for c in w) or w.lower() in stop:
            return None
    if len(words) == 1 and (words[0].isupper() or len(words[0]) < 2):
        return None
    return " ".join(words)


def clean_org(text: str) -> str | None:
    text = " ".join(text.split())
    text = re.split(r"[?!]", text)[0]
    text = strip_possessive(text).strip(" ,;:-—–―\"'“”‘’")
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\s*\([^()]*$", "", text)  # "Council of Nine (C9": an unclosed bracket
    text = re.sub(r"(?:\s+(?:and|of|&|for|the))+$", "", text, flags=re.IGNORECASE)  # "… Tourism and"
    words = text.split()
    if words and words[0].lower().rstrip(".") in _HONORIFICS:
        return None  # "Mr Brown": a person
    if words and " ".join(words).lower() in LEXICON.demonyms:
        return None  # "Welsh", "South Korean": a nationality
    if not words or len(words) > 10 or not any(c.isupper() for c in text):
        return None
    if not org_words(text) or any(re.fullmatch(r"[\d.,]+|.*-\d+", w) for w in words):
        return None  # "GPT-5", "4.0": products and versions
    if all(w.lower() in _ORG_KIND_WORDS for w in words):
        return None  # "Research Institute": a generic description
    if all(w.lower() in _title_words() for w in words):
        return None  # "Education", "Labor", "Digital": a portfolio or a title word, not a body
    if len(words) == 1 and (
        words[0].lower() in LEXICON.org_stopwords | LEXICON.title_words
    ):
        return None
    if words[-1].lower() in LEXICON.non_org_heads:
        return None
    if "," in text and org_kind(text) == "company":
        return None
    return text


_PARENT_HEADS = LEXICON.parent_heads
_UNIT_HEADS = LEXICON.unit_heads


def _inner_parent(name: str) -> str | None:
    """'Hanil University College of Law' sits under 'Hanil University'."""
    words = name.split()
    for i in range(1, len(words) - 1):
        if words[i - 1].lower() in _PARENT_HEADS and words[i].lower() in _UNIT_HEADS and words[i][0].isupper():
            return " ".join(words[:i])
    return None


def split_org(text: str) -> tuple[str | None, str | None]:
    """'Acme Electronics' Solar division' -> ('Solar division', 'Acme Electronics')."""
    parts = _POSSESSIVE_SPLIT.split(" ".join(text.split()), maxsplit=1)
    if len(parts) == 2 and parts[0].endswith("s") and text.count("'") + text.count("’") == 1 \
            and re.search(r"s['’]\s", text) and parts[1].lower() in _ORG_KIND_WORDS:
        return clean_org(text), None  # "National Rail Workers' Union": one name
    if len(parts) == 2:
        owner, unit = clean_org(parts[0]), clean_org(parts[1])
        if owner and org_kind(owner) == "company" and len(owner.split()) == 1 and not unit:
            return owner, None
        if unit and owner and (org_kind(owner) != "company" or len(owner.split()) > 1 or owner.isupper()):
            return unit, owner
        if unit:
            return unit, None
        return owner, None
    return clean_org(text), None


_ORG_KIND_WORDS = frozenset(LEXICON.org_kinds) | {"of", "and", "the"}


def org_by_head(entities: "ArticleEntities", noun: str) -> str | None:
    """'the airline', 'the union': the one organization of the article whose name ends in that
    noun ('Skyway Airlines', 'Rail Workers' Union'), else the only company for 'company'/'firm'."""
    noun = noun.lower()
    named = [e for e in entities.entities if e.type == "organization" and len(e.name.split()) > 1
             and e.name.split()[-1].lower().rstrip("s") == noun.rstrip("s")]
    if len(named) == 1:
        return named[0].ref
    if noun in LEXICON.company_nouns:
        companies = [e for e in entities.entities if e.type == "organization" and e.kind in ("company", "finance")]
        if len(companies) == 1:
            return companies[0].ref
    return None


def org_kind_words() -> frozenset[str]:
    """Words that say what kind of body a name is: 'ministry', 'union', 'party', …"""
    return _ORG_KIND_WORDS - {"of", "and", "the"}


def org_kind(name: str) -> str:
    kinds = LEXICON.org_kinds
    for word in reversed(re.findall(r"[a-z]+", fold(name))):
        if word in kinds:
            return kinds[word]
    return "company"


def _short_forms(name: str) -> set[str]:
    words = name.split()
    if len(words) < 2:
        return set()
    return {w for w in (words[0], words[-1]) if len(w) >= 2 and w.lower() not in _PARTICLES}


def _cluster_people(found: list[Candidate]) -> list[Cluster]:
    full: dict[str, Cluster] = {}
    singles: list[tuple[int, str]] = []
    for ent in found:
        if ent.label != "PERSON":
            continue
        name = clean_person(ent.text)
        if not name:
            continue
        if len(name.split()) == 1:
            singles.append((ent.start, name, ent.subject))
            continue
        key = person_key(name)
        cluster = full.get(key)
        if cluster is None:
            cluster = full[key] = Cluster(ref=f"p{len(full) + 1}", type="person", first_at=ent.start)
        cluster.forms[name] += 1
    for cluster in full.values():
        for form in cluster.forms:
            cluster.short_forms |= _short_forms(form)
    # A one-word name that shortens no full name is a person known by one name ("DuVernay").
    shorts = {s for c in full.values() for s in c.short_forms}
    counts = Counter(name for _, name, _ in singles)
    for start, name, subject in singles:
        if name in shorts or (counts[name] < 2 and not subject):
            continue
        key = person_key(name)
        if key not in full:
            full[key] = Cluster(ref=f"p{len(full) + 1}", type="person", first_at=start)
        full[key].forms[name] += 1
    return list(full.values())


def _cluster_orgs(text: str, found: list[Candidate], people: list[Cluster]) -> list[Cluster]:
    person_keys = {person_key(f) for c in people for f in c.forms}
    person_shorts = {s for c in people for s in c.short_forms}
    clusters: dict[str, Cluster] = {}

    def add(name: str, at: int) -> None:
        if not name or person_key(name) in person_keys or name in person_shorts:
            return
        key = org_key(name)
        cluster = clusters.get(key)
        if cluster is None:
            cluster = clusters[key] = Cluster(
                ref=f"o{len({id(c) for c in clusters.values()}) + 1}",
                type="organization",
                first_at=at,
            )
        cluster.forms[name] += 1

    for ent in found:
        if ent.label != "ORG":
            continue
        unit, owner = split_org(ent.text)
        if unit and not owner:
            owner = _inner_parent(unit)
        if owner:
            add(owner, ent.start)
        if unit:
            add(unit, ent.start)
    _merge_acronyms(text, clusters)
    unique: dict[int, Cluster] = {id(c): c for c in clusters.values()}
    return list(unique.values())


def _merge_acronyms(text: str, clusters: dict[str, Cluster]) -> None:
    """'WHO (World Health Organization)' and the reverse order."""
    for m in re.finditer(r"([A-Z][\w&.'’ -]{1,80}?)\s+\(([^()]{2,80})\)", text):
        outside, inside = m.group(1).strip(), m.group(2).strip()
        for short, long in ((outside, inside), (inside, outside)):
            short = short.split()[-1] if short.split() else short
            long_words = long.split()
            for n in range(len(long_words), 0, -1):
                candidate = " ".join(long_words[-n:])
                if candidate[:1].isupper() and is_acronym_of(short, candidate):
                    _join_forms(clusters, short, candidate)
                    break


def _join_forms(clusters: dict[str, Cluster], short: str, long: str) -> None:
    a, b = clusters.get(org_key(short)), clusters.get(org_key(long))
    if a is None and b is None:
        return
    if a is None:
        b.forms[short] += 1
    elif b is None:
        a.forms[long] += 1
    elif a is not b:
        a.forms.update(b.forms)
        del clusters[org_key(long)]
        clusters[org_key(long)] = a


def _without_suffixes(form: str) -> str:
    """'Hanra Group' -> 'Hanra', 'Acme Corp.' -> 'Acme': the name without its trailing suffix words."""
    words = form.split()
    suffixes = LEXICON.org_suffixes
    while len(words) > 1 and words[-1].lower().rstrip(".") in {w.rstrip(".") for w in suffixes}:
        words = words[:-1]
    return " ".join(words)


def _index_mentions(text: str, clusters: list[Cluster]) -> list[Mention]:
    """Every occurrence of every form, longest first; an ambiguous short form goes to the
    cluster whose full name was seen last before it (or first after it)."""
    patterns: dict[str, set[str]] = defaultdict(set)
    for c in clusters:
        for form in c.forms:
            patterns[form].add(c.ref)
            if c.type == "organization":
                patterns[strip_possessive(form)].add(c.ref)
                short = _without_suffixes(form)
                if short and short != form:
                    patterns[short].add(c.ref)  # "Hanra" for "Hanra Group", "Acme" for "Acme Corp."
        for short in c.short_forms:
            patterns[short].add(c.ref)
    if not patterns:
        return []
    forms = sorted(patterns, key=len, reverse=True)
    regex = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])")
    full_at: list[tuple[int, str]] = []
    hits: list[tuple[int, int, set[str]]] = []
    by_ref = {c.ref: c for c in clusters}
    for m in regex.finditer(text):
        refs = patterns[m.group(0)]
        hits.append((m.start(), m.end(), refs))
        if len(refs) == 1 and m.group(0) not in by_ref[next(iter(refs))].short_forms:
            full_at.append((m.start(), next(iter(refs))))
    mentions = []
    for start, end, refs in hits:
        if len(refs) == 1:
            ref = next(iter(refs))
        else:
            # The one named in this paragraph, else the one the article names most, else the one
            # named last before (or first after).
            paragraph = text.rfind("\n\n", 0, start)
            here = [r for at, r in full_at if paragraph < at < start and r in refs]
            counts = Counter(r for _, r in full_at if r in refs)
            top = counts.most_common(2)
            before = [r for at, r in full_at if at < start and r in refs]
            after = [r for at, r in full_at if at > start and r in refs]
            if here:
                ref = here[-1]
            elif len(top) == 2 and top[0][1] > top[1][1]:
                ref = top[0][0]
            else:
                ref = before[-1] if before else (after[0] if after else sorted(refs)[0])
        mentions.append(Mention(start, end, ref))
    return mentions


_POSSESSIVE_BEFORE = re.compile(r"['’]s?\s+(?:the\s+)?$")
_AT_OR_OF_AFTER = re.compile(r"\s+(?:at|of)\s+(?:the\s+)?")


def _occurrences(text: str, needle: str) -> list[int]:
    found, at = [], text.find(needle)
    while at >= 0 and needle:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def _names_parent(before: str, after: str, form: str) -> bool:
    """'FORM's UNIT', 'UNIT at FORM' or 'UNIT of FORM', given the text before and after UNIT."""
    m = _POSSESSIVE_BEFORE.search(before)
    if m and before[: m.start()].endswith(form):
        return True
    m = _AT_OR_OF_AFTER.match(after)
    return bool(m and after[m.end() :].startswith(form))


def _parents(text: str, orgs: list[Cluster]) -> dict[str, str]:
    """A unit inside another: its name extends the other's ('Acme AI Lab' under 'Acme'), or
    the text says so ('X's Y', 'Y at X', 'Y of X')."""
    parent: dict[str, str] = {}
    names = {c.ref: c.name for c in orgs}
    for c in orgs:
        words = c.name.split()
        for other in orgs:
            if other is c:
                continue
            for form in other.forms:
                ow = form.split()
                if len(ow) < len(words) and words[: len(ow)] == ow and words[len(ow)] != "of":
                    current = parent.get(c.ref)
                    if current is None or len(names[current]) < len(form):
                        parent[c.ref] = other.ref
    for c in orgs:
        if c.ref in parent:
            continue
        # The words around each place a form of the unit is written, read once per unit.
        around = [
            (text[max(0, at - 200) : at], text[at + len(child) : at + len(child) + 200])
            for child in c.forms
            for at in _occurrences(text, child)
        ]
        for other in orgs:
            if other is not c and any(_names_parent(before, after, form)
                                      for form in other.forms for before, after in around):
                parent[c.ref] = other.ref
    # No cycles: a unit cannot sit under itself.
    for ref in list(parent):
        seen, k = {ref}, parent[ref]
        while k in parent:
            if k in seen:
                del parent[ref]
                break
            seen.add(k)
            k = parent[k]
    return parent


def _merge_of_forms(orgs: list[Cluster]) -> list[Cluster]:
    """'Unity Party of Nordland' is the full form of 'Unity Party', not a unit of it."""
    kept: list[Cluster] = []
    for c in sorted(orgs, key=lambda c: len(c.name)):
        for k in kept:
            if any(c.name.startswith(f + " of ") for f in k.forms):
                k.forms.update(c.forms)
                break
        else:
            kept.append(c)
    return sorted(kept, key=lambda c: c.first_at)


def byline_person(name: str) -> str | None:
    """An author named by the source who is a person: a name in Latin script of two to four
    words, not a desk, a wire or an outlet ("National Desk", "Harbour Wire")."""
    cleaned = clean_person(name)
    if not cleaned or len(cleaned.split()) < 2 or any(w.isupper() and len(w) > 1 for w in cleaned.split()):
        return None
    if not all(c.isascii() or not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in cleaned):
        return None
    if any(w.lower() in _ORG_KIND_WORDS for w in cleaned.split()):
        return None
    return cleaned


def _add_authors(people: list[Cluster], authors: tuple[str, ...]) -> None:
    by_key = {person_key(f): c for c in people for f in c.forms}
    for author in authors:
        name = byline_person(author)
        if name is None:
            continue
        cluster = by_key.get(person_key(name))
        if cluster is None:
            cluster = Cluster(ref="", type="person", first_at=1 << 30)
            people.append(cluster)  # no short forms: a surname in the text may be anyone's
            by_key[person_key(name)] = cluster
        cluster.forms[name] += 1


def extract_entities(doc: Doc, extra_orgs: list[str] = (), authors: tuple[str, ...] = ()) -> ArticleEntities:
    found = candidates(doc)
    people = _cluster_people(found)
    _add_authors(people, authors)
    orgs = _merge_of_forms(_cluster_orgs(text_of(doc), found, people))
    known = {org_key(f) for c in orgs for f in c.forms}
    for name in extra_orgs:
        if name and org_key(name) not in known:
            cluster = Cluster(ref="", type="organization", first_at=len(text_of(doc)), media=True)
            cluster.forms[name] += 1
            orgs.append(cluster)
            known.add(org_key(name))
    # Refs are given once the clusters are final (merging may have dropped some).
    for prefix, clusters in (("p", people), ("o", orgs)):
        for n, cluster in enumerate(clusters, start=1):
            cluster.ref = f"{prefix}{n}"
    parents = _parents(text_of(doc), orgs)
    mentions = _index_mentions(text_of(doc), people + orgs)
    entities = [
        Entity(
            ref=c.ref,
            type="person",
            name=c.name,
            aliases=tuple(sorted(f for f in c.forms if f != c.name)),
        )
        for c in people
    ]
    entities += [
        Entity(
            ref=c.ref,
            type="organization",
            name=c.name,
            aliases=tuple(sorted(f for f in c.forms if f != c.name)),
            kind="media" if c.media else org_kind(c.name),
            parent=parents.get(c.ref),
        )
        for c in orgs
    ]
    return ArticleEntities(entities=entities, mentions=sorted(mentions, key=lambda m: m.start))
