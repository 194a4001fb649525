"""Job functions: claim the job in PostgreSQL, fetch, run the pipeline, store. Thin by design."""

from __future__ import annotations

import asyncio
import hashlib
import random
import time
import uuid
from concurrent.futures.process import BrokenProcessPool
from datetime import UTC, datetime
from typing import Any

import asyncpg
import structlog
from arq import Retry
from redis.exceptions import RedisError
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.api.idempotency import purge_idempotency_keys
from app.articles.store import MARK_VERIFICATION_REQUESTED, store_extraction
from app.config import Settings
from app.db import driver_connection
from app.fetch import FetchError
from app.jobs.repository import JobRepository, claim_job, finish_job, set_job_stage
from app.metrics import JOB_OUTCOMES, STAGE_SECONDS
from app.models import Job
from app.queue import Queue, new_queue_job_id, verification_queue_id
from app.urls import normalize_article_url
from workers.extraction_pool import ExtractionPool, ExtractionTimeout
from workers.fetching import HostSlot, fetch_politely

__all__ = ["process_article", "purge_expired", "sweep_stale_jobs"]

log = structlog.get_logger()


# How far back the sweep looks for verification that was asked for and never stored.
VERIFY_SWEEP_WINDOW = 6 * 3600.0


class LeaseLost(Exception):
    """Another attempt holds the job now (this one's lease lapsed): drop this result."""


class JobFailure(Exception):
    """A failure with a stable code; `retryable` decides between requeue and fail."""

    def __init__(self, code: str, message: str, *, retryable: bool, delay: float | None = None):
        super().__init__(message)
        self.code, self.message, self.retryable, self.delay = code, message, retryable, delay


# A statement that failed: through SQLAlchemy, or on the bare asyncpg connection under it.
_DATABASE_AWAY = (DBAPIError, asyncpg.PostgresError, asyncpg.InterfaceError, OSError)

# SQLSTATE classes of a statement PostgreSQL refuses for what it holds, not for being away:
# data exceptions, integrity violations, syntax or access, program limits ("index row size
# 2768 exceeds btree version 4 maximum 2704"). The same attempt would be refused again.
_REFUSING_CLASSES = frozenset({"22", "23", "42", "54"})


def _refused_by_database(exc: BaseException) -> JobFailure | None:
    """A failed job's error when PostgreSQL refused the article's rows; None when the database
    is only away (connection lost, shutting down), which the sweep's retry outlives."""
    seen: BaseException | None = exc
    for _ in range(3):  # SQLAlchemy wraps the driver's error, which may wrap asyncpg's
        state = getattr(seen, "sqlstate", None)
        if isinstance(state, str) and state[:2] in _REFUSING_CLASSES:
            message = str(seen).splitlines()[0][:300]
            return JobFailure("storage_refused", f"the database refused the article: {message}",
                              retryable=False)  # fmt: skip
        seen = getattr(seen, "orig", None) or (seen.__cause__ if seen is not None else None)
        if seen is None:
            return None
    return None


HOST_BUSY_DELAY = 0.5  # seconds (plus up to as much again) before a deferred job looks again


async def process_article(ctx: dict[str, Any], job_id: str, url: str | None = None) -> str:
    """Run one attempt of a job; safe to deliver more than once.

    The host's fetch slot is taken before the claim: if the host is busy the job is
    deferred at once (no attempt counted) and the worker slot goes to jobs on other hosts.
    The queue entry carries the job's URL; an entry without one (queued by an older
    release) has it read from the job first.
    """
    sessions: async_sessionmaker[AsyncSession] = ctx["sessions"]
    job_uuid = uuid.UUID(job_id)
    if url is None:
        try:
            url = await _pending_url(sessions, job_uuid)
        except (DBAPIError, PoolTimeoutError, OSError) as exc:
            log.warning("claim_failed", job_id=job_id, error=type(exc).__name__)
            raise Retry(defer=2) from exc
        if url is None:
            return "not-claimed"
    slot = HostSlot(ctx, url)
    if not await slot.try_take():
        return await _defer(ctx, job_uuid, url)
    try:
        return await _claim_and_run(ctx, job_uuid, slot)
    finally:
        await asyncio.shield(slot.release())


async def _pending_url(sessions: async_sessionmaker[AsyncSession], job_id: uuid.UUID) -> str | None:
    """The job's URL if it may still need a run (queued or running), else None."""
    async with sessions() as session:
        job = await JobRepository(session).get(job_id)
    return job.url if job is not None and job.status in ("queued", "running") else None


async def _defer(ctx: dict[str, Any], job_id: uuid.UUID, url: str) -> str:
    """Host busy: the job goes back on the queue a moment later under a new queue id."""
    queue_id = new_queue_job_id(job_id)
    async with ctx["bookkeeping"].begin() as session:
        await JobRepository(session).set_queue_id(job_id, queue_id)
    delay = HOST_BUSY_DELAY * (1 + random.random())
    await ctx["queue"].enqueue_article_job(job_id, url=url, defer_by=delay, queue_job_id=queue_id)
    return "deferred"


async def _claim_and_run(ctx: dict[str, Any], job_uuid: uuid.UUID, slot: HostSlot) -> str:
    settings: Settings = ctx["settings"]
    job_id = str(job_uuid)
    claiming = asyncio.ensure_future(_claim(ctx, job_uuid, settings.job_lease_seconds))
    try:
        job = await asyncio.shield(claiming)
    except asyncio.CancelledError:
        # Stopped while claiming: the claim may commit anyway, so hand it back if it did.
        await asyncio.shield(_release_claim(ctx, claiming))
        raise
    except (*_DATABASE_AWAY, PoolTimeoutError) as exc:
        # Database busy or away: let arq deliver this same entry again shortly.
        log.warning("claim_failed", job_id=job_id, error=type(exc).__name__)
        raise Retry(defer=2) from exc
    if job is None:
        return "not-claimed"
    structlog.contextvars.bind_contextvars(job_id=job_id, url=job.url, attempt=job.attempts)
    stage = {"now": "fetching"}
    heartbeat = asyncio.create_task(_keep_lease(ctx, job, stage))
    try:
        if job.attempts > settings.job_max_attempts:
            raise JobFailure(
                "too_many_attempts", f"gave up after {job.attempts - 1} attempts", retryable=False
            )
        finished = await _run(ctx, job, slot, stage)
    except LeaseLost:
        return _lease_lost(job)
    except JobFailure as failure:
        return await _record_failure(ctx, job, failure)
    except asyncio.CancelledError:
        # Worker shutting down: hand the job back now instead of waiting for its lease.
        await asyncio.shield(_release(ctx, job))
        raise
    except (*_DATABASE_AWAY, RedisError) as exc:
        if (refusal := _refused_by_database(exc)) is not None:
            log.error("job_refused_by_database", job_id=job_id, exc_info=True)
            return await _record_failure(ctx, job, refusal)
        # Can't record anything now: the lease expires and the sweep runs the job again.
        log.warning("job_interrupted", job_id=job_id, exc_info=True)
        raise
    except Exception as exc:
        log.exception("job_crashed", job_id=job_id)
        crash = JobFailure("internal", f"{type(exc).__name__}: {exc}", retryable=True)
        return await _record_failure(ctx, job, crash)
    finally:
        heartbeat.cancel()
        structlog.contextvars.clear_contextvars()
    JOB_OUTCOMES.labels("succeeded").inc()
    log.info("job_succeeded", job_id=job_id, article_id=str(finished.article_id))
    if finished.verify:  # as committed: a submission may have joined and asked for it
        await _queue_verification(ctx, finished)
    await _after_finish(ctx, finished)
    return "succeeded"


async def _queue_verification(ctx: dict[str, Any], job: Job) -> None:
    """Queue the verification the job owes; if Redis is away, the sweep sends it later."""
    assert job.article_id is not None
    queue_id = verification_queue_id(job.article_id, job.id, job.attempts)
    try:
        await ctx["queue"].enqueue_verification(job.article_id, queue_job_id=queue_id)
    except (RedisError, OSError) as exc:
        log.warning("verification_enqueue_failed", job_id=str(job.id), error=type(exc).__name__)


async def _keep_lease(ctx: dict[str, Any], job: Job, stage: dict[str, str]) -> None:
    """Extend the job's lease every third of it while the job runs (fetch, extraction)."""
    lease: float = ctx["settings"].job_lease_seconds
    while True:
        await asyncio.sleep(lease / 3)
        try:
            async with driver_connection(ctx["engine"]) as connection:
                held = await set_job_stage(
                    connection, job.id, stage["now"], lease=lease, attempt=job.attempts
                )
        except Exception as exc:  # database away: the next beat may reach it
            log.warning("lease_renewal_failed", job_id=str(job.id), error=type(exc).__name__)
            continue
        if not held:  # another attempt took the job over: _stage or finish will refuse
            return


async def _claim(ctx: dict[str, Any], job_id: uuid.UUID, lease: float) -> Job | None:
    async with driver_connection(ctx["engine"]) as connection:
        return await claim_job(connection, job_id, lease=lease)


async def _release_claim(ctx: dict[str, Any], claiming: asyncio.Future[Job | None]) -> None:
    try:
        job = await claiming
    except Exception:  # nothing was claimed
        return
    if job is not None:
        await _release(ctx, job)


async def _stage(ctx: dict[str, Any], job: Job, stage: str, now: dict[str, str]) -> None:
    now["now"] = stage
    async with driver_connection(ctx["engine"]) as connection:
        held = await set_job_stage(
            connection, job.id, stage, lease=ctx["settings"].job_lease_seconds, attempt=job.attempts
        )
    if not held:
        raise LeaseLost(stage)


async def _run(ctx: dict[str, Any], job: Job, slot: HostSlot, stage: dict[str, str]) -> Job:
    """One attempt to the end; the job as it was committed `succeeded`."""
    settings: Settings = ctx["settings"]
    started = time.perf_counter()
    try:
        page = await fetch_politely(ctx, job.url, slot)
    except FetchError as exc:
        raise JobFailure(
            exc.code, exc.message, retryable=exc.retryable, delay=exc.retry_after
        ) from exc
    STAGE_SECONDS.labels("fetching").observe(time.perf_counter() - started)
    await _stage(ctx, job, "extracting", stage)
    started = time.perf_counter()
    pool: ExtractionPool = ctx["extraction_pool"]
    try:
        extraction = await pool.extract(
            page.html, page.final_url, claim_threshold=settings.claim_threshold
        )
    except ExtractionTimeout as exc:
        raise JobFailure("extract_timeout", str(exc), retryable=False) from exc
    except BrokenProcessPool as exc:
        raise JobFailure("extract_crashed", "the extraction process died", retryable=True) from exc
    STAGE_SECONDS.labels("extracting").observe(time.perf_counter() - started)
    if not extraction.text.strip() or not extraction.sentences:
        raise JobFailure("no_article", "no article text found on the page", retryable=False)
    # Storing and finishing are one transaction, so no client could see a "storing" commit.
    stage["now"] = "storing"
    started = time.perf_counter()
    async with driver_connection(ctx["engine"]) as connection, connection.transaction():
        article_id = await store_extraction(
            connection,
            url=normalize_article_url(job.url),
            final_url=page.final_url,
            fetched_at=datetime.now(UTC),
            content_sha256=hashlib.sha256(page.html.encode()).hexdigest(),
            extraction=extraction,
        )
        finished = await finish_job(connection, job.id, article_id=article_id, attempt=job.attempts)
        if finished is None:  # raising rolls the stored rows back with it
            raise LeaseLost("storing")
        if finished.verify:  # the article reads `pending` until its verdicts are stored
            await connection.execute(MARK_VERIFICATION_REQUESTED, article_id)
    STAGE_SECONDS.labels("storing").observe(time.perf_counter() - started)
    return finished


async def _release(ctx: dict[str, Any], job: Job) -> None:
    try:
        if await _requeue(ctx, job, code="interrupted", message="worker stopped", delay=0):
            log.info("job_released", job_id=str(job.id))
    except Exception:  # the lease still expires and the sweep takes over
        log.warning("job_release_failed", job_id=str(job.id), exc_info=True)


def _backoff(settings: Settings, attempts: int, hint: float | None) -> float:
    base = settings.retry_base_seconds * 2 ** max(attempts - 1, 0)
    return min(max(hint or 0.0, base), 3600.0)


async def _record_failure(ctx: dict[str, Any], job: Job, failure: JobFailure) -> str:
    settings: Settings = ctx["settings"]
    if failure.retryable and job.attempts < settings.job_max_attempts:
        delay = _backoff(settings, job.attempts, failure.delay)
        if not await _requeue(ctx, job, code=failure.code, message=failure.message, delay=delay):
            return _lease_lost(job)
        log.info("job_retry", job_id=str(job.id), code=failure.code, delay=delay)
        return "retry"
    async with ctx["bookkeeping"].begin() as session:
        failed = await JobRepository(session).fail(
            job.id,
            code=failure.code,
            message=failure.message,
            retryable=failure.retryable,
            attempt=job.attempts,
        )
    if failed is None:
        return _lease_lost(job)
    JOB_OUTCOMES.labels("failed").inc()
    log.info("job_failed", job_id=str(job.id), code=failure.code, error=failure.message)
    await _after_finish(ctx, failed)
    return "failed"


def _lease_lost(job: Job) -> str:
    log.warning("job_lease_lost", job_id=str(job.id), attempt=job.attempts)
    return "lease-lost"


async def _requeue(ctx: dict[str, Any], job: Job, *, code: str, message: str, delay: float) -> bool:
    """Back to queued with a new queue id, committed before Redis hears of it; False (and
    nothing changed) when another attempt holds the job now."""
    queue_id = new_queue_job_id(job.id)
    async with ctx["sessions"].begin() as session:
        repo = JobRepository(session)
        held = await repo.requeue(
            job.id, code=code, message=message, delay=delay, attempt=job.attempts
        )
        if held:
            await repo.set_queue_id(job.id, queue_id)
    if held:
        await ctx["queue"].enqueue_article_job(
            job.id, url=job.url, defer_by=delay, queue_job_id=queue_id
        )
    return held


async def _after_finish(ctx: dict[str, Any], job: Job) -> None:
    """Hook for work that follows a finished job (callbacks), given the job as committed."""
    hook = ctx.get("on_job_finished")
    if hook is not None:
        await hook(ctx, job)


async def sweep_stale_jobs(ctx: dict[str, Any]) -> int:
    """Re-enqueue jobs whose queue entry was lost or whose worker died, and verification
    that was asked for but never stored; returns how many entries it sent."""
    settings: Settings = ctx["settings"]
    queue: Queue = ctx["queue"]
    lost: dict[uuid.UUID, tuple[str, str]] = {}  # job id: (queue id, url)
    async with ctx["sessions"].begin() as session:
        repo = JobRepository(session)
        # Queued jobs are looked at after 30 s at most: one whose enqueue failed (Redis away
        # at submit) is sent once Redis is back; one still carried by Redis is left alone.
        for job in await repo.stale(older_than=min(settings.job_lease_seconds, 30)):
            carried = job.status == "queued" and job.queue_job_id
            if carried and await queue.has_job(job.queue_job_id or ""):
                continue
            lost[job.id] = (new_queue_job_id(job.id), job.url)
            await repo.set_queue_id(job.id, lost[job.id][0])
        owed = await repo.verifications_owed(
            older_than=settings.job_lease_seconds, within=VERIFY_SWEEP_WINDOW
        )
    for job_id, (queue_id, url) in lost.items():
        await queue.enqueue_article_job(job_id, url=url, queue_job_id=queue_id)
    if lost:
        log.info("sweep_requeued", count=len(lost))
    return len(lost) + await _resend_verifications(queue, owed)


async def _resend_verifications(queue: Queue, owed: list[tuple[uuid.UUID, uuid.UUID, int]]) -> int:
    """Queue verification that was asked for and never stored; Redis refuses a queue id it
    still holds, so one that is only late is not run twice."""
    sent = 0
    for job_id, article_id, attempt in owed:
        queue_id = verification_queue_id(article_id, job_id, attempt)
        sent += await queue.enqueue_verification(article_id, queue_job_id=queue_id)
    if sent:
        log.info("sweep_verification_requeued", count=sent)
    return sent


async def purge_expired(ctx: dict[str, Any]) -> int:
    """Forget Idempotency-Key responses past their 24 h lifetime; returns how many."""
    async with ctx["sessions"].begin() as session:
        purged = await purge_idempotency_keys(session)
    if purged:
        log.info("idempotency_keys_purged", count=purged)
    return purged
