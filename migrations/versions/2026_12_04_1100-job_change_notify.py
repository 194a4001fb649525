"""job change notify: NOTIFY claimtrail_jobs with the job id when its status or stage changes

Revision ID: 3f8a6c2e1d90
Revises: a41f6c2e8d57
Create Date: 2026-12-04 11:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "3f8a6c2e1d90"
down_revision: str | None = "a41f6c2e8d57"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Whoever writes the row (API, worker, sweep, a migration) notifies: long polls on
    # GET /v1/jobs/{id}?wait= answer at once. Delivered at commit, dropped on rollback.
    op.execute(
        """
        CREATE FUNCTION claimtrail_job_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('claimtrail_jobs', NEW.id::text);
            RETURN NULL;
        END $$
        """
    )
    op.execute(
        """
        CREATE TRIGGER jobs_notify_change AFTER UPDATE ON jobs FOR EACH ROW
        WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.stage IS DISTINCT FROM NEW.stage)
        EXECUTE FUNCTION claimtrail_job_changed()
        """
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER jobs_notify_change ON jobs")
    op.execute("DROP FUNCTION claimtrail_job_changed()")
