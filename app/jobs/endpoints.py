"""`POST /v1/articles` and `GET /v1/jobs/{id}`."""

from __future__ import annotations

import uuid

import structlog
from fastapi import APIRouter, Response, status

from app.db import SessionDep
from app.deps import CallerDep, QueueDep, SettingsDep
from app.errors import Problem
from app.jobs.repository import JobRepository
from app.jobs.schemas import JobOut, SubmitArticle
from app.jobs.service import get_job, submit_url
from app.models import Job
from app.queue import Queue
from app.ratelimit import check_pending_jobs

__all__ = ["enqueue_after_commit", "router"]

router = APIRouter(prefix="/v1", tags=["jobs"])
log = structlog.get_logger()
PROBLEMS: dict[int | str, dict[str, object]] = {
    422: {"model": Problem, "description": "Invalid input"},
}


async def enqueue_after_commit(session: SessionDep, queue: Queue, jobs: list[Job]) -> None:
    """Send committed jobs to Redis; if Redis is down the sweep sends them later."""
    for job in jobs:
        try:
            queue_id = await queue.enqueue_article_job(job.id)
        except Exception as exc:  # Redis down: the job is safe in PostgreSQL
            log.warning("enqueue_failed", job_id=str(job.id), error=type(exc).__name__)
            continue
        job.queue_job_id = queue_id
        await JobRepository(session).set_queue_id(job.id, queue_id)
    await session.commit()


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
        session, url=body.url, force=body.force, callback_url=body.callback_url, api_key_id=caller
    )
    if submission.needs_work:  # Idempotency-Key: app.idempotency.IdempotencyMiddleware
        await check_pending_jobs(session, api_key_id=caller, limit=settings.max_pending_jobs)
    await session.commit()
    if submission.needs_work:
        await enqueue_after_commit(session, queue, [submission.job])
    elif submission.job.callback_url and submission.job.status == "succeeded":
        await queue.enqueue_callback(submission.job.id, attempt=1)
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
