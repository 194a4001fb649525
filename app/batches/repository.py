"""Every query on batches."""

from __future__ import annotations

import uuid

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Batch, BatchItem, Job

__all__ = ["add_batch", "add_items", "batch_jobs", "get_batch"]


async def add_batch(session: AsyncSession, *, api_key_id: uuid.UUID | None) -> Batch:
    """A new batch row, flushed so it has its id and creation time."""
    batch = Batch(api_key_id=api_key_id)
    session.add(batch)
    await session.flush()
    await session.refresh(batch)
    return batch


async def get_batch(session: AsyncSession, batch_id: uuid.UUID) -> Batch | None:
    """One batch by id."""
    return await session.get(Batch, batch_id)


async def add_items(session: AsyncSession, batch_id: uuid.UUID, job_ids: list[uuid.UUID]) -> None:
    """Record the batch's jobs in order (each once: URLs that normalise alike share one)."""
    rows = [
        {"batch_id": batch_id, "job_id": job_id, "position": position}
        for position, job_id in enumerate(dict.fromkeys(job_ids))
    ]
    if rows:
        await session.execute(insert(BatchItem), rows)


async def batch_jobs(session: AsyncSession, batch_id: uuid.UUID) -> list[Job]:
    """The batch's jobs in submission order, those it joined included."""
    query = (
        select(Job)
        .join(BatchItem, BatchItem.job_id == Job.id)
        .where(BatchItem.batch_id == batch_id)
        .order_by(BatchItem.position)
    )
    return list((await session.scalars(query)).all())
