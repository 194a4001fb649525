"""The one-job-per-URL migration on a database holding duplicate active jobs: it merges
them (oldest kept, nothing lost, batches still resolve), adds the index, and goes back."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import asyncpg
import pytest
from alembic import command
from sqlalchemy.engine import make_url

from app.cli.migrate import alembic_config, upgrade
from tests.conftest import _asyncpg_dsn

BEFORE = "74452fd50d0f"
MERGE = "c3a9e14f7b02"
URL = "https://dup.test/story"


@pytest.fixture
async def empty_database(server_urls: tuple[str, str]) -> AsyncIterator[str]:
    """A database of its own, migrated to nothing yet, dropped afterwards."""
    name = f"claimtrail_migrate_{uuid.uuid4().hex[:10]}"
    dsn, extra = _asyncpg_dsn(server_urls[0])
    admin = await asyncpg.connect(dsn, **extra)
    await admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(server_urls[0]).set(database=name).render_as_string(hide_password=False)
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def _connect(url: str) -> asyncpg.Connection:
    dsn, extra = _asyncpg_dsn(url)
    return await asyncpg.connect(dsn, **extra)


async def _job(conn: asyncpg.Connection, minutes_ago: int, **columns: object) -> uuid.UUID:
    values = {
        "id": uuid.uuid4(),
        "url": URL,
        "normalized_url": URL,
        "status": "queued",
        "stage": "queued",
        "attempts": 0,
        "force": False,
        "verify": False,
        "created_at": datetime.now(UTC) - timedelta(minutes=minutes_ago),
        **columns,
    }
    names = ", ".join(values)
    marks = ", ".join(f"${n}" for n in range(1, len(values) + 1))
    await conn.execute(f"INSERT INTO jobs ({names}) VALUES ({marks})", *values.values())
    return values["id"]  # type: ignore[return-value]


async def test_duplicates_are_merged_before_the_index_and_restored_after(
    empty_database: str,
) -> None:
    await asyncio.to_thread(upgrade, empty_database, BEFORE)
    conn = await _connect(empty_database)
    try:
        key = uuid.uuid4()
        await conn.execute(
            "INSERT INTO api_keys (id, name, key_hash, signing_secret) VALUES ($1, 'k', 'h', 's')",
            key,
        )
        batch_a, batch_b = uuid.uuid4(), uuid.uuid4()
        for batch in (batch_a, batch_b):
            await conn.execute("INSERT INTO batches (id) VALUES ($1)", batch)
        kept = await _job(conn, 30, batch_id=batch_a)
        running = await _job(conn, 20, status="running", stage="fetching", attempts=1)
        hooked = await _job(conn, 10, batch_id=batch_b, verify=True, callback_url="https://h.test/")
        other_in_a = await _job(conn, 25, url=URL + "2", normalized_url=URL + "2", batch_id=batch_a)
        ended = await _job(conn, 40, status="succeeded", stage="done")  # not active: untouched
        keyed = await _job(conn, 5, api_key_id=key)  # another caller's job is not a duplicate
        # The index cannot be built over these rows: the merge must come first.
        await asyncio.to_thread(upgrade, empty_database, MERGE)

        rows = {
            r["id"]: r
            for r in await conn.fetch(
                "SELECT id, status, error_code, merged_into, verify, callback_url FROM jobs"
            )
        }
        assert len(rows) == 6  # no job deleted
        assert rows[kept]["status"] == "queued" and rows[kept]["merged_into"] is None
        assert rows[kept]["verify"] is True and rows[kept]["callback_url"] == "https://h.test/"
        for dup in (running, hooked):
            assert (rows[dup]["status"], rows[dup]["error_code"]) == ("failed", "merged")
            assert rows[dup]["merged_into"] == kept
        for alone in (other_in_a, keyed):
            assert rows[alone]["status"] == "queued" and rows[alone]["merged_into"] is None
        assert rows[ended]["status"] == "succeeded"
        items = await conn.fetch(
            "SELECT batch_id, job_id, position FROM batch_items ORDER BY batch_id, position"
        )
        members = {(r["batch_id"], r["job_id"]) for r in items}
        assert members == {(batch_a, kept), (batch_a, other_in_a), (batch_b, kept)}
        index = await conn.fetchval(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'ux_jobs_active_url'"
        )
        assert "UNIQUE" in index and "NULLS NOT DISTINCT" in index and "status" in index
        with pytest.raises(asyncpg.UniqueViolationError):
            await _job(conn, 0)

        # Back down: the merged duplicates are queued again, as they were.
        await asyncio.to_thread(command.downgrade, alembic_config(empty_database), BEFORE)
        statuses = dict(await conn.fetch("SELECT id, status FROM jobs"))
        assert statuses[running] == statuses[hooked] == statuses[kept] == "queued"
        assert await conn.fetchval("SELECT to_regclass('batch_items')") is None
        # ... and up again, merging them once more.
        await asyncio.to_thread(upgrade, empty_database, "head")
        merged = await conn.fetchval("SELECT count(*) FROM jobs WHERE merged_into = $1", kept)
        assert merged == 2
    finally:
        await conn.close()
