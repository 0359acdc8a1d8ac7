"""Migrations go up and down on every backend, and the head schema matches the models."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

import app.db.models  # noqa: F401
from app.db.base import Base
from app.db.migrate import downgrade, upgrade

TABLES = {
    "source_documents", "articles", "people", "person_aliases", "organizations",
    "organization_aliases", "roles", "quotes", "claims", "claim_amounts",
}


def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        return set(inspect(engine).get_table_names()) - {"alembic_version"}
    finally:
        engine.dispose()


def test_upgrade_downgrade_upgrade(empty_db):
    upgrade(empty_db)
    assert _tables(empty_db) == TABLES
    upgrade(empty_db)  # idempotent
    downgrade(empty_db, "base")
    assert _tables(empty_db) == set()
    upgrade(empty_db)
    assert _tables(empty_db) == TABLES


def test_head_matches_models(migrated_db):
    engine = create_engine(migrated_db)
    try:
        with engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    finally:
        engine.dispose()
    assert diff == []


def test_constraints_have_conventional_names(migrated_db):
    engine = create_engine(migrated_db)
    try:
        inspector = inspect(engine)
        fks = [fk["name"] for fk in inspector.get_foreign_keys("quotes")]
        indexes = {ix["name"] for ix in inspector.get_indexes("quotes")}
    finally:
        engine.dispose()
    assert "fk_quotes_speaker_person_id_people" in fks
    assert {"ix_quotes_article_id", "ix_quotes_speaker_person_id", "ix_quotes_kind"} <= indexes
