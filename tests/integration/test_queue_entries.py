"""What a queue entry carries: the job's URL, so the worker takes the host slot unread;
entries of the older shape (the job id alone) still run."""

from __future__ import annotations

import uuid

import httpx
from pytest_httpserver import HTTPServer

from app.config import Settings
from app.queue import PROCESS_ARTICLE, Queue
from tests.integration.conftest import run_worker, wait_for_job

BODY = (
    "<html><body><article><p>The council approved 12 new homes in 2024.</p></article></body></html>"
)


async def _queued_args(queue: Queue) -> list[tuple[object, ...]]:
    return [tuple(job.args) for job in await queue.pool.queued_jobs(queue_name=queue.queue_name)]


async def test_a_submitted_job_is_queued_with_its_url(
    api: httpx.AsyncClient, settings: Settings, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/page").respond_with_data(BODY, content_type="text/html")
    url = httpserver.url_for("/page")
    job_id = (await api.post("/v1/articles", json={"url": url})).json()["id"]
    queue = await Queue.connect(settings.redis_url or "", settings.queue_name)
    try:
        assert await _queued_args(queue) == [(job_id, url)]
    finally:
        await queue.close()
    await run_worker(settings)
    assert (await wait_for_job(api, job_id))["status"] == "succeeded"


async def test_an_entry_without_the_url_reads_it_from_the_job(
    api: httpx.AsyncClient, settings: Settings, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/page").respond_with_data(BODY, content_type="text/html")
    job_id = (await api.post("/v1/articles", json={"url": httpserver.url_for("/page")})).json()[
        "id"
    ]
    queue = await Queue.connect(settings.redis_url or "", settings.queue_name)
    try:
        await queue.pool.delete(settings.queue_name)  # drop the new-shape entry ...
        await queue.pool.enqueue_job(  # ... and queue one as an older release did
            PROCESS_ARTICLE, job_id, _job_id=f"old:{uuid.uuid4()}", _queue_name=queue.queue_name
        )
        assert await _queued_args(queue) == [(job_id,)]
    finally:
        await queue.close()
    await run_worker(settings)
    job = await wait_for_job(api, job_id)
    assert job["status"] == "succeeded", job
    assert job["attempts"] == 1
