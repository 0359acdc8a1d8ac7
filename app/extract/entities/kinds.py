"""What kind of body an organization is ("ministry", "union", "party"), read from the words of
its name (lexicon/org_kinds.tsv)."""
from __future__ import annotations

import re

from app.core.lexicon import LEXICON
from app.core.names import fold

ORG_KIND_WORDS = frozenset(LEXICON.org_kinds) | {"of", "and", "the"}


def org_kind_words() -> frozenset[str]:
    """Words that say what kind of body a name is: 'ministry', 'union', 'party', …"""
    return ORG_KIND_WORDS - {"of", "and", "the"}


def org_kind(name: str) -> str:
    kinds = LEXICON.org_kinds
    for word in reversed(re.findall(r"[a-z]+", fold(name))):
        if word in kinds:
            return kinds[word]
    return "company"
