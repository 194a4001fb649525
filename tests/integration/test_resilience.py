"""No job is ever lost: killed workers and a flushed Redis still end with every job done once."""

from __future__ import annotations

import signal

import httpx
from pytest_httpserver import HTTPServer

from app.config import Settings
from app.queue import Queue
from tests.integration.conftest import (
    GatedPage,
    article_rows,
    stop_process,
    wait_for_job,
    worker_process,
)

BODY = (
    "<html><head><title>Budget vote</title></head><body><article><p>The council approved "
    "a budget of $4 million on Tuesday. It passed by 7 votes to 2, officials said.</p>"
    "</article></body></html>"
)


async def test_worker_killed_mid_job_is_finished_by_the_sweep(
    api: httpx.AsyncClient, settings: Settings, httpserver: HTTPServer
) -> None:
    page = GatedPage(httpserver, "/slow", BODY)
    job_id = (await api.post("/v1/articles", json={"url": page.url})).json()["id"]
    # A 15 s lease: the worker's own sweep must not re-run the job while the page is held
    # (a 3 s lease can lapse there on a loaded machine); the rescue waits for it to lapse.
    doomed = worker_process(settings, CLAIMTRAIL_JOB_LEASE_SECONDS="15")
    try:
        await page.wait_entered()  # the worker holds the job, mid-fetch
    finally:
        stop_process(doomed, signal.SIGKILL)
    assert (await api.get(f"/v1/jobs/{job_id}")).json()["status"] == "running"

    page.release()
    # The rescuer takes over once the 15 s lease lapses; its own lease is as long, so a
    # loaded machine does not make it lapse a second time (attempt 3).
    rescuer = worker_process(settings, CLAIMTRAIL_JOB_LEASE_SECONDS="15")
    try:
        job = await wait_for_job(api, job_id, timeout=60)
    finally:
        stop_process(rescuer)
    assert job["status"] == "succeeded", job
    assert job["attempts"] == 2
    assert page.fetches == 2
    assert await article_rows(settings) == 1


async def test_jobs_survive_a_flushed_redis(
    api: httpx.AsyncClient, settings: Settings, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/page", query_string=None).respond_with_data(
        BODY, content_type="text/html"
    )
    ids = []
    for n in range(5):
        response = await api.post("/v1/articles", json={"url": httpserver.url_for(f"/page?n={n}")})
        ids.append(response.json()["id"])

    queue = await Queue.connect(settings.redis_url or "", settings.queue_name)
    try:
        # "Flush" only what belongs to this test run: the queue and its job payloads.
        keys = [settings.queue_name] + [
            k async for k in queue.pool.scan_iter("arq:job:*") if any(i in k.decode() for i in ids)
        ]
        assert len(keys) == 6
        await queue.pool.delete(*keys)
    finally:
        await queue.close()

    worker = worker_process(settings)
    try:
        jobs = [await wait_for_job(api, i, timeout=60) for i in ids]
    finally:
        stop_process(worker)
    assert [j["status"] for j in jobs] == ["succeeded"] * 5
    assert await article_rows(settings) == 5


async def test_purge_forgets_idempotency_keys_after_a_day(settings: Settings) -> None:
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import insert, select

    from app.db import create_engine, session_factory
    from app.models import IdempotencyKey
    from workers.tasks import purge_expired

    engine = create_engine(settings.database_url or "", pool_size=2)
    sessions = session_factory(engine)
    old = datetime.now(UTC) - timedelta(hours=25)
    async with sessions.begin() as session:
        await session.execute(
            insert(IdempotencyKey),
            [
                {
                    "key": "old",
                    "path": "/v1/articles",
                    "request_sha256": "0" * 64,
                    "created_at": old,
                },
                {"key": "new", "path": "/v1/articles", "request_sha256": "0" * 64},
            ],
        )
    try:
        assert await purge_expired({"sessions": sessions}) == 1
        async with sessions() as session:
            assert list(await session.scalars(select(IdempotencyKey.key))) == ["new"]
    finally:
        await engine.dispose()
