"""sources: identity by URL or path (key), source URL and format; articles: url

A source was identified by its file's base name, so two files of one name in different folders
replaced each other. `key` is now the source's URL when it states one, else its path as given;
rows loaded before keep their file name as key.

Revision ID: 8a4c1e6f2b75
Revises: 5d8e2a7b9c31
Create Date: 2026-11-30 16:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = "8a4c1e6f2b75"
down_revision = "5d8e2a7b9c31"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # source_documents has no search triggers, so SQLite's batch copy of it is safe.
    with op.batch_alter_table("source_documents") as batch:
        batch.add_column(sa.Column("key", sa.String(2048), nullable=True))
        batch.add_column(sa.Column("url", sa.String(2048), nullable=True))
        batch.add_column(sa.Column("format", sa.String(20), nullable=True))
    op.execute("UPDATE source_documents SET key = file_name || '#' || CAST(id AS VARCHAR(20)) "
               "WHERE key IS NULL")
    with op.batch_alter_table("source_documents") as batch:
        batch.alter_column("key", existing_type=sa.String(2048), nullable=False)
        batch.create_unique_constraint("uq_source_documents_key", ["key"])
    # A plain ADD COLUMN: a batch copy of `articles` would drop its full-text triggers on SQLite.
    op.add_column("articles", sa.Column("url", sa.String(2048), nullable=True))


def downgrade() -> None:
    op.drop_column("articles", "url")
    with op.batch_alter_table("source_documents") as batch:
        batch.drop_constraint("uq_source_documents_key", type_="unique")
        batch.drop_column("format")
        batch.drop_column("url")
        batch.drop_column("key")
