"""Stored snapshots of cited pages: what a source said when its claims were checked."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import SourceSnapshot

__all__ = ["get_snapshot", "latest_snapshot", "store_snapshot"]


async def latest_snapshot(
    session: AsyncSession, source_id: uuid.UUID, max_age: float | None = None
) -> SourceSnapshot | None:
    """The newest snapshot of a source; with `max_age` (seconds), only one at most that old."""
    query = select(SourceSnapshot).where(SourceSnapshot.source_id == source_id)
    if max_age is not None:
        query = query.where(
            SourceSnapshot.fetched_at > datetime.now(UTC) - timedelta(seconds=max_age)
        )
    query = query.order_by(SourceSnapshot.fetched_at.desc(), SourceSnapshot.id.desc()).limit(1)
    return (await session.scalars(query)).first()


async def get_snapshot(
    session: AsyncSession, source_id: uuid.UUID, snapshot_id: int
) -> SourceSnapshot | None:
    """One snapshot of a source (None if it is another source's, or gone)."""
    snapshot = await session.get(SourceSnapshot, snapshot_id)
    return snapshot if snapshot is not None and snapshot.source_id == source_id else None


async def store_snapshot(
    session: AsyncSession,
    source_id: uuid.UUID,
    *,
    final_url: str,
    http_status: int,
    content_type: str | None,
    passages: list[str],
) -> SourceSnapshot:
    """Keep a fetched page's passages, one per line (the text verdict offsets point into)."""
    text = "\n".join(passages)
    snapshot = SourceSnapshot(
        source_id=source_id,
        final_url=final_url,
        http_status=http_status,
        content_type=content_type,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
    )
    session.add(snapshot)
    await session.flush()
    return snapshot
