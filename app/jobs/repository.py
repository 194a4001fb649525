"""Every query on jobs."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, or_, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Job

__all__ = ["JobRepository"]

ACTIVE = ("queued", "running")


class JobRepository:
    """Job reads and state transitions; callers own the transaction."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, job_id: uuid.UUID) -> Job | None:
        """One job by id."""
        return await self.session.get(Job, job_id)

    async def active_for_url(self, normalized_url: str) -> Job | None:
        """A job for this URL that has not ended yet, if any."""
        query = (
            select(Job)
            .where(Job.normalized_url == normalized_url, Job.status.in_(ACTIVE))
            .order_by(Job.created_at)
            .limit(1)
        )
        return (await self.session.scalars(query)).first()

    async def add(self, job: Job) -> Job:
        """Insert and flush so the id and defaults are set."""
        self.session.add(job)
        await self.session.flush()
        await self.session.refresh(job)
        return job

    async def claim(self, job_id: uuid.UUID, *, lease: float) -> Job | None:
        """Take a job for one run: only if queued, or running with an expired lease."""
        now = datetime.now(UTC)
        query = (
            update(Job)
            .where(
                Job.id == job_id,
                or_(
                    Job.status == "queued",
                    (Job.status == "running") & (Job.lease_until < now),
                ),
            )
            .values(
                status="running",
                stage="fetching",
                attempts=Job.attempts + 1,
                lease_until=now + timedelta(seconds=lease),
                started_at=func.coalesce(Job.started_at, now),
                next_attempt_at=None,
            )
            .returning(Job)
            .execution_options(synchronize_session=False)
        )
        return (await self.session.scalars(query)).first()

    async def set_stage(self, job_id: uuid.UUID, stage: str, *, lease: float) -> None:
        """Move to a stage and extend the lease (a heartbeat)."""
        until = datetime.now(UTC) + timedelta(seconds=lease)
        await self.session.execute(
            update(Job)
            .where(Job.id == job_id, Job.status == "running")
            .values(stage=stage, lease_until=until)
        )

    async def finish(self, job_id: uuid.UUID, *, article_id: uuid.UUID) -> None:
        """Mark succeeded and point at the article."""
        await self.session.execute(
            update(Job)
            .where(Job.id == job_id)
            .values(
                status="succeeded",
                stage="done",
                article_id=article_id,
                lease_until=None,
                finished_at=datetime.now(UTC),
                error_code=None,
                error_message=None,
                error_retryable=None,
            )
        )

    async def fail(self, job_id: uuid.UUID, *, code: str, message: str, retryable: bool) -> None:
        """Mark failed for good, keeping the error."""
        await self.session.execute(
            update(Job)
            .where(Job.id == job_id)
            .values(
                status="failed",
                lease_until=None,
                finished_at=datetime.now(UTC),
                error_code=code,
                error_message=message[:2000],
                error_retryable=retryable,
            )
        )

    async def requeue(self, job_id: uuid.UUID, *, code: str, message: str, delay: float) -> None:
        """Put back for a later attempt, recording why this one failed."""
        await self.session.execute(
            update(Job)
            .where(Job.id == job_id)
            .values(
                status="queued",
                stage="queued",
                lease_until=None,
                error_code=code,
                error_message=message[:2000],
                error_retryable=True,
                next_attempt_at=datetime.now(UTC) + timedelta(seconds=delay),
            )
        )

    async def set_queue_id(self, job_id: uuid.UUID, queue_job_id: str) -> None:
        """Remember which queue entry carries the job's next attempt."""
        await self.session.execute(
            update(Job).where(Job.id == job_id).values(queue_job_id=queue_job_id)
        )

    async def stale(self, *, older_than: float, limit: int = 500) -> list[Job]:
        """Jobs the sweep must look at: queued past due, or running with an expired lease."""
        now = datetime.now(UTC)
        due = now - timedelta(seconds=older_than)
        query = (
            select(Job)
            .where(
                or_(
                    (Job.status == "queued")
                    & (func.coalesce(Job.next_attempt_at, Job.updated_at) < due),
                    (Job.status == "running") & (Job.lease_until < now),
                )
            )
            .order_by(Job.updated_at)
            .limit(limit)
        )
        return list((await self.session.scalars(query)).all())

    async def set_callback_status(self, job_id: uuid.UUID, status: str) -> None:
        """Record how delivery to the job's callback URL went."""
        await self.session.execute(
            update(Job).where(Job.id == job_id).values(callback_status=status)
        )

    async def lock_submissions(self, api_key_id: uuid.UUID | None) -> None:
        """Serialise one caller's submissions until commit (transaction-scoped advisory lock)."""
        await self.session.execute(
            text("SELECT pg_advisory_xact_lock(hashtextextended(:scope, 0))"),
            {"scope": f"claimtrail:pending:{api_key_id or 'anonymous'}"},
        )

    async def count_active(self, api_key_id: uuid.UUID | None) -> int:
        """How many of the caller's jobs are queued or running."""
        owner = Job.api_key_id.is_(None) if api_key_id is None else Job.api_key_id == api_key_id
        query = select(func.count()).select_from(Job).where(owner, Job.status.in_(ACTIVE))
        return int(await self.session.scalar(query) or 0)

    async def count_by_status(self) -> dict[str, int]:
        """How many jobs are in each status (for metrics)."""
        rows = await self.session.execute(select(Job.status, func.count()).group_by(Job.status))
        return {status: count for status, count in rows}
