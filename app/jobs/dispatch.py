"""After a submission: check the caller's pending jobs, commit, then hand the work to the queue."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Sequence

import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from app.errors import TooManyRequests
from app.jobs.repository import JobRepository
from app.jobs.service import Submission
from app.models import Job
from app.queue import Queue

__all__ = [
    "ENQUEUE_TIMEOUT",
    "check_pending_jobs",
    "commit_and_dispatch",
    "enqueue_after_commit",
    "follow_up_stored",
]

log = structlog.get_logger()


async def check_pending_jobs(
    session: AsyncSession, *, api_key_id: uuid.UUID | None, limit: int, new: int = 1
) -> None:
    """Raise 429 if the caller now has more than `limit` queued or running jobs.

    Call after adding the `new` jobs, in the same transaction: the advisory lock serialises
    submissions of one caller until commit, so concurrent requests cannot overshoot. The
    problem says how many of the new jobs would have fit (`fits`), beside `limit` and
    `pending` (the caller's jobs already queued or running).
    """
    if limit <= 0:
        return
    jobs = JobRepository(session)
    await jobs.lock_submissions(api_key_id)
    active = await jobs.count_active(api_key_id)
    if active > limit:
        pending = max(0, active - new)
        fits = max(0, limit - pending)
        raise TooManyRequests(
            f"{pending} of your jobs are queued or running and the limit is {limit}, so "
            f"{fits} more would fit; submit at most {fits} now or retry when some have finished",
            headers={"Retry-After": "30"},
            extensions={"limit": limit, "pending": pending, "fits": fits},
        )


ENQUEUE_TIMEOUT = 1.0  # seconds the API waits for Redis after the commit


async def enqueue_after_commit(queue: Queue, jobs: list[Job]) -> None:
    """Send committed jobs to Redis within ENQUEUE_TIMEOUT; else the sweep sends them later.

    PostgreSQL owns the job once committed, so a Redis that is down or hung costs the caller
    at most ENQUEUE_TIMEOUT and never the job: the submit is answered 202 either way.
    """
    pending = [job for job in jobs if job.queue_job_id]
    if pending:
        await _bounded("enqueue_failed", _enqueue_all(queue, pending), jobs=len(pending))


async def _enqueue_all(queue: Queue, pending: list[Job]) -> None:
    for start in range(0, len(pending), 50):
        chunk = pending[start : start + 50]
        results = await asyncio.gather(
            *(
                queue.enqueue_article_job(j.id, url=j.url, queue_job_id=j.queue_job_id)
                for j in chunk
            ),
            return_exceptions=True,
        )
        failed = [r for r in results if isinstance(r, BaseException)]
        if failed:  # Redis down: the jobs are safe in PostgreSQL and the sweep sends them
            raise failed[0]


async def _bounded(event: str, work: Awaitable[None], **context: object) -> None:
    """Await `work` for at most ENQUEUE_TIMEOUT; log (never raise) when Redis fails us."""
    try:
        await asyncio.wait_for(work, ENQUEUE_TIMEOUT)
    except Exception as exc:  # TimeoutError, RedisError, OSError: the sweep catches up
        log.warning(event, error=type(exc).__name__, **context)


async def follow_up_stored(queue: Queue, jobs: list[Job]) -> None:
    """Jobs answered from a stored article still owe their callback and verification."""
    await _bounded("follow_up_failed", _follow_up(queue, jobs), jobs=len(jobs))


async def _follow_up(queue: Queue, jobs: list[Job]) -> None:
    for job in jobs:
        if job.status != "succeeded" or job.article_id is None:
            continue
        if job.callback_url:
            await queue.enqueue_callback(job.id, attempt=1)
        if job.verify:
            await queue.enqueue_verification(job.article_id)


async def commit_and_dispatch(
    session: AsyncSession,
    queue: Queue,
    submissions: Sequence[Submission],
    *,
    api_key_id: uuid.UUID | None,
    max_pending: int,
) -> None:
    """The sequence every submit route ends with: pending-jobs check, commit, then the queue."""
    new = sum(1 for s in submissions if s.needs_work)
    if new:
        await check_pending_jobs(session, api_key_id=api_key_id, limit=max_pending, new=new)
    await session.commit()
    await enqueue_after_commit(queue, [s.job for s in submissions if s.needs_work])
    await follow_up_stored(queue, [s.job for s in submissions if not s.needs_work])
