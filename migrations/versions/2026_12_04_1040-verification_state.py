"""verification state: when an article's verification was asked for and last stored

Revision ID: a41f6c2e8d57
Revises: 5e0c2a7b9f31
Create Date: 2026-12-04 10:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "a41f6c2e8d57"
down_revision: str | None = "5e0c2a7b9f31"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for name in ("verification_requested_at", "verified_at"):
        op.add_column("articles", sa.Column(name, sa.DateTime(timezone=True), nullable=True))
    # articles verified before: done at their newest verdict, with the counts per verdict
    op.execute(
        """
        UPDATE articles a SET verified_at = v.checked, verification_requested_at = v.checked,
               stats = a.stats || jsonb_build_object('verdicts', v.counts)
        FROM (SELECT article_id, max(checked_at) AS checked,
                     jsonb_object_agg(status, n) AS counts
              FROM (SELECT article_id, status, count(*) AS n, max(checked_at) AS checked_at
                    FROM verifications GROUP BY article_id, status) per_status
              GROUP BY article_id) v
        WHERE a.id = v.article_id
        """
    )
    # asked for and never stored: pending (the sweep re-sends what a job still owes)
    op.execute(
        """
        UPDATE articles a SET verification_requested_at = j.finished
        FROM (SELECT article_id, max(finished_at) AS finished FROM jobs
              WHERE verify AND status = 'succeeded' AND article_id IS NOT NULL
              GROUP BY article_id) j
        WHERE a.id = j.article_id AND a.verified_at IS NULL
        """
    )


def downgrade() -> None:
    op.execute("UPDATE articles SET stats = stats - 'verdicts'")
    op.drop_column("articles", "verified_at")
    op.drop_column("articles", "verification_requested_at")
