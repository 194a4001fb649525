"""`POST /v1/batches` and `GET /v1/batches/{id}`."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Response, status
from sqlalchemy import select

from app.batches.schemas import BatchItemError, BatchOut, BatchStatus, SubmitBatch
from app.db import SessionDep
from app.deps import CallerDep, QueueDep, SettingsDep
from app.errors import PROBLEM_TYPE, NotFound, Problem
from app.jobs.endpoints import enqueue_after_commit, follow_up_stored
from app.jobs.schemas import JobOut, check_url
from app.jobs.service import submit_urls
from app.models import Batch, Job
from app.ratelimit import check_pending_jobs

__all__ = ["router"]

router = APIRouter(prefix="/v1/batches", tags=["batches"])


def _rejection(url: str, index: int, exc: ValueError) -> BatchItemError:
    problem: dict[str, Any] = {
        "type": PROBLEM_TYPE + "validation",
        "title": "Unprocessable Entity",
        "status": 422,
        "detail": f"Invalid url: {exc}",
        "errors": [{"loc": ["body", "urls", index], "field": f"urls.{index}", "msg": str(exc)}],
    }
    return BatchItemError(url=url[:2100], error=problem)


@router.post(
    "",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=BatchOut,
    responses={422: {"model": Problem, "description": "Not a list of 1 to 1,000 URLs"}},
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
    batch = Batch(api_key_id=caller)
    session.add(batch)
    await session.flush()
    await session.refresh(batch)
    valid: dict[int, str] = {}
    rejected: dict[int, BatchItemError] = {}
    for index, raw in enumerate(body.urls):
        try:
            valid[index] = check_url(raw)
        except ValueError as exc:
            rejected[index] = _rejection(raw, index, exc)
    submissions = await submit_urls(
        session,
        list(valid.values()),
        force=body.force,
        api_key_id=caller,
        batch_id=batch.id,
        verify=body.verify,
    )
    jobs = dict(zip(valid, (s.job for s in submissions), strict=True))
    if any(s.needs_work for s in submissions):
        await check_pending_jobs(session, api_key_id=caller, limit=settings.max_pending_jobs)
    await session.commit()
    await enqueue_after_commit(queue, [s.job for s in submissions if s.needs_work])
    await follow_up_stored(queue, [s.job for s in submissions if not s.needs_work])
    items: list[JobOut | BatchItemError] = [
        JobOut.of(jobs[i]) if i in jobs else rejected[i] for i in range(len(body.urls))
    ]
    response.headers["Location"] = f"/v1/batches/{batch.id}"
    return BatchOut(id=batch.id, created_at=batch.created_at, jobs=items)


@router.get(
    "/{batch_id}",
    response_model=BatchStatus,
    responses={404: {"model": Problem, "description": "No such batch"}},
)
async def read_batch(batch_id: uuid.UUID, session: SessionDep, caller: CallerDep) -> BatchStatus:
    """Counts per status and every job of the batch."""
    batch = await session.get(Batch, batch_id)
    if batch is None or (caller is not None and batch.api_key_id != caller):
        raise NotFound(f"No batch {batch_id}")
    jobs = list(
        (
            await session.scalars(
                select(Job).where(Job.batch_id == batch_id).order_by(Job.created_at, Job.id)
            )
        ).all()
    )
    counts = {s: 0 for s in ("queued", "running", "succeeded", "failed")}
    for job in jobs:
        counts[job.status] += 1
    return BatchStatus(
        id=batch.id,
        created_at=batch.created_at,
        total=len(jobs),
        counts=counts,
        done=counts["queued"] + counts["running"] == 0,
        jobs=[JobOut.of(j) for j in jobs],
    )
