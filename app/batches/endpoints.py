"""`POST /v1/batches`, `GET /v1/batches[/{id}]` and `GET /v1/jobs?batch_id=&status=`."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from app.api.deps import CallerDep, CursorDep, QueueDep, SettingsDep
from app.api.pagination import Limit
from app.batches.progress import batch_page, batch_status, job_page
from app.batches.schemas import BatchOut, BatchPage, BatchStatus, JobPage, SubmitBatch
from app.batches.service import queue_batch
from app.db import SessionDep
from app.errors import Problem
from app.jobs.schemas import JobStatus

__all__ = ["jobs_router", "router"]

router = APIRouter(prefix="/v1/batches", tags=["batches"])
jobs_router = APIRouter(prefix="/v1/jobs", tags=["jobs"])
BAD_CURSOR: dict[int | str, dict[str, object]] = {
    400: {"model": Problem, "description": "Bad cursor"}
}
NOT_FOUND: dict[int | str, dict[str, object]] = {
    404: {"model": Problem, "description": "No such batch"}
}
StatusFilter = Annotated[
    JobStatus | None, Query(description="Only jobs in this status: queued | running | …")
]


@router.post(
    "",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=BatchOut,
    responses={
        422: {"model": Problem, "description": "Not a list of 1 to 1,000 URLs"},
        429: {"model": Problem, "description": "Too many jobs pending; `fits` says how many would"},
    },
)
async def submit_batch(
    body: SubmitBatch,
    session: SessionDep,
    queue: QueueDep,
    response: Response,
    caller: CallerDep,
    settings: SettingsDep,
) -> BatchOut:
    """Queue up to 1,000 URLs; invalid ones are rejected one by one, the rest still run."""
    batch = await queue_batch(
        session, queue, body, api_key_id=caller, max_pending=settings.max_pending_jobs
    )
    response.headers["Location"] = f"/v1/batches/{batch.id}"
    return batch


@router.get("", response_model=BatchPage, responses=BAD_CURSOR)
async def read_batches(
    session: SessionDep,
    caller: CallerDep,
    cursors: CursorDep,
    limit: Limit = 50,
    cursor: str | None = None,
) -> BatchPage:
    """The caller's batches, newest first, with counts per status."""
    return await batch_page(session, cursors, api_key_id=caller, cursor=cursor, limit=limit)


@router.get(
    "/{batch_id}",
    response_model=BatchStatus,
    responses=NOT_FOUND | BAD_CURSOR,
)
async def read_batch(
    batch_id: uuid.UUID,
    session: SessionDep,
    caller: CallerDep,
    cursors: CursorDep,
    limit: Limit = 50,
    cursor: str | None = None,
    status: StatusFilter = None,
) -> BatchStatus:
    """Counts per status and one page of the batch's jobs in submission order."""
    return await batch_status(
        session,
        cursors,
        batch_id,
        api_key_id=caller,
        status=status,
        cursor=cursor,
        limit=limit,
    )


@jobs_router.get("", response_model=JobPage, responses=BAD_CURSOR)
async def read_jobs(
    session: SessionDep,
    caller: CallerDep,
    cursors: CursorDep,
    limit: Limit = 50,
    cursor: str | None = None,
    batch_id: Annotated[uuid.UUID | None, Query(description="Only this batch's jobs")] = None,
    status: StatusFilter = None,
) -> JobPage:
    """The caller's jobs: one batch's in submission order, or all of them newest first."""
    return await job_page(
        session,
        cursors,
        api_key_id=caller,
        batch_id=batch_id,
        status=status,
        cursor=cursor,
        limit=limit,
    )
