"""api key origin: environment keys can be revoked when dropped from CLAIMTRAIL_API_KEYS

Revision ID: b7e41c9d2a10
Revises: 74452fd50d0f
Create Date: 2026-12-03 23:59:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "b7e41c9d2a10"
down_revision: str | None = "9c3e5b1a7d42"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Rows stored before are kept as "cli": they stay live until revoked by hand, and an
    # environment key still listed is re-marked "env" the next time the API starts.
    op.add_column(
        "api_keys",
        sa.Column("origin", sa.String(length=8), server_default="cli", nullable=False),
    )


def downgrade() -> None:
    op.drop_column("api_keys", "origin")
