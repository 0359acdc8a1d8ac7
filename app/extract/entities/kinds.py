"""What kind of body an organization is ("ministry", "union", "party"), read from the words of
its name (lexicon/org_kinds.tsv), and the one organization a common noun refers to."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from app.core.lexicon import LEXICON
from app.core.names import fold

if TYPE_CHECKING:
    from app.extract.entities.store import ArticleEntities


ORG_KIND_WORDS = frozenset(LEXICON.org_kinds) | {"of", "and", "the"}


def org_by_head(entities: ArticleEntities, noun: str) -> str | None:
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
    return ORG_KIND_WORDS - {"of", "and", "the"}


def org_kind(name: str) -> str:
    kinds = LEXICON.org_kinds
    for word in reversed(re.findall(r"[a-z]+", fold(name))):
        if word in kinds:
            return kinds[word]
    return "company"
