"""role reports, periods, claim topics and target year

A role becomes one record per (person, organization, normalised title), with one report per
article that states it; existing roles keep their article and evidence as their first report.

Revision ID: 8c1a4a981a29
Revises: 871d40dd7de8
Create Date: 2026-11-23 13:14:14.565904
"""
from alembic import op
import sqlalchemy as sa


revision = '8c1a4a981a29'
down_revision = '871d40dd7de8'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('role_reports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('role_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_role_reports_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['role_id'], ['roles.id'], name=op.f('fk_role_reports_role_id_roles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_role_reports'))
    )
    with op.batch_alter_table('role_reports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_role_reports_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_role_reports_role_id'), ['role_id'], unique=False)

    op.create_table('claim_topics',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('topic', sa.String(length=60), nullable=False),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_claim_topics_claim_id_claims'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claim_topics')),
    sa.UniqueConstraint('claim_id', 'topic', name=op.f('uq_claim_topics_claim_id'))
    )
    with op.batch_alter_table('claim_topics', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claim_topics_claim_id'), ['claim_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_claim_topics_topic'), ['topic'], unique=False)

    with op.batch_alter_table('claim_amounts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claim_amounts_value'), ['value'], unique=False)

    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.add_column(sa.Column('target_year', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_claims_target_year'), ['target_year'], unique=False)

    with op.batch_alter_table('roles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('title_normalized', sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column('start_year', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('start_month', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('end_year', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('end_month', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('period_text', sa.String(length=200), nullable=True))

    op.execute('UPDATE roles SET title_normalized = lower(title)')
    op.execute(
        'INSERT INTO role_reports (role_id, article_id, title, status, "start", "end") '
        'SELECT id, article_id, title, status, "start", "end" FROM roles'
    )

    with op.batch_alter_table('roles', schema=None) as batch_op:
        batch_op.alter_column('title_normalized', existing_type=sa.String(length=300), nullable=False)
        batch_op.drop_index(batch_op.f('ix_roles_article_id'))
        batch_op.create_index(batch_op.f('ix_roles_end_year'), ['end_year'], unique=False)
        batch_op.create_index(batch_op.f('ix_roles_start_year'), ['start_year'], unique=False)
        batch_op.create_index(batch_op.f('ix_roles_title_normalized'), ['title_normalized'], unique=False)
        batch_op.drop_constraint(batch_op.f('fk_roles_article_id_articles'), type_='foreignkey')
        batch_op.drop_column('end')
        batch_op.drop_column('article_id')
        batch_op.drop_column('start')


def downgrade() -> None:
    with op.batch_alter_table('roles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('start', sa.INTEGER(), nullable=True))
        batch_op.add_column(sa.Column('article_id', sa.INTEGER(), nullable=True))
        batch_op.add_column(sa.Column('end', sa.INTEGER(), nullable=True))

    # Each role keeps its first report as its article and evidence.
    for column in ('article_id', 'start', 'end'):
        op.execute(
            f'UPDATE roles SET "{column}" = (SELECT r."{column}" FROM role_reports r '
            f'WHERE r.role_id = roles.id ORDER BY r.id LIMIT 1)'
        )
    op.execute('DELETE FROM roles WHERE article_id IS NULL')

    with op.batch_alter_table('roles', schema=None) as batch_op:
        batch_op.alter_column('start', existing_type=sa.INTEGER(), nullable=False)
        batch_op.alter_column('article_id', existing_type=sa.INTEGER(), nullable=False)
        batch_op.alter_column('end', existing_type=sa.INTEGER(), nullable=False)
        batch_op.create_foreign_key(batch_op.f('fk_roles_article_id_articles'), 'articles', ['article_id'], ['id'], ondelete='CASCADE')
        batch_op.drop_index(batch_op.f('ix_roles_title_normalized'))
        batch_op.drop_index(batch_op.f('ix_roles_start_year'))
        batch_op.drop_index(batch_op.f('ix_roles_end_year'))
        batch_op.create_index(batch_op.f('ix_roles_article_id'), ['article_id'], unique=False)
        batch_op.drop_column('period_text')
        batch_op.drop_column('end_month')
        batch_op.drop_column('end_year')
        batch_op.drop_column('start_month')
        batch_op.drop_column('start_year')
        batch_op.drop_column('title_normalized')

    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claims_target_year'))
        batch_op.drop_column('target_year')

    with op.batch_alter_table('claim_amounts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_amounts_value'))

    with op.batch_alter_table('claim_topics', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_topics_topic'))
        batch_op.drop_index(batch_op.f('ix_claim_topics_claim_id'))

    op.drop_table('claim_topics')
    with op.batch_alter_table('role_reports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_role_reports_role_id'))
        batch_op.drop_index(batch_op.f('ix_role_reports_article_id'))

    op.drop_table('role_reports')
