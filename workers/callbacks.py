"""Job function that delivers a finished job to its callback URL, retrying with backoff."""

from __future__ import annotations

import uuid
from typing import Any

import structlog

from app.auth.repository import ApiKeyRepository
from app.config import Settings
from app.jobs.callbacks import CALLBACK_DELAYS, default_secret, post_callback
from app.jobs.repository import JobRepository
from app.jobs.schemas import JobOut
from app.models import Job
from app.queue import Queue

__all__ = ["deliver_callback", "queue_callback"]

log = structlog.get_logger()


async def queue_callback(ctx: dict[str, Any], job: Job) -> None:
    """After a job ends (`job` as its end was committed: a callback URL can only join while
    the job is active): schedule the first delivery if it asked for a callback."""
    if job.callback_url and job.status in ("succeeded", "failed"):
        queue: Queue = ctx["queue"]
        await queue.enqueue_callback(job.id, attempt=1)


async def _secret(ctx: dict[str, Any], job: Job) -> str:
    settings: Settings = ctx["settings"]
    if job.api_key_id is not None:
        async with ctx["sessions"]() as session:
            secret = await ApiKeyRepository(session).signing_secret(job.api_key_id)
        if secret is not None:
            return secret
    return default_secret(settings.secret_key)


async def deliver_callback(ctx: dict[str, Any], job_id: str, attempt: int) -> str:
    """POST the job's JSON, signed; on failure queue the next attempt until the delays run out."""
    job_uuid = uuid.UUID(job_id)
    async with ctx["sessions"]() as session:
        job = await JobRepository(session).get(job_uuid)
    if job is None or not job.callback_url or job.callback_status == "delivered":
        return "skipped"
    body = JobOut.of(job).model_dump_json().encode()
    delivered, outcome = await post_callback(
        ctx["callback_client"],
        job.callback_url,
        body,
        secret=await _secret(ctx, job),
        job_id=job_uuid,
    )
    scale = ctx["settings"].callback_retry_scale
    if delivered:
        status = "delivered"
    elif outcome != "blocked_address" and attempt <= len(CALLBACK_DELAYS):
        status = "retrying"
        await ctx["queue"].enqueue_callback(
            job_uuid, attempt=attempt + 1, defer_by=CALLBACK_DELAYS[attempt - 1] * scale
        )
    else:
        status = "failed"
    async with ctx["sessions"].begin() as session:
        await JobRepository(session).set_callback_status(job_uuid, status)
    log.info("callback", job_id=job_id, attempt=attempt, outcome=outcome, status=status)
    return status
