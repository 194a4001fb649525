"""The job state machine's queries on the real database: who may claim a job, what the sweep sees.

Every test runs in a transaction that is rolled back. Times are set on the rows an hour away
from now, so no test depends on how fast the machine runs.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine

from app.jobs.repository import JobRepository
from app.models import Job

HOUR = timedelta(hours=1)


@pytest.fixture
async def session(database_url: str) -> AsyncIterator[AsyncSession]:
    engine = create_async_engine(database_url)
    async with engine.connect() as conn:
        transaction = await conn.begin()
        async with AsyncSession(
            bind=conn, expire_on_commit=False, join_transaction_mode="create_savepoint"
        ) as session:
            yield session
        await transaction.rollback()
    await engine.dispose()


async def _job(session: AsyncSession, **columns: object) -> Job:
    url = f"https://jobs.test/{uuid.uuid4().hex}"
    job = await JobRepository(session).add(Job(url=url, normalized_url=url, **columns))
    # Workers claim in a session of their own: keep the row out of this one's identity map,
    # so what claim() returns is what the database answered.
    session.expunge(job)
    return job


async def _reload(session: AsyncSession, job: Job) -> Job:
    row = await session.get(Job, job.id, populate_existing=True)
    assert row is not None
    return row


async def test_a_queued_job_is_claimed_once(session: AsyncSession) -> None:
    repo = JobRepository(session)
    job = await _job(session, next_attempt_at=datetime.now(UTC) - HOUR)
    before = datetime.now(UTC)
    claimed = await repo.claim(job.id, lease=30)
    after = datetime.now(UTC)
    assert claimed is not None and claimed.id == job.id
    assert (claimed.status, claimed.stage, claimed.attempts) == ("running", "fetching", 1)
    assert claimed.lease_until is not None
    assert before + timedelta(seconds=30) <= claimed.lease_until <= after + timedelta(seconds=30)
    assert claimed.started_at is not None and before <= claimed.started_at <= after
    assert claimed.next_attempt_at is None
    # A second delivery of the same queue entry finds the lease live: nothing to run.
    assert await repo.claim(job.id, lease=30) is None
    assert (await _reload(session, job)).attempts == 1


async def test_a_running_job_is_reclaimed_only_once_its_lease_lapsed(
    session: AsyncSession,
) -> None:
    repo = JobRepository(session)
    started = datetime.now(UTC) - 2 * HOUR
    live = await _job(
        session,
        status="running",
        attempts=1,
        started_at=started,
        lease_until=datetime.now(UTC) + HOUR,
    )
    lapsed = await _job(
        session,
        status="running",
        attempts=1,
        started_at=started,
        lease_until=datetime.now(UTC) - HOUR,
    )
    assert await repo.claim(live.id, lease=30) is None
    claimed = await repo.claim(lapsed.id, lease=30)
    assert claimed is not None
    assert claimed.attempts == 2
    assert claimed.started_at == started  # the first start is kept across attempts
    assert claimed.lease_until is not None and claimed.lease_until > datetime.now(UTC)


@pytest.mark.parametrize("status", ["succeeded", "failed"])
async def test_an_ended_job_is_never_claimed(session: AsyncSession, status: str) -> None:
    job = await _job(session, status=status, attempts=1, lease_until=datetime.now(UTC) - HOUR)
    assert await JobRepository(session).claim(job.id, lease=30) is None
    assert (await _reload(session, job)).status == status


async def test_an_unknown_job_is_not_claimed(session: AsyncSession) -> None:
    assert await JobRepository(session).claim(uuid.uuid4(), lease=30) is None


async def test_requeued_job_can_be_claimed_again(session: AsyncSession) -> None:
    repo = JobRepository(session)
    job = await _job(session)
    assert await repo.claim(job.id, lease=30) is not None
    await repo.requeue(job.id, code="http_status", message="busy", delay=0)
    claimed = await repo.claim(job.id, lease=30)
    assert claimed is not None and claimed.attempts == 2


async def test_stale_finds_lost_and_abandoned_jobs_only(session: AsyncSession) -> None:
    now = datetime.now(UTC)
    wanted = {
        # queued, its retry long due, yet no worker took it: the queue entry was lost
        await _job(session, next_attempt_at=now - HOUR),
        # queued without a retry time and untouched for an hour
        await _job(session, updated_at=now - HOUR),
        # running, but its worker stopped renewing the lease
        await _job(session, status="running", attempts=1, lease_until=now - HOUR),
    }
    left_alone = {
        await _job(session),  # queued just now: its entry is still on the way
        await _job(session, next_attempt_at=now + HOUR),  # a retry not yet due
        await _job(session, updated_at=now - HOUR, next_attempt_at=now + HOUR),
        await _job(session, status="running", attempts=1, lease_until=now + HOUR),
        await _job(session, status="succeeded", updated_at=now - HOUR),
        await _job(session, status="failed", updated_at=now - HOUR, lease_until=now - HOUR),
    }
    stale = {job.id for job in await JobRepository(session).stale(older_than=60)}
    assert {job.id for job in wanted} <= stale
    assert not {job.id for job in left_alone} & stale


async def test_stale_returns_the_oldest_first_up_to_the_limit(session: AsyncSession) -> None:
    now = datetime.now(UTC)
    oldest = await _job(session, updated_at=now - 3 * HOUR, next_attempt_at=now - 3 * HOUR)
    older = await _job(session, updated_at=now - 2 * HOUR, next_attempt_at=now - 2 * HOUR)
    await _job(session, updated_at=now - HOUR, next_attempt_at=now - HOUR)
    stale = await JobRepository(session).stale(older_than=60, limit=2)
    assert [job.id for job in stale] == [oldest.id, older.id]
