"""One slow site must not hold every worker slot: jobs on other hosts go on meanwhile."""

from __future__ import annotations

import asyncio
import threading
import uuid
from collections.abc import Iterator

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from app.cli.embedded import free_port
from app.config import Settings
from app.fetch import StaticResolver
from tests.integration.conftest import serve_api, wait_for_job
from workers.settings import build_worker

BODY = (
    "<html><head><title>Vote</title></head><body><article><p>The council approved a "
    "budget of $4 million on Tuesday. It passed by 7 votes to 2.</p></article></body></html>"
)


class SlowSite:
    """Pages that answer only once released; counts fetches in progress."""

    def __init__(self, server: HTTPServer) -> None:
        self.released = threading.Event()
        self.lock = threading.Lock()
        self.in_flight = self.most_in_flight = 0
        server.expect_request("/robots.txt").respond_with_data("", status=404)
        server.expect_request("/slow").respond_with_handler(self._respond)

    def _respond(self, _: Request) -> Response:
        with self.lock:
            self.in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self.in_flight)
        self.released.wait(90)  # bounded so a failing test cannot hang teardown
        with self.lock:
            self.in_flight -= 1
        return Response(BODY, content_type="text/html")


@pytest.fixture
def slow_server() -> Iterator[HTTPServer]:
    server = HTTPServer(host="127.0.0.1", port=free_port(), threaded=True)
    server.start()
    yield server
    server.clear()
    server.stop()


async def _until(condition, timeout: float = 60) -> None:  # type: ignore[no-untyped-def]
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "condition never held"
        await asyncio.sleep(0.05)


async def test_a_job_on_another_host_runs_while_a_slow_host_holds_its_slots(
    settings: Settings, slow_server: HTTPServer, httpserver: HTTPServer
) -> None:
    slow, fast = f"slow-{uuid.uuid4().hex[:6]}.test", f"fast-{uuid.uuid4().hex[:6]}.test"
    site = SlowSite(slow_server)
    httpserver.expect_request("/page").respond_with_data(BODY, content_type="text/html")
    resolver = StaticResolver({slow: ["127.0.0.1"], fast: ["127.0.0.1"]})
    own = settings.model_copy(
        update={"worker_max_jobs": 4, "fetch_per_host": 2, "job_lease_seconds": 60.0}
    )
    worker = build_worker(
        own,
        poll_delay=0.05,
        handle_signals=False,
        ctx={"settings": own, "fetch_resolver": resolver},
    )
    running = asyncio.create_task(worker.main())
    try:
        async with serve_api(own) as api:
            slow_ids = [
                (await api.post("/v1/articles", json={"url": f"http://{slow}:{slow_server.port}/slow?n={n}"})).json()["id"]
                for n in range(8)
            ]  # fmt: skip
            await _until(lambda: site.in_flight == 2)  # the slow host's two slots are taken
            url = f"http://{fast}:{httpserver.port}/page"
            fast_id = (await api.post("/v1/articles", json={"url": url})).json()["id"]
            fast_job = await wait_for_job(api, fast_id, timeout=60)
            # The fast job finished while every slow page was still held: the waiting slow
            # jobs gave their worker slots up instead of sitting on them.
            assert not site.released.is_set()
            slow_now = [(await api.get(f"/v1/jobs/{i}")).json() for i in slow_ids]
            site.released.set()
            slow_jobs = [await wait_for_job(api, i, timeout=90) for i in slow_ids]
    finally:
        site.released.set()
        running.cancel()
        await asyncio.gather(running, return_exceptions=True)
        await worker.close()
    assert fast_job["status"] == "succeeded", fast_job
    assert all(job["status"] in ("queued", "running") for job in slow_now), slow_now
    assert all(job.get("error") is None for job in slow_now), slow_now  # none gave up
    assert [job["status"] for job in slow_jobs] == ["succeeded"] * 8
    assert [job["attempts"] for job in slow_jobs] == [1] * 8  # deferrals are not attempts
    assert site.most_in_flight == 2
