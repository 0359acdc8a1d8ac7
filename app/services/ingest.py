"""Files -> rows. Reading and extraction happen before the database is touched; storing one
file's articles only flushes, so the caller's transaction decides whether they land."""
from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy.orm import Session

from app.db.models import Article, Claim, ClaimAmount, ClaimTopic, Quote, RoleReport
from app.extract.pipeline import extract, extract_pages
from app.extract.types import ExtractedArticle
from app.queries import documents, roles
from app.queries.entities import get_or_create_organization, get_or_create_person


class InputError(ValueError):
    """A file that cannot be loaded; the message says why."""


@dataclass(frozen=True)
class Prepared:
    """A file read and analysed, ready to store."""

    name: str
    sha256: str
    size: int
    articles: list[ExtractedArticle] = field(default_factory=list)


@dataclass(frozen=True)
class LoadResult:
    name: str
    status: str  # "loaded" | "updated" | "unchanged" | "failed"
    articles: int = 0
    detail: str = ""
    article_ids: tuple[int, ...] = ()


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), or UTF-16 with a BOM; anything else is refused."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError("not valid UTF-16 text") from exc
    else:
        if b"\x00" in data[:8192]:
            raise InputError("binary file (NUL bytes), not text")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(f"not UTF-8 text (invalid byte at offset {exc.start})") from exc
    if "\x00" in text:
        raise InputError("binary file (NUL characters), not text")
    if not text.strip():
        raise InputError("no text (empty or whitespace only)")
    return text


def read(path: Path, max_bytes: int) -> tuple[bytes, str]:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"too large ({size} bytes; the limit is {max_bytes})")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from exc
    if not data:
        raise InputError("empty file")
    return data, decode(data)


def prepare(name: str, data: bytes, text: str) -> Prepared:
    """Hash and analyse one file's text (pure: no database)."""
    return _prepared(name, data, extract(text))


def prepare_many(files: list[tuple[str, bytes, str]]) -> list[Prepared | Exception]:
    """`prepare` over several files at once (name, bytes, text), parsed in one stream; each
    file's outcome is its Prepared or the error that refused it. Should the shared stream fail,
    the files are analysed one by one, so that one bad file fails alone."""
    try:
        pages = extract_pages([text for _, _, text in files])
    except Exception:
        pages = None
    outcomes: list[Prepared | Exception] = []
    for index, (name, data, text) in enumerate(files):
        try:
            outcomes.append(prepare(name, data, text) if pages is None else _prepared(name, data, pages[index]))
        except Exception as exc:  # reported against its own file by the caller
            outcomes.append(exc)
    return outcomes


def _prepared(name: str, data: bytes, articles: list[ExtractedArticle]) -> Prepared:
    if not articles:
        raise InputError("no article text found (only page furniture or headings)")
    return Prepared(name=name, sha256=sha256_of(data), size=len(data), articles=articles)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def store(session: Session, prepared: Prepared) -> LoadResult:
    """Write one prepared file; the same bytes loaded before change nothing."""
    existing = documents.by_sha256(session, prepared.sha256)
    if existing is not None:
        ids = tuple(a.id for a in existing.articles)
        return LoadResult(prepared.name, "unchanged", len(ids), article_ids=ids)
    status = "loaded"
    for old in documents.by_file_name(session, prepared.name):
        documents.delete(session, old)
        roles.delete_unreported(session)
        status = "updated"
    source = documents.create(
        session,
        file_name=prepared.name,
        sha256=prepared.sha256,
        size=prepared.size,
        loaded_at=datetime.now(timezone.utc),
    )
    ids = tuple(
        _store_article(session, source.id, position, extracted).id
        for position, extracted in enumerate(prepared.articles)
    )
    session.flush()
    return LoadResult(prepared.name, status, len(ids), article_ids=ids)


def _store_article(session: Session, source_id: int, position: int, extracted: ExtractedArticle) -> Article:
    segment = extracted.segment
    publisher = None
    if segment.publisher:
        publisher = get_or_create_organization(session, segment.publisher, kind="media")
    article = Article(
        source_id=source_id,
        position=position,
        title=segment.title,
        publisher_id=publisher.id if publisher else None,
        authors=list(segment.authors),
        published_at=segment.published_at,
        published_text=segment.published_text,
        body=segment.body,
    )
    session.add(article)
    session.flush()

    people: dict[str, int] = {}
    orgs: dict[str, object] = {}
    for entity in extracted.entities:
        if entity.type == "person":
            people[entity.ref] = get_or_create_person(session, entity.name, entity.aliases).id
        else:
            orgs[entity.ref] = get_or_create_organization(session, entity.name, entity.aliases, entity.kind)
    for entity in extracted.entities:
        if entity.type == "organization" and entity.parent in orgs:
            org, parent = orgs[entity.ref], orgs[entity.parent]
            if org.parent_id is None and parent.id != org.id and parent.parent_id != org.id:
                org.parent_id = parent.id

    def person_or_org(ref: str | None) -> tuple[int | None, int | None]:
        if ref in people:
            return people[ref], None
        if ref in orgs:
            return None, orgs[ref].id
        return None, None

    for role in extracted.roles:
        if role.person not in people:
            continue
        org = orgs.get(role.organization)
        record = roles.get_or_create(
            session, people[role.person], org.id if org else None, role.title, role.title_normalized
        )
        record.status = role.status  # the latest report says where things stand
        for column in ("start_year", "start_month", "end_year", "end_month", "period_text"):
            if getattr(record, column) is None:
                setattr(record, column, getattr(role, column))
        record.reports.append(RoleReport(
            article_id=article.id, title=role.title, status=role.status, start=role.start, end=role.end
        ))
    for quote in extracted.quotes:
        person_id, org_id = person_or_org(quote.speaker)
        session.add(Quote(
            article_id=article.id,
            text=quote.text,
            kind=quote.kind,
            speaker_person_id=person_id,
            speaker_organization_id=org_id,
            cue=quote.cue,
            confidence=round(quote.confidence, 3),
            start=quote.start,
            end=quote.end,
        ))
    for claim in extracted.claims:
        person_id, org_id = person_or_org(claim.claimant)
        session.add(Claim(
            article_id=article.id,
            text=claim.text,
            type=claim.type,
            claimant_person_id=person_id,
            claimant_organization_id=org_id,
            start=claim.start,
            end=claim.end,
            target_year=claim.target_year,
            topics=[ClaimTopic(topic=t) for t in dict.fromkeys(claim.topics)],
            amounts=[
                ClaimAmount(value=a.value, unit=a.unit, text=a.text, qualifier=a.qualifier)
                for a in claim.amounts
            ],
        ))
    session.flush()
    return article
