"""The worker's plain-SQL job transitions (`claim_job`, `set_job_stage`, `finish_job`) leave
exactly the rows the ORM's `JobRepository.claim`, `set_stage` and `finish` leave, on twin jobs
in one rolled-back transaction of the real database."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import pytest
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine

from app.jobs.repository import JobRepository, claim_job, finish_job, set_job_stage
from app.models import Article, Job

_SAME = ("status", "stage", "attempts", "article_id", "error_code", "error_message",
         "error_retryable", "next_attempt_at")  # fmt: skip
_TIMES = ("lease_until", "started_at", "finished_at", "updated_at")


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


async def _driver(session: AsyncSession) -> asyncpg.Connection:
    raw = await (await session.connection()).get_raw_connection()
    assert raw.driver_connection is not None
    return raw.driver_connection


async def _twins(session: AsyncSession, **columns: Any) -> tuple[uuid.UUID, uuid.UUID]:
    ids = []
    for _ in range(2):
        url = f"https://jobs.test/{uuid.uuid4().hex}"
        job = await JobRepository(session).add(Job(url=url, normalized_url=url, **columns))
        session.expunge(job)
        ids.append(job.id)
    return ids[0], ids[1]


async def _row(session: AsyncSession, job_id: uuid.UUID) -> Job:
    job = await session.get(Job, job_id, populate_existing=True)
    assert job is not None
    return job


def _alike(orm: Job, sql: Job) -> None:
    for column in _SAME:
        assert getattr(orm, column) == getattr(sql, column), column
    for column in _TIMES:  # both set or both unset, within the test's own few seconds
        a, b = getattr(orm, column), getattr(sql, column)
        assert (a is None) == (b is None), column
        assert a is None or abs(a - b) < timedelta(seconds=5), column


async def test_claim_stage_and_finish_leave_the_rows_the_orm_leaves(
    session: AsyncSession,
) -> None:
    repo, driver = JobRepository(session), await _driver(session)
    orm_id, sql_id = await _twins(session, next_attempt_at=datetime.now(UTC) - timedelta(hours=1))

    orm, sql = await repo.claim(orm_id, lease=30), await claim_job(driver, sql_id, lease=30)
    assert orm is not None and sql is not None and sql.id == sql_id
    _alike(orm, sql)
    assert await repo.claim(orm_id, lease=30) is None  # held: neither claims it twice
    assert await claim_job(driver, sql_id, lease=30) is None

    assert await repo.set_stage(orm_id, "extracting", lease=60, attempt=1)
    assert await set_job_stage(driver, sql_id, "extracting", lease=60, attempt=1)
    assert not await repo.set_stage(orm_id, "storing", lease=60, attempt=2)  # a lost lease
    assert not await set_job_stage(driver, sql_id, "storing", lease=60, attempt=2)
    _alike(await _row(session, orm_id), await _row(session, sql_id))

    article = Article(url=f"https://articles.test/{uuid.uuid4().hex}", text="t")
    session.add(article)
    await session.flush()
    assert await repo.finish(orm_id, article_id=article.id, attempt=2) is None
    assert await finish_job(driver, sql_id, article_id=article.id, attempt=2) is None
    orm = await repo.finish(orm_id, article_id=article.id, attempt=1)
    sql = await finish_job(driver, sql_id, article_id=article.id, attempt=1)
    assert orm is not None and sql is not None
    _alike(orm, sql)
    _alike(await _row(session, orm_id), await _row(session, sql_id))
    assert (sql.status, sql.stage, sql.article_id) == ("succeeded", "done", article.id)
