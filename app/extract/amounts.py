"""Amounts in a sentence: money to a full number with its ISO 4217 code, percentages, counts.

"100 trillion won" -> 1e14 KRW; "($72.29 billion)" -> 7.229e10 USD; "pounds 3.2bn" -> 3.2e9 GBP;
"5 percent" -> 5 percent;
"50,000 of the company's chips" -> 50000 chips. A qualifier before the number ("more than",
"around") is kept.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from app.core.lexicon import LEXICON
from app.extract.types import ExtractedAmount, text_of

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


def _currencies() -> dict[str, str]:
    return dict(LEXICON.currencies)


def _scales() -> dict[str, float]:
    return {word: float(value) for word, value in LEXICON.scales.items()}


def _qualifiers() -> dict[str, str]:
    return dict(LEXICON.qualifiers)


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    currencies = _currencies()
    symbols = [w for w in currencies if not w.isalpha()]
    names = [w for w in currencies if w.replace(" ", "").isalpha() and len(w) > 1]
    scale = _alternation(_scales())
    money_symbol = re.compile(
        rf"(?<![\w$])(?P<cur>{_alternation(symbols)})\s?(?P<num>{_NUM})(?:\s*(?P<scale>{scale})\b)?",
        re.IGNORECASE,
    )
    money_word = re.compile(
        rf"(?<![\w.,])(?P<num>{_NUM})\s*(?:(?P<scale>{scale})\s+)?(?:of\s+)?(?P<cur>{_alternation(names)})\b",
        re.IGNORECASE,
    )
    # "pounds 3.2bn", "USD 5 billion": the currency's name or code written before the number.
    money_name_first = re.compile(
        rf"(?<![\w.])(?P<cur>{_alternation(w for w in names if w.endswith('s') or len(w) == 3)})\s+"
        rf"(?P<num>{_NUM})(?:\s*(?P<scale>{scale})\b)?",
        re.IGNORECASE,
    )
    vague = re.compile(
        rf"\b(?P<many>hundreds|tens|dozens)\s+of\s+(?P<scale>thousands|millions|billions|trillions)"
        rf"\s+of\s+(?P<cur>{_alternation(names)})\b",
        re.IGNORECASE,
    )
    percent = re.compile(rf"(?<![\w.,])(?P<num>{_NUM})\s*(?:%|percent\b|per cent\b)", re.IGNORECASE)
    return money_symbol, money_word, money_name_first, vague, percent


_PATTERNS: tuple | None = None


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _qualifier(text: str, start: int) -> str | None:
    before = text[max(0, start - 20) : start].lower().rstrip(" ($")
    for phrase, name in sorted(_qualifiers().items(), key=lambda kv: -len(kv[0])):
        if before.endswith(phrase):
            return name
    return None


def find_amounts(sentence: Span) -> list[ExtractedAmount]:
    """Amounts in one sentence; offsets are into the whole document."""
    global _PATTERNS
    if _PATTERNS is None:
        _PATTERNS = _patterns()
    money_symbol, money_word, money_name_first, vague, percent = _PATTERNS
    text, base = sentence.text, sentence.start_char
    scales, currencies = _scales(), _currencies()
    found: list[ExtractedAmount] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, value: float, unit: str, qualifier: str | None = None) -> None:
        if any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        found.append(ExtractedAmount(value, unit, text[start:end], base + start, base + end,
                            qualifier or _qualifier(text, start)))

    for m in vague.finditer(text):
        many = {"hundreds": 100, "tens": 10, "dozens": 12}[m["many"].lower()]
        value = many * scales[m["scale"].lower().rstrip("s")]
        add(m.start(), m.end(), value, currencies[m["cur"].lower()], "at_least")
    for pattern in (money_symbol, money_word, money_name_first):
        for m in pattern.finditer(text):
            scale = scales.get((m["scale"] or "").lower(), 1.0)
            add(m.start(), m.end(), _number(m["num"]) * scale, currencies[m["cur"].lower()])
    for m in percent.finditer(text):
        add(m.start(), m.end(), _number(m["num"]), "percent")
    for amount in _counts(sentence.doc, sentence, scales):
        add(amount.start - base, amount.end - base, amount.value, amount.unit)
    return sorted(found, key=lambda a: a.start)


def _is_year_or_date(token) -> bool:
    text = token.text.replace(",", "")
    if re.fullmatch(r"(1[89]|20)\d\d", text) and "," not in token.text:
        return True
    if token.ent_type_ in ("DATE", "TIME", "ORDINAL"):
        return True
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return bool(nxt is not None and nxt.text in ("-", "–") and token.i + 2 < len(token.doc)
                and token.nbor(2).lower_.startswith("year"))


def _counts(doc: Doc, sentence: Span, scales: dict[str, float]) -> list[ExtractedAmount]:
    """'50,000 of the company's chips', 'around 2,000 top engineers': a number and its noun."""
    out = []
    for token in sentence:
        if not token.like_num or not re.fullmatch(_NUM, token.text) or _is_year_or_date(token):
            continue
        value = _number(token.text)
        end_token = token
        nxt = token.nbor(1) if token.i + 1 < len(doc) else None
        if nxt is not None and nxt.lower_ in scales and nxt.lower_.isalpha() and len(nxt.text) > 2:
            value *= scales[nxt.lower_]
            end_token = nxt
        noun = None
        if token.dep_ == "nummod" and token.head.pos_ in ("NOUN", "PROPN") and token.head.i > token.i:
            noun = token.head
        else:
            for child in list(token.children) + list(end_token.children):
                if child.dep_ == "prep" and child.lower_ == "of":
                    objects = [c for c in child.children if c.dep_ == "pobj"]
                    if objects and objects[0].pos_ == "NOUN":
                        noun = objects[0]
        if noun is None or noun.tag_ not in ("NNS", "NNPS"):
            continue
        conj = [c for c in noun.children if c.dep_ == "conj" and c.pos_ == "NOUN"]
        unit = noun.text + (" and " + conj[0].text if conj else "")
        end = max(noun.idx + len(noun.text), conj[0].idx + len(conj[0].text) if conj else 0)
        out.append(ExtractedAmount(value, unit, text_of(doc)[token.idx:end], token.idx, end))
    return out
