"""nearest sources: for claims that cite nothing, a page the article cites that supports them

Revision ID: 7d2b9e4c1a68
Revises: 3f8a6c2e1d90
Create Date: 2026-12-04 11:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "7d2b9e4c1a68"
down_revision: str | None = "3f8a6c2e1d90"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "nearest_sources",
        sa.Column(
            "sentence_id",
            sa.UUID(),
            sa.ForeignKey("sentences.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "article_id",
            sa.UUID(),
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "source_id", sa.UUID(), sa.ForeignKey("sources.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column(
            "snapshot_id",
            sa.BigInteger(),
            sa.ForeignKey("source_snapshots.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("evidence_start", sa.Integer(), nullable=True),
        sa.Column("evidence_end", sa.Integer(), nullable=True),
    )
    op.create_index("ix_nearest_sources_article_id", "nearest_sources", ["article_id"])


def downgrade() -> None:
    op.drop_index("ix_nearest_sources_article_id", table_name="nearest_sources")
    op.drop_table("nearest_sources")
