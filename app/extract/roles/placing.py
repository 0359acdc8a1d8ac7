"""Where a role is held when its words name no organization: placings tried in order on each
role the strategies found, the first that answers deciding. A new way of placing a role is a new
placing in PLACINGS, with its own table test (tests/extract/test_role_strategies.py).

- a portfolio title at the ministry the article names ("Fisheries Minister" at the Fisheries
  Ministry);
- a party's title (lexicon/org_titles.tsv, kind party: "lawmaker", "Rep.", "floor leader") at the
  party the holder's other roles name ("Rep. Jo Park, spokesperson of the Green Party");
- a title that only exists inside an organization of a kind ("the co-chairman", "CEO Jo Lee") at
  the article's main organization of that kind (the one it names most, and at least twice);
- else a company's title at the one body with executives its sentence names ("Northgate Health
  Trust will merge …, chief executive X said").
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from app.core.lexicon import LEXICON
from app.extract.entities import ArticleEntities
from app.extract.types import ExtractedRole


@dataclass(frozen=True)
class Placing:
    """What a placing reads: the article's entities, its main organization of each kind, and every
    role found in it."""

    entities: ArticleEntities
    main: dict[str, str]
    roles: tuple[ExtractedRole, ...]
    sentences: tuple[tuple[int, int], ...] = ()  # (start, end) of each sentence


def kind_of_title(title: str) -> str | None:
    """The kind of organization a title exists in (lexicon/org_titles.tsv), by its last words."""
    words = re.sub(r"[().,]", " ", title.lower()).split()  # "Chief Executive Officer (CEO)"
    for n in range(min(3, len(words)), 0, -1):
        kind = LEXICON.org_titles.get(" ".join(words[-n:]))
        if kind is not None:
            return kind
    return None


def ministry_of_the_portfolio(role: ExtractedRole, p: Placing) -> str | None:
    """'Fisheries Minister' at the 'Fisheries Ministry' the article names (or 'Ministry of Fisheries …')."""
    words = role.title.split()
    if len(words) < 2 or words[-1].lower().strip(".,") not in ("minister", "secretary"):
        return None
    portfolio = " ".join(w.lower() for w in words[:-1]
                         if w.lower() not in LEXICON.former_words | LEXICON.current_words | {"deputy", "vice"})
    if not portfolio:
        return None
    for entity in p.entities.entities:
        name = entity.name.lower()
        if entity.type == "organization" and (name in (f"{portfolio} ministry", f"{portfolio} department")
                                                or name.startswith(f"ministry of {portfolio}")):
            return entity.ref
    return None


def party_of_the_holder(role: ExtractedRole, p: Placing) -> str | None:
    """'Rep. Jo Park, senior spokesperson of the Green Party': a party's title is held in the
    party the holder's other roles name, when they name one."""
    if kind_of_title(role.title) != "party":
        return None
    parties = {r.organization for r in p.roles if r.person == role.person and r.organization is not None
               and p.entities.by_ref[r.organization].kind == "party"}
    return parties.pop() if len(parties) == 1 else None


def main_organization(role: ExtractedRole, p: Placing) -> str | None:
    """'the co-chairman' in a story about one company holds the post at that company."""
    kind = kind_of_title(role.title)
    return p.main.get(kind) if kind is not None else None


# Kinds of body whose executives a sentence names beside them ("Northgate Health Trust will …,
# chief executive X said"); not a government or a party, whose posts are not a company's.
_BODIES_WITH_EXECUTIVES = ("company", "association", "academic", "finance", "research", "media", "union")


def body_of_its_sentence(role: ExtractedRole, p: Placing) -> str | None:
    """'Northgate Health Trust will merge …, chief executive Lydia Crane said': a company's title
    is held at the one body of a kind with executives that its sentence names."""
    if kind_of_title(role.title) != "company":
        return None
    start, end = next(((s, e) for s, e in p.sentences if s <= role.start < e), (role.start, role.end))
    named = {m.ref for m in p.entities.mentions if start <= m.start < end and m.ref in p.entities.by_ref
             and p.entities.by_ref[m.ref].type == "organization"
             and p.entities.by_ref[m.ref].kind in _BODIES_WITH_EXECUTIVES}
    return named.pop() if len(named) == 1 else None


RolePlacing = Callable[[ExtractedRole, Placing], str | None]
# Tried in order on a role without an organization; the first answer decides.
PLACINGS: tuple[RolePlacing, ...] = (
    ministry_of_the_portfolio, party_of_the_holder, main_organization, body_of_its_sentence,
)


def placed(role: ExtractedRole, p: Placing) -> ExtractedRole:
    """The role at the organization the first of PLACINGS gives, when its words name none."""
    if role.organization is not None:
        return role
    for placing in PLACINGS:
        org = placing(role, p)
        if org is not None:
            return replace(role, organization=org)
    return role
