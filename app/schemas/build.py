"""ORM objects -> read models."""
from __future__ import annotations

import re

from app.db import models
from app.schemas.read import (
    AmountRead,
    ArticleDetail,
    ArticleRead,
    ClaimRead,
    EntityRef,
    Evidence,
    Mention,
    OrganizationRead,
    PersonRead,
    QuoteRead,
    Ref,
    RoleRead,
    RoleReport,
    YearMonth,
)


def org_ref(org: models.Organization | None) -> Ref | None:
    return None if org is None else Ref(id=org.id, name=org.name)


def person(p: models.Person) -> PersonRead:
    return PersonRead(id=p.id, name=p.name, aliases=[a.alias for a in p.aliases])


def organization(o: models.Organization) -> OrganizationRead:
    return OrganizationRead(
        id=o.id, name=o.name, aliases=[a.alias for a in o.aliases], kind=o.kind, parent=org_ref(o.parent)
    )


def _year_month(year: int | None, month: int | None) -> YearMonth | None:
    return YearMonth(year=year, month=month) if year or month else None


def _ref(ref_id: int | None, name: str | None) -> Ref | None:
    return None if ref_id is None else Ref(id=ref_id, name=name or "")


def _speaker(person_id, person_name, org_id, org_name) -> EntityRef | None:
    if person_id is not None:
        return EntityRef(id=person_id, name=person_name, type="person")
    return None if org_id is None else EntityRef(id=org_id, name=org_name, type="organization")


def _article_ref(article_id: int, title: str | None) -> Ref:
    return Ref(id=article_id, name=title or f"article {article_id}")


def role(r, reports: list) -> RoleRead:
    """A role row (with `person_name`, `organization_name`) and its report rows, oldest first
    (each with `article_id`, `article_title`, `start`, `end`, `title`, `status`)."""
    read = [
        RoleReport(article=_article_ref(rep.article_id, rep.article_title),
                   evidence=Evidence(start=rep.start, end=rep.end), title=rep.title, status=rep.status)
        for rep in reports
    ]
    return RoleRead(
        id=r.id,
        person=Ref(id=r.person_id, name=r.person_name),
        organization=_ref(r.organization_id, r.organization_name),
        title=r.title,
        title_normalized=r.title_normalized,
        status=r.status,
        start=_year_month(r.start_year, r.start_month),
        end=_year_month(r.end_year, r.end_month),
        period_text=r.period_text,
        article=read[0].article,
        evidence=read[0].evidence,
        reports=read,
    )


def quote(q) -> QuoteRead:
    """A quote row: the quote's columns with `article_title` and the speaker's name."""
    return QuoteRead(
        id=q.id,
        text=q.text,
        kind=q.kind,
        speaker=_speaker(q.speaker_person_id, q.speaker_person_name,
                         q.speaker_organization_id, q.speaker_organization_name),
        speaker_mention=Mention(text=q.speaker_mention, start=q.speaker_mention_start, end=q.speaker_mention_end)
        if q.speaker_mention is not None else None,
        cue=q.cue,
        confidence=q.confidence,
        article=_article_ref(q.article_id, q.article_title),
        evidence=Evidence(start=q.start, end=q.end),
    )


def claim(c, amounts: list, topics: list[str]) -> ClaimRead:
    """A claim row (its columns with `article_title` and the claimant's name), its amount rows
    and its topics."""
    return ClaimRead(
        id=c.id,
        text=c.text,
        type=c.type,
        claimant=_speaker(c.claimant_person_id, c.claimant_person_name,
                          c.claimant_organization_id, c.claimant_organization_name),
        amounts=[AmountRead(value=a.value, unit=a.unit, text=a.text, qualifier=a.qualifier) for a in amounts],
        target_year=c.target_year,
        topics=topics,
        article=_article_ref(c.article_id, c.article_title),
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
        url=a.url,
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
