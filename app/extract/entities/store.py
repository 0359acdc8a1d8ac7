"""The people and organizations of one article, and every place the body names them."""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from app.core.names import org_key, person_key
from app.extract.entities.kinds import org_kind
from app.extract.types import Entity, Mention


@dataclass
class ArticleEntities:
    entities: list[Entity]
    mentions: list[Mention]  # sorted by start

    def at(self, start: int, end: int) -> Mention | None:
        """The mention overlapping [start, end), if any."""
        for m in self.mentions:
            if m.start < end and start < m.end:
                return m
            if m.start >= end:
                break
        return None

    def add(self, name: str, type_: str, start: int, end: int) -> str:
        """An entity found late (a speaker the tagger named only once); returns its ref."""
        key = person_key(name) if type_ == "person" else org_key(name)
        for e in self.entities:
            if e.type == type_ and (person_key(e.name) if type_ == "person" else org_key(e.name)) == key:
                ref = e.ref
                break
        else:
            ref = self._next_ref(type_)
            kind = org_kind(name) if type_ == "organization" else None
            self.entities.append(Entity(ref=ref, type=type_, name=name, kind=kind))
        bisect.insort(self.mentions, Mention(start, end, ref), key=lambda m: m.start)
        return ref

    def _next_ref(self, type_: str) -> str:
        """Refs are 'p1', 'p2', … for people and 'o1', … for organizations, in the order found."""
        prefix = type_[0]
        taken = [int(e.ref[1:]) for e in self.entities if e.ref[:1] == prefix and e.ref[1:].isdigit()]
        return f"{prefix}{max(taken, default=0) + 1}"

    def type_of(self, ref: str) -> str:
        return next(e.type for e in self.entities if e.ref == ref)

    def nearest_before(
        self, pos: int, type_: str, skip: list[tuple[int, int]] | None = None, fits=None
    ) -> Mention | None:
        best = None
        for m in self.mentions:
            if m.start >= pos:
                break
            if self.type_of(m.ref) != type_ or (fits and not fits(m.ref)):
                continue
            if skip and any(s <= m.start < e for s, e in skip):
                continue
            best = m
        return best
