"""Roles: who holds which title where, from the phrases news writing uses for them
(strategies.py), dated and given their status from their own words (dating.py). A title must end
in a title head word (lexicon/title_words.txt)."""
from __future__ import annotations

from spacy.tokens import Doc

from app.extract.resolve import Resolver
from app.extract.roles.dating import dated
from app.extract.roles.finder import RoleFinder
from app.extract.roles.strategies import ARTICLE_STRATEGIES, MENTION_STRATEGIES
from app.extract.titles import main_organizations, ministry_for, with_main_organization
from app.extract.types import ExtractedRole

__all__ = ["find_roles"]


def find_roles(doc: Doc, resolver: Resolver) -> list[ExtractedRole]:
    """Every role the article states, one per (person, title, organization): the first report of
    each, by the strategies' order; then placed at the article's main organization or ministry
    where the title needs one, and dated."""
    finder = RoleFinder(doc, resolver)
    entities = resolver.entities
    people = [m for m in entities.mentions if entities.is_person(m.ref)]  # the entity stage's
    found: dict[tuple[str, str, str | None], ExtractedRole] = {}
    proposals = [role for mention in people for strategy in MENTION_STRATEGIES for role in strategy(finder, mention)]
    proposals += [role for strategy in ARTICLE_STRATEGIES for role in strategy(finder)]
    for role in proposals:
        found.setdefault((role.person, role.title.lower(), role.organization), role)
    main = main_organizations(entities)
    return [dated(doc, ministry_for(with_main_organization(role, main), entities)) for role in found.values()]
