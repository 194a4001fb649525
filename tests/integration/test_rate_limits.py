"""Rate limits over real HTTP: requests per minute (Redis) and pending jobs (PostgreSQL)."""

from __future__ import annotations

import asyncio
import uuid

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import create_async_engine

from app.config import Settings
from app.models import Job
from tests.integration.conftest import serve_api

PROBLEM = "application/problem+json"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """A low per-minute limit under a prefix of this test's own, and room for 3 pending jobs."""
    prefix = f"{settings.redis_prefix}{uuid.uuid4().hex[:6]}:"
    return settings.model_copy(
        update={"rate_limit_per_minute": 8, "max_pending_jobs": 3, "redis_prefix": prefix}
    )


async def test_requests_past_the_minute_limit_get_429_with_retry_after(
    settings: Settings,
) -> None:
    # The windows are dated by an injected clock, 20 s into a minute, so the nine requests
    # fall in one window however slowly they run; moving it on opens the next window.
    now = [1_000_000 * 60 + 20.0]
    async with serve_api(settings, clock=lambda: now[0]) as api:
        statuses = [(await api.get("/v1/articles")).status_code for _ in range(8)]
        assert statuses == [200] * 8
        limited = await api.get("/v1/articles")
        assert limited.status_code == 429
        assert limited.headers["content-type"].startswith(PROBLEM)
        assert limited.headers["retry-after"] == "40"
        assert (await api.get("/healthz")).status_code == 200  # operations are never limited
        now[0] += 39
        assert (await api.get("/v1/articles")).status_code == 429
        now[0] += 1  # the next minute
        assert (await api.get("/v1/articles")).status_code == 200


async def test_pending_jobs_are_capped_even_under_concurrency(
    api: httpx.AsyncClient, settings: Settings
) -> None:
    urls = [f"https://pending.test/{n}" for n in range(6)]
    responses = await asyncio.gather(*(api.post("/v1/articles", json={"url": u}) for u in urls))
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [202, 202, 202, 429, 429, 429]
    refused = next(r for r in responses if r.status_code == 429)
    assert refused.headers["content-type"].startswith(PROBLEM)
    assert int(refused.headers["retry-after"]) > 0
    engine = create_async_engine(settings.database_url or "")
    async with engine.connect() as conn:
        assert await conn.scalar(select(func.count()).select_from(Job)) == 3
    await engine.dispose()
