"""Query parameters shared by the list routes, as typed dependencies (one class per resource)."""
from __future__ import annotations

import inspect
import math
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import asdict, dataclass
from datetime import date
from typing import Annotated, Literal, TypeVar

from fastapi import Query
from fastapi.exceptions import RequestValidationError
from pydantic import AfterValidator, BeforeValidator

from app.core.titles import normalize_title
from app.queries.pagination import MAX_ID
from app.schemas.read import ClaimType, RoleStatus


def _lower(value: object) -> object:
    return value.lower() if isinstance(value, str) else value


def _finite(value: float | None) -> float | None:
    if value is not None and not math.isfinite(value):
        raise ValueError("must be a finite number")
    return value


def _normal_title(value: str | None) -> str | None:
    return normalize_title(value) if value else value


# Values of a fixed set match in any case (`kind=DIRECT` is `direct`); the sets come from the
# extractor's rule files (claim types, role statuses).
Status = Annotated[RoleStatus, BeforeValidator(_lower)]
Kind = Annotated[Literal["direct", "partial", "indirect"], BeforeValidator(_lower)]
Type = Annotated[ClaimType, BeforeValidator(_lower)]
Amount = Annotated[float | None, AfterValidator(_finite)]
# A title filter is normalised as the extractor normalises titles ("Chief Financial Officer" is cfo).
Title = Annotated[str | None, AfterValidator(_normal_title)]


@dataclass
class PageParams:
    limit: Annotated[int, Query(ge=1, le=100, description="Page size, 1 to 100.", examples=[20])] = 20
    cursor: Annotated[
        str | None, Query(max_length=200, description="Opaque cursor from the previous page's `next_cursor`.")
    ] = None
    sort: Annotated[
        Literal["id", "-id"], Query(description="`id` (oldest first) or `-id` (newest first); keep it while walking.")
    ] = "id"
    format: Annotated[
        Literal["json", "csv", "ndjson"],
        Query(description="`csv` or `ndjson`: every row of the list (from `cursor`), streamed as a download. "
                          "In CSV a text cell that a spreadsheet would run as a formula (starting with `=`, `+`, "
                          "`-`, `@`, a tab or a carriage return) is written with a `'` before it."),
    ] = "json"
    bom: Annotated[
        bool,
        Query(description="With `format=csv`: start the file with a UTF-8 byte-order mark, so that spreadsheet "
                          "programs read £, ’ and Korean text right (plain CSV readers do not need it)."),
    ] = False

    def __post_init__(self) -> None:
        if self.bom and self.format != "csv":
            raise invalid("bom", "bom applies to format=csv only")


@dataclass
class PersonFilters:
    q: Annotated[str | None, Query(max_length=200, examples=["park ji-hoon"],
                                   description="Name or alias contains this (spelling variants forgiven).")] = None


@dataclass
class OrganizationFilters:
    q: Annotated[str | None, Query(max_length=200, description="Name or alias contains this.",
                                   examples=["university"])] = None
    kind: Annotated[str | None, Query(max_length=40, description="Only this kind.", examples=["government"])] = None


@dataclass
class PersonRoleFilters:
    organization_id: Annotated[int | None, Query(ge=1, le=MAX_ID, description="Roles at this organization.")] = None
    status: Annotated[Status | None, Query(description="Only this status (in any case).")] = None
    article_id: Annotated[int | None, Query(ge=1, le=MAX_ID, description="Roles reported by this article.")] = None
    year: Annotated[int | None, Query(ge=1000, le=9999, examples=[2016],
                                      description="Roles held in this year (by their dates).")] = None
    title: Annotated[Title, Query(max_length=200, examples=["chief executive officer"],
                                  description="Only this title, normalised as titles are (`chief executive "
                                  "officer`, `CEO` and `chief executive` are all `ceo`; `chairwoman` and `chair` "
                                  "are `chairman`, `Sen.` is `senator`), in any case.")] = None


@dataclass
class RoleFilters(PersonRoleFilters):
    person_id: Annotated[int | None, Query(ge=1, le=MAX_ID, description="Roles of this person.")] = None


@dataclass
class ArticleQuoteFilters:
    q: Annotated[str | None, Query(max_length=200, description="Full-text search of the quoted words; items then carry "
                                   "a `snippet` with the matched words in [brackets].",
                                   examples=["artificial intelligence"])] = None
    speaker_id: Annotated[int | None, Query(ge=1, le=MAX_ID, description="Quotes by this person.")] = None
    speaker_organization_id: Annotated[int | None, Query(ge=1, le=MAX_ID,
                                                         description="Quotes by this organization.")] = None
    kind: Annotated[Kind | None, Query(description="Only this kind (in any case).")] = None
    mention: Annotated[str | None, Query(max_length=100, description="Quotes whose speaker mention (the article's "
                                         "words for the speaker) holds these words, in any case.",
                                         examples=["the minister"])] = None
    published_from: Annotated[date | None, Query(description="Articles published on or after this date.",
                                                 examples=["2025-01-01"])] = None
    published_to: Annotated[date | None, Query(description="Articles published on or before this date.")] = None


@dataclass
class QuoteFilters(ArticleQuoteFilters):
    article_id: Annotated[int | None, Query(ge=1, le=MAX_ID, description="Quotes in this article.")] = None


@dataclass
class ArticleClaimFilters:
    q: Annotated[str | None, Query(max_length=200, description="Full-text search of the claim texts; items then carry "
                                   "a `snippet` with the matched words in [brackets].",
                                   examples=["data centers"])] = None
    claimant_id: Annotated[int | None, Query(ge=1, le=MAX_ID, description="Claims by this person.")] = None
    claimant_organization_id: Annotated[int | None, Query(ge=1, le=MAX_ID,
                                                          description="Claims by this organization.")] = None
    type: Annotated[Type | None, Query(description="Only this type of claim (in any case).")] = None
    topic: Annotated[str | None, Query(max_length=60, description="Claims on this topic.", examples=["AI"])] = None
    unit: Annotated[str | None, Query(max_length=80, description="Claims with an amount in this unit.",
                                      examples=["KRW"])] = None
    min_value: Annotated[Amount, Query(description="Claims with an amount of at least this value in `unit` "
                                             "(required with it: won and dollars are not compared).",
                                             examples=[1e12])] = None
    max_value: Annotated[Amount, Query(description="Claims with an amount of at most this value in `unit` "
                                             "(required with it).")] = None
    target_year: Annotated[int | None, Query(ge=1000, le=9999, description="Claims aiming at this year.",
                                             examples=[2030])] = None


    def __post_init__(self) -> None:
        if (self.min_value is not None or self.max_value is not None) and not self.unit:
            raise invalid("unit", "min_value and max_value compare amounts in one unit: give `unit` too "
                          "(for example unit=KRW); /api/v1/facets lists the units")


@dataclass
class ClaimFilters(ArticleClaimFilters):
    article_id: Annotated[int | None, Query(ge=1, le=MAX_ID, description="Claims in this article.")] = None


@dataclass
class ArticleFilters:
    q: Annotated[str | None, Query(max_length=200, description="Full-text search of the titles and bodies; items "
                                   "then carry a `snippet` with the matched words in [brackets].",
                                   examples=["semiconductor"])] = None
    publisher_id: Annotated[int | None, Query(ge=1, le=MAX_ID, description="Articles of this publisher.")] = None
    published_from: Annotated[date | None, Query(description="Published on or after this date.")] = None
    published_to: Annotated[date | None, Query(description="Published on or before this date.")] = None


def invalid(parameter: str, message: str) -> RequestValidationError:
    """A 422 for a query parameter, in the form FastAPI's own validation errors take."""
    return RequestValidationError([{"type": "value_error", "loc": ("query", parameter), "msg": message}])


def scoped(filters: dict, query: Mapping[str, str], **path) -> dict:
    """The filters of a list under a resource (/people/5/quotes) with the path's own values. A
    filter naming another person, organization or article than the path is a 422, not ignored,
    whether the list declares it (speaker_id) or the path stands for it (article_id on
    /articles/8/quotes, read from the raw `query`); so is one the path rules out (given as None:
    an organization speaker of a person's quotes)."""
    for name, value in path.items():
        given = filters[name] if name in filters else query.get(name)
        if given is not None and str(given) != str(value):
            raise invalid(name, f"{name}={given} conflicts with the path, which gives {value}" if value is not None
                          else f"{name} cannot be used here: the path already says whose these are")
    return {**filters, **path}


async def json_only(
    format: Annotated[str, Query(max_length=20, description="Only `json` here: CSV and NDJSON are offered "
                                 "by the lists.", examples=["json"])] = "json",
) -> None:
    """A `format` other than JSON on a route that has no other is a 422, not silently JSON."""
    if format != "json":
        raise invalid("format", f"format={format} is not offered here: this route answers JSON only "
                      "(CSV and NDJSON are offered by the lists)")


def values(filters) -> dict:
    return asdict(filters)


P = TypeVar("P")


def on_loop(cls: type[P]) -> Callable[..., Awaitable[P]]:
    """`cls` as a dependency that FastAPI builds on the event loop. A class is a plain callable,
    which FastAPI calls in a worker thread: a thread hop per class per request, which cost a list
    request more than its SQL did. Same parameters (and OpenAPI) as `Depends(cls)`."""

    async def build(**parameters) -> P:
        return cls(**parameters)

    build.__signature__ = inspect.signature(cls)  # type: ignore[attr-defined]  # FastAPI reads it
    return build
