"""A row PostgreSQL refuses ends the job with a clear error instead of leaving it running, and a
page's absurdly long link never reaches the database as a source."""

from __future__ import annotations

import random

import asyncpg
import httpx
from pytest_httpserver import HTTPServer
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import create_async_engine

from app.config import Settings
from app.urls import MAX_URL_LENGTH
from tests.conftest import _asyncpg_dsn
from tests.integration.conftest import run_worker, wait_for_job
from workers.tasks import _refused_by_database

_LONG = "https://www.example.cn/articles/" + "%E4%BA%BA" * 1000  # 9,000 characters


def _page() -> str:
    return f"""<html><head><title>The app has 310,000 users</title></head><body><article>
<h1>The app has 310,000 users</h1>
<p>The dating app has 310,000 registered users, its founder said in March 2017.</p>
<p>It matches people by <a href="{_LONG}">what they dislike</a>, from 3,000 topics.</p>
<p>About 30,000 people use it every day, <a href="https://www.example.org/report">a
report</a> found.</p></article></body></html>"""


async def test_a_page_with_a_link_longer_than_any_url_is_stored_without_it(
    api: httpx.AsyncClient, settings: Settings, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/story").respond_with_data(_page(), content_type="text/html")
    submitted = await api.post("/v1/articles", json={"url": httpserver.url_for("/story")})
    assert submitted.status_code == 202, submitted.text
    await run_worker(settings)
    job = await wait_for_job(api, submitted.json()["id"])
    assert job["status"] == "succeeded", job
    sources = (await api.get(f"/v1/articles/{job['article_id']}/sources")).json()["items"]
    assert [s["url"] for s in sources] == ["https://www.example.org/report"]
    assert all(len(s["normalized_url"]) <= MAX_URL_LENGTH for s in sources)


async def _refusal(database_url: str) -> tuple[asyncpg.PostgresError, DBAPIError]:
    """The same refusal PostgreSQL gave a 9,000-character source URL, raw and through
    SQLAlchemy (percent-encoded bytes that do not compress below the index's limit)."""
    noise = random.Random(17)
    value = "https://x.example/" + "".join(f"%{noise.randrange(256):02X}" for _ in range(3000))
    dsn, extra = _asyncpg_dsn(database_url)
    connection = await asyncpg.connect(dsn, **extra)
    try:
        await connection.execute("CREATE TEMP TABLE t (u text UNIQUE)")
        try:
            await connection.execute("INSERT INTO t VALUES ($1)", value)
        except asyncpg.PostgresError as exc:
            raw = exc
    finally:
        await connection.close()
    engine = create_async_engine(database_url)
    try:
        async with engine.begin() as session:
            await session.execute(text("CREATE TEMP TABLE t (u text UNIQUE)"))
            try:
                await session.execute(text("INSERT INTO t VALUES (:u)"), {"u": value})
            except DBAPIError as exc:
                wrapped = exc
    finally:
        await engine.dispose()
    return raw, wrapped


async def test_a_row_postgresql_refuses_fails_the_job_and_a_lost_connection_does_not(
    database_url: str,
) -> None:
    raw, wrapped = await _refusal(database_url)
    for exc in (raw, wrapped):
        failure = _refused_by_database(exc)
        assert failure is not None, exc
        assert failure.code == "storage_refused"
        assert not failure.retryable
        assert "index row size" in failure.message
    dsn, extra = _asyncpg_dsn(database_url)
    connection = await asyncpg.connect(dsn, **extra)
    await connection.close()
    try:
        await connection.execute("SELECT 1")
    except asyncpg.InterfaceError as exc:
        assert _refused_by_database(exc) is None  # away, not refusing: the sweep retries
    else:
        raise AssertionError("a closed connection ran a statement")
