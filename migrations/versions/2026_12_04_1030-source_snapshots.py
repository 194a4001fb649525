"""source snapshots: the text of each cited page as checked, and where verdicts found evidence

Revision ID: 5e0c2a7b9f31
Revises: b7e41c9d2a10
Create Date: 2026-12-04 10:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "5e0c2a7b9f31"
down_revision: str | None = "b7e41c9d2a10"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "source_snapshots",
        sa.Column("id", sa.BigInteger(), autoincrement=True, primary_key=True),
        sa.Column(
            "source_id",
            sa.UUID(),
            sa.ForeignKey("sources.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "fetched_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column("final_url", sa.Text(), nullable=False),
        sa.Column("http_status", sa.Integer(), nullable=False),
        sa.Column("content_type", sa.Text(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
    )
    op.create_index(
        "ix_source_snapshots_source_fetched", "source_snapshots", ["source_id", "fetched_at"]
    )
    # verdicts stored before have no snapshot: their columns stay empty
    op.add_column(
        "verifications",
        sa.Column(
            "snapshot_id",
            sa.BigInteger(),
            sa.ForeignKey("source_snapshots.id", ondelete="SET NULL"),
            nullable=True,
        ),
    )
    op.create_index("ix_verifications_snapshot_id", "verifications", ["snapshot_id"])
    op.add_column("verifications", sa.Column("evidence_start", sa.Integer(), nullable=True))
    op.add_column("verifications", sa.Column("evidence_end", sa.Integer(), nullable=True))
    op.add_column(
        "verifications",
        sa.Column(
            "reasons", postgresql.JSONB(), server_default=sa.text("'[]'::jsonb"), nullable=False
        ),
    )


def downgrade() -> None:
    op.drop_column("verifications", "reasons")
    op.drop_column("verifications", "evidence_end")
    op.drop_column("verifications", "evidence_start")
    op.drop_index("ix_verifications_snapshot_id", table_name="verifications")
    op.drop_column("verifications", "snapshot_id")
    op.drop_index("ix_source_snapshots_source_fetched", table_name="source_snapshots")
    op.drop_table("source_snapshots")
