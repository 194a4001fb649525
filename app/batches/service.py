"""Batches: submit many URLs at once (bad ones rejected one by one), and report progress."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.batches.repository import add_batch, add_items
from app.batches.schemas import BatchItemError, BatchJobOut, BatchOut, SubmitBatch
from app.errors import PROBLEM_TYPE
from app.jobs.dispatch import commit_and_dispatch
from app.jobs.schemas import JobOut, check_url
from app.jobs.service import submit_urls
from app.queue import Queue

__all__ = ["queue_batch"]


def _rejection(url: str, index: int, exc: ValueError) -> BatchItemError:
    problem: dict[str, Any] = {
        "type": PROBLEM_TYPE + "validation",
        "title": "Unprocessable Entity",
        "status": 422,
        "detail": f"Invalid url: {exc}",
        "errors": [{"loc": ["body", "urls", index], "field": f"urls.{index}", "msg": str(exc)}],
    }
    return BatchItemError(url=url[:2100], error=problem)


async def queue_batch(
    session: AsyncSession,
    queue: Queue,
    body: SubmitBatch,
    *,
    api_key_id: uuid.UUID | None,
    max_pending: int,
) -> BatchOut:
    """Jobs for the batch's valid URLs, committed and queued; one item per URL, in order."""
    batch = await add_batch(session, api_key_id=api_key_id)
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
        api_key_id=api_key_id,
        batch_id=batch.id,
        verify=body.verify,
    )
    await add_items(session, batch.id, [s.job.id for s in submissions])
    by_index = dict(zip(valid, submissions, strict=True))
    positions = list(valid)  # a duplicate's index within the valid URLs -> in the batch
    distinct = [s for s in submissions if s.duplicate_of is None]
    await commit_and_dispatch(
        session, queue, distinct, api_key_id=api_key_id, max_pending=max_pending
    )
    items: list[BatchJobOut | BatchItemError] = []
    for index in range(len(body.urls)):
        if index not in by_index:
            items.append(rejected[index])
            continue
        submission = by_index[index]
        duplicate = submission.duplicate_of
        item = JobOut.of(submission.job).model_dump()
        items.append(
            BatchJobOut(**item, duplicate_of=None if duplicate is None else positions[duplicate])
        )
    return BatchOut(id=batch.id, created_at=batch.created_at, jobs=items)
