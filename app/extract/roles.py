"""Roles: who holds which title where, from the phrases news writing uses for them.

- apposition after a name: "X, chief of Y," / "X, a professor at Y";
- title before a name: "Deputy Chief of Staff X", "Acme Corp. CEO X", "former President X";
- appointment verbs: "X was appointed as the first deputy secretary of …", "tapping X … as the
  new finance minister" (nominated), "he worked as an engineer at Y" (former);
- bylines: "[Publisher Reporter Name]".
A title must end in a title head word (lexicon/title_words.txt).
"""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from app.core.lexicon import LEXICON
from app.core.titles import normalize_title
from app.extract.clean import BYLINE_BRACKET
from app.extract.entities import clean_org, org_by_head, org_kind_words
from app.extract.periods import Period, find_period
from app.extract.resolve import Resolver
from app.extract.titles import (
    CONNECTORS,
    DETERMINERS,
    Word,
    head_length,
    is_abbreviation,
    is_demonym,
    is_head,
    is_plural_title,
    is_title,
    leading_name,
    main_organizations,
    ministry_for,
    modifiers,
    singular,
    title_words,
    with_main_organization,
    words_before,
)
from app.extract.types import Mention, Role, text_of

_FORMER = LEXICON.former_words
_NOMINATED = re.compile(r"\b(nominat\w*|tapp(?:ed|ing)|pick(?:ed|ing)?|designate|tipped|pending)\b", re.I)
_STOP_CLAUSE = re.compile(
    r",\s+(?=(?:who|which|said|says|is|was|has|had|told|and\s+(?:is|was|has))\b)|[.;:()\[\]]\s|[.;:]$|\s+(?:said|says|told|is|was|has|had|will|would)\b"
)
_APPOINT = re.compile(
    r"\b(?P<verb>appointed|appointing|named|naming|nominated|nominating|tapped|tapping|elected|became"
    r"|becoming|become|worked|served|joined|serving|working|promoted|chosen|picked|picking"
    r"|step(?:s|ped|ping)?\s+down|resign(?:s|ed|ing)?|quit(?:s|ting)?|retir(?:es|ed|ing))\b"
    r"(?:\s+[\w,’'.-]+){0,14}?\s+as\s+(?:an?\s+|the\s+)?(?P<title>[^,.;]+)",
    re.I,
)
_BECAME = re.compile(
    r"(?:\b(?P<verb>became|becoming|become)|\b(?:was|were|been|is|be|being)\s+(?:\w+ly\s+|also\s+)?"
    r"(?P<passive>named|appointed|elected|promoted to))\s+(?:an?\s+|the\s+)?(?P<title>[^,.;]+)",
    re.I,
)
# "Becker was chief operating officer of Nordic Power": a title with its organization after a copula.
_COPULA = re.compile(
    r"\b(?P<verb>was|were|is|are|has been|had been|have been)\s+(?:also\s+)?(?:an?\s+|the\s+)?"
    r"(?P<title>[a-z][\w -]*?\s+(?:of|at)\s+[A-Z][^,.;]*)",
)
_ROLE_OF = re.compile(
    r"\b(?P<verb>take|takes|took|taking|assume|assumes|assumed|assuming)\s+(?:on\s+|up\s+|over\s+)?the\s+"
    r"(?:role|post|position|job|office)\s+of\s+(?:an?\s+|the\s+)?(?P<title>[^,.;]+)",
    re.I,
)
# A role still to come: "will become", "is to become", "is set to take on the role of".
_FUTURE = re.compile(r"\b(?:will|shall|is\s+to|are\s+to|(?:is|are)\s+set\s+to|(?:is|are)\s+expected\s+to|to\s+be)\s+(?:\w+\s+)?$", re.I)
_LEAVING = re.compile(r"^(?:step|resign|quit|retir)", re.I)
_CAPTION = re.compile(r"(?m)^(?P<name>[A-Z][^/\n]{2,40}?) / (?P<title>[A-Z][^/\n]{1,80})$")
_SPEECH = LEXICON.said_forms
# A comma that ends an apposition, not one inside a name ("Ministry of Ports, Roads and Rail",
# "Acme, Inc.").
_NAME_LIST_COMMA = re.compile(
    r",\s+(?!(?:Inc|Ltd|Co|Corp|LLC)\b)(?![A-Z][\w&]*(?:\s[A-Z][\w&]*)*(?:,\s[A-Z][\w&]*(?:\s[A-Z][\w&]*)*)*,?\s+(?:and|&)\s+[A-Z])"
)
# Verbs whose object is the organization ("joined Acme as …"), not the person ("tapped Lee as …").
_JOINING = LEXICON.joining_verbs
_HEAD_VERBS = LEXICON.head_verbs
_WHO_HEADS = re.compile(
    r",\s+who\s+(?:now\s+|currently\s+)?(?P<verb>heads|leads|runs|chairs|headed|led|ran|chaired)\s+"
    r"(?P<org>(?:the\s+)?[A-Z][\w&'’.-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w&'’.-]*)*)"
)


class RoleFinder:
    def __init__(self, doc: Doc, resolver: Resolver):
        self.doc = doc
        self.text = text_of(doc)
        self.resolver = resolver
        self.entities = resolver.entities
        self.roles: dict[tuple, Role] = {}

    def _person(self, ref: str) -> bool:
        return self.entities.is_person(ref)

    def _org_in(self, start: int, end: int) -> str | None:
        """The organization named in [start, end): the first mention there."""
        for m in self.entities.mentions:
            if m.start >= end:
                break
            if m.start >= start and m.end <= end and not self._person(m.ref):
                return m.ref
        return None

    def _org_named(self, phrase: str, start: int) -> str | None:
        """An organization for the phrase after 'of'/'at': a known mention, else the
        capitalised name itself, added to the article's entities."""
        ref = self._org_in(start, start + len(phrase))
        if ref is not None:
            return ref
        if any(start <= m.start < start + len(phrase) and self._person(m.ref) for m in self.entities.mentions):
            return None
        span = self.doc.char_span(start, start + len(phrase.rstrip()), alignment_mode="expand")
        if span is not None and span.ents and all(e.label_ in ("GPE", "LOC", "NORP") for e in span.ents):
            return None  # "ambassador to Japan": a place, not an employer
        name = re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(), flags=re.I)
        name = re.split(r"['’]s\b", name)[-1].strip() or name
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

    def _owner(self, word: str, at: int) -> str | None:
        """'Acme's' is Acme; 'the company's', 'the airline's' is the organization of the article
        that the noun names."""
        if word[:1].isupper():
            return self._org_named(word, at)
        return org_by_head(self.entities, word)

    def _is_place(self, phrase: str) -> bool:
        phrase = re.sub(r"^(?:the)\s+", "", phrase.strip(), flags=re.I)
        return any(e.label_ in ("GPE", "LOC") and e.text.removeprefix("the ") == phrase for e in self.doc.ents)

    def _add(self, person: str, title: str, status: str, start: int, end: int, org: str | None) -> None:
        title = " ".join(title.split()).strip(" ,")
        if not title or not is_title(title):
            return
        key = (person, title.lower(), org)
        if key not in self.roles:
            self.roles[key] = Role(person, title, status, start, end, org)

    def _status(self, words: list[str], context: str = "") -> str:
        lowered = {w.lower().strip(".,-") for w in words}
        if lowered & _FORMER or any(w.lower().startswith("ex-") for w in words):
            return "former"
        if _NOMINATED.search(context):
            return "nominated"
        return "current"

    # ------------------------------------------------------------- patterns
    def relative_clause(self, mention: Mention) -> None:
        """'X, who heads Y,' -> head of Y."""
        m = _WHO_HEADS.match(self.text, mention.end)
        if not m:
            return
        org = self._org_named(m["org"], m.start("org"))
        if org is not None:
            verb = m["verb"].lower()
            status = "current" if verb.endswith("s") else "former"
            self._add(mention.ref, _HEAD_VERBS[verb], status, mention.start, m.end(), org)

    def appositions(self, mention: Mention) -> None:
        rest = self.text[mention.end : mention.end + 250]
        if not rest.startswith(", "):
            return
        first = rest[2:].split(" ", 1)[0].lower()
        allowed = DETERMINERS | LEXICON.former_words | LEXICON.current_words | LEXICON.title_modifiers
        if first.islower() and first not in allowed and first not in title_words():
            return  # ", said X" or ", who …": not an apposition
        stop = _STOP_CLAUSE.search(rest, 2)
        phrase = rest[2 : stop.start() if stop else len(rest)]
        phrase = _NAME_LIST_COMMA.split(phrase, maxsplit=1)[0]  # an apposition ends at its comma
        head = re.split(r"\s+(?:of|at|for|in|from|with)\s+", phrase, maxsplit=1)[0].split()
        if stop and stop.group().strip() in _SPEECH and head and head[-1].lower() in LEXICON.anonymous_sources:
            return  # "… met Jo Lee, an official at the office said": the official is the verb's subject
        offset = mention.end + 2
        for part in re.split(r",?\s+and\s+(?=(?:the\s+|a\s+|an\s+)?(?:current|former|now|also)\b)", phrase):
            at = offset + phrase.find(part)
            self._apposition(mention, part, at)

    def _apposition(self, mention: Mention, part: str, at: int) -> None:
        m = re.match(
            r"(?P<det>(?:a|an|the|its|his|her)\s+)?(?P<status>(?:former|current|now|then|acting|ex-)\s*)?"
            r"(?P<title>.+?)(?:\s+(?P<prep>of|at|for|in|to|with)\s+(?P<org>.+))?$",
            part.strip(),
        )
        if not m:
            return
        title, org_phrase = m["title"], m["org"]
        if org_phrase and not is_title(title):
            # "head of the X Lab at Y": the title may itself hold "of".
            return
        org = None
        owner = re.match(r"(?P<owner>[\w&.-]+)['’]s\s+(?P<title>.+)$", title)
        if owner:  # "the company's finance director", "Acme's chief"
            org = self._owner(owner["owner"], at + m.start("title"))
            title = owner["title"]
        if org_phrase and org is None:
            org = self._org_named(org_phrase, at + m.start("org"))
            if org is None:
                # "spokeswoman for women for the Green Party": the body named further on
                deeper = re.search(r"\s(?:of|for|at)\s+(?:the\s+)?(?P<org>[A-Z][^,;]*)$", org_phrase)
                if deeper:
                    org = self._org_named(deeper["org"], at + m.start("org") + deeper.start("org"))
                    if org is not None:
                        title = f"{title} {m['prep']} {org_phrase[: deeper.start()]}"
            if org is None and m["prep"] in ("of", "for", "to") and not self._is_place(org_phrase):
                if not org_phrase[:1].isupper():
                    title = f"{title} {m['prep']} {org_phrase}"
            elif org is None and m["prep"] == "to":
                title = f"{title} to {org_phrase}"  # "ambassador to Japan": a post, not an employer
        status = "former" if (m["status"] or "").strip().lower() in ("former", "then", "ex-") else "current"
        end = at + len(part)
        self._add(mention.ref, title, status, mention.start, end, org)

    def _chain_start(self, mention: Mention) -> int:
        """Where a list of names that ends with this one begins ("A, B, and C")."""
        start = mention.start
        for m in reversed([m for m in self.entities.mentions if m.end <= mention.start]):
            if not self._person(m.ref) or not re.fullmatch(r"(?:,\s*(?:and\s+)?|\s+and\s+)", self.text[m.end : start]):
                break
            start = m.start
        return start

    def _chain_end(self, mention: Mention) -> int:
        """Where a list of names that starts with this one ends."""
        end = mention.end
        for m in (m for m in self.entities.mentions if m.start >= mention.end):
            if not self._person(m.ref) or not re.fullmatch(r"(?:,\s*(?:and\s+)?|\s+and\s+)", self.text[end : m.start]):
                break
            end = m.end
        return end

    def _words(self, start: int, end: int) -> list[Word]:
        words = []
        for m in re.finditer(r"\S+", self.text[start:end]):
            at = start + m.start()
            span = self.doc.char_span(at, at + len(m.group()), alignment_mode="expand")
            token = span[0] if span is not None and len(span) else None
            words.append(Word(m.group(), at, token.pos_ if token is not None else "", token.ent_type_ if token is not None else ""))
        return words

    def _org_after(self, end: int) -> str | None:
        """'Rep. A of the ruling B Party': the organization named right after the name(s)."""
        m = re.match(r",?\s+of\s+(?:the\s+)?(?:(?:ruling|main|minor|opposition|conservative|liberal|progressive)\s+){0,2}",
                     self.text[end : end + 80])
        if not m:
            return None
        at = end + m.end()
        for mention in self.entities.mentions:
            if mention.start == at and not self._person(mention.ref):
                return mention.ref
            if mention.start > at:
                break
        return None

    def title_before(self, mention: Mention) -> None:
        first = self._chain_start(mention)
        floor = max(0, first - 120, self.text.rfind("\n", 0, first) + 1)
        for m in self.entities.mentions:
            if m.start >= first:
                break
            if m.end <= first and m.end > floor and self._person(m.ref):
                floor = m.end
        left = self.text[floor:first]
        last = left.rstrip().rsplit(" ", 1)[-1]
        abbreviation = is_abbreviation(last)
        if not left.endswith(" ") or left.rstrip().endswith((",", ".", ";", ":")) and not abbreviation:
            return
        if "[" in " ".join(left.split()[-3:]):
            return  # a byline, read by bylines()
        taken = words_before(self._words(floor, first))
        if not taken:
            return
        start = taken[0].start
        org = self._org_in(start, first)
        title_words = [w.text for w in taken]
        if org is not None:
            org_end = max(m.end for m in self.entities.mentions if m.ref == org and start <= m.start < first)
            title_words = [w.text for w in taken if w.start >= org_end and w.text not in ("'s", "’s")]
        else:
            lead = leading_name(taken)
            if lead and not is_demonym(lead) and all(w.ent in ("", "ORG", "NORP", "FAC") for w in lead) and not (
                lead[0].start == self._sentence_start(lead[0].start) and lead[0].pos == "ADJ"
            ):
                name = " ".join(w.text for w in lead)
                org = self._org_named(re.sub(r"['’]s$", "", name), lead[0].start)
            if lead and (org is not None or is_demonym(lead)):
                title_words = [w.text for w in taken[len(lead):]]
        org = org or self._org_after(self._chain_end(mention))
        status = self._status(title_words)
        words = [w for w in title_words if w.lower().strip(",") not in _FORMER | {"ex-"}]
        # Drop leading capitalised words that are not part of the title ("South Korean President").
        while len(words) > head_length(words) and words[0][0].isupper() and words[0].lower() not in modifiers() \
                and not is_head(words[0]) and words[0].lower() not in org_kind_words():
            words = words[1:]
        if first < mention.start and not is_plural_title(words):
            return  # "secretary for trade Ana Roe, Ben Cho": a list of people, the title is the first's
        title = singular(" ".join(words)) if first < mention.start or len(words) == 1 else " ".join(words)
        self._add(mention.ref, title, status, start, mention.end, org)

    def title_apposed(self, mention: Mention) -> None:
        """'Acme's chief executive, Jo Lee, said' / 'the council leader, Jo Lee,': a title set off
        before the name by a comma, after an owner's possessive or 'the'."""
        left = self.text[max(0, mention.start - 120) : mention.start]
        honorific = re.search(r",\s+(?:Dr|Mr|Mrs|Ms|Prof|Sir|Dame)\.?\s+$", left)
        cut = honorific.start() if honorific else len(left) - 2
        if not (honorific or left.endswith(", ")) or "\n" in left[-60:]:
            return
        floor = mention.start - len(left)
        words = self._words(floor, floor + cut)
        taken = words_before(words)
        if not taken:
            return
        i = words.index(taken[0])
        owner = re.search(r"['’]s$", taken[0].text)
        before = words[i - 1].text if i else ""
        common_owner = re.match(r"(?P<noun>[a-z]+)['’]s$", before)  # "the airline's chief executive"
        if not owner and not common_owner and before.lower() not in ("the", "its", "their", "his", "her"):
            return
        org = None
        title_words = [w.text for w in taken]
        if owner:
            org = self._org_named(re.sub(r"['’]s$", "", taken[0].text), taken[0].start)
            title_words = title_words[1:]
        elif common_owner:
            org = org_by_head(self.entities, common_owner["noun"])
        phrase = re.match(r"(?P<title>.+?)\s+(?:of|at)\s+(?P<org>[A-Z].+)$", " ".join(title_words))
        if phrase and is_title(phrase["title"]) and org is None:  # "the chief executive of Acme, Jo Lee,"
            org = self._org_named(phrase["org"], self.text.find(phrase["org"], taken[0].start))
            if org is not None:
                title_words = phrase["title"].split()
        if not title_words or not is_title(" ".join(title_words)):
            return
        self._add(mention.ref, " ".join(title_words), self._status(title_words), taken[0].start, mention.end, org)

    def _sentence_start(self, at: int) -> int:
        span = self.doc.char_span(at, at + 1, alignment_mode="expand")
        return span.sent.start_char if span is not None else -1

    def appointments(self) -> None:
        for sent in self.doc.sents:
            s_text, base = sent.text, sent.start_char
            for pattern in (_APPOINT, _BECAME, _ROLE_OF, _COPULA):
                for m in pattern.finditer(s_text):
                    verb_group = "verb" if m.groupdict().get("verb") else "passive"
                    verb_at = base + m.start(verb_group)
                    person = self._subject_before(base, verb_at)
                    tapping = m[verb_group].lower() in (
                        "tapped", "tapping", "nominated", "nominating", "named", "naming", "picked",
                        "picking", "chosen", "appointing",
                    )
                    if person is None or tapping:
                        person = self._person_between(verb_at, base + m.start("title")) or person
                    if person is None:
                        continue
                    title_phrase = m["title"]
                    tm = re.match(r"(?P<title>.+?)(?:\s+(?:of|at)\s+(?P<org>.+?))?(?:\s+(?:in|from|to|on|since|until)\b.*)?$", title_phrase)
                    if not tm:
                        continue
                    org = self._org_named(tm["org"], base + m.start("title") + tm.start("org")) if tm["org"] else None
                    if org is None and not tm["org"] and m[verb_group].lower() in _JOINING:
                        org = self._org_in(verb_at, base + m.start("title"))  # "joined Acme in 2016 as …"
                    title = tm["title"].strip() if org or not tm["org"] else title_phrase.strip()
                    verb = m[verb_group].lower()
                    context = s_text[: m.start("title")]
                    if pattern is _COPULA and not (org and is_title(title)):
                        continue  # "he was a fan of Acme": not a post
                    if _LEAVING.match(verb) or verb in ("was", "were", "had been"):
                        status = "former"
                    elif _NOMINATED.search(context) or _FUTURE.search(s_text[: m.start(verb_group)]):
                        status = "nominated"
                    elif verb in ("worked", "served", "joined", "becoming") and not re.search(
                            r"\b(?:has|have)\s+(?:\w+\s+)?$", s_text[: m.start(verb_group)]) \
                            or re.search(r"\bbefore\b", s_text[: m.start()]):
                        status = "former"
                    else:
                        status = "current"
                    title = re.sub(r"^(?:(?:its|their|his|her|the|a|an)\s+)?(?:new|first|second)?\s*", "", title, flags=re.I)
                    title = re.split(r"\s+(?:in|from|to|on|since|until|after|before|if|when|while|unless|"
                                     r"pending|once|because)\s+", title)[0]
                    self._add(person, title, status, verb_at, base + m.end("title"), org)

    def _subject_before(self, start: int, verb_at: int) -> str | None:
        best = None
        for m in self.entities.mentions:
            if m.start >= verb_at:
                break
            if m.start >= start and self._person(m.ref):
                best = m.ref
        if best is None:
            window = self.text[start:verb_at]
            # "he was named …", "The 49-year-old … before becoming …": the person last named.
            if re.search(r"\b(he|she)\b", window, re.I) or re.match(r"\s*the\s+[\w-]+", window, re.I):
                found = self.entities.nearest_before(verb_at, "person")
                best = found.ref if found else None
        return best

    def _person_between(self, start: int, end: int) -> str | None:
        for m in self.entities.mentions:
            if start <= m.start < end and self._person(m.ref):
                return m.ref
        return None

    def captions(self) -> None:
        """A broadcaster's on-screen caption on a line of its own: "Name / Title"."""
        for m in _CAPTION.finditer(self.text):
            person = self._person_between(m.start("name"), m.end("name"))
            if person is not None:
                org = self._org_in(m.start("title"), m.end("title"))
                self._add(person, m["title"], "current", m.start(), m.end(), org)

    def bylines(self) -> None:
        for m in BYLINE_BRACKET.finditer(self.text):
            name_at = m.start("names")
            person = self._person_between(name_at, m.end("names"))
            if person is None:
                continue
            org = self._org_named(m["pub"], m.start("pub")) if m["pub"].strip() else None
            self._add(person, m["title"].lower(), "current", m.start(), m.end(), org)


# Leaving a post, said as done ("resigned", "stepped down"), not as to come ("will step down").
_LEFT = re.compile(r"^[^.;]{0,40}?(?<!will )(?<!to )\b(?:resign(?:s|ed)|step(?:s|ped) down|quit|retire[sd]|"
                   r"(?:was|were|has been|had been) (?:fired|ousted|dismissed|sacked|removed))\b", re.I)


def _dated(doc: Doc, role: Role) -> Role:
    span = doc.char_span(role.start, role.end, alignment_mode="expand")
    period = Period()
    if span is not None:
        # The role's own words first ("joined Acme in 2016 as …"), then its line of the sentence: a
        # period given for another post in a run-on line does not carry over.
        sentence = span.sent
        offset = role.start - sentence.start_char
        line_start = sentence.text.rfind("\n", 0, max(0, offset)) + 1
        line_end = sentence.text.find("\n", offset)
        line = sentence.text[line_start : line_end if line_end >= 0 else len(sentence.text)]
        period = find_period(span.text)
        if period.text is None:
            period = find_period(line)
    status = role.status
    if period and period.end_year and status == "current":
        status = "former"  # "until 2020", "from 2015 to 2019"
    if status == "current" and span is not None and _LEFT.search(text_of(doc)[role.end : span.sent.end_char]):
        status = "former"  # "party leader Martin Cole resigned on Sunday"
    return replace(
        role,
        status=status,
        title_normalized=normalize_title(role.title),
        start_year=period.start_year if period else None,
        start_month=period.start_month if period else None,
        end_year=period.end_year if period else None,
        end_month=period.end_month if period else None,
        period_text=period.text if period else None,
    )


def find_roles(doc: Doc, resolver: Resolver) -> list[Role]:
    entities = resolver.entities
    finder = RoleFinder(doc, resolver)
    for mention in list(entities.mentions):
        if not finder._person(mention.ref):
            continue
        finder.appositions(mention)
        finder.relative_clause(mention)
        finder.title_before(mention)
        finder.title_apposed(mention)
    finder.appointments()
    finder.captions()
    finder.bylines()
    main = main_organizations(entities)
    return [_dated(doc, ministry_for(with_main_organization(role, main), entities)) for role in finder.roles.values()]
