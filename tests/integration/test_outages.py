"""Redis away or hung: submissions are answered at once and the jobs still run."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from pytest_httpserver import HTTPServer
from sqlalchemy import select
from sqlalchemy.ext.asyncio import create_async_engine

from app.api.ratelimit import REDIS_TIMEOUT
from app.cli.embedded import EmbeddedRedis
from app.config import Settings
from app.jobs.dispatch import ENQUEUE_TIMEOUT
from app.models import Job
from tests.integration.conftest import (
    GatedPage,
    serve_api,
    stop_process,
    wait_for_job,
    worker_process,
)

BODY = (
    "<html><head><title>Vote</title></head><body><article><p>The council approved a "
    "budget of $4 million on Tuesday. It passed by 7 votes to 2.</p></article></body></html>"
)


# A submit waits on a hung Redis for at most the limiter's and the enqueue's timeouts; the
# rest is slack for a first request on a machine running the suite on both cores (a 2 s bound
# was once exceeded there). A submit that hangs on Redis still fails.
ANSWER_BOUND = REDIS_TIMEOUT + ENQUEUE_TIMEOUT + 2.5


@asynccontextmanager
async def hung_redis() -> AsyncIterator[str]:
    """A loopback TCP server that accepts connections and never answers: a stopped Redis."""
    held: list[asyncio.StreamWriter] = []

    async def swallow(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        held.append(writer)
        while await reader.read(4096):
            pass

    server = await asyncio.start_server(swallow, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        for writer in held:
            writer.close()
        server.close()


async def test_submit_with_a_hung_redis_is_answered_and_the_sweep_runs_the_job(
    settings: Settings, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/page").respond_with_data(BODY, content_type="text/html")
    async with (
        hung_redis() as url,
        serve_api(settings.model_copy(update={"redis_url": url})) as api,
    ):
        # The bound is the client's: no answer within ANSWER_BOUND s raises ReadTimeout.
        single = await api.post(
            "/v1/articles", json={"url": httpserver.url_for("/page")}, timeout=ANSWER_BOUND
        )
        batch = await api.post(
            "/v1/batches",
            json={"urls": [httpserver.url_for("/page?n=2")]},
            timeout=ANSWER_BOUND,
        )
        ready = await api.get("/readyz", timeout=5)
    assert single.status_code == 202, single.text
    assert batch.status_code == 202, batch.text
    assert ready.status_code == 503
    ids = [single.json()["id"], *[job["id"] for job in batch.json()["jobs"]]]
    # The jobs were committed but never reached a queue: the sweep of a worker on the
    # real Redis finds and sends them.
    worker = worker_process(settings)
    try:
        async with serve_api(settings) as api:
            jobs = [await wait_for_job(api, job_id, timeout=90) for job_id in ids]
    finally:
        stop_process(worker)
    assert [job["status"] for job in jobs] == ["succeeded", "succeeded"]


async def test_redis_refusing_connections_still_gets_a_202(
    settings: Settings, httpserver: HTTPServer
) -> None:
    from app.cli.embedded import free_port

    refused = settings.model_copy(update={"redis_url": f"redis://127.0.0.1:{free_port()}/0"})
    async with serve_api(refused) as api:
        response = await api.post("/v1/articles", json={"url": httpserver.url_for("/x")}, timeout=2)
    assert response.status_code == 202, response.text
    assert response.json()["status"] == "queued"


async def test_worker_rides_out_a_redis_outage_without_exiting(
    settings: Settings, httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/page").respond_with_data(BODY, content_type="text/html")
    redis = EmbeddedRedis(tmp_path / "redis")
    own = settings.model_copy(update={"redis_url": redis.start()})
    worker = worker_process(own)
    try:
        async with serve_api(own) as api:
            first = await api.post("/v1/articles", json={"url": httpserver.url_for("/page")})
            assert (await wait_for_job(api, first.json()["id"], timeout=90))[
                "status"
            ] == "succeeded"
            redis.stop()
            # Long enough for many polls (every 0.5 s) to fail; arq alone exits on the first.
            await asyncio.sleep(4)
            assert worker.poll() is None, "the worker exited while Redis was away"
            redis.start(port=redis.port)
            url = httpserver.url_for("/page?n=2")
            second = await api.post("/v1/articles", json={"url": url}, timeout=5)
            job = await wait_for_job(api, second.json()["id"], timeout=90)
        assert job["status"] == "succeeded", job
        assert worker.poll() is None  # the same process did it
    finally:
        stop_process(worker)
        redis.stop()


async def test_a_long_fetch_keeps_its_lease_so_the_sweep_leaves_it_alone(
    api: httpx.AsyncClient, settings: Settings, httpserver: HTTPServer
) -> None:
    page = GatedPage(httpserver, "/slow", BODY)
    job_id = (await api.post("/v1/articles", json={"url": page.url})).json()["id"]
    worker = worker_process(settings)  # 3 s lease, sweep every second
    engine = create_async_engine(settings.database_url or "")
    try:
        await page.wait_entered()
        async with engine.connect() as conn:
            query = select(Job.lease_until).where(Job.id == uuid.UUID(job_id))
            first_lease = await conn.scalar(query)
            assert first_lease is not None
            # Hold the page until the first lease is long past: unrenewed, the sweep would
            # have handed the job to a second run by now.
            while datetime.now(UTC) < first_lease + timedelta(seconds=4):
                await asyncio.sleep(0.2)
            renewed = await conn.scalar(query)
        page.release()
        job = await wait_for_job(api, job_id, timeout=60)
    finally:
        page.release()
        stop_process(worker)
        await engine.dispose()
    assert renewed is not None and renewed > first_lease
    assert job["status"] == "succeeded" and job["attempts"] == 1, job
    assert page.fetches == 1
