"""An article's entities and facts written to the database: people and organizations by name
key, roles with a report per article, quotes and claims. A new version of an article keeps the ids
of the facts whose text is unchanged; every fact's evidence is read again from the new body."""
from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from functools import partial
from typing import TypeVar

from sqlalchemy.orm import Session

from app.core.names import org_key, person_key
from app.db import store as db_store
from app.db.models import Article, Claim, ClaimAmount, ClaimTopic, Organization, Quote, RoleReport
from app.extract.types import ExtractedArticle, ExtractedClaim, ExtractedQuote, ExtractedRole

log = logging.getLogger(__name__)


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


class FactWriter:
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
        self._flush_one()

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
        self._flush_one()

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
        self._flush_one()

    def _flush_one(self) -> None:
        """Written one by one, each fact is flushed in its own savepoint, so that its failure is its
        own; written together, the rows are flushed at the end, in batches of one INSERT a table."""
        if self.problems is not None:
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
