"""Every query on jobs."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
from sqlalchemy import ColumnElement, func, inspect, or_, select, text, update
from sqlalchemy.dialects.postgresql import distinct_on
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Citation, Job, Sentence, Verification

__all__ = ["JobRepository", "claim_job", "finish_job", "job_by_id", "set_job_stage"]

ACTIVE = ("queued", "running")


def _owner(api_key_id: uuid.UUID | None) -> ColumnElement[bool]:
    return Job.api_key_id.is_(None) if api_key_id is None else Job.api_key_id == api_key_id


# Attribute -> column of every mapped column of a job, for reads on the bare pool.
_JOB_COLUMNS = {attr.key: attr.columns[0].name for attr in inspect(Job).column_attrs}
_JOB_BY_ID = f"SELECT {', '.join(_JOB_COLUMNS.values())} FROM jobs WHERE id = $1"


def _job(record: asyncpg.Record | None) -> Job | None:
    """A detached job from a row of all its columns."""
    if record is None:
        return None
    return Job(**{key: record[column] for key, column in _JOB_COLUMNS.items()})


async def job_by_id(pool: asyncpg.Pool, job_id: uuid.UUID) -> Job | None:
    """One job read on the bare pool (one statement, no session), as a detached row."""
    return _job(await pool.fetchrow(_JOB_BY_ID, job_id))


# The worker's per-job statements as plain SQL on a bare connection: the same statements
# `JobRepository.claim`, `set_stage` and `finish` build (`updated_at` as their `onupdate`
# sets it), without building them for every job.
_RETURNING_JOB = f"RETURNING {', '.join(_JOB_COLUMNS.values())}"
_CLAIM = f"""
UPDATE jobs SET status = 'running', stage = 'fetching', attempts = attempts + 1,
    lease_until = $2, next_attempt_at = NULL, updated_at = now(),
    started_at = coalesce(started_at, $3)
WHERE id = $1 AND (status = 'queued' OR status = 'running' AND lease_until < $3)
{_RETURNING_JOB}
"""
_SET_STAGE = """
UPDATE jobs SET stage = $2, lease_until = $3, updated_at = now()
WHERE id = $1 AND status = 'running' AND attempts = $4
RETURNING id
"""
_FINISH = f"""
UPDATE jobs SET status = 'succeeded', stage = 'done', article_id = $2, error_code = NULL,
    error_message = NULL, error_retryable = NULL, lease_until = NULL, updated_at = now(),
    finished_at = $3
WHERE id = $1 AND status = 'running' AND attempts = $4
{_RETURNING_JOB}
"""


async def claim_job(
    connection: asyncpg.Connection, job_id: uuid.UUID, *, lease: float
) -> Job | None:
    """`JobRepository.claim` on a bare connection."""
    now = datetime.now(UTC)
    return _job(await connection.fetchrow(_CLAIM, job_id, now + timedelta(seconds=lease), now))


async def set_job_stage(
    connection: asyncpg.Connection, job_id: uuid.UUID, stage: str, *, lease: float, attempt: int
) -> bool:
    """`JobRepository.set_stage` on a bare connection."""
    until = datetime.now(UTC) + timedelta(seconds=lease)
    return await connection.fetchrow(_SET_STAGE, job_id, stage, until, attempt) is not None


async def finish_job(
    connection: asyncpg.Connection, job_id: uuid.UUID, *, article_id: uuid.UUID, attempt: int
) -> Job | None:
    """`JobRepository.finish` on a bare connection (inside the caller's transaction)."""
    now = datetime.now(UTC)
    return _job(await connection.fetchrow(_FINISH, job_id, article_id, now, attempt))


def _held(job_id: uuid.UUID, attempt: int) -> tuple[ColumnElement[bool], ...]:
    """The job is still running the attempt that a worker claimed: each claim (a lapsed
    lease taken over, a retry) counts one more attempt, so an older holder no longer matches."""
    return (Job.id == job_id, Job.status == "running", Job.attempts == attempt)


class JobRepository:
    """Job reads and state transitions; callers own the transaction."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, job_id: uuid.UUID) -> Job | None:
        """One job by id."""
        return await self.session.get(Job, job_id)

    async def active_for_urls(
        self, normalized_urls: Sequence[str], api_key_id: uuid.UUID | None
    ) -> dict[str, Job]:
        """The caller's queued or running job per URL (the unique index allows one)."""
        if not normalized_urls:
            return {}
        query = select(Job).where(
            Job.normalized_url.in_(normalized_urls), _owner(api_key_id), Job.status.in_(ACTIVE)
        )
        jobs = await self.session.scalars(query.execution_options(populate_existing=True))
        return {job.normalized_url: job for job in jobs}

    async def insert_new(self, rows: Sequence[dict[str, Any]]) -> list[Job]:
        """Insert jobs, skipping any whose URL already has an active job of the caller (a
        concurrent submit won); returns the rows inserted. Sorted by URL, so concurrent
        inserts take the index's locks in one order and never deadlock."""
        if not rows:
            return []
        ordered = sorted(rows, key=lambda row: (row["normalized_url"], str(row["id"])))
        # One row (every single-URL submit) as plain values: that statement is compiled once
        # and cached; a multi-row VALUES list is compiled anew on every call.
        values = ordered[0] if len(ordered) == 1 else ordered
        query = pg_insert(Job).values(values).on_conflict_do_nothing().returning(Job)
        result = await self.session.scalars(query.execution_options(populate_existing=True))
        return list(result.all())

    async def join(
        self,
        job_ids: Sequence[uuid.UUID],
        *,
        verify: bool,
        force: bool,
        callback_url: str | None,
    ) -> list[Job]:
        """Add what a joining submission asks for to active jobs; returns those still active
        (a job that ended meanwhile is not joined). A callback URL fills an empty one only."""
        if not job_ids:
            return []
        query = (
            update(Job)
            .where(Job.id.in_(job_ids), Job.status.in_(ACTIVE))
            .values(
                verify=Job.verify | verify,
                force=Job.force | force,
                callback_url=func.coalesce(Job.callback_url, callback_url),
            )
            .returning(Job)
            .execution_options(synchronize_session=False, populate_existing=True)
        )
        return list((await self.session.scalars(query)).all())

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

    async def set_stage(self, job_id: uuid.UUID, stage: str, *, lease: float, attempt: int) -> bool:
        """Move to a stage and extend the lease (a heartbeat); False if `attempt` lost it."""
        until = datetime.now(UTC) + timedelta(seconds=lease)
        return await self._update_held(job_id, attempt, stage=stage, lease_until=until)

    async def finish(self, job_id: uuid.UUID, *, article_id: uuid.UUID, attempt: int) -> Job | None:
        """Mark succeeded and point at the article; None (nothing changed) unless this
        `attempt` still holds the job."""
        query = (
            update(Job)
            .where(*_held(job_id, attempt))
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
            .returning(Job)
            .execution_options(synchronize_session=False, populate_existing=True)
        )
        return (await self.session.scalars(query)).first()

    async def fail(
        self, job_id: uuid.UUID, *, code: str, message: str, retryable: bool, attempt: int
    ) -> Job | None:
        """Mark failed for good, keeping the error; the job as failed, or None (nothing
        changed) unless `attempt` holds the job."""
        query = (
            update(Job)
            .where(*_held(job_id, attempt))
            .values(
                status="failed",
                lease_until=None,
                finished_at=datetime.now(UTC),
                error_code=code,
                error_message=message[:2000],
                error_retryable=retryable,
            )
            .returning(Job)
            .execution_options(synchronize_session=False, populate_existing=True)
        )
        return (await self.session.scalars(query)).first()

    async def requeue(
        self,
        job_id: uuid.UUID,
        *,
        code: str,
        message: str,
        delay: float,
        attempt: int | None = None,
    ) -> bool:
        """Put back for a later attempt, recording why this one failed; with `attempt`, only
        while that attempt still holds the job."""
        values = {
            "status": "queued",
            "stage": "queued",
            "lease_until": None,
            "error_code": code,
            "error_message": message[:2000],
            "error_retryable": True,
            "next_attempt_at": datetime.now(UTC) + timedelta(seconds=delay),
        }
        if attempt is not None:
            return await self._update_held(job_id, attempt, **values)
        await self.session.execute(update(Job).where(Job.id == job_id).values(**values))
        return True

    async def _update_held(self, job_id: uuid.UUID, attempt: int, **values: object) -> bool:
        """Apply `values` only while `attempt` holds the job; whether it did."""
        query = update(Job).where(*_held(job_id, attempt)).values(**values).returning(Job.id)
        return (await self.session.execute(query)).first() is not None

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

    async def verifications_owed(
        self, *, older_than: float, within: float, limit: int = 200
    ) -> list[tuple[uuid.UUID, uuid.UUID, int]]:
        """(job id, article id, attempts) of jobs that asked for verification, finished
        between `within` and `older_than` seconds ago, whose article has claims citing a
        source but no verdict stored: their verification was lost. One job per article."""
        now = datetime.now(UTC)
        cited = (
            select(Citation.id)
            .join(Sentence, Sentence.id == Citation.sentence_id)
            .where(
                Citation.article_id == Job.article_id,
                Citation.source_id.is_not(None),
                Sentence.is_claim,
            )
        )
        verdict = select(Verification.id).where(Verification.article_id == Job.article_id)
        query = (
            select(Job.id, Job.article_id, Job.attempts)
            .where(
                Job.verify,
                Job.status == "succeeded",
                Job.article_id.is_not(None),
                Job.finished_at < now - timedelta(seconds=older_than),
                Job.finished_at > now - timedelta(seconds=within),
                # updated_at >= finished_at: lets ix_jobs_status_updated bound the scan
                Job.updated_at > now - timedelta(seconds=within),
                cited.exists(),
                ~verdict.exists(),
            )
            .ext(distinct_on(Job.article_id))
            .order_by(Job.article_id, Job.finished_at.desc())
            .limit(limit)
        )
        rows = await self.session.execute(query)
        return [(job, article, attempts) for job, article, attempts in rows if article is not None]

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
        query = (
            select(func.count()).select_from(Job).where(_owner(api_key_id), Job.status.in_(ACTIVE))
        )
        return int(await self.session.scalar(query) or 0)

    async def count_by_status(self) -> dict[str, int]:
        """How many jobs are in each status (for metrics)."""
        rows = await self.session.execute(select(Job.status, func.count()).group_by(Job.status))
        return {status: count for status, count in rows}
