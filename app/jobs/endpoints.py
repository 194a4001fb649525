"""`POST /v1/articles` and `GET /v1/jobs/{id}`."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response, status

from app.api.deps import CallerDep, QueueDep, SettingsDep
from app.db import SessionDep
from app.errors import Problem
from app.jobs.dispatch import commit_and_dispatch
from app.jobs.schemas import JobOut, SubmitArticle
from app.jobs.service import get_job, submit_url

__all__ = ["router"]

router = APIRouter(prefix="/v1", tags=["jobs"])
PROBLEMS: dict[int | str, dict[str, object]] = {
    422: {"model": Problem, "description": "Invalid input"},
}


@router.post(
    "/articles",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=JobOut,
    responses={
        200: {"model": JobOut, "description": "Already stored; nothing is fetched"},
        409: {"model": Problem, "description": "In flight with another callback_url"},
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
    # a retried request with an Idempotency-Key is answered by app.api.idempotency before this
    await commit_and_dispatch(
        session, queue, [submission], api_key_id=caller, max_pending=settings.max_pending_jobs
    )
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
