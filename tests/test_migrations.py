"""Migrations go up and down on every backend, and the head schema matches the models."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

import app.db.models  # noqa: F401
from app.db.base import Base
from app.db.migrate import downgrade, upgrade
from app.db.search import include_name, is_search_object

TABLES = {
    "source_documents", "articles", "people", "person_aliases", "organizations",
    "organization_aliases", "roles", "role_reports", "quotes", "claims", "claim_amounts", "claim_topics", "jobs",
}
FIRST = "871d40dd7de8"  # the initial schema, where a role held its own article and evidence


def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        names = set(inspect(engine).get_table_names()) - {"alembic_version"}
        return {n for n in names if not is_search_object(n, "table")}
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
            context = MigrationContext.configure(connection, opts={"include_name": include_name})
            diff = compare_metadata(context, Base.metadata)
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


def test_role_reports_migration_keeps_loaded_roles(empty_db):
    """Roles written under the first schema become roles with one report, and come back."""
    from sqlalchemy import text

    upgrade(empty_db, FIRST)
    engine = create_engine(empty_db)
    try:
        with engine.begin() as c:
            c.execute(text("INSERT INTO source_documents (id, file_name, sha256, size, loaded_at) "
                           "VALUES (1, 'a.txt', 'x', 1, CURRENT_TIMESTAMP)"))
            c.execute(text("INSERT INTO articles (id, source_id, position, authors, body) VALUES (1, 1, 0, '[]', 'b')"))
            c.execute(text("INSERT INTO people (id, name, key) VALUES (1, 'Jane Roe', 'janeroe')"))
            c.execute(text('INSERT INTO roles (id, article_id, person_id, title, status, "start", "end") '
                           "VALUES (1, 1, 1, 'Chief Executive Officer', 'current', 3, 9)"))
        upgrade(empty_db)
        with engine.connect() as c:
            role = c.execute(text("SELECT title, title_normalized FROM roles")).one()
            report = c.execute(text('SELECT role_id, article_id, "start", "end" FROM role_reports')).one()
        assert tuple(role) == ("Chief Executive Officer", "chief executive officer")
        assert tuple(report) == (1, 1, 3, 9)
        downgrade(empty_db, FIRST)
        with engine.connect() as c:
            assert tuple(c.execute(text('SELECT article_id, "start", "end" FROM roles')).one()) == (1, 3, 9)
    finally:
        engine.dispose()


def test_downgrade_and_upgrade_a_loaded_database(migrated_db, tmp_path):
    import shutil

    from tests.conftest import SEEDS, load_paths

    shutil.copy(next(SEEDS.glob("002_*.txt")), tmp_path)
    assert load_paths(migrated_db, tmp_path) == 0
    downgrade(migrated_db, "base")
    assert _tables(migrated_db) == set()
    upgrade(migrated_db)
    assert load_paths(migrated_db, tmp_path) == 0
    engine = create_engine(migrated_db)
    try:
        from sqlalchemy import text

        with engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM articles")).scalar() == 1
    finally:
        engine.dispose()


def test_name_words_are_written_for_people_loaded_before_them(migrated_db, tmp_path):
    """The migration that brought name search by word starts fills `words` for the names that
    were already there, so a database loaded before it finds them."""
    import shutil

    from sqlalchemy import text

    from app.core.names import search_words
    from tests.conftest import SEEDS, load_paths

    shutil.copy(next(SEEDS.glob("000_*.txt")), tmp_path)
    assert load_paths(migrated_db, tmp_path) == 0
    downgrade(migrated_db, "3c7d9e2f4a18")
    upgrade(migrated_db)
    engine = create_engine(migrated_db)
    try:
        with engine.connect() as connection:
            for table, column, organization in (("people", "name", False), ("person_aliases", "alias", False),
                                                ("organizations", "name", True)):
                rows = connection.execute(text(f"SELECT {column}, words FROM {table}")).all()
                assert rows, table
                assert all(words == search_words(name, organization) for name, words in rows), table
    finally:
        engine.dispose()


def test_sources_stored_under_record_numbers_get_their_family(empty_db):
    """Before record identity, a record's key was its file's path and its number."""
    from sqlalchemy import text

    upgrade(empty_db, "6e1f3a9c2d47")
    engine = create_engine(empty_db)
    try:
        with engine.begin() as c:
            for id_, key, url in ((1, "/data/feed.jsonl#1", None), (2, "/data/feed.jsonl#12", None),
                                  (3, "/data/story.txt", None), (4, "https://news.example/a", "https://news.example/a")):
                c.execute(text("INSERT INTO source_documents (id, key, file_name, url, sha256, size, loaded_at) "
                               "VALUES (:id, :key, 'f', :url, :sha, 1, CURRENT_TIMESTAMP)"),
                          {"id": id_, "key": key, "url": url, "sha": str(id_)})
        upgrade(empty_db)
        with engine.connect() as c:
            families = dict(c.execute(text("SELECT id, family FROM source_documents")).all())
        assert families == {1: "/data/feed.jsonl", 2: "/data/feed.jsonl", 3: "/data/story.txt", 4: None}
    finally:
        engine.dispose()
