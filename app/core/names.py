"""Name normalisation shared by extraction and storage: keys that forgive spelling variants."""
from __future__ import annotations

import re
import unicodedata

from app.core.lexicon import LEXICON

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
# Romanizations of the same Korean syllable written differently ("Soon"/"Sun", "Seo"/"Su").
_VOWEL_VARIANTS = (("oo", "u"), ("eo", "u"), ("ou", "u"))
_POSSESSIVE = re.compile(r"['’]s?$")


def fold(text: str) -> str:
    """Lower case, straight quotes, no accents."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def strip_possessive(name: str) -> str:
    words = name.split()
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1])
    return " ".join(w for w in words if w)


def person_key(name: str) -> str:
    """'Park Soo-jin', 'Park Sujin' and 'park su jin' share the key 'parksujin'."""
    key = re.sub(r"[^a-z0-9]", "", fold(strip_possessive(name)))
    for variant, canonical in _VOWEL_VARIANTS:
        key = key.replace(variant, canonical)
    return key


def org_words(name: str) -> list[str]:
    words = re.findall(r"[a-z0-9&]+", fold(strip_possessive(name)))
    if words and words[0] == "the":
        words = words[1:]
    suffixes = LEXICON.org_suffixes
    while len(words) > 1 and words[-1] in suffixes:
        words = words[:-1]
    return words


def org_key(name: str) -> str:
    """'The Acme Corp.' and 'Acme' share the key 'acme'."""
    return "".join(org_words(name))


_WORDS_LENGTH = 1200  # the `words` columns' size


def search_words(name: str, organization: bool = False) -> str:
    """The words name search matches a query's words against, by their starts: each word's key
    and each run of two or three words joined, between spaces. 'Ko Ha-eun' ->
    ' ko haeun kohaeun ', so 'Haeun Ko', 'ko ha' and 'Ha-eun' find it and 'eun' does not."""
    words = query_words(name, organization)
    runs = ["".join(words[i:i + n]) for n in (2, 3) for i in range(len(words) - n + 1)]
    text = " " + " ".join(dict.fromkeys(words + runs)) + " "
    return text if len(text) <= _WORDS_LENGTH else text[:text.rindex(" ", 0, _WORDS_LENGTH) + 1]


def query_words(text: str, organization: bool = False) -> list[str]:
    """The keys of the words of a name or a query, as `search_words` writes them."""
    if organization:
        return org_words(text)
    return [key for key in (person_key(w) for w in fold(strip_possessive(text)).split()) if key]


def acronym(name: str) -> str:
    """Initials of the capitalised words: 'Northfield Institute of Technology' -> 'NIT'."""
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w-]*", name) if w[0].isupper())


def is_acronym_of(short: str, long: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", short)
    return len(letters) >= 2 and short.isupper() and letters.upper() == acronym(long).upper()


def name_fullness(name: str) -> tuple[int, int, int]:
    """Orders written forms of one name: more words, then hyphenated, then longer."""
    return (len(name.split()), name.count("-"), len(name))
