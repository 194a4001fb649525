"""`POST /v1/articles` and `GET /v1/jobs/{id}`."""

from __future__ import annotations

import asyncio
import uuid

import structlog
from fastapi import APIRouter, Response, status

from app.db import SessionDep
from app.deps import CallerDep, QueueDep, SettingsDep
from app.errors import Problem
from app.jobs.schemas import JobOut, SubmitArticle
from app.jobs.service import get_job, submit_url
from app.models import Job
from app.queue import Queue
from app.ratelimit import check_pending_jobs

__all__ = ["enqueue_after_commit", "follow_up_stored", "router"]

router = APIRouter(prefix="/v1", tags=["jobs"])
log = structlog.get_logger()
PROBLEMS: dict[int | str, dict[str, object]] = {
    422: {"model": Problem, "description": "Invalid input"},
}


async def enqueue_after_commit(queue: Queue, jobs: list[Job]) -> None:
    """Send committed jobs to Redis; if Redis is down the sweep sends them later."""
    pending = [job for job in jobs if job.queue_job_id]
    for start in range(0, len(pending), 50):
        chunk = pending[start : start + 50]
        results = await asyncio.gather(
            *(queue.enqueue_article_job(j.id, queue_job_id=j.queue_job_id) for j in chunk),
            return_exceptions=True,
        )
        failed = [r for r in results if isinstance(r, BaseException)]
        if failed:  # Redis down: the jobs are safe in PostgreSQL and the sweep sends them
            log.warning("enqueue_failed", jobs=len(failed), error=type(failed[0]).__name__)
            return


async def follow_up_stored(queue: Queue, jobs: list[Job]) -> None:
    """Jobs answered from a stored article still owe their callback and verification."""
    for job in jobs:
        if job.status != "succeeded" or job.article_id is None:
            continue
        if job.callback_url:
            await queue.enqueue_callback(job.id, attempt=1)
        if job.verify:
            await queue.enqueue_verification(job.article_id)


@router.post(
    "/articles",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=JobOut,
    responses={
        200: {"model": JobOut, "description": "Already stored; nothing is fetched"},
        **PROBLEMS,
    },
    summary="Submit an article URL",
)
async def submit_article(
    body: SubmitArticle,
    session: SessionDep,
    queue: QueueDep,
    response: Response,
    caller: CallerDep,
    settings: SettingsDep,
) -> JobOut:
    """Queue a fetch-and-extract job; a URL already stored returns its finished job (200)."""
    submission = await submit_url(
        session,
        url=body.url,
        force=body.force,
        callback_url=body.callback_url,
        api_key_id=caller,
        verify=body.verify,
    )
    if submission.needs_work:  # Idempotency-Key: app.idempotency.IdempotencyMiddleware
        await check_pending_jobs(session, api_key_id=caller, limit=settings.max_pending_jobs)
    await session.commit()
    if submission.needs_work:
        await enqueue_after_commit(queue, [submission.job])
    else:
        await follow_up_stored(queue, [submission.job])
    response.headers["Location"] = f"/v1/jobs/{submission.job.id}"
    if submission.job.status == "succeeded":
        response.status_code = status.HTTP_200_OK
    return JobOut.of(submission.job)


@router.get(
    "/jobs/{job_id}",
    response_model=JobOut,
    responses={404: {"model": Problem, "description": "No such job"}},
)
async def read_job(job_id: uuid.UUID, session: SessionDep, caller: CallerDep) -> JobOut:
    """A job's status, stage, attempts and error."""
    return JobOut.of(await get_job(session, job_id, api_key_id=caller))
