"""Documents -> rows. Extraction happens before the database is touched; storing one source's
articles only flushes, so the caller's transaction decides whether they land.

A source is identified by its `key`: its URL when it states one, else the file (or posted name)
it comes from, its *family*, and for a record of a file of records the record's identity within
it (`family#digest`). Loading a file first reconciles its family with what is stored: a source
whose key holds the same bytes is `unchanged`, a stored record that moved keeps its id under its
new key, and a stored record the file no longer holds goes. Loading a new version of a known
source updates it in place: its articles keep their ids (paired by their place in the source),
and so do their quotes and claims that did not change; what the new version no longer says goes.
One fact that cannot be stored is reported and left out; the source's other facts are stored.
"""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from app.core.document import sha256_of
from app.core.names import org_key
from app.db import store as db_store
from app.db.models import (
    Article,
    SourceDocument,
)
from app.extract.pipeline import extract, extract_documents
from app.extract.types import (
    ExtractedArticle,
)
from app.readers import Document, InputError, decode
from app.services.facts import FactWriter

__all__ = [
    "InputError", "LoadResult", "Prepared", "Reconciled", "decode", "overall_status", "prepare", "prepare_many",
    "reconcile",
    "SourceId", "identify", "sha256_of", "store",
]


@dataclass(frozen=True)
class Prepared:
    """A source read and analysed, ready to store."""

    name: str  # what the source is called in listings: the file's name (with a record's number)
    key: str
    family: str | None
    sha256: str
    size: int
    url: str | None = None
    format: str | None = None
    articles: list[ExtractedArticle] = field(default_factory=list)


@dataclass(frozen=True)
class LoadResult:
    name: str
    status: str  # "loaded" | "updated" | "unchanged" | "failed"
    articles: int = 0
    detail: str = ""
    article_ids: tuple[int, ...] = ()
    problems: tuple[str, ...] = ()  # facts that could not be stored, each with why


log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SourceId:
    """Who a source is: its `key` (the URL it states, else its family and, for a record of a file
    of records, a digest of the record's identity), its `family` (the file's absolute path or a
    posted body's name; None for a source known by its URL) and the `name` it is listed under
    (the file's name, with the record's number)."""

    key: str
    name: str
    family: str | None


def identify(family: str, name: str, document: Document) -> SourceId:
    if document.url:
        return SourceId(document.url, name, None)
    if document.identity:
        digest = hashlib.sha256(document.identity.encode("utf-8")).hexdigest()[:24]
        return SourceId(f"{family}#{digest}", name, family)
    return SourceId(family, name, family)


@dataclass(frozen=True)
class Reconciled:
    """A file's documents checked against what its family stored: the result of each document
    that needs no analysis (None where it does), and how many stored records went."""

    unchanged: list[LoadResult | None]
    removed: int = 0


def reconcile(session: Session, family: str, entries: list[tuple[SourceId, str]]) -> Reconciled:
    """Bring the stored sources of one file (or posted name) in line with its documents, given
    as (source id, sha256) in the file's order, before any of them is analysed.

    A document whose key holds the same bytes is unchanged (its listing name follows its place).
    A document with a new key takes over a stored source of the family that holds the same bytes
    and that no document of the file claims (a record that moved, or one stored under an older
    kind of key), so its articles keep their ids. Every other stored source of the family that
    no document claims is gone from the file, and is deleted with its articles."""
    family_sources = db_store.sources_of_family(session, family)
    stored = {source.key: source for source in family_sources}
    elsewhere = [i.key for i, _ in entries if i.key not in stored]  # known by their URLs
    stored.update((s.key, s) for s in db_store.sources_by_keys(session, elsewhere))
    claimed = {i.key for i, _ in entries}
    spare = [source for source in family_sources if source.key not in claimed]
    results: list[LoadResult | None] = []
    for identity, sha256 in entries:
        source = stored.get(identity.key)
        if source is None and identity.family is not None:
            source = next((s for s in spare if s.sha256 == sha256), None)
            if source is not None:
                spare.remove(source)
                source.key = identity.key
                stored[identity.key] = source
        if source is None or source.sha256 != sha256:
            results.append(None)
            continue
        source.file_name, source.family = identity.name, identity.family
        name = identity.name
        ids = tuple(a.id for a in sorted(source.articles, key=lambda a: a.position))
        results.append(LoadResult(name, "unchanged", len(ids), article_ids=ids))
    for gone in spare:
        session.delete(gone)
    session.flush()
    if spare:
        db_store.delete_unreported_roles(session)
    return Reconciled(results, len(spare))


def overall_status(results: list[LoadResult], removed: int = 0) -> str:
    """One status for a file or body from its stored sources' results: new throughout is
    `loaded`, the same throughout `unchanged`, anything else (a record added, changed or gone
    from a known file) `updated`."""
    statuses = {r.status for r in results if r.status != "failed"} | ({"removed"} if removed else set())
    return "loaded" if statuses == {"loaded"} else "unchanged" if statuses <= {"unchanged"} else "updated"


def prepare(source: SourceId, document: Document, size: int = 0) -> Prepared:
    """Analyse one document (pure: no database)."""
    return _prepared(source, document, size, extract(document))


def prepare_many(items: list[tuple[SourceId, Document, int]]) -> list[Prepared | Exception]:
    """`prepare` over several documents (source id, document, size) at once, parsed in one
    stream; each outcome is its Prepared or the error that refused it. Should the shared stream
    fail, the documents are analysed one by one, so that one bad document fails alone."""
    try:
        pages = extract_documents([document for _, document, _ in items])
    except Exception as exc:  # each document again on its own: the one at fault fails alone
        log.warning("analysing %d sources together failed (%s: %s); analysing them one by one",
                    len(items), type(exc).__name__, exc)
        pages = None
    outcomes: list[Prepared | Exception] = []
    for index, (source, document, size) in enumerate(items):
        try:
            articles = extract(document) if pages is None else pages[index]
            outcomes.append(_prepared(source, document, size, articles))
        except Exception as exc:  # reported against its own source by the caller
            outcomes.append(exc)
    return outcomes


def _prepared(source: SourceId, document: Document, size: int, articles: list[ExtractedArticle]) -> Prepared:
    if not articles:
        raise InputError("no article text found (only page furniture)")
    return Prepared(name=source.name, key=source.key, family=source.family, sha256=document.sha256, size=size,
                    url=document.url, format=document.format, articles=articles)


def store(session: Session, prepared: Prepared) -> LoadResult:
    """Write one prepared source; the same bytes loaded before under its key change nothing."""
    source = db_store.source_by_key(session, prepared.key)
    if source is not None and source.sha256 == prepared.sha256:
        ids = tuple(a.id for a in sorted(source.articles, key=lambda a: a.position))
        source.file_name = prepared.name
        return LoadResult(prepared.name, "unchanged", len(ids), article_ids=ids)
    now = datetime.now(UTC)
    if source is None:
        status, old = "loaded", []
        source = db_store.create_source(
            session, key=prepared.key, family=prepared.family, file_name=prepared.name, url=prepared.url,
            format=prepared.format, sha256=prepared.sha256, size=prepared.size, loaded_at=now,
        )
    else:
        status, old = "updated", sorted(source.articles, key=lambda a: a.position)
        source.file_name, source.url, source.format = prepared.name, prepared.url, prepared.format
        source.family = prepared.family
        source.sha256, source.size, source.loaded_at = prepared.sha256, prepared.size, now
    problems: list[str] = []
    stored: list[int] = []
    for position, extracted in enumerate(prepared.articles):
        article = old[position] if position < len(old) else None
        stored.append(_store_article(session, source, position, extracted, article, problems).id)
    for gone in old[len(prepared.articles):]:
        session.delete(gone)
    session.flush()
    if old:
        db_store.delete_unreported_roles(session)
    return LoadResult(prepared.name, status, len(stored), article_ids=tuple(stored), problems=tuple(problems))


def _store_article(
    session: Session, source: SourceDocument, position: int, extracted: ExtractedArticle,
    article: Article | None, problems: list[str],
) -> Article:
    segment = extracted.segment
    publisher = None
    if segment.publisher and org_key(segment.publisher):
        try:
            with session.begin_nested():
                publisher = db_store.get_or_create_organization(session, segment.publisher, kind="media")
        except Exception as exc:  # the article is stored without its publisher
            problems.append(f"publisher {segment.publisher!r} not stored ({type(exc).__name__}: {exc})"[:300])
    if article is None:
        article = Article(source_id=source.id, position=position)
        session.add(article)
    article.title = segment.title
    article.publisher_id = publisher.id if publisher else None
    article.authors = list(segment.authors)
    article.published_at = segment.published_at
    article.published_text = segment.published_text
    article.url = segment.url
    article.body = segment.body
    session.flush()
    FactWriter(session, article, extracted, problems).write()
    return article
