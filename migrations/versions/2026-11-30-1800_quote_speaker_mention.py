"""quotes: speaker_mention, the words of the article that name or refer to the speaker

Revision ID: 3c7d9e2f4a18
Revises: 8a4c1e6f2b75
Create Date: 2026-11-30 18:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = "3c7d9e2f4a18"
down_revision = "8a4c1e6f2b75"
branch_labels = None
depends_on = None

_COLUMNS = (("speaker_mention", sa.String(300)), ("speaker_mention_start", sa.Integer()),
            ("speaker_mention_end", sa.Integer()))


def upgrade() -> None:
    # Plain ADD COLUMN: a batch copy of `quotes` would drop its full-text triggers on SQLite.
    for name, type_ in _COLUMNS:
        op.add_column("quotes", sa.Column(name, type_, nullable=True))


def downgrade() -> None:
    for name, _ in reversed(_COLUMNS):
        op.drop_column("quotes", name)
