"""verification status wide enough for partially_supported

Revision ID: 9c3e5b1a7d42
Revises: 74452fd50d0f
Create Date: 2026-12-04 00:10:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "9c3e5b1a7d42"
down_revision: str | None = "c13a7d2b9e51"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # "partially_supported" is 19 characters; the column held 16.
    op.alter_column(
        "verifications",
        "status",
        existing_type=sa.String(length=16),
        type_=sa.String(length=32),
        existing_nullable=False,
    )


def downgrade() -> None:
    # Narrowing would cut stored statuses: refuse while any is longer than 16 characters.
    longest = op.get_bind().execute(sa.text("SELECT max(length(status)) FROM verifications"))
    if (longest.scalar() or 0) > 16:
        raise RuntimeError("verifications hold statuses longer than 16 characters")
    op.alter_column(
        "verifications",
        "status",
        existing_type=sa.String(length=32),
        type_=sa.String(length=16),
        existing_nullable=False,
    )
