"""The ways news writing states a post, as named strategies. A mention strategy reads the words
around one mention of a person; an article strategy reads the whole text. Each yields the roles
it finds (RoleFinder.role checks the title); find_roles keeps the first report of each. A new way
of stating a post is a new strategy in a table below, with its own table test
(tests/extract/test_role_strategies.py).

- apposition after a name: "X, chief of Y," / "X, a professor at Y";
- a relative clause or a verb of leading: "X, who heads Y,", "X led Y";
- title before a name: "Deputy Chief of Staff X", "Acme Corp. CEO X", "former President X";
- a title set off before the name: "Acme's chief executive, Jo Lee,";
- appointment verbs: "X was appointed as the first deputy secretary of …", "tapping X … as the
  new finance minister" (nominated), "he worked as an engineer at Y" (former);
- captions ("Name / Title") and bylines ("[Publisher Reporter Name]").
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from app.core.lexicon import LEXICON
from app.extract.clean import BYLINE_BRACKET
from app.extract.entities import org_kind_words
from app.extract.roles.finder import STATUS, RoleFinder
from app.extract.roles.patterns import (
    APPOINT,
    BECAME,
    CAPTION,
    COPULA,
    COPULA_DATED,
    FUTURE,
    LEAVING,
    NAME_LIST_COMMA,
    NOMINATED,
    ROLE_OF,
    STOP_CLAUSE,
    WHO_HEADS,
)
from app.extract.titles import (
    DETERMINERS,
    Word,
    head_length,
    is_abbreviation,
    is_demonym,
    is_head,
    is_plural_title,
    is_title,
    leading_name,
    modifiers,
    singular,
    title_words,
    words_before,
)
from app.extract.types import EntityMention, ExtractedRole

# "a former adviser at Acme": a determiner, a word of the holder's standing, the title, its body.
_STANDING = "|".join(re.escape(w) for w in sorted(LEXICON.former_words | LEXICON.current_words, key=len, reverse=True))
_APPOSED_TITLE = re.compile(
    rf"(?P<det>(?:a|an|the|its|his|her)\s+)?(?P<status>(?:{_STANDING})(?:\s+|(?<=-)))?"
    r"(?P<title>.+?)(?:\s+(?P<prep>of|at|for|in|to|with)\s+(?P<org>.+))?$"
)

# "its chief financial officer since 2020": the period after an apposed title (dating.py reads it).
_PERIOD_AFTER = re.compile(r"\s+(?:since|from|between|until|in)\s+(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d\b.*$")
# "a former minister and now a professor": where a second apposition of the same name begins.
_SECOND_APPOSITION = re.compile(
    r",?\s+and\s+(?=(?:the\s+|a\s+|an\s+)?(?:current|currently|former|formerly|previously|later|now|also)\b)"
)
# "DP lawmaker", "Acme Robotics senior engineer": capitalised words before a title.
_LEADING_BODY = re.compile(r"(?P<lead>(?:[A-Z][\w&'’.-]*)(?:\s+[A-Z][\w&'’.-]*){0,3})\s+(?P<title>.+)$")
ACRONYM = re.compile(r"[A-Z][A-Z&]{1,5}")
# "chief executive of Acme in 2016": the title, its body, and what follows them.
_TITLE_AND_BODY = re.compile(
    r"(?P<title>.+?)(?:\s+(?:of|at)\s+(?P<org>.+?))?(?:\s+(?:in|from|to(?!\s+[A-Z])|on|since|until)\b.*)?$"
)
_LEADING_ARTICLE = re.compile(r"^(?:(?:its|their|his|her|the|a|an)\s+)?(?:new|first|second)?\s*", re.I)

MentionStrategy = Callable[[RoleFinder, EntityMention], Iterator[ExtractedRole]]
ArticleStrategy = Callable[[RoleFinder], Iterator[ExtractedRole]]


def relative_clause(f: RoleFinder, mention: EntityMention) -> Iterator[ExtractedRole]:
    """'X, who heads Y,' and 'X led Y from 2012 until 2023' -> head or leader of Y."""
    m = WHO_HEADS.match(f.text, mention.end)
    if not m:
        return
    org = f.org_named(m["org"], m.start("org"))
    if org is not None:
        verb = m["verb"].lower()
        status = STATUS.current if verb.endswith("s") else STATUS.former
        yield from f.role(mention.ref, LEXICON.head_verbs[verb], status, mention.start, m.end(), org)


def appositions(f: RoleFinder, mention: EntityMention) -> Iterator[ExtractedRole]:
    rest = f.text[mention.end : mention.end + 250]
    if not rest.startswith(", "):
        return
    first = rest[2:].split(" ", 1)[0]
    allowed = DETERMINERS | LEXICON.former_words | LEXICON.current_words | LEXICON.title_modifiers
    word = f.token_at(mention.end + 2)
    if first.islower() and first not in allowed and first not in title_words() and \
            (word is None or word.pos_ not in ("ADJ", "NOUN")):
        return  # ", said X" or ", who …": not an apposition
    stop = STOP_CLAUSE.search(rest, 2)
    phrase = rest[2 : stop.start() if stop else len(rest)]
    phrase = NAME_LIST_COMMA.split(phrase, maxsplit=1)[0]  # an apposition ends at its comma
    head = re.split(r"\s+(?:of|at|for|in|from|with)\s+", phrase, maxsplit=1)[0].split()
    if stop and stop.group().strip() in LEXICON.said_forms and head and head[-1].lower() in LEXICON.anonymous_sources:
        return  # "… met Jo Lee, an official at the office said": the official is the verb's subject
    offset = mention.end + 2
    for part in _SECOND_APPOSITION.split(phrase):
        at = offset + phrase.find(part)
        yield from _apposition(f, mention, part, at)


def _apposition(f: RoleFinder, mention: EntityMention, part: str, at: int) -> Iterator[ExtractedRole]:
    m = _APPOSED_TITLE.match(_PERIOD_AFTER.sub("", part.strip()))
    if not m:
        return
    title, org_phrase = m["title"], m["org"]
    if org_phrase and not is_title(title):
        # "head of the X Lab at Y": the title may itself hold "of".
        return
    org = None
    owner = re.match(r"(?P<owner>[\w&.-]+)['’]s\s+(?P<title>.+)$", title)
    if owner:  # "the company's finance director", "Acme's chief"
        org = f.owner(owner["owner"], at + m.start("title"))
        title = owner["title"]
    lead = _LEADING_BODY.match(title)
    if lead and org is None and not org_phrase and is_title(lead["title"]):
        # "a DP lawmaker", "an Acme Robotics engineer": a body the article names before the title
        lead_at = at + m.start("title")
        org = f.org_in(lead_at, lead_at + len(lead["lead"])) or f.body_of_members(lead["lead"], lead_at)
        title = lead["title"] if org is not None else title
    if org_phrase and org is None:
        org = f.org_named(org_phrase, at + m.start("org"))
        if org is None:
            # "spokeswoman for women for the Green Party": the body named further on
            deeper = re.search(r"\s(?:of|for|at)\s+(?:the\s+)?(?P<org>[A-Z][^,;]*)$", org_phrase)
            if deeper:
                org = f.org_named(deeper["org"], at + m.start("org") + deeper.start("org"))
                if org is not None:
                    title = f"{title} {m['prep']} {org_phrase[: deeper.start()]}"
        if org is None and m["prep"] in ("of", "for", "to") and not f.is_place(org_phrase):
            if not org_phrase[:1].isupper():
                title = f"{title} {m['prep']} {org_phrase}"
        elif org is None and m["prep"] == "to":
            title = f"{title} to {org_phrase}"  # "ambassador to Japan": a post, not an employer
    status = STATUS.former if (m["status"] or "").strip().lower() in LEXICON.former_words else STATUS.current
    end = at + len(part)
    yield from f.role(mention.ref, title, status, mention.start, end, org)


def title_before(f: RoleFinder, mention: EntityMention) -> Iterator[ExtractedRole]:
    first = f.chain_start(mention)
    floor = max(0, first - 120, f.text.rfind("\n", 0, first) + 1)
    for m in f.entities.mentions:
        if m.start >= first:
            break
        if m.end <= first and m.end > floor and f.person(m.ref):
            floor = m.end
    left = f.text[floor:first]
    last = left.rstrip().rsplit(" ", 1)[-1]
    abbreviation = is_abbreviation(last)
    if not left.endswith(" ") or left.rstrip().endswith((",", ".", ";", ":")) and not abbreviation:
        return
    if "[" in " ".join(left.split()[-3:]):
        return  # a byline, read by bylines()
    taken = words_before(f.words(floor, first))
    if not taken:
        return
    start = taken[0].start
    org = f.org_in(start, first)
    title_words = [w.text for w in taken]
    if org is not None:
        org_end = max(m.end for m in f.entities.mentions if m.ref == org and start <= m.start < first)
        title_words = [w.text for w in taken if w.start >= org_end and w.text not in ("'s", "’s")]
    else:
        lead = leading_name(taken)
        if len(lead) > 1 and lead[0].text.lower() in LEXICON.party_adjectives:
            lead = lead[:1]  # "Conservative Treasury spokesman": the party, then a portfolio's title
        name = re.sub(r"['’]s$", "", " ".join(w.text for w in lead))
        if len(lead) == 1 and lead[0].text.lower() in LEXICON.party_adjectives:
            org = f.body_of_members(name, lead[0].start)
        elif lead and lead[0].start == f.sentence_start(lead[0].start) and lead[0].pos != "PROPN" \
                and not any(w.ent for w in lead):
            # a sentence's first words that the tagger names nothing are capitalised common words
            # ("Yet aviation analyst …", "Aviation analyst …"), unless they name a body of the
            # article: by its members ("Conservative … spokesman" of the Conservatives) or by its
            # head noun ("Union general secretary" of the article's one union)
            org = f.body_of_members(name, lead[0].start) or (f.entities.by_head(name) if len(lead) == 1 else None)
        elif lead and not is_demonym(lead) and _may_name_a_body(lead) and not _holds_for_a_place(taken[len(lead):]):
            org = f.org_named(name, lead[0].start)
        if lead and (org is not None or is_demonym(lead)):
            title_words = [w.text for w in taken[len(lead):]]
    org = org or f.org_after(f.chain_end(mention))
    status = f.status(title_words)
    words = [w for w in title_words if w.lower().strip(",") not in LEXICON.former_words | {"ex-"}]
    # Drop leading capitalised words that are not part of the title ("South Korean President").
    while len(words) > head_length(words) and words[0][0].isupper() and words[0].lower() not in modifiers() \
            and not is_head(words[0]) and words[0].lower() not in org_kind_words():
        words = words[1:]
    if first < mention.start and not is_plural_title(words):
        return  # "secretary for trade Ana Roe, Ben Cho": a list of people, the title is the first's
    title = singular(" ".join(words)) if first < mention.start or len(words) == 1 else " ".join(words)
    yield from f.role(mention.ref, title, status, start, mention.end, org)


def _may_name_a_body(lead: list[Word]) -> bool:
    """Words before a title that may name the holder's organization: not a person's or a place's
    name, except an acronym the tagger took for a name ("PCSU deputy general secretary") and a
    place that follows a company's name ("Acme Korea interim CEO")."""
    def fits(word: Word) -> bool:
        return word.ent in ("", "ORG", "NORP", "FAC") or \
            word.ent == "PERSON" and ACRONYM.fullmatch(word.text) is not None
    return all(fits(w) or w.ent in ("GPE", "LOC") and i > 0 and fits(lead[0]) for i, w in enumerate(lead))


def _holds_for_a_place(title: list[Word]) -> bool:
    """'Mayor', 'deputy mayor', 'governor': a title held for a place (lexicon/place_titles.txt),
    so that the name before it is the place ('Riverton Mayor Jo Park')."""
    words = [w.text.lower() for w in title]
    return any(" ".join(words[i:]) in LEXICON.place_titles for i in range(len(words)))


def title_apposed(f: RoleFinder, mention: EntityMention) -> Iterator[ExtractedRole]:
    """'Acme's chief executive, Jo Lee, said' / 'the council leader, Jo Lee,': a title set off
    before the name by a comma, after an owner's possessive or 'the'."""
    left = f.text[max(0, mention.start - 120) : mention.start]
    honorific = re.search(r",\s+(?:Dr|Mr|Mrs|Ms|Prof|Sir|Dame)\.?\s+$", left)
    cut = honorific.start() if honorific else len(left) - 2
    if not (honorific or left.endswith(", ")) or "\n" in left[-60:]:
        return
    floor = mention.start - len(left)
    words = f.words(floor, floor + cut)
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
        org = f.org_named(re.sub(r"['’]s$", "", taken[0].text), taken[0].start)
        title_words = title_words[1:]
    elif common_owner:
        org = f.entities.by_head(common_owner["noun"])
    phrase = re.match(r"(?P<title>.+?)\s+(?:of|at)\s+(?P<org>[A-Z].+)$", " ".join(title_words))
    if phrase and is_title(phrase["title"]) and org is None:  # "the chief executive of Acme, Jo Lee,"
        org = f.org_named(phrase["org"], f.text.find(phrase["org"], taken[0].start))
        if org is not None:
            title_words = phrase["title"].split()
    if not title_words or not is_title(" ".join(title_words)):
        return
    yield from f.role(mention.ref, " ".join(title_words), f.status(title_words), taken[0].start, mention.end, org)


def appointments(f: RoleFinder) -> Iterator[ExtractedRole]:
    for sent in f.doc.sents:
        s_text, base = sent.text, sent.start_char
        for pattern in (APPOINT, BECAME, ROLE_OF, COPULA, COPULA_DATED):
            for m in pattern.finditer(s_text):
                verb_group = "verb" if m.groupdict().get("verb") else "passive"
                verb_at = base + m.start(verb_group)
                person = f.subject_before(base, verb_at)
                tapping = m[verb_group].lower() in (
                    "tapped", "tapping", "nominated", "nominating", "named", "naming", "picked",
                    "picking", "chosen", "appointing",
                )
                if person is None or tapping:
                    person = f.person_between(verb_at, base + m.start("title")) or person
                if person is None:
                    continue
                title_phrase = m["title"]
                tm = _TITLE_AND_BODY.match(title_phrase)
                if not tm:
                    continue
                org = f.org_named(tm["org"], base + m.start("title") + tm.start("org")) if tm["org"] else None
                title = tm["title"].strip() if org or not tm["org"] else title_phrase.strip()
                if org is None and m[verb_group].lower() in LEXICON.joining_verbs:
                    org = f.org_in(verb_at, base + m.start("title"))  # "joined Acme in 2016 as head of risk"
                verb = m[verb_group].lower()
                context = s_text[: m.start("title")]
                if pattern is COPULA and not (org and is_title(title)):
                    continue  # "he was a fan of Acme": not a post
                if pattern is COPULA_DATED and not is_title(tm["title"].split()[-1]):
                    continue
                if LEAVING.match(verb) or verb in ("was", "were", "had been"):
                    status = STATUS.former
                elif NOMINATED.search(context) or FUTURE.search(s_text[: m.start(verb_group)]):
                    status = STATUS.nominated
                elif verb in ("worked", "served", "joined", "becoming") and not re.search(
                        r"\b(?:has|have)\s+(?:\w+\s+)?$", s_text[: m.start(verb_group)]) \
                        or re.search(r"\bbefore\b", s_text[: m.start()]):
                    status = STATUS.former
                else:
                    status = STATUS.current
                title = _LEADING_ARTICLE.sub("", title)
                title = re.split(r"\s+(?:in|from|on|since|until|between|through|after|before|if|when|while|unless|"
                                 r"pending|once|because)\s+|\s+to\s+(?![A-Z])", title)[0]
                yield from f.role(person, title, status, verb_at, base + m.end("title"), org)


def captions(f: RoleFinder) -> Iterator[ExtractedRole]:
    """A broadcaster's on-screen caption on a line of its own: "Name / Title"."""
    for m in CAPTION.finditer(f.text):
        person = f.person_between(m.start("name"), m.end("name"))
        if person is not None:
            org = f.org_in(m.start("title"), m.end("title"))
            yield from f.role(person, m["title"], STATUS.current, m.start(), m.end(), org)


def bylines(f: RoleFinder) -> Iterator[ExtractedRole]:
    for m in BYLINE_BRACKET.finditer(f.text):
        name_at = m.start("names")
        person = f.person_between(name_at, m.end("names"))
        if person is None:
            continue
        org = f.org_named(m["pub"], m.start("pub")) if m["pub"].strip() else None
        yield from f.role(person, m["title"].lower(), STATUS.current, m.start(), m.end(), org)


MENTION_STRATEGIES: tuple[MentionStrategy, ...] = (appositions, relative_clause, title_before, title_apposed)
ARTICLE_STRATEGIES: tuple[ArticleStrategy, ...] = (appointments, captions, bylines)
