"""SSRF through the whole service with the address guard on (`fetch_allow_private=False`).

Every other integration test allows private fetches so it can serve pages on loopback.
Here the worker keeps the guard on and is given (through its context, see
`workers.settings.open_worker_context`) a resolver that maps test hostnames to a public
stand-in address, and a network that dials that stand-in as 127.0.0.1. Nothing leaves
loopback: any other non-loopback address is refused instead of dialled. A guard that
let a loopback address through would show up as a request on the test server.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

import httpcore
import pytest
from pytest_httpserver import HTTPServer
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import create_async_engine

from app.config import Settings
from app.fetch import StaticResolver
from app.models import Article, ArticleSource, Citation, Sentence, Source, Verification
from tests.integration.conftest import run_worker, serve_api, wait_for_job

PUBLIC_IP = "93.184.216.34"  # a public address, never dialled: the stand-in answers for it
BODY = "<html><body><article><p>The council approved a budget of $4 million.</p></article>"
ROBOTS = "User-agent: *\nAllow: /\n"


class LoopbackNetwork(httpcore.AsyncNetworkBackend):
    """The network under the guard: records every address it is asked to dial.

    `PUBLIC_IP` is dialled as 127.0.0.1 (the test's "public" site); loopback addresses
    are dialled as they are, so a guard bug reaches the test server and is seen; any
    other address is refused, so no test traffic leaves the machine.
    """

    def __init__(self) -> None:
        self.dialed: list[str] = []
        self._real = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        self.dialed.append(host)
        if host == PUBLIC_IP:
            host = "127.0.0.1"
        elif not host.startswith("127.") and host != "::1":
            raise httpcore.ConnectError(f"test network: {host} is not dialled")
        return await self._real.connect_tcp(host, port, timeout=timeout)

    async def sleep(self, seconds: float) -> None:
        await self._real.sleep(seconds)


class RebindingResolver:
    """Answers the public stand-in the first time it is asked, loopback ever after."""

    def __init__(self) -> None:
        self.calls = 0

    async def resolve(self, host: str, port: int) -> list[str]:
        self.calls += 1
        return [PUBLIC_IP] if self.calls == 1 else ["127.0.0.1"]


@pytest.fixture
def guarded(settings: Settings) -> Settings:
    """The test settings with the guard on, as in production (robots.txt honoured too)."""
    return settings.model_copy(update={"fetch_allow_private": False, "fetch_respect_robots": True})


async def _stored_rows(settings: Settings) -> dict[str, int]:
    engine = create_async_engine(settings.database_url or "")
    try:
        async with engine.connect() as conn:
            return {
                model.__tablename__: int(
                    await conn.scalar(select(func.count()).select_from(model)) or 0
                )
                for model in (Article, Sentence, Citation, Source, ArticleSource, Verification)
            }
    finally:
        await engine.dispose()


async def _run_job(settings: Settings, url: str, resolver: Any, network: LoopbackNetwork) -> dict:  # type: ignore[type-arg]
    """Submit `url`, drain the queue with a real arq worker on the given network, end state."""
    async with serve_api(settings) as api:
        job = (await api.post("/v1/articles", json={"url": url, "verify": True})).json()
        ctx = {"settings": settings, "fetch_resolver": resolver, "fetch_network_backend": network}
        await run_worker(settings, ctx=ctx)
        return await wait_for_job(api, job["id"])


def _fresh_host(name: str) -> str:
    """A hostname no earlier test used: robots.txt answers are cached per origin in-process."""
    return f"{name}-{uuid.uuid4().hex[:8]}.test"


def _paths(httpserver: HTTPServer) -> list[str]:
    return [request.path for request, _ in httpserver.log]


@pytest.mark.parametrize(
    ("target", "answers"),
    [
        ("http://127.0.0.1:{port}/internal", {}),
        ("http://inside.test:{port}/internal", {"inside.test": ["127.0.0.1"]}),
        ("http://[::ffff:127.0.0.1]:{port}/internal", {}),
        ("http://metadata.test:{port}/internal", {"metadata.test": ["169.254.169.254"]}),
        ("http://office.test:{port}/internal", {"office.test": ["10.0.0.7"]}),
    ],
    ids=["loopback-literal", "name-to-loopback", "v4-mapped-loopback", "link-local", "private"],
)
async def test_redirect_to_a_private_address_fails_the_job_and_stores_nothing(
    guarded: Settings, httpserver: HTTPServer, target: str, answers: dict[str, list[str]]
) -> None:
    port = httpserver.port
    httpserver.expect_request("/robots.txt").respond_with_data(ROBOTS, content_type="text/plain")
    httpserver.expect_request("/start").respond_with_data(
        "", status=302, headers={"Location": target.format(port=port)}
    )
    httpserver.expect_request("/internal").respond_with_data(BODY, content_type="text/html")
    network = LoopbackNetwork()
    news = _fresh_host("news")
    resolver = StaticResolver({news: [PUBLIC_IP], **answers})

    job = await _run_job(guarded, f"http://{news}:{port}/start", resolver, network)

    assert job["status"] == "failed", job
    assert job["error"]["code"] == "blocked_address", job
    assert job["error"]["retryable"] is False, job
    assert job["attempts"] == 1  # not retried: a blocked address stays blocked
    # The allowed host was fetched (robots.txt, then the redirect); the target never.
    assert _paths(httpserver) == ["/robots.txt", "/start"]
    assert set(network.dialed) == {PUBLIC_IP}
    assert await _stored_rows(guarded) == dict.fromkeys(
        ("articles", "sentences", "citations", "sources", "article_sources", "verifications"), 0
    )


async def test_dns_rebinding_never_reaches_loopback(
    guarded: Settings, httpserver: HTTPServer
) -> None:
    # robots.txt comes over the first answer (public) and closes its connection, so the
    # page needs a new connection, hence a second lookup, which now answers loopback.
    httpserver.expect_request("/robots.txt").respond_with_data(
        ROBOTS, content_type="text/plain", headers={"Connection": "close"}
    )
    httpserver.expect_request("/secret").respond_with_data(BODY, content_type="text/html")
    network = LoopbackNetwork()
    resolver = RebindingResolver()

    url = f"http://{_fresh_host('rebind')}:{httpserver.port}/secret"
    job = await _run_job(guarded, url, resolver, network)

    assert job["status"] == "failed", job
    assert job["error"]["code"] == "blocked_address", job
    assert job["attempts"] == 1
    assert resolver.calls == 2  # the rebinding answer was asked for, and refused
    assert network.dialed == [PUBLIC_IP]  # loopback never dialled
    assert _paths(httpserver) == ["/robots.txt"]  # the page behind it never requested
    assert (await _stored_rows(guarded))["articles"] == 0
