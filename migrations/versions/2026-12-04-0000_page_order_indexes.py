"""quotes: index (speaker_person_id, id) in place of (speaker_person_id)

A page of one speaker's quotes is read from the index in id order and stops after the page.
SQLite's indexes end in the row id already; PostgreSQL's did not, and read every quote of a busy
speaker to sort them for each page. (The same for claims by type and amounts by unit made
SQLite's plans worse: it read the amounts through the wider index for every claim it walked.)

Revision ID: 4c7e9a1f3b58
Revises: 9b3f5d1e7a20
Create Date: 2026-12-04 00:00:00
"""
from alembic import op

revision = "4c7e9a1f3b58"
down_revision = "9b3f5d1e7a20"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_quotes_speaker_person_id", table_name="quotes")
    op.create_index("ix_quotes_speaker_person_id", "quotes", ["speaker_person_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_quotes_speaker_person_id", table_name="quotes")
    op.create_index("ix_quotes_speaker_person_id", "quotes", ["speaker_person_id"])
