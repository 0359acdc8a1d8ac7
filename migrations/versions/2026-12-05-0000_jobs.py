"""jobs: bodies and files handed to the queue, and what became of them

Revision ID: 5d2a8c6e4f19
Revises: 4c7e9a1f3b58
Create Date: 2026-12-05 00:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = "5d2a8c6e4f19"
down_revision = "4c7e9a1f3b58"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "jobs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("name", sa.String(512), nullable=False),
        sa.Column("family", sa.String(2048), nullable=False),
        sa.Column("reader", sa.String(20), nullable=False),
        sa.Column("charset", sa.String(40), nullable=True),
        sa.Column("body", sa.LargeBinary(), nullable=True),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("tries", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(10), nullable=True),
        sa.Column("article_ids", sa.JSON(), nullable=False),
        sa.Column("problems", sa.JSON(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("analyse_ms", sa.Integer(), nullable=True),
        sa.Column("store_ms", sa.Integer(), nullable=True),
    )
    op.create_index("ix_jobs_status", "jobs", ["status"])


def downgrade() -> None:
    op.drop_index("ix_jobs_status", table_name="jobs")
    op.drop_table("jobs")
