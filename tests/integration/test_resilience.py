"""No job is ever lost: killed workers and a flushed Redis still end with every job done once."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time

import httpx
from pytest_httpserver import HTTPServer
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import create_async_engine
from werkzeug import Request, Response

from app.config import Settings
from app.models import Article
from app.queue import Queue
from tests.conftest import REPO
from tests.integration.conftest import wait_for_job

BODY = (
    "<html><head><title>Budget vote</title></head><body><article><p>The council approved "
    "a budget of $4 million on Tuesday. It passed by 7 votes to 2, officials said.</p>"
    "</article></body></html>"
)


def _worker_process(settings: Settings, **extra: str) -> subprocess.Popen[bytes]:
    env = dict(os.environ)
    env.update(
        {
            "DATABASE_URL": settings.database_url or "",
            "REDIS_URL": settings.redis_url or "",
            "CLAIMTRAIL_REDIS_PREFIX": settings.redis_prefix,
            "CLAIMTRAIL_FETCH_ALLOW_PRIVATE": "true",
            "CLAIMTRAIL_JOB_LEASE_SECONDS": "3",
            "CLAIMTRAIL_SWEEP_EVERY_SECONDS": "1",
            "CLAIMTRAIL_EXTRACT_PROCESSES": "1",
            "CLAIMTRAIL_LOG_JSON": "false",
            **extra,
        }
    )
    return subprocess.Popen(
        [sys.executable, "-m", "app.cli", "worker"],
        cwd=REPO,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _stop(process: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    if process.poll() is None:
        os.killpg(process.pid, sig)
    process.wait(30)


async def _article_rows(settings: Settings) -> int:
    engine = create_async_engine(settings.database_url or "")
    async with engine.connect() as conn:
        count = await conn.scalar(select(func.count()).select_from(Article))
    await engine.dispose()
    return int(count or 0)


async def _wait_running(api: httpx.AsyncClient, job_id: str) -> None:
    for _ in range(300):
        job = (await api.get(f"/v1/jobs/{job_id}")).json()
        if job["status"] == "running":
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"job never started: {job}")


async def test_worker_killed_mid_job_is_finished_by_the_sweep(
    api: httpx.AsyncClient, settings: Settings, httpserver: HTTPServer
) -> None:
    def slow(_: Request) -> Response:
        time.sleep(2)
        return Response(BODY, content_type="text/html")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    job_id = (await api.post("/v1/articles", json={"url": httpserver.url_for("/slow")})).json()[
        "id"
    ]
    doomed = _worker_process(settings)
    try:
        await _wait_running(api, job_id)
    finally:
        _stop(doomed, signal.SIGKILL)
    assert (await api.get(f"/v1/jobs/{job_id}")).json()["status"] == "running"

    rescuer = _worker_process(settings)
    try:
        job = await wait_for_job(api, job_id, timeout=60)
    finally:
        _stop(rescuer)
    assert job["status"] == "succeeded", job
    assert job["attempts"] == 2
    assert await _article_rows(settings) == 1


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

    worker = _worker_process(settings)
    try:
        jobs = [await wait_for_job(api, i, timeout=60) for i in ids]
    finally:
        _stop(worker)
    assert [j["status"] for j in jobs] == ["succeeded"] * 5
    assert await _article_rows(settings) == 5
