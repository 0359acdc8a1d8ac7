"""ORM objects -> read models."""
from __future__ import annotations

import re

from app.db import models
from app.schemas.read import (
    AmountRead,
    ArticleDetail,
    ArticleRead,
    ClaimRead,
    Evidence,
    OrganizationRead,
    PersonRead,
    QuoteRead,
    Ref,
    RoleRead,
    RoleReport,
    YearMonth,
)


def person_ref(person: models.Person | None, typed: bool = False) -> Ref | None:
    if person is None:
        return None
    return Ref(id=person.id, name=person.name, type="person" if typed else None)


def org_ref(org: models.Organization | None, typed: bool = False) -> Ref | None:
    if org is None:
        return None
    return Ref(id=org.id, name=org.name, type="organization" if typed else None)


def article_ref(article: models.Article) -> Ref:
    return Ref(id=article.id, name=article.title or f"article {article.id}")


def either_ref(person: models.Person | None, org: models.Organization | None) -> Ref | None:
    return person_ref(person, typed=True) or org_ref(org, typed=True)


def person(p: models.Person) -> PersonRead:
    return PersonRead(id=p.id, name=p.name, aliases=[a.alias for a in p.aliases])


def organization(o: models.Organization) -> OrganizationRead:
    return OrganizationRead(
        id=o.id, name=o.name, aliases=[a.alias for a in o.aliases], kind=o.kind, parent=org_ref(o.parent)
    )


def _year_month(year: int | None, month: int | None) -> YearMonth | None:
    return YearMonth(year=year, month=month) if year or month else None


def role(r: models.Role) -> RoleRead:
    reports = [
        RoleReport(
            article=article_ref(rep.article),
            evidence=Evidence(start=rep.start, end=rep.end),
            title=rep.title,
            status=rep.status,
        )
        for rep in r.reports
    ]
    return RoleRead(
        id=r.id,
        person=person_ref(r.person),
        organization=org_ref(r.organization),
        title=r.title,
        title_normalized=r.title_normalized,
        status=r.status,
        start=_year_month(r.start_year, r.start_month),
        end=_year_month(r.end_year, r.end_month),
        period_text=r.period_text,
        article=reports[0].article,
        evidence=reports[0].evidence,
        reports=reports,
    )


def quote(q: models.Quote) -> QuoteRead:
    return QuoteRead(
        id=q.id,
        text=q.text,
        kind=q.kind,
        speaker=either_ref(q.speaker_person, q.speaker_organization),
        cue=q.cue,
        confidence=q.confidence,
        article=article_ref(q.article),
        evidence=Evidence(start=q.start, end=q.end),
    )


def claim(c: models.Claim) -> ClaimRead:
    return ClaimRead(
        id=c.id,
        text=c.text,
        type=c.type,
        claimant=either_ref(c.claimant_person, c.claimant_organization),
        amounts=[AmountRead(value=a.value, unit=a.unit, text=a.text, qualifier=a.qualifier) for a in c.amounts],
        target_year=c.target_year,
        topics=[t.topic for t in c.topics],
        article=article_ref(c.article),
        evidence=Evidence(start=c.start, end=c.end),
    )


def article(a: models.Article) -> ArticleRead:
    return ArticleRead(
        id=a.id,
        title=a.title,
        publisher=org_ref(a.publisher),
        published_at=a.published_at,
        published_text=a.published_text,
        authors=list(a.authors or []),
        source_name=a.source.file_name,
    )


def article_detail(a: models.Article) -> ArticleDetail:
    return ArticleDetail(**article(a).model_dump(), body=a.body)


_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s|\n")


def sentence_around(body: str, start: int, end: int) -> str:
    """The sentence(s) holding body[start:end]: from the last sentence end before to the next after."""
    before = [m.end() for m in _SENTENCE_END.finditer(body, 0, start)]
    begin = before[-1] if before else 0
    after = _SENTENCE_END.search(body, max(end, begin))
    return body[begin : after.start() + 1 if after else len(body)].strip()


def with_sentences(items: list, bodies: dict[int, str]) -> list:
    """Read models with `evidence.sentence` filled from their article bodies."""
    for item in items:
        body = bodies.get(item.article.id)
        if body is not None:
            item.evidence.sentence = sentence_around(body, item.evidence.start, item.evidence.end)
    return items


def with_snippets(items: list, snippets: dict[int, str]) -> list:
    for item in items:
        item.snippet = snippets.get(item.id)
    return items
