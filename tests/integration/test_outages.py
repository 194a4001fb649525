"""Redis away or hung: submissions are answered at once and the jobs still run."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from pytest_httpserver import HTTPServer

from app.config import Settings
from tests.integration.conftest import serve_api, stop_process, wait_for_job, worker_process

BODY = (
    "<html><head><title>Vote</title></head><body><article><p>The council approved a "
    "budget of $4 million on Tuesday. It passed by 7 votes to 2.</p></article></body></html>"
)


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
        # The bound is the client's: no answer within 2 s raises ReadTimeout.
        single = await api.post(
            "/v1/articles", json={"url": httpserver.url_for("/page")}, timeout=2
        )
        batch = await api.post(
            "/v1/batches", json={"urls": [httpserver.url_for("/page?n=2")]}, timeout=2
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
