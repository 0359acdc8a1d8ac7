"""People and organizations of one article: candidates (candidates.py) cleaned (names.py), kinds
read from their names (kinds.py), clustered (extract.py, organizations.py) into the article's
entities with every place the body names them (store.py)."""
from app.extract.entities.extract import extract_entities
from app.extract.entities.kinds import org_kind, org_kind_words
from app.extract.entities.names import byline_person, clean_org, clean_person, split_org
from app.extract.entities.store import ArticleEntities

__all__ = [
    "ArticleEntities", "byline_person", "clean_org", "clean_person", "extract_entities", "org_kind",
    "org_kind_words", "split_org",
]
