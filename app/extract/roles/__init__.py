"""Roles: who holds which title where, from the phrases news writing uses for them
(strategies.py), dated and given their status from their own words (dating.py). A title must end
in a title head word (lexicon/title_words.txt)."""
from __future__ import annotations

from spacy.tokens import Doc

from app.extract.resolve import Resolver
from app.extract.roles.dating import dated
from app.extract.roles.finder import RoleFinder
from app.extract.roles.placing import Placing, placed
from app.extract.roles.strategies import ARTICLE_STRATEGIES, MENTION_STRATEGIES
from app.extract.titles import main_organizations
from app.extract.types import ExtractedRole

__all__ = ["find_roles"]


def find_roles(doc: Doc, resolver: Resolver) -> list[ExtractedRole]:
    """Every role the article states, one per (person, title, organization): the first report of
    each, by the strategies' order; then placed where its words name no organization (placing.py),
    and dated."""
    finder = RoleFinder(doc, resolver)
    entities = resolver.entities
    people = [m for m in entities.mentions if entities.is_person(m.ref)]  # the entity stage's
    found: dict[tuple[str, str, str | None], ExtractedRole] = {}
    proposals = [role for mention in people for strategy in MENTION_STRATEGIES for role in strategy(finder, mention)]
    proposals += [role for strategy in ARTICLE_STRATEGIES for role in strategy(finder)]
    for role in proposals:
        found.setdefault((role.person, role.title.lower(), role.organization), role)
    sentences = tuple((s.start_char, s.end_char) for s in doc.sents)
    placing = Placing(entities, main_organizations(entities), tuple(found.values()), sentences)
    return [dated(doc, placed(role, placing)) for role in found.values()]
