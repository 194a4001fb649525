"""A job run again over what it already stored leaves every table as one run left it.

A job's rows and its `succeeded` commit in one transaction, so a worker killed right
after that commit leaves nothing to redo. What does run a job again over stored rows is
a lapsed lease: a worker stalled or killed mid-job leaves the job `running` with a lease
in the past, and the sweep of any worker hands it out again, even though an earlier
attempt already stored the article, or a stalled worker wakes and stores it a second
time. The first test builds that state after a real first run and lets a new worker
process's sweep re-run it; the second stalls a real worker (SIGSTOP) mid-fetch, lets a
second worker run the job to the end, then wakes the first, which finds its attempt
superseded and drops its result. Both count every row the pipeline writes.
"""

from __future__ import annotations

import asyncio
import os
import signal
import uuid
from collections import Counter

import httpx
from arq.jobs import Job as QueueEntry
from pytest_httpserver import HTTPServer
from redis.asyncio import Redis
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import create_async_engine

from app.config import Settings
from app.models import Article, ArticleSource, Citation, Job, Sentence, Source, Verification
from app.queue import deserialize
from tests.integration.conftest import (
    GatedPage,
    run_worker,
    stop_process,
    wait_for_job,
    worker_process,
)

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
    api: httpx.AsyncClient, settings: Settings, corpus_server: HTTPServer
) -> None:
    # dev-08 has claims citing sources, so every table gets rows, verdicts included.
    url = corpus_server.url_for("/dev-08.html")
    job_id = (await api.post("/v1/articles", json={"url": url, "verify": True})).json()["id"]
    # Burst: the article job, then the verification it queues; a 30 s lease so a loaded
    # machine does not let this worker's own sweep take the job over mid-extraction.
    await run_worker(settings.model_copy(update={"job_lease_seconds": 30.0}))
    first_job = await wait_for_job(api, job_id)
    assert first_job["status"] == "succeeded" and first_job["attempts"] == 1, first_job
    article_id = first_job["article_id"]
    assert await _verification_runs(settings, article_id) == 1
    first, first_verdicts = await _snapshot(settings)
    assert all(first.values()), first  # an empty table would make the comparison vacuous

    await _lapse_lease(settings, job_id)
    # Its sweep runs at start-up, then every second; the lapsed lease is the one set above.
    rescuer = worker_process(settings, CLAIMTRAIL_JOB_LEASE_SECONDS="15")
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


async def _queue_job_id(settings: Settings, job_id: str) -> str:
    engine = create_async_engine(settings.database_url or "")
    try:
        async with engine.connect() as conn:
            query = select(Job.queue_job_id).where(Job.id == uuid.UUID(job_id))
            return str(await conn.scalar(query))
    finally:
        await engine.dispose()


async def _wait_for_result(settings: Settings, queue_job_id: str) -> object:
    """What one queue entry's job function returned; 60 s bounds a loaded machine."""
    redis = Redis.from_url(settings.redis_url or "")
    try:
        entry = QueueEntry(queue_job_id, redis, _deserializer=deserialize)
        for _ in range(600):
            info = await entry.result_info()
            if info is not None:
                return info.result
            await asyncio.sleep(0.1)
        raise AssertionError(f"{queue_job_id} never ended")
    finally:
        await redis.aclose()


async def test_a_stalled_worker_storing_after_another_duplicates_nothing(
    api: httpx.AsyncClient, settings: Settings, httpserver: HTTPServer
) -> None:
    # Two cited claims, so sentences, citations, sources and article_sources all get rows.
    body = (
        "<html><head><title>Budget vote</title></head><body><article>"
        "<p>The council approved a budget of $4 million on Tuesday, "
        '<a href="https://minutes.example.org/2026-03.pdf">the minutes show</a>.</p>'
        "<p>The plan cuts bus fares by 20 percent from March, "
        '<a href="https://transit.example.org/fares">the transit agency said</a>.</p>'
        "</article></body></html>"
    )
    page = GatedPage(httpserver, "/story", body)
    job_id = (await api.post("/v1/articles", json={"url": page.url})).json()["id"]
    # The stalled worker must not give up on its fetch while stopped: a long deadline.
    stalled = worker_process(settings, CLAIMTRAIL_FETCH_DEADLINE="300")
    rescuer = None
    try:
        await page.wait_entered()  # the first worker holds the job, mid-fetch
        os.killpg(stalled.pid, signal.SIGSTOP)  # and its extraction process with it
        first_attempt = await _queue_job_id(settings, job_id)
        page.release()  # its answer waits in the socket until the worker wakes
        # Its 3 s lease lapses; the second worker's sweep runs the job to the end, under a
        # 15 s lease of its own so a loaded machine does not make it lapse a second time.
        rescuer = worker_process(settings, CLAIMTRAIL_JOB_LEASE_SECONDS="15")
        rescued = await wait_for_job(api, job_id, timeout=90)
        assert rescued["status"] == "succeeded" and rescued["attempts"] == 2, rescued
        stop_process(rescuer)
        once, _ = await _snapshot(settings)
        os.killpg(stalled.pid, signal.SIGCONT)
        # The woken worker reads the page, then finds its attempt superseded: it drops the
        # result instead of storing over the rescuer's rows or moving the job's stage.
        assert await _wait_for_result(settings, first_attempt) == "lease-lost"
    finally:
        page.release()
        if stalled.poll() is None:
            os.killpg(stalled.pid, signal.SIGCONT)
        stop_process(stalled)
        if rescuer is not None:
            stop_process(rescuer)

    assert page.fetches == 2
    assert once["articles"] == 1 and once["sentences"] >= 2, once
    assert once["citations"] >= 2 and once["sources"] == once["article_sources"] == 2, once
    twice, _ = await _snapshot(settings)
    assert twice == once
    job = (await api.get(f"/v1/jobs/{job_id}")).json()
    assert job["status"] == "succeeded" and job["article_id"] == rescued["article_id"]
