"""`POST /v1/articles` and `GET /v1/jobs/{id}`."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status

from app.api.deps import CallerDep, QueueDep, SettingsDep
from app.api.documents import Document, document_response, etag_matches, make_document
from app.api.hot_reads import on_read_pool
from app.db import SessionDep
from app.errors import Problem
from app.jobs.dispatch import commit_and_dispatch
from app.jobs.repository import job_by_id
from app.jobs.schemas import JobOut, SubmitArticle
from app.jobs.service import submit_url, visible_job

__all__ = ["router"]

router = APIRouter(prefix="/v1", tags=["jobs"])
MAX_WAIT_SECONDS = 30
RECHECK_SECONDS = 1.0  # a long poll re-reads the job this often: a lost NOTIFY only delays
TERMINAL = ("succeeded", "failed")
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


NOT_MODIFIED = "Unchanged: `If-None-Match` names the job's current ETag"
WAIT = Query(
    ge=0,
    le=MAX_WAIT_SECONDS,
    description="Long poll: answer as soon as the job changes (status or stage), or after"
    " this many seconds (at most 30) with the job as it is. The change is measured from the"
    " ETag given in `If-None-Match`, else from the job as it was when the request came.",
)


@router.get(
    "/jobs/{job_id}",
    response_model=JobOut,
    responses={
        304: {"description": NOT_MODIFIED},
        404: {"model": Problem, "description": "No such job"},
        **PROBLEMS,
    },
)
async def read_job(
    job_id: uuid.UUID,
    request: Request,
    caller: CallerDep,
    settings: SettingsDep,
    wait: Annotated[float | None, WAIT] = None,
) -> Response:
    """A job's status, stage, attempts and error; `?wait=` holds the answer until it changes."""
    known = request.headers.get("if-none-match")
    seconds = min(wait or 0.0, settings.job_wait_max_seconds)
    if seconds <= 0:
        return _job_response(request, await _job_document(request, job_id, caller))
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    async with request.app.state.job_changes.watching(str(job_id)) as changed:
        while True:
            changed.clear()  # before the read: a change after it wakes the wait below
            document, status = await _job_document(request, job_id, caller)
            known = known or document[0]
            left = deadline - loop.time()
            ended = status in TERMINAL or left <= 0 or await request.is_disconnected()
            if ended or not etag_matches(known, document[0]):
                return _job_response(request, (document, status))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(changed.wait(), min(left, RECHECK_SECONDS))


async def _job_document(
    request: Request, job_id: uuid.UUID, caller: uuid.UUID | None
) -> tuple[Document, str]:
    """The job as a JSON document with its ETag, and its status (404 if the caller can't see
    it). Status polls are the hottest read, so it is one statement on the bare pool."""
    job = await on_read_pool(request, lambda pool: job_by_id(pool, job_id))
    out = JobOut.of(visible_job(job, job_id, caller))
    return make_document(out.model_dump_json().encode()), out.status


def _job_response(request: Request, answer: tuple[Document, str]) -> Response:
    return document_response(request, answer[0], cache_control="no-cache")
