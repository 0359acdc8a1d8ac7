"""The records extraction produces. Offsets are character offsets into the article body."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Segment:
    """One article cut from a page, before language analysis."""

    title: str | None
    body: str
    publisher: str | None = None
    authors: tuple[str, ...] = ()
    published_at: date | None = None
    published_text: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Entity:
    """A person or organization as one article names it; `ref` is local to the article."""

    ref: str
    type: str  # "person" | "organization"
    name: str
    aliases: tuple[str, ...] = ()
    kind: str | None = None
    parent: str | None = None


@dataclass(frozen=True)
class EntityMention:
    start: int
    end: int
    ref: str


@dataclass(frozen=True)
class ExtractedQuote:
    text: str
    kind: str  # "direct" | "partial" | "indirect"
    start: int
    end: int
    speaker: str | None = None
    cue: str | None = None
    confidence: float = 0.0
    mention: tuple[int, int] | None = None  # the words naming or referring to the speaker


@dataclass(frozen=True)
class ExtractedRole:
    person: str
    title: str
    status: str  # "current" | "former" | "nominated"
    start: int
    end: int
    organization: str | None = None
    title_normalized: str | None = None
    start_year: int | None = None
    start_month: int | None = None
    end_year: int | None = None
    end_month: int | None = None
    period_text: str | None = None


@dataclass(frozen=True)
class ExtractedAmount:
    value: float
    unit: str
    text: str
    start: int
    end: int
    qualifier: str | None = None  # "more_than", "approximately", "at_least", …


@dataclass(frozen=True)
class ExtractedClaim:
    text: str
    type: str
    start: int
    end: int
    claimant: str | None = None
    amounts: tuple[ExtractedAmount, ...] = ()
    target_year: int | None = None
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExtractedArticle:
    segment: Segment
    entities: tuple[Entity, ...] = ()
    quotes: tuple[ExtractedQuote, ...] = ()
    roles: tuple[ExtractedRole, ...] = ()
    claims: tuple[ExtractedClaim, ...] = field(default_factory=tuple)

    @property
    def body(self) -> str:
        return self.segment.body


def text_of(doc) -> str:
    """`doc.text`, joined once per doc: spaCy rebuilds it from every token on each access, which
    made the rule stages quadratic in article length."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text
