"""Reading batches and jobs back: progress counts, and job pages by batch and status."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from app.api.pagination import CursorCodec
from app.batches.repository import batch_counts, batch_jobs, get_batch, list_batches, list_jobs
from app.batches.schemas import BatchPage, BatchStatus, BatchSummary, JobPage
from app.errors import BadRequest, NotFound
from app.jobs.schemas import JobOut
from app.models import Batch

__all__ = ["batch_page", "batch_status", "job_page"]


def _after(
    cursors: CursorCodec, kind: str, cursor: str | None
) -> tuple[datetime, uuid.UUID] | None:
    if not cursor:
        return None
    values = cursors.decode(kind, cursor)
    try:
        return datetime.fromisoformat(values[0]), uuid.UUID(values[1])
    except (IndexError, TypeError, ValueError) as exc:
        raise BadRequest("The cursor is invalid or was altered") from exc


def _next(cursors: CursorCodec, kind: str, rows: list, limit: int) -> str | None:  # type: ignore[type-arg]
    if len(rows) <= limit:
        return None
    last = rows[limit - 1]
    return cursors.encode(kind, [last.created_at.isoformat(), str(last.id)])


def _position(cursors: CursorCodec, kind: str, cursor: str | None) -> int | None:
    if not cursor:
        return None
    values = cursors.decode(kind, cursor)
    try:
        return int(values[0])
    except (IndexError, TypeError, ValueError) as exc:
        raise BadRequest("The cursor is invalid or was altered") from exc


async def _batch_jobs(
    session: AsyncSession,
    cursors: CursorCodec,
    kind: str,
    batch_id: uuid.UUID,
    *,
    api_key_id: uuid.UUID | None,
    status: str | None,
    cursor: str | None,
    limit: int,
) -> tuple[list[JobOut], str | None]:
    """One page of a batch's jobs in submission order, and the next page's cursor."""
    rows = await batch_jobs(
        session,
        batch_id,
        status=status,
        api_key_id=api_key_id,
        after=_position(cursors, kind, cursor),
        limit=limit + 1,
    )
    after = cursors.encode(kind, [rows[limit - 1][0]]) if len(rows) > limit else None
    return [JobOut.of(job) for _, job in rows[:limit]], after


def _summary(batch: Batch, counts: dict[str, int]) -> BatchSummary:
    return BatchSummary(
        id=batch.id,
        created_at=batch.created_at,
        total=sum(counts.values()),
        counts=counts,
        done=counts["queued"] + counts["running"] == 0,
        jobs_url=f"/v1/jobs?batch_id={batch.id}",
    )


async def batch_status(
    session: AsyncSession,
    cursors: CursorCodec,
    batch_id: uuid.UUID,
    *,
    api_key_id: uuid.UUID | None,
    status: str | None,
    cursor: str | None,
    limit: int,
) -> BatchStatus:
    """Counts per status and one page of the jobs of a batch the caller may see, or 404."""
    batch = await get_batch(session, batch_id)
    if batch is None or (api_key_id is not None and batch.api_key_id != api_key_id):
        raise NotFound(f"No batch {batch_id}")
    kind = f"batch:{batch_id}:{status or ''}"
    jobs, next_cursor = await _batch_jobs(
        session,
        cursors,
        kind,
        batch_id,
        api_key_id=None,
        status=status,
        cursor=cursor,
        limit=limit,
    )
    summary = _summary(batch, (await batch_counts(session, [batch_id]))[batch_id])
    return BatchStatus(**summary.model_dump(), jobs=jobs, next_cursor=next_cursor)


async def batch_page(
    session: AsyncSession,
    cursors: CursorCodec,
    *,
    api_key_id: uuid.UUID | None,
    cursor: str | None,
    limit: int,
) -> BatchPage:
    """The caller's batches, newest first, each with its counts."""
    rows = await list_batches(
        session, api_key_id=api_key_id, after=_after(cursors, "batches", cursor), limit=limit + 1
    )
    counts = await batch_counts(session, [b.id for b in rows[:limit]])
    return BatchPage(
        items=[_summary(b, counts[b.id]) for b in rows[:limit]],
        next_cursor=_next(cursors, "batches", rows, limit),
    )


async def job_page(
    session: AsyncSession,
    cursors: CursorCodec,
    *,
    api_key_id: uuid.UUID | None,
    batch_id: uuid.UUID | None,
    status: str | None,
    cursor: str | None,
    limit: int,
) -> JobPage:
    """The caller's jobs: of one batch in submission order, else newest first."""
    kind = f"jobs:{batch_id or ''}:{status or ''}"
    if batch_id is not None:
        items, next_cursor = await _batch_jobs(
            session,
            cursors,
            kind,
            batch_id,
            api_key_id=api_key_id,
            status=status,
            cursor=cursor,
            limit=limit,
        )
        return JobPage(items=items, next_cursor=next_cursor)
    rows = await list_jobs(
        session,
        status=status,
        api_key_id=api_key_id,
        after=_after(cursors, kind, cursor),
        limit=limit + 1,
    )
    return JobPage(
        items=[JobOut.of(j) for j in rows[:limit]], next_cursor=_next(cursors, kind, rows, limit)
    )
