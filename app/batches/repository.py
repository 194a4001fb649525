"""Every query on batches, and the job listings by batch and status."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Select, func, insert, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import Batch, BatchItem, Job

__all__ = [
    "add_batch",
    "add_items",
    "batch_counts",
    "batch_jobs",
    "get_batch",
    "list_batches",
    "list_jobs",
]

STATUSES = ("queued", "running", "succeeded", "failed")
After = tuple[datetime, uuid.UUID] | None


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


async def batch_counts(
    session: AsyncSession, batch_ids: list[uuid.UUID]
) -> dict[uuid.UUID, dict[str, int]]:
    """Jobs per status of each batch, every status present (0 when none)."""
    counts = {b: dict.fromkeys(STATUSES, 0) for b in batch_ids}
    if batch_ids:
        rows = await session.execute(
            select(BatchItem.batch_id, Job.status, func.count())
            .join(Job, Job.id == BatchItem.job_id)
            .where(BatchItem.batch_id.in_(batch_ids))
            .group_by(BatchItem.batch_id, Job.status)
        )
        for batch_id, status, count in rows.all():
            if batch_id is not None:
                counts[batch_id][status] = count
    return counts


def _keyset(query: Select, column, after: After, *, newest_first: bool) -> Select:  # type: ignore[type-arg, no-untyped-def]
    """Order by (column, id) and start after the cursor's row."""
    id_column = column.class_.id
    if after is not None:
        if newest_first:
            query = query.where(
                or_(column < after[0], (column == after[0]) & (id_column < after[1]))
            )
        else:
            query = query.where(
                or_(column > after[0], (column == after[0]) & (id_column > after[1]))
            )
    if newest_first:
        return query.order_by(column.desc(), id_column.desc())
    return query.order_by(column, id_column)


async def list_jobs(
    session: AsyncSession,
    *,
    status: str | None,
    api_key_id: uuid.UUID | None,
    after: After,
    limit: int,
) -> list[Job]:
    """Jobs the caller may see, newest first, by status, keyset-paginated on (created_at, id)."""
    query = select(Job)
    if status is not None:
        query = query.where(Job.status == status)
    if api_key_id is not None:
        query = query.where(Job.api_key_id == api_key_id)
    query = _keyset(query, Job.created_at, after, newest_first=True)
    return list((await session.scalars(query.limit(limit))).all())


async def batch_jobs(
    session: AsyncSession,
    batch_id: uuid.UUID,
    *,
    status: str | None,
    api_key_id: uuid.UUID | None,
    after: int | None,
    limit: int,
) -> list[tuple[int, Job]]:
    """(position, job) of a batch's jobs in submission order, those it joined included."""
    query = (
        select(BatchItem.position, Job)
        .join(Job, Job.id == BatchItem.job_id)
        .where(BatchItem.batch_id == batch_id)
    )
    if status is not None:
        query = query.where(Job.status == status)
    if api_key_id is not None:
        query = query.where(Job.api_key_id == api_key_id)
    if after is not None:
        query = query.where(BatchItem.position > after)
    rows = await session.execute(query.order_by(BatchItem.position).limit(limit))
    return [(position, job) for position, job in rows.all()]


async def list_batches(
    session: AsyncSession, *, api_key_id: uuid.UUID | None, after: After, limit: int
) -> list[Batch]:
    """The caller's batches, newest first."""
    query = select(Batch)
    if api_key_id is not None:
        query = query.where(Batch.api_key_id == api_key_id)
    query = _keyset(query, Batch.created_at, after, newest_first=True)
    return list((await session.scalars(query.limit(limit))).all())
