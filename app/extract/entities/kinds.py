"""What kind of body an organization is ("ministry", "union", "party"), read from the words of
its name (lexicon/org_kinds.tsv)."""
from __future__ import annotations

import re

from app.core.lexicon import LEXICON
from app.core.names import fold

ORG_KIND_WORDS = frozenset(w for entry in LEXICON.org_kinds for w in entry.split()) | {"of", "and", "the"}


def org_kind_words() -> frozenset[str]:
    """Words that say what kind of body a name is: 'ministry', 'union', 'party', …"""
    return ORG_KIND_WORDS - {"of", "and", "the"}


def org_kind(name: str) -> str:
    """The kind its last kind word gives a name (a two-word entry before a word: "Yonhap News
    Agency" is media), else company."""
    kinds = LEXICON.org_kinds
    words = re.findall(r"[a-z]+", fold(name))
    for pair in reversed([" ".join(words[i : i + 2]) for i in range(len(words) - 1)]):
        if pair in kinds:
            return kinds[pair]
    for word in reversed(words):
        if word in kinds:
            return kinds[word]
    return "company"
