"""The running service for integration tests: real API over loopback HTTP, real arq workers."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
import uvicorn
from pytest_httpserver import HTTPServer
from redis.asyncio import Redis
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import create_async_engine
from werkzeug import Request, Response

from app.cli.embedded import free_port
from app.config import Settings
from app.main import create_app
from app.models import Article
from tests.conftest import DEV, REPO
from workers.settings import build_worker

TABLES = (
    "citations, sentences, article_sources, sources, articles, jobs, batches, "
    "idempotency_keys, api_keys"
)


@pytest.fixture(autouse=True)
async def clean_database(database_url: str) -> None:
    """Every integration test starts from empty tables."""
    engine = create_async_engine(database_url)
    async with engine.begin() as conn:
        await conn.execute(text(f"TRUNCATE {TABLES} RESTART IDENTITY CASCADE"))
    await engine.dispose()


@pytest.fixture(autouse=True)
async def clean_redis(redis_url: str, redis_prefix: str) -> None:
    """Every integration test starts without our Redis keys: a worker killed by an earlier
    test leaves its host-fetch slot leased for a minute, which the next fetch would wait out."""
    client = Redis.from_url(redis_url)
    try:
        keys = [key async for key in client.scan_iter(match=f"{redis_prefix}*", count=1000)]
        if keys:
            await client.delete(*keys)
    finally:
        await client.aclose()


@pytest.fixture
async def api(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """The API served by uvicorn on a loopback port, and a client for it."""
    async with serve_api(settings) as client:
        yield client


@asynccontextmanager
async def serve_api(settings: Settings, **options: Any) -> AsyncIterator[httpx.AsyncClient]:
    """Serve `create_app(settings, **options)` with uvicorn on a free loopback port."""
    port = free_port()
    app = create_app(settings, **options)
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:
        if task.done():
            task.result()
        await asyncio.sleep(0.02)
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
        yield client
    server.should_exit = True
    await task


async def run_worker(settings: Settings, **overrides: object) -> None:
    """Run a real arq worker until the queue is empty (burst mode)."""
    options = {"burst": True, "poll_delay": 0.05, "handle_signals": False} | overrides
    worker = build_worker(settings, **options)
    try:
        await worker.main()
    finally:
        await worker.close()


@pytest.fixture
def worker(settings: Settings):  # type: ignore[no-untyped-def]
    """Call to drain the queue with a real worker."""

    async def _run(**overrides: object) -> None:
        await run_worker(settings, **overrides)

    return _run


@pytest.fixture(scope="session")
def corpus_server() -> Iterator[HTTPServer]:
    """The dev corpus served over loopback HTTP with {{BASE}} filled in."""
    server = HTTPServer(host="127.0.0.1", port=free_port())
    server.start()
    base = server.url_for("").rstrip("/")
    dev = DEV
    for page in sorted(dev.glob("*.html")) + sorted((dev / "sources").glob("*.html")):
        route = "/" + str(page.relative_to(dev))
        body = page.read_text(encoding="utf-8").replace("{{BASE}}", base)
        server.expect_request(route).respond_with_data(
            body, content_type="text/html; charset=utf-8"
        )
    yield server
    server.clear()
    if server.is_running():
        server.stop()


async def wait_for_job(api: httpx.AsyncClient, job_id: str, timeout: float = 60) -> dict:  # type: ignore[type-arg]
    """Poll a job until it ends."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        job = (await api.get(f"/v1/jobs/{job_id}")).json()
        if job["status"] in ("succeeded", "failed"):
            return job  # type: ignore[no-any-return]
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"job did not finish: {job}")
        await asyncio.sleep(0.1)


def worker_process(settings: Settings, **extra: str) -> subprocess.Popen[bytes]:
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
            "CLAIMTRAIL_EXTRACT_TIMEOUT": str(settings.extract_timeout),
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


def stop_process(process: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    if process.poll() is None:
        os.killpg(process.pid, sig)
    process.wait(30)


async def article_rows(settings: Settings) -> int:
    engine = create_async_engine(settings.database_url or "")
    async with engine.connect() as conn:
        count = await conn.scalar(select(func.count()).select_from(Article))
    await engine.dispose()
    return int(count or 0)


class GatedPage:
    """A page that answers only once the test releases it: no race with a slow worker.

    `entered` is set when a fetch of it arrives, so the job is `running` and its worker is
    mid-fetch for as long as the test needs; later fetches answer at once after `release`.
    """

    def __init__(self, httpserver: HTTPServer, path: str, body: str) -> None:
        self.entered, self.released = threading.Event(), threading.Event()
        self.body, self.fetches = body, 0
        self.url = httpserver.url_for(path)
        httpserver.expect_request(path).respond_with_handler(self._respond)

    def _respond(self, _: Request) -> Response:
        self.fetches += 1
        self.entered.set()
        # Bounded so a failed test cannot hang the server's teardown; tests release sooner.
        self.released.wait(GATE_SECONDS)
        return Response(self.body, content_type="text/html")

    async def wait_entered(self) -> None:
        """Until a worker is fetching the page: it must first start (60 s on a loaded box)."""
        assert await asyncio.to_thread(self.entered.wait, 60), "no worker fetched the page"

    def release(self) -> None:
        self.released.set()


GATE_SECONDS = 90


async def process_url(api: httpx.AsyncClient, worker, url: str, **body: object) -> dict:  # type: ignore[no-untyped-def, type-arg]
    """Submit a URL, drain the queue with a real worker, return the stored article."""
    job = (await api.post("/v1/articles", json={"url": url, **body})).json()
    await worker()
    done = await wait_for_job(api, job["id"])
    assert done["status"] == "succeeded", done
    return (await api.get(f"/v1/articles/{done['article_id']}")).json()  # type: ignore[no-any-return]
