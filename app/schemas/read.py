from __future__ import annotations

from datetime import date
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, Field

from app.core.lexicon import LEXICON

T = TypeVar("T")
# Values the extractor produces, read from the same rule files it reads.
ClaimType = Literal[LEXICON.claim_types]  # type: ignore[name-defined]  # the lexicon's values
RoleStatus = Literal[LEXICON.role_statuses.all]  # type: ignore[name-defined]


class Ref(BaseModel):
    """A reference to another resource."""

    id: int
    name: str


class EntityRef(Ref):
    """A reference that may be a person or an organization (a speaker, a claimant)."""

    type: Literal["person", "organization"]


class Evidence(BaseModel):
    """Character offsets into the article body: `body[start:end]` is the span read."""

    start: int
    end: int
    sentence: str | None = Field(
        default=None,
        exclude_if=lambda v: v is None,
        description="The sentence holding the span (with `include=sentence`).",
    )


class PersonRead(BaseModel):
    id: int
    name: str = Field(description="Canonical name: the fullest form seen.")
    aliases: list[str] = Field(description="Other written forms of the name (never surname-only).")


class Counts(BaseModel):
    quotes: int
    claims: int
    roles: int


class PersonDetail(PersonRead):
    current_roles: list[RoleRead] = Field(description="Roles whose latest report says current.")
    counts: Counts


class OrganizationRead(BaseModel):
    id: int
    name: str
    aliases: list[str]
    kind: str | None = Field(description="company, government, media, academic, research, …")
    parent: Ref | None = Field(description="The organization this one is a unit of, if the text says so.")


class YearMonth(BaseModel):
    year: int | None
    month: int | None = Field(description="1–12 when the text gives the month.")


class RoleReport(BaseModel):
    """One article's statement of the role."""

    article: Ref
    evidence: Evidence
    title: str
    status: RoleStatus


class RoleRead(BaseModel):
    id: int
    person: Ref
    organization: Ref | None
    title: str = Field(description="The title as the article words it.")
    title_normalized: str = Field(description="The title for grouping: 'CEO' = 'Chief Executive Officer'.")
    status: RoleStatus
    start: YearMonth | None = Field(description="When the role began, where the text says.")
    end: YearMonth | None = Field(description="When the role ended, where the text says.")
    period_text: str | None = Field(description="The phrase the dates were read from, e.g. 'From 2011 to 2016'.")
    article: Ref = Field(description="The first article that reports the role.")
    evidence: Evidence = Field(description="The span of the first report.")
    reports: list[RoleReport] = Field(description="Every article that reports the role.")


class Mention(BaseModel):
    text: str
    start: int = Field(description="Character offset into the article's body where the words begin.")
    end: int = Field(description="Offset one past their end: body[start:end] is `text`.")


class QuoteRead(BaseModel):
    id: int
    text: str = Field(description="The quoted words, without the enclosing quote marks.")
    kind: Literal["direct", "partial", "indirect"]
    speaker: EntityRef | None = Field(description="Who said it; null when nobody can be named.")
    speaker_mention: Mention | None = Field(
        default=None,
        description="The words of the article that name or refer to the speaker as written ('the mayor', "
        "'a spokesman for the ministry', 'Kim', 'he'), with offsets into the body; null when the text names nobody.",
    )
    cue: str | None = Field(description="The reporting verb, if any.")
    confidence: float = Field(description="Confidence of the speaker attribution, 0 to 1.")
    article: Ref
    evidence: Evidence
    snippet: str | None = Field(
        default=None, exclude_if=lambda v: v is None, description="With `q`: the matched words in [brackets]."
    )


class AmountRead(BaseModel):
    value: float = Field(description="Money as a full number; percentages as the number of percent.")
    unit: str = Field(description="ISO 4217 code for money, `percent`, or the counted noun.")
    text: str
    qualifier: str | None = Field(default=None, description="more_than, approximately, at_least, …")


class ClaimRead(BaseModel):
    id: int
    text: str
    type: ClaimType
    claimant: EntityRef | None
    amounts: list[AmountRead]
    target_year: int | None = Field(description="The year the claim aims at ('by 2030').")
    topics: list[str] = Field(description="Topics from the taxonomy: AI, semiconductors, trade, …")
    article: Ref
    evidence: Evidence
    snippet: str | None = Field(
        default=None, exclude_if=lambda v: v is None, description="With `q`: the matched words in [brackets]."
    )


class ArticleRead(BaseModel):
    id: int
    title: str | None
    publisher: Ref | None
    published_at: date | None
    published_text: str | None = Field(description="The date as the page gives it, e.g. '7 days ago'.")
    authors: list[str]
    url: str | None = Field(default=None, description="The source's URL, when the source states one.")
    source_name: str = Field(description="The loaded file's name (with a record's number: `feed.jsonl#3`).")
    snippet: str | None = Field(
        default=None, exclude_if=lambda v: v is None, description="With `q`: the matched words in [brackets]."
    )


class ArticleDetail(ArticleRead):
    body: str = Field(description="The article text with page furniture removed; evidence offsets point here.")


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null on the last.")


class FacetValue(BaseModel):
    value: str
    count: int = Field(description="How many records carry the value.")


class Facets(BaseModel):
    """The values the list filters take, most used first, each with how many records carry it."""

    topics: list[FacetValue] = Field(description="`topic` of /claims: claims on each topic.")
    units: list[FacetValue] = Field(description="`unit` of /claims: claims with an amount in each unit.")
    claim_types: list[FacetValue] = Field(description="`type` of /claims: every type, with its claims.")
    organization_kinds: list[FacetValue] = Field(description="`kind` of /organizations.")
    role_titles: list[FacetValue] = Field(description="`title` of /roles: roles with each normalised title.")


class Problem(BaseModel):
    """An RFC 9457 problem document."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None


PersonDetail.model_rebuild()
