"""Junk never becomes an article: a real worker fails binary, mis-decoded and cut-short
bodies with their own codes, and still stores real pages."""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator

import httpx
import pytest
from pytest_httpserver import HTTPServer

from app.config import Settings
from tests.conftest import CORPUS
from tests.integration.conftest import article_rows, run_worker, wait_for_job

PAGE = (
    "<html><head><title>Budget</title></head><body><article>"
    + "<p>The council approved a budget of $4 million on Tuesday, the minutes show.</p>" * 30
    + "</article></body></html>"
)


@pytest.fixture
async def cutting_server() -> AsyncIterator[str]:
    """A raw socket server that promises the whole page and closes after a tenth of it."""
    body = PAGE.encode()

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            await reader.readuntil(b"\r\n\r\n")
            head = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {len(body)}"
            writer.write(head.encode() + b"\r\n\r\n" + body[: len(body) // 10])
            await writer.drain()
        finally:
            writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", 0)
    yield f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}/cut.html"
    server.close()
    await server.wait_closed()


async def _submit(api: httpx.AsyncClient, url: str) -> str:
    response = await api.post("/v1/articles", json={"url": url})
    assert response.status_code == 202, response.text
    return str(response.json()["id"])


async def test_junk_bodies_fail_with_their_own_codes(
    api: httpx.AsyncClient, settings: Settings, httpserver: HTTPServer, cutting_server: str
) -> None:
    noise = b"<html><body><p>" + random.Random(3).randbytes(80_000)
    httpserver.expect_request("/noise").respond_with_data(
        noise, content_type="text/html; charset=utf-8"
    )
    httpserver.expect_request("/unlabelled").respond_with_data(noise, content_type="text/html")
    httpserver.expect_request("/wide").respond_with_data(
        PAGE.encode(), content_type="text/html; charset=utf-16"
    )
    jobs = {
        name: await _submit(api, httpserver.url_for(f"/{name}"))
        for name in ("noise", "unlabelled", "wide")
    }
    jobs["cut"] = await _submit(api, cutting_server)
    await run_worker(settings.model_copy(update={"job_max_attempts": 2}))
    ended = {name: await wait_for_job(api, job_id) for name, job_id in jobs.items()}
    assert {name: (job["status"], job["error"]["code"]) for name, job in ended.items()} == {
        "noise": ("failed", "not_text"),
        "unlabelled": ("failed", "not_text"),
        "wide": ("failed", "not_text"),
        "cut": ("failed", "truncated"),
    }
    assert [ended[n]["attempts"] for n in ("noise", "unlabelled", "wide")] == [1, 1, 1]
    assert ended["cut"]["attempts"] == 2  # a cut connection may be passing: retried first
    assert await article_rows(settings) == 0


@pytest.mark.parametrize("name", ["real-dev-02.html", "aeb-7bb1ca90.html"])
async def test_real_pages_with_non_latin_text_still_succeed(
    api: httpx.AsyncClient, settings: Settings, httpserver: HTTPServer, name: str
) -> None:
    body = (CORPUS / "real" / name).read_bytes()
    httpserver.expect_request(f"/{name}").respond_with_data(
        body, content_type="text/html; charset=utf-8"
    )
    job_id = await _submit(api, httpserver.url_for(f"/{name}"))
    await run_worker(settings)
    job = await wait_for_job(api, job_id)
    assert job["status"] == "succeeded", job
    assert await article_rows(settings) == 1
