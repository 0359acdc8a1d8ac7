"""Names made clean: a person's name without titles, honorifics or a clause's first word; an
organization's name without articles, possessives and trailing connectors; a unit split from its
owner ("Acme Electronics' Solar division"); an author who is a person."""
from __future__ import annotations

import re
import unicodedata

from app.core.lexicon import LEXICON
from app.core.names import org_words, strip_possessive
from app.extract.entities.kinds import ORG_KIND_WORDS, org_kind

_NAME_TOKEN = re.compile(r"^[A-Z][\w'’.-]*$")


POSSESSIVE_SPLIT = re.compile(r"['’]s?\s+")
# Plurals without an s that a body is named for: "Fishermen's", "Women's", "People's", "Children's".
_PLURAL_OWNER = re.compile(r"(?:men|people|children)$", re.IGNORECASE)


def title_and_modifier_words() -> frozenset[str]:
    return LEXICON.title_words | LEXICON.title_modifiers


def clean_person(text: str) -> str | None:
    text = strip_possessive(" ".join(text.split()))
    words = text.split()
    titles = title_and_modifier_words()
    leading = LEXICON.clause_openers | LEXICON.small_words - {"a", "an", "and", "or"}
    while len(words) > 1 and words[0].lower() in leading and not (len(words) == 2 and "-" in words[1]):
        words = words[1:]  # "While Holt", "The Park Ji-hoon", "Across Riverton": a sentence's first word
    original = list(words)
    while words and (words[0].lower().strip(".") in titles | LEXICON.honorifics):
        words = words[1:]
    if len(words) == 1 and len(original) == 2 and original[0][:1].isupper() and \
            ("-" in words[0] and original[0].lower() not in LEXICON.honorifics
             or original[0].lower() in LEXICON.title_given_names):
        words = original  # "King Ha-eun", "Dean Moss": a name whose first word is also a title word
    if not 1 <= len(words) <= 4:
        return None
    stop = LEXICON.person_stopwords
    for w in words:
        if w.lower() in LEXICON.name_particles:
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
    if words and words[0].lower().rstrip(".") in LEXICON.honorifics:
        return None  # "Mr Brown": a person
    if words and " ".join(words).lower() in LEXICON.demonyms:
        return None  # "Welsh", "South Korean": a nationality
    if not words or len(words) > 10 or not any(c.isupper() for c in text):
        return None
    while len(words) > 1 and words[0] in LEXICON.common_acronyms:
        words = words[1:]  # "ISP Freedom2surf": a common noun's acronym before the name
    text = " ".join(words)
    if words and words[0] in LEXICON.common_acronyms:
        return None  # "ISP", "RFID": a thing, not a body
    if len(words) == 1 and words[0].lower() in LEXICON.currencies:
        return None  # "KRW", "Euro": a currency
    numbered = len(words) > 1 and words[-1].isdigit() and words[-2].lower() in LEXICON.numbered_names
    if not org_words(text) or any(re.fullmatch(r"[\d.,]+|.*-\d+", w) for w in words[: -1 if numbered else None]):
        return None  # "GPT-5", "4.0": products and versions (not "Harbour Radio 4")
    party = len(words) == 1 and words[0].lower() in LEXICON.party_members | LEXICON.party_adjectives.keys()
    if all(w.lower() in ORG_KIND_WORDS for w in words) and not party and (
            len(words) > 1 or words[0].lower() not in LEXICON.sole_bodies):
        return None  # "Research Institute", "Ministry": a generic description (not "Treasury", "Tories")
    if all(w.lower() in title_and_modifier_words() and not w.isupper() for w in words) and not party:
        return None  # "Education", "Digital": a portfolio or a title word, not a body (not "Labour")
    if len(words) == 1 and (
        words[0].lower() in LEXICON.org_stopwords | LEXICON.title_words
    ):
        return None
    if words[-1].lower() in LEXICON.non_org_heads:
        return None  # "Political Funds Act", "European HDTV Summit": a law or an event
    if "," in re.sub(r",\s+(?=(?:Inc|Ltd|LLC)\b)", " ", text) and org_kind(text) == "company":
        return None  # "Acme, Bolt": a list, not one name ("Acme Co., Ltd." is one)
    return text


def inner_parent(name: str) -> str | None:
    """'Hanil University College of Law' sits under 'Hanil University'."""
    words = name.split()
    for i in range(1, len(words) - 1):
        if (words[i - 1].lower() in LEXICON.parent_heads and words[i].lower() in LEXICON.unit_heads
                and words[i][0].isupper()):
            return " ".join(words[:i])
    return None


def split_org(text: str) -> tuple[str | None, str | None]:
    """'Acme Electronics' Solar division' -> ('Solar division', 'Acme Electronics')."""
    parts = POSSESSIVE_SPLIT.split(" ".join(text.split()), maxsplit=1)
    if len(parts) == 2 and parts[0].endswith("s") and text.count("'") + text.count("’") == 1 \
            and re.search(r"s['’]\s", text) and parts[1].lower() in ORG_KIND_WORDS:
        return clean_org(text), None  # "National Rail Workers' Union": one name
    if len(parts) == 2 and _PLURAL_OWNER.search(parts[0]) and parts[1].split()[-1].lower() in ORG_KIND_WORDS:
        return clean_org(text), None  # "Cornish Fishermen's Association", "People's Party": one name
    if len(parts) == 2 and parts[1].lower() in ORG_KIND_WORDS and parts[0].split() and \
            parts[0].split()[-1].lower() in LEXICON.title_words:
        return clean_org(text), None  # "Prime Minister's Office": an office a title names
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


def byline_person(name: str) -> str | None:
    """An author named by the source who is a person: a name in Latin script of two to four
    words, not a desk, a wire or an outlet ("National Desk", "Harbour Wire")."""
    cleaned = clean_person(name)
    if not cleaned or len(cleaned.split()) < 2 or any(w.isupper() and len(w) > 1 for w in cleaned.split()):
        return None
    if not all(c.isascii() or not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in cleaned):
        return None
    if any(w.lower() in ORG_KIND_WORDS for w in cleaned.split()):
        return None
    return cleaned
