"""indexes that end in the page order: quotes (speaker_person_id, id), claims (type, id),
claim amounts (lower(unit), value, claim_id)

A page of one speaker's quotes, of the claims of one type, or of claims with an amount of a unit
above a value, is read from its index in id order and stops after the page. SQLite's indexes end
in the row id already; PostgreSQL's did not, and read every row of the speaker or type to sort
them.

Revision ID: 4c7e9a1f3b58
Revises: 9b3f5d1e7a20
Create Date: 2026-12-04 00:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = "4c7e9a1f3b58"
down_revision = "9b3f5d1e7a20"
branch_labels = None
depends_on = None

_LOWER_UNIT = sa.text("lower(unit)")


def upgrade() -> None:
    op.drop_index("ix_quotes_speaker_person_id", table_name="quotes")
    op.create_index("ix_quotes_speaker_person_id", "quotes", ["speaker_person_id", "id"])
    op.drop_index("ix_claims_type", table_name="claims")
    op.create_index("ix_claims_type", "claims", ["type", "id"])
    op.drop_index("ix_claim_amounts_unit_lower", table_name="claim_amounts")
    op.create_index("ix_claim_amounts_unit_lower", "claim_amounts", [_LOWER_UNIT, "value", "claim_id"])


def downgrade() -> None:
    op.drop_index("ix_claim_amounts_unit_lower", table_name="claim_amounts")
    op.create_index("ix_claim_amounts_unit_lower", "claim_amounts", [_LOWER_UNIT])
    op.drop_index("ix_claims_type", table_name="claims")
    op.create_index("ix_claims_type", "claims", ["type"])
    op.drop_index("ix_quotes_speaker_person_id", table_name="quotes")
    op.create_index("ix_quotes_speaker_person_id", "quotes", ["speaker_person_id"])
