"""Faults of the backing services: dropped connections, an unavailable database, Redis
restarted empty, a worker stopped mid-job. No job is lost or run twice."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import uuid

import asyncpg
import httpx
import pytest
from pytest_httpserver import HTTPServer
from redis.asyncio import Redis
from sqlalchemy.engine import make_url

from app.cli.embedded import EmbeddedRedis
from app.config import Settings
from tests.conftest import _asyncpg_dsn
from tests.integration.conftest import (
    GatedPage,
    article_rows,
    serve_api,
    stop_process,
    wait_for_job,
    worker_process,
)
from workers.settings import build_worker, close_worker_context, open_worker_context
from workers.tasks import process_article

BODY = (
    "<html><head><title>Vote</title></head><body><article><p>The council approved a "
    "budget of $4 million on Tuesday. It passed by 7 votes to 2.</p></article></body></html>"
)


async def _admin(settings: Settings) -> asyncpg.Connection:
    dsn, extra = _asyncpg_dsn(settings.database_url or "", "postgres")
    return await asyncpg.connect(dsn, **extra)


def _db_name(settings: Settings) -> str:
    return str(make_url(settings.database_url or "").database)


async def _terminate_backends(admin: asyncpg.Connection, name: str) -> int:
    rows = await admin.fetch(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE datname = $1 AND pid <> pg_backend_pid()",
        name,
    )
    return len(rows)


async def test_terminated_connections_are_replaced_unseen(
    api: httpx.AsyncClient, settings: Settings
) -> None:
    for _ in range(5):
        assert (await api.get("/v1/articles")).status_code == 200
    admin = await _admin(settings)
    try:
        assert await _terminate_backends(admin, _db_name(settings)) >= 1
        # The pool pings a connection before handing it out, so a dead one is replaced
        # before any request can fail on it.
        statuses = [(await api.get("/v1/articles")).status_code for _ in range(10)]
    finally:
        await admin.close()
    assert statuses == [200] * 10


async def test_database_refusing_connections_gives_503_then_recovers(
    api: httpx.AsyncClient, settings: Settings
) -> None:
    assert (await api.get("/v1/articles")).status_code == 200
    admin = await _admin(settings)
    name = _db_name(settings)
    try:
        await admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
        await _terminate_backends(admin, name)
        refused = await api.get("/v1/articles")
    finally:
        await admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
        await admin.close()
    assert refused.status_code == 503, refused.text
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert refused.headers["retry-after"] == "2"
    assert refused.json()["status"] == 503
    assert (await api.get("/v1/articles")).status_code == 200


async def test_database_unavailable_mid_job_then_job_completes(
    api: httpx.AsyncClient, settings: Settings, httpserver: HTTPServer
) -> None:
    admin = await _admin(settings)
    name = _db_name(settings)
    page = GatedPage(httpserver, "/slow", BODY)
    job_id = (await api.post("/v1/articles", json={"url": page.url})).json()["id"]
    redis = Redis.from_url(settings.redis_url or "")
    # A 15 s lease: the worker's own sweep must not re-run the job while the page is held
    # (a 3 s lease can lapse there on a loaded machine); the rescue waits for it to lapse.
    worker = worker_process(settings, CLAIMTRAIL_JOB_LEASE_SECONDS="15")
    try:
        await page.wait_entered()  # the worker holds the job, mid-fetch
        first_attempt = await _queue_job_id(settings, job_id)
        await admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
        await _terminate_backends(admin, name)
        page.release()  # the fetch ends while the database is unreachable
        # The attempt must end on the outage (arq keeps the result of a job that raised)
        # before the database comes back; 60 s bounds a loaded machine.
        for _ in range(600):
            if await redis.exists(f"arq:result:{first_attempt}"):
                break
            await asyncio.sleep(0.1)
        else:
            raise AssertionError("the attempt never ended while the database was away")
        await admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
        job = await wait_for_job(api, job_id, timeout=60)
    finally:
        page.release()
        await admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
        await admin.close()
        await redis.aclose()
        stop_process(worker)
    # The sweep ran it again after the lease lapsed: fetched twice, stored once.
    assert job["status"] == "succeeded", job
    assert job["attempts"] == 2
    assert page.fetches == 2
    assert await article_rows(settings) == 1


async def _queue_job_id(settings: Settings, job_id: str) -> str:
    dsn, extra = _asyncpg_dsn(settings.database_url or "", _db_name(settings))
    conn = await asyncpg.connect(dsn, **extra)
    try:
        return str(
            await conn.fetchval("SELECT queue_job_id FROM jobs WHERE id = $1", uuid.UUID(job_id))
        )
    finally:
        await conn.close()


async def test_redis_restarted_empty_with_200_jobs_queued(
    settings: Settings, httpserver: HTTPServer, tmp_path
) -> None:
    httpserver.expect_request("/p").respond_with_data(BODY, content_type="text/html")
    redis = EmbeddedRedis(tmp_path / "redis")
    own = settings.model_copy(update={"redis_url": redis.start()})
    try:
        async with serve_api(own) as api:
            urls = [httpserver.url_for(f"/p?n={n}") for n in range(200)]
            batch = (await api.post("/v1/batches", json={"urls": urls})).json()
            redis.stop()
            (tmp_path / "redis" / "appendonly.aof").unlink(missing_ok=True)
            for leftover in (tmp_path / "redis").glob("*.rdb"):
                leftover.unlink()
            redis.start(port=redis.port)
            worker = worker_process(own, CLAIMTRAIL_WORKER_MAX_JOBS="20")
            try:
                for _ in range(1200):
                    state = (await api.get(f"/v1/batches/{batch['id']}")).json()
                    if state["done"]:
                        break
                    await asyncio.sleep(0.1)
            finally:
                stop_process(worker)
    finally:
        redis.stop()
    assert state["counts"] == {"queued": 0, "running": 0, "succeeded": 200, "failed": 0}
    assert await article_rows(settings) == 200


async def test_worker_sigterm_mid_job_completes_exactly_once(
    api: httpx.AsyncClient, settings: Settings, httpserver: HTTPServer
) -> None:
    page = GatedPage(httpserver, "/slow", BODY)
    job_id = (await api.post("/v1/articles", json={"url": page.url})).json()["id"]
    # A 15 s lease: the worker's own sweep must not re-run the job while the page is held.
    first = worker_process(settings, CLAIMTRAIL_JOB_LEASE_SECONDS="15")
    try:
        await page.wait_entered()  # the worker holds the job, mid-fetch
    finally:
        stop_process(first, signal.SIGTERM)
    interrupted = (await api.get(f"/v1/jobs/{job_id}")).json()
    assert interrupted["status"] == "queued" and interrupted["error"]["code"] == "interrupted"
    page.release()
    second = worker_process(settings)
    try:
        job = await wait_for_job(api, job_id, timeout=60)
    finally:
        stop_process(second)
    assert job["status"] == "succeeded" and job["attempts"] == 2
    assert page.fetches == 2
    assert await article_rows(settings) == 1


async def test_cancel_while_claiming_hands_the_claimed_job_back(
    api: httpx.AsyncClient, settings: Settings, httpserver: HTTPServer
) -> None:
    # A stop can land after the claim committed but before the job function sees it.
    httpserver.expect_request("/p").respond_with_data(BODY, content_type="text/html")
    job_id = (await api.post("/v1/articles", json={"url": httpserver.url_for("/p")})).json()["id"]
    ctx: dict[str, object] = {"settings": settings}
    await open_worker_context(ctx)
    admin = await _admin(settings)
    dsn, extra = _asyncpg_dsn(settings.database_url or "", _db_name(settings))
    locker = await asyncpg.connect(dsn, **extra)
    try:
        holding = locker.transaction()
        await holding.start()
        await locker.execute("SELECT 1 FROM jobs WHERE id = $1 FOR UPDATE", uuid.UUID(job_id))
        task = asyncio.create_task(process_article(ctx, job_id))
        for _ in range(100):  # wait until the claim is blocked on our row lock
            waiting = await admin.fetchval(
                "SELECT count(*) FROM pg_locks WHERE NOT granted AND locktype = 'transactionid'"
            )
            if waiting:
                break
            await asyncio.sleep(0.05)
        task.cancel()
        await holding.rollback()  # the claim now commits, after its task was cancelled
        with pytest.raises(asyncio.CancelledError):
            await task
    finally:
        await locker.close()
        await admin.close()
        await close_worker_context(ctx)
    job = (await api.get(f"/v1/jobs/{job_id}")).json()
    assert (job["status"], job["error"]["code"], job["attempts"]) == ("queued", "interrupted", 1)


async def test_stopping_waits_for_a_job_to_hand_back_its_claim(
    api: httpx.AsyncClient, settings: Settings, httpserver: HTTPServer
) -> None:
    page = GatedPage(httpserver, "/slow", BODY)
    job_id = (await api.post("/v1/articles", json={"url": page.url})).json()["id"]
    # A 15 s lease: the worker's own sweep must not re-run the job while the page is held.
    patient = settings.model_copy(update={"job_lease_seconds": 15.0})
    worker = build_worker(patient, handle_signals=False, poll_delay=0.05)
    running = asyncio.create_task(worker.main())
    try:
        await page.wait_entered()  # the job is running, mid-fetch
        # Another job that ends as cancelled at once (a sweep caught mid-finish) must not
        # cut the shutdown short while this one hands its claim back.
        worker.tasks["cancelled-at-once"] = asyncio.create_task(asyncio.sleep(3600))
    finally:
        running.cancel()  # stop polling; close() then cancels the jobs themselves
        with contextlib.suppress(asyncio.CancelledError):
            await running
        await worker.close()
        page.release()
    job = (await api.get(f"/v1/jobs/{job_id}")).json()
    assert (job["status"], job["error"]["code"]) == ("queued", "interrupted")
