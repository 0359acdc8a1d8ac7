"""Job titles as news writing words them: what counts as one, and the phrase before a name.

A title ends in a head word of lexicon/title_words.txt ("spokesman", "chief executive",
"Rep."), also inside a hyphenated word ("co-chairman", "Under-Secretary"), and may be followed
by its acronym in parentheses ("Chief Executive Officer (CEO)"). Before a name it may stand with
an organization and modifiers: "Acme Bank's senior policy adviser Jo Lee", "Port Authority
chairwoman Helen Park", "Reps. A, B and C". Titles are normalised for grouping ("CEO" = "Chief
Executive Officer"); an article's main organization of each kind is the one it names most.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.core.lexicon import LEXICON

if TYPE_CHECKING:
    from app.extract.entities import ArticleEntities

_ACRONYM = re.compile(r"^\([A-Z][A-Z0-9&.]{1,9}\)$")
_PLURAL_ABBREVIATION = re.compile(r"^([A-Z][a-z]+)s\.$")
DETERMINERS = LEXICON.title_determiners
CONNECTORS = LEXICON.title_connectors
_STOPS = LEXICON.title_stops


def title_words() -> frozenset[str]:
    return LEXICON.title_words


def modifiers() -> frozenset[str]:
    return LEXICON.title_modifiers


def _bare(word: str) -> str:
    return word.lower().strip(".,")


def is_head(word: str) -> bool:
    """A title head word on its own, or as the last part of a hyphenated word."""
    bare = _bare(word)
    return bare in title_words() or ("-" in bare and bare.rsplit("-", 1)[1] in title_words())


def head_length(words: list[str]) -> int:
    """Length of the longest title-word phrase that ends `words` (a trailing acronym in
    parentheses aside), 0 if none."""
    if words and _ACRONYM.match(words[-1]):
        n = head_length(words[:-1])
        return n + 1 if n else 0
    titles = title_words()
    for n in range(min(4, len(words)), 0, -1):
        if " ".join(_bare(w) for w in words[-n:]) in titles:
            return n
    return 1 if words and is_head(words[-1]) else 0


def is_title(phrase: str) -> bool:
    """A title ends in a head word, or has one before its complement ('secretary of AI')."""
    words = phrase.split()
    if not words or len(words) > 8:
        return False
    if head_length(words):
        return True
    return any(word.lower() in ("of", "for", "to") and i and head_length(words[:i]) for i, word in enumerate(words))


def is_abbreviation(word: str) -> bool:
    """'Rep.', 'Inc.': a full stop that ends a word, not a sentence."""
    bare = word.rstrip(".")
    return word.endswith(".") and word[:1].isupper() and (
        bare.lower() in LEXICON.abbreviation_words or (bare.lower().rstrip("s") in LEXICON.abbreviation_words)
    )


def is_plural_title(words: list[str]) -> bool:
    """'Reps.', 'ministers', 'board members': a title given to several people at once."""
    if not words:
        return False
    last = words[-1]
    if _PLURAL_ABBREVIATION.match(last):
        return True
    bare = _bare(last)
    return bare.endswith("s") and (bare[:-1] in title_words() or bare[:-2] in title_words())


def singular(title: str) -> str:
    """'Reps.' before a list of names is each one's 'Rep.'."""
    m = _PLURAL_ABBREVIATION.match(title)
    return f"{m.group(1)}." if m and is_head(m.group(1)) else title


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    pos: str  # spaCy's coarse part of speech of its first token
    ent: str  # spaCy's entity label of its first token, "" when none


def words_before(words: list[Word]) -> list[Word]:
    """The words of a title phrase that ends just before a name, read backwards from it: capitals,
    title and modifier words, connectors, an acronym in parentheses, and up to three lower-case
    nouns or adjectives inside the title ("local government spokesman"); empty when the phrase
    does not end in a title head."""
    taken: list[Word] = []
    lower_case = 0
    for word in reversed(words):
        text = word.text
        bare = _bare(text)
        if bare in DETERMINERS and taken and _bare(taken[0].text)[:1].isalpha() and \
                word is not words[-1] and _follows_connector(words, word):
            taken.insert(0, word)  # "Secretary of State for the Family": an article inside the title
            continue
        if text.endswith((",", ";", ":")) or bare in DETERMINERS or bare in _STOPS:
            break
        if re.search(r"[.!?\"”’']$", text) and not is_abbreviation(text) and not _ACRONYM.match(text):
            break  # the end of the sentence before
        if _ACRONYM.match(text) and not taken:
            taken.insert(0, word)
            continue
        if text[0].isupper() or bare in title_words() or bare in modifiers() or bare in CONNECTORS or is_head(text):
            taken.insert(0, word)
            if len(taken) >= 9:
                break
            continue
        after = taken[0].text if taken else ""
        if (text.islower() and after.islower() and _bare(after) not in CONNECTORS and lower_case < 3
                and word.pos in ("NOUN", "ADJ") and not re.search(r"['’]s?$", text)):
            taken.insert(0, word)
            lower_case += 1
            continue
        break
    while taken and _bare(taken[0].text) in CONNECTORS:
        taken.pop(0)
    if not taken or not (head_length([w.text for w in taken]) or is_title(" ".join(w.text for w in taken))):
        return []
    return taken


def _follows_connector(words: list[Word], word: Word) -> bool:
    i = words.index(word)
    return i > 0 and _bare(words[i - 1].text) in ("of", "for")


def leading_name(words: list[Word]) -> list[Word]:
    """The capitalised words that open a title phrase before its title part ("Greenvale Party's",
    "Aidwell", "Dutch"): a possible organization."""
    lead: list[Word] = []
    for i, word in enumerate(words):
        bare = _bare(word.text)
        rest = [w.text for w in words[i:]]
        if not word.text[0].isupper() or bare in modifiers() or head_length(rest) == len(rest):
            break
        if bare in title_words() and i + 1 < len(words) and not words[i + 1].text[0].isupper():
            break
        lead.append(word)
        if re.search(r"['’]s$", word.text):
            break
    return lead


def is_demonym(words: list[Word]) -> bool:
    """'Dutch', 'South Korean': a nationality, not an organization."""
    demonyms = LEXICON.demonyms
    return " ".join(_bare(w.text) for w in words) in demonyms or any(_bare(w.text) in demonyms for w in words[-1:])


def main_organizations(entities: ArticleEntities) -> dict[str, str]:
    """kind -> the organization of that kind the article is about: the only one it names, or the
    one it names most (at least twice, and more often than any other of its kind)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    by_ref = {e.ref: e for e in entities.entities}
    for m in entities.mentions:
        entity = by_ref.get(m.ref)
        if entity is not None and entity.type == "organization":
            counts[entity.kind or "company"][m.ref] += 1
    main = {}
    for kind, counter in counts.items():
        ranked = counter.most_common(2)
        if len(ranked) == 1 or ranked[0][1] >= 2 and ranked[0][1] > ranked[1][1]:
            main[kind] = ranked[0][0]  # the only one of its kind, or the one named most
    return main
