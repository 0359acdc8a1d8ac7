"""full-text search over quotes, claims and articles

SQLite: FTS5 tables with external content, filled from the existing rows and kept in sync by
triggers. PostgreSQL: a generated `search` tsvector column with a GIN index on each table.

Revision ID: 3f2b7c9d1e04
Revises: 8c1a4a981a29
Create Date: 2026-11-23 13:30:00
"""
from alembic import op

revision = "3f2b7c9d1e04"
down_revision = "8c1a4a981a29"
branch_labels = None
depends_on = None

SEARCHABLE = {"quotes": ("text",), "claims": ("text",), "articles": ("title", "body")}


def _sqlite_up(table: str, columns: tuple[str, ...]) -> None:
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    op.execute(f"CREATE VIRTUAL TABLE {table}_fts USING fts5({cols}, content='{table}', content_rowid='id', "
               f"tokenize='porter unicode61')")
    op.execute(f"INSERT INTO {table}_fts({table}_fts) VALUES ('rebuild')")
    op.execute(f"CREATE TRIGGER {table}_fts_insert AFTER INSERT ON {table} BEGIN "
               f"INSERT INTO {table}_fts(rowid, {cols}) VALUES (new.id, {new}); END")
    op.execute(f"CREATE TRIGGER {table}_fts_delete AFTER DELETE ON {table} BEGIN "
               f"INSERT INTO {table}_fts({table}_fts, rowid, {cols}) VALUES ('delete', old.id, {old}); END")
    op.execute(f"CREATE TRIGGER {table}_fts_update AFTER UPDATE ON {table} BEGIN "
               f"INSERT INTO {table}_fts({table}_fts, rowid, {cols}) VALUES ('delete', old.id, {old}); "
               f"INSERT INTO {table}_fts(rowid, {cols}) VALUES (new.id, {new}); END")


def _postgres_up(table: str, columns: tuple[str, ...]) -> None:
    document = " || ' ' || ".join(f"coalesce({c}, '')" for c in columns)
    op.execute(f"ALTER TABLE {table} ADD COLUMN search tsvector "
               f"GENERATED ALWAYS AS (to_tsvector('english', {document})) STORED")
    op.execute(f"CREATE INDEX ix_search_{table} ON {table} USING gin (search)")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table, columns in SEARCHABLE.items():
        if dialect == "sqlite":
            _sqlite_up(table, columns)
        elif dialect == "postgresql":
            _postgres_up(table, columns)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in SEARCHABLE:
        if dialect == "sqlite":
            for event in ("insert", "delete", "update"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{event}")
            op.execute(f"DROP TABLE IF EXISTS {table}_fts")
        elif dialect == "postgresql":
            op.execute(f"DROP INDEX IF EXISTS ix_search_{table}")
            op.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search")
