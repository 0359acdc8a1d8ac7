"""people, organizations and their aliases: `words`, for name search by word starts;
claim_amounts.unit and claim_topics.topic: indexes on their lower case, for filters in any case

Revision ID: 6e1f3a9c2d47
Revises: 3c7d9e2f4a18
Create Date: 2026-11-30 20:00:00
"""
import sqlalchemy as sa
from alembic import op

from app.core.names import search_words

revision = "6e1f3a9c2d47"
down_revision = "3c7d9e2f4a18"
branch_labels = None
depends_on = None

# table, its name column, whether its names are organizations'
_NAMED = (("people", "name", False), ("person_aliases", "alias", False),
          ("organizations", "name", True), ("organization_aliases", "alias", True))
_LOWER = (("ix_claim_amounts_unit_lower", "claim_amounts", "unit"),
          ("ix_claim_topics_topic_lower", "claim_topics", "topic"))


def upgrade() -> None:
    connection = op.get_bind()
    for table, column, organization in _NAMED:
        op.add_column(table, sa.Column("words", sa.String(1200), nullable=True))
        rows = connection.execute(sa.text(f"SELECT id, {column} FROM {table}")).all()
        if rows:
            connection.execute(sa.text(f"UPDATE {table} SET words = :words WHERE id = :id"),
                               [{"id": i, "words": search_words(name, organization)} for i, name in rows])
    for name, table, column in _LOWER:
        op.create_index(name, table, [sa.text(f"lower({column})")])


def downgrade() -> None:
    for name, table, _ in reversed(_LOWER):
        op.drop_index(name, table_name=table)
    for table, _, _ in reversed(_NAMED):
        op.drop_column(table, "words")
