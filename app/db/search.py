"""Full-text search objects that live beside the models (created by a migration, not the ORM):
SQLite FTS5 tables kept in sync by triggers, PostgreSQL `search` tsvector columns with GIN indexes."""
from __future__ import annotations

# table -> the text columns its search covers
SEARCHABLE = {"quotes": ("text",), "claims": ("text",), "articles": ("title", "body")}


def is_search_object(name: str | None, type_: str) -> bool:
    """For autogenerate: leave the search objects out of the model comparison."""
    if not name:
        return False
    if type_ == "table":
        return any(name == f"{t}_fts" or name.startswith(f"{t}_fts_") for t in SEARCHABLE)
    if type_ == "column":
        return name == "search"
    if type_ == "index":
        return name.startswith("ix_search_")
    return False


def include_name(name, type_, parent_names) -> bool:
    return not is_search_object(name, type_)
