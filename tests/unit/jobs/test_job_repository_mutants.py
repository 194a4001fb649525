"""Every job state transition on the real database, field by field, and that it touches one row.

Written against the mutants of `app/jobs/repository.py` that `test_job_repository.py` left alive:
each transition is checked on every column it sets, and a bystander job shows the update is
confined to its own row. Rows from other tests may share the database, so counts are deltas.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine

from app.jobs.repository import JobRepository
from app.models import ApiKey, Article, Job

HOUR = timedelta(hours=1)
LONG = "x" * 2500


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


async def _job(session: AsyncSession, url: str | None = None, **columns: object) -> Job:
    url = url or f"https://jobs.test/{uuid.uuid4().hex}"
    job = Job(url=url, normalized_url=url, **columns)
    session.add(job)
    await session.flush()
    session.expunge(job)
    return job


async def _reload(session: AsyncSession, job: Job) -> Job:
    row = await session.get(Job, job.id, populate_existing=True)
    assert row is not None
    return row


async def _columns(session: AsyncSession, job: Job) -> dict[str, object]:
    row = await _reload(session, job)
    return {c.key: getattr(row, c.key) for c in Job.__table__.columns if c.key != "updated_at"}


async def _key(session: AsyncSession) -> uuid.UUID:
    row = ApiKey(name="k", key_hash=uuid.uuid4().hex, signing_secret="s")
    session.add(row)
    await session.flush()
    return row.id


async def test_add_sets_the_defaults_and_get_reads_by_id(session: AsyncSession) -> None:
    repo = JobRepository(session)
    job = await repo.add(Job(url="https://jobs.test/a", normalized_url="https://jobs.test/a"))
    assert job.id is not None and job.created_at is not None
    assert (job.status, job.stage, job.attempts) == ("queued", "queued", 0)
    assert (await repo.get(job.id)) is job
    assert await repo.get(uuid.uuid4()) is None


async def test_active_for_urls_finds_the_callers_unfinished_job_per_url(
    session: AsyncSession,
) -> None:
    url, other = (f"https://jobs.test/{uuid.uuid4().hex}" for _ in range(2))
    now = datetime.now(UTC)
    await _job(session, url, status="succeeded", created_at=now - 3 * HOUR)
    await _job(session, url, status="failed", created_at=now - 3 * HOUR)
    running = await _job(session, url, status="running", created_at=now - 2 * HOUR)
    await _job(session, other, status="queued", api_key_id=await _key(session))  # another key
    finished = f"https://jobs.test/{uuid.uuid4().hex}"
    await _job(session, finished, status="succeeded")
    found = await JobRepository(session).active_for_urls([url, other, finished], None)
    assert {u: j.id for u, j in found.items()} == {url: running.id}
    assert await JobRepository(session).active_for_urls([], None) == {}


async def test_claim_moves_a_queued_job_to_fetching(session: AsyncSession) -> None:
    job = await _job(session, stage="queued", attempts=3)
    bystander = await _job(session)
    claimed = await JobRepository(session).claim(job.id, lease=90)
    assert claimed is not None
    assert (claimed.status, claimed.stage, claimed.attempts) == ("running", "fetching", 4)
    assert await _columns(session, bystander) == bystander_columns(bystander)


def bystander_columns(job: Job) -> dict[str, object]:
    return {c.key: getattr(job, c.key) for c in Job.__table__.columns if c.key != "updated_at"}


async def test_set_stage_is_a_heartbeat_of_running_jobs_only(session: AsyncSession) -> None:
    repo = JobRepository(session)
    running = await _job(session, status="running", stage="fetching", lease_until=datetime.now(UTC))
    queued = await _job(session)
    bystander = await _job(session, status="running", stage="fetching", lease_until=None)
    before = datetime.now(UTC)
    assert await repo.set_stage(running.id, "extracting", lease=45, attempt=running.attempts)
    assert not await repo.set_stage(queued.id, "extracting", lease=45, attempt=queued.attempts)
    after = datetime.now(UTC)
    row = await _reload(session, running)
    assert row.stage == "extracting"
    assert row.lease_until is not None
    assert before + timedelta(seconds=45) <= row.lease_until <= after + timedelta(seconds=45)
    assert (await _reload(session, queued)).stage == "queued"
    assert (await _reload(session, queued)).lease_until is None
    assert await _columns(session, bystander) == bystander_columns(bystander)


async def test_finish_points_at_the_article_and_clears_the_error(session: AsyncSession) -> None:
    article = Article(url=f"https://jobs.test/{uuid.uuid4().hex}")
    session.add(article)
    await session.flush()
    job = await _job(
        session,
        status="running",
        stage="storing",
        lease_until=datetime.now(UTC) + HOUR,
        error_code="http_status",
        error_message="busy",
        error_retryable=True,
    )
    bystander = await _job(session, status="running", lease_until=datetime.now(UTC) + HOUR)
    before = datetime.now(UTC)
    finished = await JobRepository(session).finish(
        job.id, article_id=article.id, attempt=job.attempts
    )
    assert finished is not None and finished.id == job.id
    after = datetime.now(UTC)
    row = await _reload(session, job)
    assert (row.status, row.stage, row.article_id) == ("succeeded", "done", article.id)
    assert row.lease_until is None
    assert row.finished_at is not None and before <= row.finished_at <= after
    assert (row.error_code, row.error_message, row.error_retryable) == (None, None, None)
    assert await _columns(session, bystander) == bystander_columns(bystander)


@pytest.mark.parametrize("retryable", [True, False])
async def test_fail_keeps_the_error_cut_to_2000_characters(
    session: AsyncSession, retryable: bool
) -> None:
    job = await _job(
        session, status="running", stage="fetching", lease_until=datetime.now(UTC) + HOUR
    )
    bystander = await _job(session)
    before = datetime.now(UTC)
    assert await JobRepository(session).fail(
        job.id, code="blocked_address", message=LONG, retryable=retryable, attempt=job.attempts
    )
    after = datetime.now(UTC)
    row = await _reload(session, job)
    assert (row.status, row.stage) == ("failed", "fetching")  # the stage it failed in
    assert row.lease_until is None
    assert row.finished_at is not None and before <= row.finished_at <= after
    assert (row.error_code, row.error_message, row.error_retryable) == (
        "blocked_address",
        "x" * 2000,
        retryable,
    )
    assert await _columns(session, bystander) == bystander_columns(bystander)


async def test_requeue_records_the_failure_and_when_to_retry(session: AsyncSession) -> None:
    job = await _job(
        session, status="running", stage="extracting", lease_until=datetime.now(UTC) + HOUR
    )
    bystander = await _job(session)
    before = datetime.now(UTC)
    await JobRepository(session).requeue(job.id, code="timeout", message=LONG, delay=120)
    after = datetime.now(UTC)
    row = await _reload(session, job)
    assert (row.status, row.stage, row.lease_until) == ("queued", "queued", None)
    assert (row.error_code, row.error_message, row.error_retryable) == (
        "timeout",
        "x" * 2000,
        True,
    )
    assert row.next_attempt_at is not None
    delay = timedelta(seconds=120)
    assert before + delay <= row.next_attempt_at <= after + delay
    assert row.finished_at is None
    assert await _columns(session, bystander) == bystander_columns(bystander)


async def test_queue_id_and_callback_status_are_set_on_one_job(session: AsyncSession) -> None:
    repo = JobRepository(session)
    job, bystander = await _job(session), await _job(session)
    await repo.set_queue_id(job.id, "arq:job:abc")
    await repo.set_callback_status(job.id, "retrying")
    row = await _reload(session, job)
    assert (row.queue_job_id, row.callback_status) == ("arq:job:abc", "retrying")
    assert await _columns(session, bystander) == bystander_columns(bystander)


async def test_stale_looks_at_500_jobs_by_default(session: AsyncSession) -> None:
    due = datetime.now(UTC) - 2 * HOUR
    rows = [{"url": f"https://jobs.test/stale/{n}", "normalized_url": f"n{n}"} for n in range(501)]
    await session.execute(Job.__table__.insert().values(id=func.gen_random_uuid(),
                                                        next_attempt_at=due), rows)  # fmt: skip
    stale = await JobRepository(session).stale(older_than=60)
    assert len(stale) == 500


async def test_stale_orders_by_last_update_not_by_insertion(session: AsyncSession) -> None:
    now = datetime.now(UTC)
    newest = await _job(session, updated_at=now - HOUR)
    middle = await _job(session, updated_at=now - 2 * HOUR)
    oldest = await _job(session, updated_at=now - 3 * HOUR)
    mine = {newest.id, middle.id, oldest.id}
    stale = [job.id for job in await JobRepository(session).stale(older_than=60)]
    assert [job_id for job_id in stale if job_id in mine] == [oldest.id, middle.id, newest.id]


async def test_stale_uses_the_last_update_only_without_a_retry_time(
    session: AsyncSession,
) -> None:
    now = datetime.now(UTC)
    # touched long ago but its retry is due in a minute: not yet lost
    waiting = await _job(session, updated_at=now - HOUR, next_attempt_at=now + timedelta(minutes=1))
    # retry due two minutes ago, older_than one minute: lost
    lost = await _job(session, updated_at=now, next_attempt_at=now - timedelta(minutes=2))
    # retry due half a minute ago: its queue entry may still be on the way
    recent = await _job(session, updated_at=now - HOUR, next_attempt_at=now - timedelta(seconds=30))
    stale = {job.id for job in await JobRepository(session).stale(older_than=60)}
    assert lost.id in stale
    assert not {waiting.id, recent.id} & stale


async def _advisory_keys(session: AsyncSession) -> set[tuple[int, int]]:
    rows = await session.execute(
        text(
            "SELECT classid::bigint, objid::bigint FROM pg_locks "
            "WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND objsubid = 1"
        )
    )
    return {(int(c), int(o)) for c, o in rows}


async def _split_key(session: AsyncSession, scope: str) -> tuple[int, int]:
    """(high, low) 32-bit halves of the advisory lock key of `scope`, as pg_locks shows it."""
    key = int(await session.scalar(text("SELECT hashtextextended(:s, 0)"), {"s": scope}) or 0)
    unsigned = key % (1 << 64)
    return unsigned >> 32, unsigned & 0xFFFFFFFF


@pytest.mark.parametrize("keyed", [False, True])
async def test_submissions_are_serialised_per_caller(session: AsyncSession, keyed: bool) -> None:
    key_id = await _key(session) if keyed else None
    scope = f"claimtrail:pending:{key_id}" if keyed else "claimtrail:pending:anonymous"
    assert await _split_key(session, scope) not in await _advisory_keys(session)
    await JobRepository(session).lock_submissions(key_id)
    assert await _split_key(session, scope) in await _advisory_keys(session)


async def test_count_active_counts_queued_and_running_of_one_caller(
    session: AsyncSession,
) -> None:
    repo = JobRepository(session)
    mine, other = await _key(session), await _key(session)
    anonymous_before = await repo.count_active(None)
    for status in ("queued", "running", "running", "succeeded", "failed"):
        await _job(session, status=status, api_key_id=mine)
    await _job(session, status="queued", api_key_id=other)
    await _job(session, status="queued")
    assert await repo.count_active(mine) == 3
    assert await repo.count_active(other) == 1
    assert await repo.count_active(None) == anonymous_before + 1


async def test_count_by_status(session: AsyncSession) -> None:
    repo = JobRepository(session)
    before = await repo.count_by_status()
    for status in ("queued", "queued", "running", "failed"):
        await _job(session, status=status)
    after = await repo.count_by_status()
    grown = {s: after.get(s, 0) - before.get(s, 0) for s in after}
    assert {s: n for s, n in grown.items() if n} == {"queued": 2, "running": 1, "failed": 1}
    assert await session.scalar(select(func.count()).select_from(Job)) == sum(after.values())
