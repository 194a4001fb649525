"""attributed_claims in every stored article's stats

Revision ID: c13a7d2b9e51
Revises: 74452fd50d0f
Create Date: 2026-12-04 00:00:00

Claims resting only on named, unlinked sources are counted as `attributed_claims`; new
extractions store the count, this fills it in for articles stored before.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "c13a7d2b9e51"
down_revision: str | None = "c3a9e14f7b02"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        """
        UPDATE articles SET stats = coalesce(stats, '{}'::jsonb) || jsonb_build_object(
            'attributed_claims',
            (SELECT count(*) FROM sentences s
              WHERE s.article_id = articles.id AND s.is_claim AND NOT s.is_cited
                AND EXISTS (SELECT 1 FROM citations c WHERE c.sentence_id = s.id)))
        """
    )


def downgrade() -> None:
    op.execute("UPDATE articles SET stats = stats - 'attributed_claims'")
