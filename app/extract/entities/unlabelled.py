"""Organizations the tagger left unlabelled or cut, found from the text itself: a capitalised
name that ends in a word saying it is a body ("Acme Holdings", "Harbour Enterprises Federation"),
the affiliation on a broadcaster's "Name / Title, Organization" caption line, two names the tagger
ran together over "with", a person a name ran on into ("For the Greens Dana Holt said"). Each
is a pass over an article's candidates (candidates.PASSES), with its own table test
(tests/extract/test_candidate_rules.py)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.core.lexicon import LEXICON
from app.extract.entities.candidate import Candidate
from app.extract.entities.kinds import ORG_KIND_WORDS, org_kind
from app.extract.entities.names import clean_person

# A capitalised word of a name: "Korea", "AT&T", "Plus.net", "Workers'"; an abbreviation "Co.".
_WORD = r"[A-Z][\w&'’-]*(?:\.[\w]+)*"
_ABBREVIATION = r"(?:Co|Corp|Inc|Ltd|Bros)\."
# Words a name may hold between its capitalised words ("and" is left to the tagger: "Acme and
# Harbour Group" is two names).
_JOIN = r"(?:of|&|for|the)"
_NAME_RUN = re.compile(
    rf"(?<![\w&.'’-])(?:{_ABBREVIATION}|{_WORD})"
    rf"(?: (?:{_ABBREVIATION}|{_WORD}|{_JOIN}(?= [A-Z]))|, (?=(?:Ltd|Inc|LLC)\b)(?:{_ABBREVIATION}|{_WORD}))*"
)
# "Jo Park / Harbour Federation of Trade Unions", "Dana Holt / CEO, Harbour Diamond".
_CAPTION_LINE = re.compile(r"(?m)^(?P<name>[A-Z][^/\n]{2,40}?) / (?P<rest>[A-Z][^/\n]{1,120})$")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def _is_body_word(word: str) -> bool:
    bare = word.lower().rstrip(".,")
    singular = bare[:-1] if bare.endswith("s") else bare  # "Unions"
    return bare in LEXICON.org_suffixes or bare in LEXICON.org_kinds or singular in LEXICON.org_kinds


_COMMON_WORDS = (LEXICON.title_words | LEXICON.title_modifiers | LEXICON.org_stopwords | LEXICON.honorifics
                 | LEXICON.title_determiners | LEXICON.clause_openers | LEXICON.small_words
                 | {m.lower() for m in LEXICON.months})


def _is_common_word(word: str) -> bool:
    return word.lower().rstrip(".,'’") in _COMMON_WORDS


def body_names(text: str) -> list[Span]:
    """Capitalised names of two words or more that end in a word saying they name a body (an
    organization suffix or kind word: "Holdings", "Federation", "Union", "Co., Ltd."), with at
    least one word before it that is no common title or kind word, and not opening a sentence
    with a common word."""
    found = []
    for m in _NAME_RUN.finditer(text):
        words = m.group().split()
        for i in range(len(words) - 1, -1, -1):
            if re.search(r"['’]s$", words[i]) or re.search(r"\d", words[i][:3]):
                words = words[i + 1 :]  # after an owner ("Korea's …") or a figure glued to a word
                break
        if "of" in words and not any(_is_body_word(w) for w in words[: words.index("of")]):
            words = words[words.index("of") + 1 :]  # "Lester Holt of NBC News", "Half of Acme Co."
        while words and (_is_common_word(words[0]) or len(words) > 2 and words[1] == "of"
                         and not _is_body_word(words[0]) and not words[0].isupper()):
            words = words[2:] if len(words) > 2 and words[1] == "of" else words[1:]  # "In November the", "Half of"
        if len(words) > 1 and words[0].lower() in LEXICON.party_adjectives and org_kind(" ".join(words[1:])) != "party":
            words = words[1:]  # "Conservative Treasury (spokesman)": the party's adjective and a portfolio
        if len(words) < 2 or not _is_body_word(words[-1]) or all(_is_body_word(w) for w in words):
            continue  # no body's word last ("Political Funds Act"), or only such words
        name = " ".join(words)
        start = text.index(name, m.start())
        found.append(Span(start, start + len(name.rstrip(","))))
    return found


def caption_spans(text: str) -> list[Span]:
    """The organization on a caption line "Name / Organization" or "Name / Title, Organization":
    the part after the title, or the whole part when it is no title."""
    found = []
    for m in _CAPTION_LINE.finditer(text):
        rest, at = m["rest"], m.start("rest")
        if rest.endswith(".") and not re.search(rf"(?:^| ){_ABBREVIATION}$", rest):
            rest = rest[:-1]  # a full stop, not an abbreviation's
        title, comma, after = rest.partition(", ")
        if comma and title.split()[-1].lower().rstrip(".") in LEXICON.title_words:
            rest, at = after, at + len(title) + 2
        if not _NAME_RUN.fullmatch(rest) or rest.split()[-1].lower().rstrip(".") in LEXICON.title_words \
                or re.search(r"['’]s\b", rest) or not (comma or any(_is_body_word(w) for w in rest.split())):
            continue  # "Jo Park / Chief Executive", "/ Victim's Family": no organization named
        found.append(Span(at, at + len(rest)))
    return found


def parts_around_with(name: str) -> list[tuple[int, int]]:
    """'Acme Securities with Harbour Investment Bank': two names run together over 'with',
    as (start, end) offsets into `name`; one span when there is no such join."""
    m = re.search(rf" with (?={_WORD})", name)
    if m is None or not name[: m.start()].split() or not name[: m.start()].split()[0][:1].isupper():
        return [(0, len(name))]
    return [(0, m.start()), (m.end(), len(name))]


def split_at_with(text: str, found: list[Candidate], names: list[tuple[int, int]]) -> list[Candidate]:
    """'Acme Securities with Harbour Investment Bank' tagged one organization: two."""
    return [Candidate(c.start + a, c.start + b, c.label, c.text[a:b], c.subject)
            for c in found for a, b in (parts_around_with(c.text) if c.label == "ORG" else [(0, len(c.text))])]


def bodies_by_their_word(text: str, found: list[Candidate], names: list[tuple[int, int]]) -> list[Candidate]:
    """'Acme Holdings', 'Harbour Enterprises Federation' left untagged: a capitalised name ending in a
    word that says it is a body is an organization, taking in organizations the tagger found
    inside it; not where it overlaps a person or a name that runs past it."""
    out = list(found)
    for span in body_names(text):
        overlapping = [c for c in out if c.start < span.end and span.start < c.end]
        if any(c.label != "ORG" or c.start < span.start or c.end > span.end for c in overlapping):
            continue
        out = [c for c in out if c not in overlapping] + [Candidate(span.start, span.end, "ORG",
                                                                     text[span.start : span.end])]
    return out


def caption_affiliations(text: str, found: list[Candidate], names: list[tuple[int, int]]) -> list[Candidate]:
    """'Dana Holt / CEO, Harbour Diamond': the part of a caption line after the title is the
    speaker's organization, whatever the tagger made of it."""
    out = list(found)
    for span in caption_spans(text):
        out = [c for c in out if not (c.start < span.end and span.start < c.end)]
        out.append(Candidate(span.start, span.end, "ORG", text[span.start : span.end]))
    return out





def person_after_a_body(text: str, found: list[Candidate], names: list[tuple[int, int]]) -> list[Candidate]:
    """'For the Greens Dana Holt said' tagged one organization: a body's word ('Dems',
    'Union', 'Holdings') and then a name of a person's shape (two or three capitalised words,
    none a body's) that speaks, or that the article names as a person elsewhere, are the
    organization and a person."""
    people = {w for x in found if x.label == "PERSON" for w in x.text.split()}
    out = []
    for c in found:
        words = c.text.split()
        while words and words[0].lower() in LEXICON.small_words | LEXICON.clause_openers:
            words = words[1:]  # "For the …"
        cut = next((i for i in range(len(words) - 3, -1, -1) if _names_a_body(words[i])), None) \
            if c.label == "ORG" and len(words) >= 3 and all(w[:1].isupper() for w in words) else None
        tail = words[cut + 1 :] if cut is not None else []
        speaks = _SAID_NEXT.match(text, c.end) is not None or tail[-1:] and tail[-1] in people
        if cut is None or not 2 <= len(tail) <= 3 or not all(w[:1].isupper() for w in tail) or not speaks \
                or not clean_person(" ".join(tail)) or any(_names_a_body(w) for w in tail):
            out.append(c)
            continue
        name = " ".join(tail)
        at = c.start + c.text.rindex(name)
        out += [Candidate(c.start, at - 1, "ORG", text[c.start : at - 1]), Candidate(at, c.end, "PERSON", name)]
    return out


# "Maris Holt led Copperfield Stores" tagged one organization: a name, a verb of leading or
# joining (lexicon/head_verbs.tsv, joining_verbs.txt) and the body's name.
_VERBS = "|".join(sorted(set(LEXICON.head_verbs) | LEXICON.joining_verbs | {"founded", "left"}, key=len, reverse=True))
_NAME_VERB_BODY = re.compile(rf"^(?P<name>{_WORD}(?: {_WORD}){{1,2}}) (?:{_VERBS}) (?P<body>(?:the )?[A-Z].*)$")


def split_at_a_verb(text: str, found: list[Candidate], names: list[tuple[int, int]]) -> list[Candidate]:
    """'Maris Holt led Copperfield Stores' tagged one organization: a person of a name's shape (no
    word of it a body's), the verb, and the organization."""
    out = []
    for c in found:
        m = _NAME_VERB_BODY.match(c.text) if c.label == "ORG" else None
        if m is None or any(_names_a_body(w) for w in m["name"].split()) or not clean_person(m["name"]):
            out.append(c)
            continue
        body = m["body"].removeprefix("the ")
        at = c.start + c.text.rindex(body)
        out += [Candidate(c.start, c.start + m.end("name"), "PERSON", m["name"]),
                Candidate(at, c.end, "ORG", body)]
    return out


_SAID_NEXT = re.compile(r"\s+(?:said|says|told|added|argued|warned|insisted)\b")


def _names_a_body(word: str) -> bool:
    bare = word.lower().strip(".,")
    return bare in ORG_KIND_WORDS - {"of", "and", "the"} or bare in LEXICON.org_suffixes or \
        bare in LEXICON.party_members
