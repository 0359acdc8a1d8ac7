"""Plain text files: the text as it is, with entities decoded; HTML saved as text goes to the
HTML reader."""
from __future__ import annotations

import re

from app.core.document import Document, Source, sha256_of
from app.readers.decoding import decode, unescape

# Two or more tags of the page's skeleton near the top: an HTML page saved under a text name.
_MARKUP = re.compile(r"<(?:!doctype html|html|head|body|p|div|br|article|span|h[1-6])\b[^>]*>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    return len(_MARKUP.findall(text[:20000])) >= 2


def read(data: bytes, charset: str | None = None) -> Source:
    text = decode(data, charset)
    if looks_like_html(text):
        from app.readers import html

        return html.read_text(text, sha256_of(data))
    return Source([Document(text=unescape(text), sha256=sha256_of(data), format="text")])
