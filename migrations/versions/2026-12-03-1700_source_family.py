"""source_documents: `family` (the file or posted name a source without a URL came from);
sha256 no longer unique

A record of a file without a URL of its own is known by its identity in that file, not by its
number, and a file's stored records are found by their family: records added, removed or moved
in a feed are matched with what was stored, and those the file no longer holds are deleted. Two
sources may hold the same bytes (a copy of a file under another path, two equal records of one
feed), and each is stored; loading compares the bytes of the source with the same key, so the
digest needs no index of its own. Rows stored before get their family from their key (the path,
without a trailing record number).

Revision ID: 9b3f5d1e7a20
Revises: 6e1f3a9c2d47
Create Date: 2026-12-03 17:00:00
"""
import re

import sqlalchemy as sa
from alembic import op

revision = "9b3f5d1e7a20"
down_revision = "6e1f3a9c2d47"
branch_labels = None
depends_on = None

_NUMBERED = re.compile(r"^(?P<family>.+)#\d+$")


def upgrade() -> None:
    # source_documents has no search triggers, so SQLite's batch copy of it is safe.
    with op.batch_alter_table("source_documents") as batch:
        batch.drop_constraint("uq_source_documents_sha256", type_="unique")
        batch.add_column(sa.Column("family", sa.String(2048), nullable=True))
        batch.create_index("ix_source_documents_family", ["family"])
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, key FROM source_documents WHERE url IS NULL")).all()
    families = []
    for id_, key in rows:
        numbered = _NUMBERED.match(key)
        families.append({"id": id_, "family": numbered.group("family") if numbered else key})
    if families:
        connection.execute(sa.text("UPDATE source_documents SET family = :family WHERE id = :id"), families)


def downgrade() -> None:
    shared = op.get_bind().execute(sa.text(
        "SELECT COUNT(*) - COUNT(DISTINCT sha256) FROM source_documents")).scalar()
    if shared:
        raise RuntimeError(f"cannot go back to unique source bytes: {shared} sources hold the same bytes as "
                           "another; delete them first")
    with op.batch_alter_table("source_documents") as batch:
        batch.drop_index("ix_source_documents_family")
        batch.drop_column("family")
        batch.create_unique_constraint("uq_source_documents_sha256", ["sha256"])
