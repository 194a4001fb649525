"""A job run again over what it already stored leaves every table as one run left it.

A job's rows and its `succeeded` commit in one transaction, so a worker killed right
after that commit leaves nothing to redo. What does run a job again over stored rows is
a lapsed lease: a worker stalled or killed mid-job leaves the job `running` with a lease
in the past, and the sweep of any worker hands it out again, even though an earlier
attempt already stored the article (or a stalled worker wakes and stores it twice). The
test builds that state after a real first run and lets a new worker process's sweep
re-run it, then counts every row the pipeline writes.
"""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter

import httpx
from pytest_httpserver import HTTPServer
from redis.asyncio import Redis
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import create_async_engine

from app.config import Settings
from app.models import Article, ArticleSource, Citation, Job, Sentence, Source, Verification
from tests.integration.conftest import stop_process, wait_for_job, worker_process

TABLES = (Article, Sentence, Citation, Source, ArticleSource, Verification)


async def _snapshot(settings: Settings) -> tuple[dict[str, int], Counter[str]]:
    """Rows per table, and the verdicts by status."""
    engine = create_async_engine(settings.database_url or "")
    try:
        async with engine.connect() as conn:
            counts = {
                model.__tablename__: int(
                    await conn.scalar(select(func.count()).select_from(model)) or 0
                )
                for model in TABLES
            }
            statuses = Counter((await conn.scalars(select(Verification.status))).all())
    finally:
        await engine.dispose()
    return counts, statuses


async def _lapse_lease(settings: Settings, job_id: str) -> None:
    """Leave the job as a worker killed mid-run does: running, its lease run out."""
    engine = create_async_engine(settings.database_url or "")
    try:
        async with engine.begin() as conn:
            await conn.execute(
                update(Job)
                .where(Job.id == uuid.UUID(job_id))
                .values(
                    status="running",
                    stage="storing",
                    lease_until=func.now() - func.make_interval(0, 0, 0, 0, 0, 0, 5),
                    finished_at=None,
                )
            )
    finally:
        await engine.dispose()


async def _verification_runs(settings: Settings, article_id: str) -> int:
    """How many verification jobs of the article have ended (arq keeps each result 60 s)."""
    redis = Redis.from_url(settings.redis_url or "")
    try:
        return len([key async for key in redis.scan_iter(f"arq:result:verify:{article_id}:*")])
    finally:
        await redis.aclose()


async def test_rerun_over_stored_rows_duplicates_nothing(
    api: httpx.AsyncClient, worker, settings: Settings, corpus_server: HTTPServer
) -> None:
    # dev-08 has claims citing sources, so every table gets rows, verdicts included.
    url = corpus_server.url_for("/dev-08.html")
    job_id = (await api.post("/v1/articles", json={"url": url, "verify": True})).json()["id"]
    await worker()  # burst: the article job, then the verification it queues
    first_job = await wait_for_job(api, job_id)
    assert first_job["status"] == "succeeded" and first_job["attempts"] == 1, first_job
    article_id = first_job["article_id"]
    assert await _verification_runs(settings, article_id) == 1
    first, first_verdicts = await _snapshot(settings)
    assert all(first.values()), first  # an empty table would make the comparison vacuous

    await _lapse_lease(settings, job_id)
    rescuer = worker_process(settings)  # its sweep runs at start-up, then every second
    try:
        again = await wait_for_job(api, job_id, timeout=90)
        assert again["status"] == "succeeded" and again["attempts"] == 2, again
        # The re-run deleted and re-wrote the sentences (their verdicts go with them) and
        # queued a fresh verification: wait for it to end, bounded for a loaded machine.
        for _ in range(900):
            if await _verification_runs(settings, article_id) == 2:
                break
            await asyncio.sleep(0.1)
        else:
            raise AssertionError("the re-run's verification never ended")
    finally:
        stop_process(rescuer)

    assert again["article_id"] == article_id  # the same article, updated in place
    second, second_verdicts = await _snapshot(settings)
    assert second == first
    assert second_verdicts == first_verdicts
