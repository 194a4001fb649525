"""Every query on batches."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Batch, Job

__all__ = ["add_batch", "batch_jobs", "get_batch"]


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


async def batch_jobs(session: AsyncSession, batch_id: uuid.UUID) -> list[Job]:
    """The batch's jobs in submission order."""
    query = select(Job).where(Job.batch_id == batch_id).order_by(Job.created_at, Job.id)
    return list((await session.scalars(query)).all())
