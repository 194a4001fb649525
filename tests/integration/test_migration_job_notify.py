"""Migration 3f8a6c2e1d90 adds the trigger that NOTIFYs job changes; its downgrade drops it."""

from __future__ import annotations

import asyncio
import uuid

import asyncpg
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from app.config import Settings
from app.db import asyncpg_connect_args
from app.jobs.changes import CHANNEL
from tests.conftest import REPO
from tests.migration_step import run_migration_step

MIGRATION = REPO / "migrations" / "versions" / "2026_12_04_1100-job_change_notify.py"
TRIGGER = "SELECT count(*) FROM pg_trigger WHERE tgname = 'jobs_notify_change'"


async def _notified_ids(settings: Settings, assignments: str, job_id: str) -> list[str]:
    """Job ids NOTIFYed while `UPDATE jobs SET assignments` commits."""
    heard: list[str] = []
    listener = await asyncpg.connect(**asyncpg_connect_args(settings.database_url or ""))
    await listener.add_listener(CHANNEL, lambda *args: heard.append(args[3]))
    engine = create_async_engine(settings.database_url or "")
    try:
        async with engine.begin() as conn:
            update = text(f"UPDATE jobs SET {assignments} WHERE id = :id")
            await conn.execute(update, {"id": job_id})
        await asyncio.sleep(0.5)
    finally:
        await engine.dispose()
        await listener.close()
    return heard


async def test_the_trigger_notifies_status_and_stage_changes_only(settings: Settings) -> None:
    job_id = str(uuid.uuid4())
    engine = create_async_engine(settings.database_url or "")
    try:
        async with engine.begin() as conn:
            await conn.execute(
                text(
                    "INSERT INTO jobs (id, url, normalized_url, status, stage, attempts, force)"
                    " VALUES (:id, 'https://n.test', 'https://n.test', 'queued', 'queued', 0,"
                    " false)"
                ),
                {"id": job_id},
            )
        assert await _notified_ids(settings, "stage = 'fetching'", job_id) == [job_id]
        assert await _notified_ids(settings, "attempts = 2", job_id) == []
        async with engine.begin() as conn:
            await conn.run_sync(run_migration_step, MIGRATION, "downgrade")
            assert await conn.scalar(text(TRIGGER)) == 0
        assert await _notified_ids(settings, "status = 'running'", job_id) == []
        async with engine.begin() as conn:
            await conn.run_sync(run_migration_step, MIGRATION, "upgrade")
            assert await conn.scalar(text(TRIGGER)) == 1
        assert await _notified_ids(settings, "status = 'failed'", job_id) == [job_id]
    finally:
        await engine.dispose()
