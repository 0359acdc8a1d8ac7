"""What a quote's attribution is made of, and the words that make a clause a reporting clause."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from app.core.lexicon import LEXICON
from app.extract.quotes import Quoted, QuoteSpan
from app.extract.types import ExtractedQuote

SENTENCE_END = {".", "!", "?"}
# A signed quote: "“…” ― Jane Roe".
SIGNATURE = re.compile(r"^\s*[―—–-]{1,2}\s*(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})")
# Dependencies a speaker search climbs from a verb to the clause that governs it.
CLIMB_DEPS = {"advcl", "xcomp", "conj", "pcomp", "ccomp", "acl", "prep", "pobj", "dep"}


@dataclass(frozen=True)
class Attribution:
    """Who said a quote: the speaker's ref (None: nobody the article names), the reporting verb,
    how sure, where the verb stands, and the words that name or refer to the speaker."""

    speaker: str | None
    cue: str | None
    confidence: float
    verb_start: int | None = None
    mention: tuple[int, int] | None = None


NOBODY = Attribution(None, None, 0.0)


@dataclass(frozen=True)
class Spoken:
    """A quote the article keeps: its span in the body, who said it, and the quote as served."""

    span: QuoteSpan
    attribution: Attribution
    quote: ExtractedQuote


def reporting(token: Token) -> bool:
    """A verb of saying or writing (lexicon/reporting_verbs.txt); 'put' only in "as Lee put it"."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    if token.lemma_.lower() == "put":  # "as Lee put it, …"
        return any(c.lower_ == "it" for c in token.children) and any(c.lower_ == "as" for c in token.children)
    return token.lemma_.lower() in LEXICON.reporting_verbs


def verb_forms(token: Token) -> set[str]:
    word = token.lower_
    return {token.lemma_.lower(), word, word[:-1], word[:-2]}


def reports_own_content(verb: Token, quoted: Quoted) -> bool:
    """A verb with a clause or an object of its own after it (not a quote) reports that, not a
    quote beside it."""
    if not reporting(verb):
        return False
    listener = verb.lemma_.lower() in LEXICON.listener_verbs
    return any((c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "dobj" and not listener))
               and c.i > verb.i and not quoted.covers(c.idx)
               for c in verb.children)


def issues_speech(verb: Token) -> bool:
    """'Lee issued a statement, "…"': a verb whose object is a speech noun introduces one."""
    return verb.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() in LEXICON.speech_nouns
                                       for c in verb.children)
