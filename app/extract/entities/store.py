"""The people and organizations of one article, and every place the body names them."""
from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field

from app.core.lexicon import LEXICON
from app.core.names import org_key, person_key
from app.extract.entities.kinds import org_kind
from app.extract.types import Entity, EntityMention


@dataclass
class ArticleEntities:
    """The entity stage's people and organizations with their mentions (sorted by start), and
    a `by_ref` index. Only the article's resolver (resolve.Resolver) registers more: every ref is
    handed out in one place."""

    entities: list[Entity]
    mentions: list[EntityMention]
    by_ref: dict[str, Entity] = field(init=False)

    def __post_init__(self) -> None:
        self.by_ref = {e.ref: e for e in self.entities}

    def at(self, start: int, end: int) -> EntityMention | None:
        """The mention overlapping [start, end), if any."""
        for m in self.mentions:
            if m.start < end and start < m.end:
                return m
            if m.start >= end:
                break
        return None

    def register(self, name: str, type_: str, start: int, end: int) -> str:
        """A name found after the entity stage, at [start, end): the entity it names (a new one
        when no entity of the article has its key), with the mention recorded; its ref."""
        key = person_key(name) if type_ == "person" else org_key(name)
        for e in self.entities:
            if e.type == type_ and (person_key(e.name) if type_ == "person" else org_key(e.name)) == key:
                ref = e.ref
                break
        else:
            ref = self._next_ref(type_)
            kind = org_kind(name) if type_ == "organization" else None
            entity = Entity(ref=ref, type=type_, name=name, kind=kind)
            self.entities.append(entity)
            self.by_ref[ref] = entity
        bisect.insort(self.mentions, EntityMention(start, end, ref), key=lambda m: m.start)
        return ref

    def _next_ref(self, type_: str) -> str:
        """Refs are 'p1', 'p2', … for people and 'o1', … for organizations, in the order found."""
        prefix = type_[0]
        taken = [int(e.ref[1:]) for e in self.entities if e.ref[:1] == prefix and e.ref[1:].isdigit()]
        return f"{prefix}{max(taken, default=0) + 1}"

    def type_of(self, ref: str) -> str:
        return self.by_ref[ref].type

    def is_person(self, ref: str | None) -> bool:
        entity = self.by_ref.get(ref) if ref is not None else None
        return entity is not None and entity.type == "person"

    def by_head(self, noun: str) -> str | None:
        """'the airline', 'the union': the one organization of the article whose name ends in
        that noun ('Skyway Airlines', 'Rail Workers' Union'), else the only company for a company
        noun ('the company', 'the firm')."""
        noun = noun.lower()
        named = [e for e in self.entities if e.type == "organization" and len(e.name.split()) > 1
                 and e.name.split()[-1].lower().rstrip("s") == noun.rstrip("s")]
        if len(named) == 1:
            return named[0].ref
        if noun in LEXICON.company_nouns:
            companies = [e for e in self.entities if e.type == "organization" and e.kind in ("company", "finance")]
            if len(companies) == 1:
                return companies[0].ref
        return None

    def nearest_before(self, pos: int, type_: str, skip: Callable[[int], bool] | None = None,
                       fits: Callable[[str], bool] | None = None) -> EntityMention | None:
        """The last mention of an entity of `type_` (that `fits`) before `pos`, past the ones
        `skip` rules out (quoted ones)."""
        best = None
        for m in self.mentions:
            if m.start >= pos:
                break
            if self.type_of(m.ref) != type_ or (fits and not fits(m.ref)):
                continue
            if skip and skip(m.start):
                continue
            best = m
        return best
