"""Titles made comparable: the extractor groups roles by it, and the API's `title` filter reads
the same way ("Chief Executive Officer", "chief executive" and "CEO" are all `ceo`)."""
from __future__ import annotations

import re

from app.core.lexicon import LEXICON

_MULTIWORD = tuple(sorted((w for w in LEXICON.title_aliases if " " in w), key=len, reverse=True))


def normalize_title(title: str) -> str:
    """'Chief Executive Officer' and 'CEO' group together; 'chief' and 'head' stay apart."""
    aliases = LEXICON.title_aliases
    words = [w for w in title.lower().replace("’", "'").split() if w not in LEXICON.title_drop_words]
    text = " ".join(aliases.get(w, w) for w in words)
    for written in _MULTIWORD:
        text = re.sub(rf"\b{re.escape(written)}\b", aliases[written], text)
    return text
