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
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from typing import TypeVar

from sqlalchemy.orm import Session

from app.core.document import sha256_of
from app.core.names import org_key, person_key
from app.db import store as db_store
from app.db.models import (
    Article,
    Claim,
    ClaimAmount,
    ClaimTopic,
    Organization,
    Quote,
    RoleReport,
    SourceDocument,
)
from app.extract.pipeline import extract, extract_documents
from app.extract.types import (
    ExtractedArticle,
    ExtractedClaim,
    ExtractedQuote,
    ExtractedRole,
)
from app.readers import Document, InputError, decode

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
    _FactWriter(session, article, extracted, problems).write()
    return article


def _guarded(session: Session, problems: list[str] | None, what: str, write):
    """Run one write in a savepoint: a failure is rolled back, reported, and the rest goes on.
    Without `problems` (the first, all-or-nothing attempt) the write runs as it is."""
    if problems is None:
        return write()
    try:
        with session.begin_nested():
            return write()
    except Exception as exc:  # one bad fact must not sink the source
        problems.append(f"{what} not stored ({type(exc).__name__}: {str(exc).splitlines()[0][:200]})")
        return None


def _short(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "…")


class _FactWriter:
    """The entities and facts of one article. They are written in one savepoint; should that
    fail, they are written again each in a savepoint of its own, and the ones that fail are
    reported and left out."""

    def __init__(self, session: Session, article: Article, extracted: ExtractedArticle, problems: list[str]):
        self.session, self.article, self.extracted = session, article, extracted
        self.reported = problems
        self.problems: list[str] | None = None
        self.people: dict[str, int] = {}
        self.orgs: dict[str, Organization] = {}

    def write(self) -> None:
        try:
            with self.session.begin_nested():
                self._write()
            return
        except Exception as exc:  # each fact again in a savepoint of its own; the failing ones are reported
            log.info("article %s: its facts together failed (%s); writing them one by one", self.article.id,
                     type(exc).__name__)
            self.people, self.orgs = {}, {}
        self.problems = self.reported
        self._write()

    def _write(self) -> None:
        self._entities()
        self._roles()
        self._quotes()
        self._claims()
        self.session.flush()

    def _entities(self) -> None:
        extracted = self.extracted
        for entity in extracted.entities:
            if entity.type == "person" and person_key(entity.name):
                person = _guarded(self.session, self.problems, f"person {entity.name!r}",
                                  lambda e=entity: db_store.get_or_create_person(self.session, e.name, e.aliases))
                if person is not None:
                    self.people[entity.ref] = person.id
            elif entity.type == "organization" and org_key(entity.name):
                org = _guarded(self.session, self.problems, f"organization {entity.name!r}",
                               lambda e=entity: db_store.get_or_create_organization(self.session, e.name, e.aliases,
                                                                                    e.kind))
                if org is not None:
                    self.orgs[entity.ref] = org
        for entity in extracted.entities:
            if entity.type == "organization" and entity.ref in self.orgs and entity.parent in self.orgs:
                org, parent = self.orgs[entity.ref], self.orgs[entity.parent]
                if org.parent_id is None and parent.id != org.id and parent.parent_id != org.id:
                    org.parent_id = parent.id

    def _ref(self, ref: str | None) -> tuple[int | None, int | None]:
        if ref in self.people:
            return self.people[ref], None
        if ref in self.orgs:
            return None, self.orgs[ref].id
        return None, None

    def _roles(self) -> None:
        self.session.query(RoleReport).filter(RoleReport.article_id == self.article.id).delete()
        for role in self.extracted.roles:
            if role.person in self.people:
                _guarded(self.session, self.problems, f"role {role.title!r}", lambda r=role: self._role(r))

    def _role(self, role: ExtractedRole) -> None:
        org = self.orgs.get(role.organization) if role.organization else None
        record = db_store.get_or_create_role(
            self.session, self.people[role.person], org.id if org else None, role.title,
            role.title_normalized or role.title.lower(),
        )
        record.status = role.status  # the latest report says where things stand
        for column in ("start_year", "start_month", "end_year", "end_month", "period_text"):
            if getattr(record, column) is None:
                setattr(record, column, getattr(role, column))
        record.reports.append(RoleReport(
            article_id=self.article.id, title=role.title, status=role.status, start=role.start, end=role.end
        ))
        self.session.flush()

    def _quotes(self) -> None:
        kept = _by_key(self.session, Quote, self.article.id, lambda q: (q.text, q.kind))
        for quote in self.extracted.quotes:
            reused = _take(kept, (quote.text, quote.kind))
            self._fact(f"quote {_short(quote.text)}", reused, partial(self._quote, quote, reused))
        self._drop_rest(kept)

    def _quote(self, quote: ExtractedQuote, reused: Quote | None) -> None:
        row = reused or Quote(article_id=self.article.id, text=quote.text, kind=quote.kind)
        row.speaker_person_id, row.speaker_organization_id = self._ref(quote.speaker)
        row.cue, row.confidence = quote.cue, round(quote.confidence, 3)
        row.start, row.end = quote.start, quote.end
        mention = quote.mention
        row.speaker_mention = self.article.body[mention[0]:mention[1]][:300] if mention else None
        row.speaker_mention_start, row.speaker_mention_end = mention if mention else (None, None)
        self.session.add(row)
        self.session.flush()

    def _claims(self) -> None:
        kept = _by_key(self.session, Claim, self.article.id, lambda c: (c.text, c.type))
        for claim in self.extracted.claims:
            reused = _take(kept, (claim.text, claim.type))
            self._fact(f"claim {_short(claim.text)}", reused, partial(self._claim, claim, reused))
        self._drop_rest(kept)

    def _claim(self, claim: ExtractedClaim, reused: Claim | None) -> None:
        row = reused or Claim(article_id=self.article.id, text=claim.text, type=claim.type)
        row.claimant_person_id, row.claimant_organization_id = self._ref(claim.claimant)
        row.start, row.end, row.target_year = claim.start, claim.end, claim.target_year
        topics = list(dict.fromkeys(claim.topics))
        if sorted(t.topic for t in row.topics) != sorted(topics):
            # the old topics go before the new ones come: (claim, topic) is unique
            row.topics.clear()
            self.session.flush()
            row.topics.extend(ClaimTopic(topic=t) for t in topics)
        row.amounts = [
            ClaimAmount(value=a.value, unit=a.unit, text=a.text, qualifier=a.qualifier) for a in claim.amounts
        ]
        self.session.add(row)
        self.session.flush()

    def _fact(self, what: str, reused: Quote | Claim | None, write: Callable[[], None]) -> None:
        """Write one fact; when an earlier version's row cannot be brought up to date, it goes
        rather than stay with evidence into a body that changed."""
        def attempt() -> bool:
            write()
            return True

        if _guarded(self.session, self.problems, what, attempt) is None and reused is not None:
            _guarded(self.session, self.problems, f"stale {what}", lambda: self.session.delete(reused))

    def _drop_rest(self, kept: dict) -> None:
        for rows in kept.values():
            for row in rows:
                self.session.delete(row)


FactRow = TypeVar("FactRow", Quote, Claim)


def _take(kept: dict[tuple[str, str], list[FactRow]], key: tuple[str, str]) -> FactRow | None:
    """The first stored row of an earlier version under `key`, taken out of `kept`."""
    rows = kept.get(key)
    return rows.pop(0) if rows else None


def _by_key(session: Session, model: type[FactRow], article_id: int,
            key: Callable[[FactRow], tuple[str, str]]) -> dict[tuple[str, str], list[FactRow]]:
    """An updated article's stored rows of one kind, by what identifies a fact across versions."""
    rows: dict[tuple[str, str], list[FactRow]] = defaultdict(list)
    if article_id is not None:
        for row in session.query(model).filter(model.article_id == article_id).order_by(model.id):
            rows[key(row)].append(row)
    return rows
