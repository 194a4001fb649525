"""`POST /v1/batches` and `GET /v1/batches/{id}`."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response, status

from app.api.deps import CallerDep, QueueDep, SettingsDep
from app.batches.schemas import BatchOut, BatchStatus, SubmitBatch
from app.batches.service import batch_status, queue_batch
from app.db import SessionDep
from app.errors import Problem

__all__ = ["router"]

router = APIRouter(prefix="/v1/batches", tags=["batches"])


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
    batch = await queue_batch(
        session, queue, body, api_key_id=caller, max_pending=settings.max_pending_jobs
    )
    response.headers["Location"] = f"/v1/batches/{batch.id}"
    return batch


@router.get(
    "/{batch_id}",
    response_model=BatchStatus,
    responses={404: {"model": Problem, "description": "No such batch"}},
)
async def read_batch(batch_id: uuid.UUID, session: SessionDep, caller: CallerDep) -> BatchStatus:
    """Counts per status and every job of the batch."""
    return await batch_status(session, batch_id, api_key_id=caller)
