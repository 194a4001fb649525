"""one active job per URL: batch memberships, duplicates merged, then a unique index

Revision ID: c3a9e14f7b02
Revises: 74452fd50d0f
Create Date: 2026-12-03 23:45:00

Concurrent submits of one URL made several active jobs. Before the index can say "one
queued or running job per normalised URL and caller", the duplicates already stored are
merged: the oldest of each group is kept and inherits what the others asked for (verify,
force, a callback URL), the batches that held the others now hold it, and the others end
as `failed` with error code `merged` and `merged_into` naming the kept job, so every id a
client holds still answers. Downgrade puts those back in the queue and drops the rest.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c3a9e14f7b02"
down_revision: str | None = "74452fd50d0f"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ACTIVE = "status IN ('queued', 'running')"

# Every active job with the id of the oldest active job of its URL and caller.
GROUPS = f"""
    SELECT id, first_value(id) OVER (
               PARTITION BY normalized_url, api_key_id ORDER BY created_at, id
           ) AS kept
    FROM jobs WHERE {ACTIVE}
"""


def upgrade() -> None:
    op.add_column("jobs", sa.Column("merged_into", sa.UUID(), nullable=True))
    op.create_foreign_key(
        "jobs_merged_into_fkey", "jobs", "jobs", ["merged_into"], ["id"], ondelete="SET NULL"
    )
    op.create_table(
        "batch_items",
        sa.Column("batch_id", sa.UUID(), nullable=False),
        sa.Column("job_id", sa.UUID(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["batch_id"], ["batches.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["job_id"], ["jobs.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("batch_id", "job_id"),
    )
    op.create_index("ix_batch_items_job_id", "batch_items", ["job_id"])
    op.execute(
        """
        INSERT INTO batch_items (batch_id, job_id, position)
        SELECT batch_id, id,
               row_number() OVER (PARTITION BY batch_id ORDER BY created_at, id) - 1
        FROM jobs WHERE batch_id IS NOT NULL
        """
    )
    _merge_duplicates()
    op.create_index(
        "ux_jobs_active_url",
        "jobs",
        ["normalized_url", "api_key_id"],
        unique=True,
        postgresql_where=sa.text(ACTIVE),
        postgresql_nulls_not_distinct=True,
    )


def _merge_duplicates() -> None:
    op.execute(f"CREATE TEMPORARY TABLE merged ON COMMIT DROP AS {GROUPS}")
    op.execute("DELETE FROM merged WHERE id = kept")
    # The kept job asks for everything any of its duplicates asked for.
    op.execute(
        """
        UPDATE jobs SET verify = jobs.verify OR d.verify, force = jobs.force OR d.force,
                        callback_url = coalesce(jobs.callback_url, d.callback_url)
        FROM (SELECT m.kept, bool_or(j.verify) AS verify, bool_or(j.force) AS force,
                     (array_agg(j.callback_url ORDER BY j.created_at)
                        FILTER (WHERE j.callback_url IS NOT NULL))[1] AS callback_url
              FROM merged m JOIN jobs j ON j.id = m.id GROUP BY m.kept) d
        WHERE jobs.id = d.kept
        """
    )
    # Batches that held a duplicate hold the kept job, at the duplicate's place.
    op.execute(
        """
        INSERT INTO batch_items (batch_id, job_id, position)
        SELECT b.batch_id, m.kept, min(b.position)
        FROM batch_items b JOIN merged m ON m.id = b.job_id
        GROUP BY b.batch_id, m.kept
        ON CONFLICT (batch_id, job_id) DO UPDATE
            SET position = least(batch_items.position, excluded.position)
        """
    )
    op.execute("DELETE FROM batch_items b USING merged m WHERE b.job_id = m.id")
    op.execute(
        """
        UPDATE jobs SET status = 'failed', stage = 'done', lease_until = NULL,
                        finished_at = now(), error_code = 'merged',
                        error_message = 'merged into job ' || m.kept || ' for the same URL',
                        error_retryable = false, merged_into = m.kept
        FROM merged m WHERE jobs.id = m.id
        """
    )


def downgrade() -> None:
    op.drop_index("ux_jobs_active_url", table_name="jobs")
    # Merged duplicates go back to the queue, as they were; the sweep sends them.
    op.execute(
        """
        UPDATE jobs SET status = 'queued', stage = 'queued', finished_at = NULL,
                        error_code = NULL, error_message = NULL, error_retryable = NULL,
                        merged_into = NULL
        WHERE error_code = 'merged' AND merged_into IS NOT NULL
        """
    )
    op.drop_index("ix_batch_items_job_id", table_name="batch_items")
    op.drop_table("batch_items")
    op.drop_constraint("jobs_merged_into_fkey", "jobs", type_="foreignkey")
    op.drop_column("jobs", "merged_into")
