"""A worker in a dead worker's place takes its host slots at once; a live worker's never."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from redis.asyncio import Redis

from app.config import Settings
from app.fetch.host_slots import slot_key
from tests.integration.conftest import stop_process, wait_for_job, worker_process
from workers.fetching import HostSlot
from workers.settings import close_worker_context, open_worker_context

URL = "http://slots.test/page"


async def _worker(settings: Settings) -> dict[str, Any]:
    ctx: dict[str, Any] = {"settings": settings}
    await open_worker_context(ctx)
    return ctx


async def test_a_replacement_worker_frees_the_dead_ones_slots(
    settings: Settings, tmp_path: Path
) -> None:
    settings = settings.model_copy(update={"worker_lock_dir": tmp_path, "fetch_per_host": 2})
    dead = await _worker(settings)
    for _ in range(2):
        assert await HostSlot(dead, URL).try_take()
    live = await _worker(settings)  # another worker, alive beside it: the host is full
    try:
        assert live["slot_holder"].lineage != dead["slot_holder"].lineage
        assert not await HostSlot(live, URL).try_take()
        # The first worker dies holding both slots (their 60 s leases run on), and a new
        # process starts in its place.
        await close_worker_context(dead)
        replacement = await _worker(settings)
        try:
            assert replacement["slot_holder"].lineage == dead["slot_holder"].lineage
            taken = [HostSlot(replacement, URL), HostSlot(live, URL)]
            assert [await slot.try_take() for slot in taken] == [True, True]
            assert not await HostSlot(replacement, URL).try_take()  # two, not more
            for slot in taken:
                await slot.release()
        finally:
            await close_worker_context(replacement)
    finally:
        await close_worker_context(live)


BODY = (
    b"<html><head><title>Budget vote</title></head><body><article><p>The council approved "
    b"a budget of $4 million on Tuesday. It passed by 7 votes to 2, officials said.</p>"
    b"</article></body></html>"
)


class _Site(ThreadingHTTPServer):
    """One host, many fetches at once: /slow-* answer once released, others at once."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Page)
        self.released = threading.Event()
        self.slow_fetches: list[str] = []
        self.fast_fetched: list[float] = []

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"


class _Page(BaseHTTPRequestHandler):
    server: _Site

    def do_GET(self) -> None:
        if self.path.startswith("/slow-"):
            self.server.slow_fetches.append(self.path)
            self.server.released.wait(90)  # bounded: a failed test must not hang teardown
        elif self.path == "/fast":
            self.server.fast_fetched.append(time.monotonic())
        else:
            self.send_error(404)
            return
        with contextlib.suppress(OSError):  # the killed worker's connections are gone
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(BODY)))
            self.end_headers()
            self.wfile.write(BODY)

    def log_message(self, *_: Any) -> None:
        pass


@pytest.fixture
def site() -> Iterator[_Site]:
    server = _Site()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.released.set()
    server.shutdown()
    server.server_close()


async def _redis_ms(redis: Redis) -> int:
    seconds, micros = await redis.time()
    return int(seconds) * 1000 + int(micros) // 1000


async def _until(condition: Callable[[], bool], what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout  # a worker may take long to start on a loaded box
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.05)


async def test_a_worker_killed_holding_a_hosts_slots_does_not_stall_that_host(
    api: httpx.AsyncClient, settings: Settings, site: _Site, tmp_path: Path
) -> None:
    # The first worker is killed mid-fetch holding both slots of the host, with a minute
    # left on their leases; the worker started in its place fetches from that host at once.
    urls = [site.url("/slow-1"), site.url("/slow-2"), site.url("/fast")]
    jobs = [(await api.post("/v1/articles", json={"url": url})).json()["id"] for url in urls[:2]]
    env = {"CLAIMTRAIL_JOB_LEASE_SECONDS": "15", "CLAIMTRAIL_WORKER_LOCK_DIR": str(tmp_path)}
    doomed = worker_process(settings, **env)
    redis = Redis.from_url(settings.redis_url or "")
    try:
        try:
            await _until(lambda: len(site.slow_fetches) == 2, "the first worker to hold both")
        finally:
            stop_process(doomed, signal.SIGKILL)
        key = slot_key("127.0.0.1", settings.redis_prefix)
        leases = [score for _, score in await redis.zrange(key, 0, -1, withscores=True)]
        assert len(leases) == 2
        # When the dead worker's leases would lapse, on this process's clock.
        lapse = time.monotonic() + (min(leases) - await _redis_ms(redis)) / 1000
        site.released.set()
        jobs.append((await api.post("/v1/articles", json={"url": urls[2]})).json()["id"])
        started = time.monotonic()
        rescuer = worker_process(settings, **env)
        try:
            await _until(lambda: bool(site.fast_fetched), "the new worker to fetch", 120)
            done = [await wait_for_job(api, job, timeout=120) for job in jobs]
        finally:
            stop_process(rescuer)
    finally:
        await redis.aclose()
    print(f"host fetched again {site.fast_fetched[0] - started:.1f} s after the new worker started")
    assert site.fast_fetched[0] < lapse  # long before the leases would have let it in
    assert [job["status"] for job in done] == ["succeeded"] * 3  # no job lost
