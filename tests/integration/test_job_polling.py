"""Long polls on GET /v1/jobs/{id}?wait= (PostgreSQL NOTIFY, re-read fallback) and the poll
budget that job status reads have apart from every other request."""

from __future__ import annotations

import asyncio
import time
import uuid

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from app.config import Settings
from app.jobs import endpoints
from tests.integration.conftest import serve_api

PROBLEM = "application/problem+json"


async def _update_job(settings: Settings, job_id: str, assignments: str) -> None:
    """Write the job row as a worker would (the trigger notifies on status and stage)."""
    engine = create_async_engine(settings.database_url or "")
    try:
        async with engine.begin() as conn:
            update = text(f"UPDATE jobs SET {assignments} WHERE id = :id")
            await conn.execute(update, {"id": job_id})
    finally:
        await engine.dispose()


async def _queued_job(api: httpx.AsyncClient) -> dict:  # type: ignore[type-arg]
    response = await api.post("/v1/articles", json={"url": f"https://poll.test/{uuid.uuid4()}"})
    assert response.status_code == 202
    return response.json()  # type: ignore[no-any-return]


async def _timed_get(
    api: httpx.AsyncClient, path: str, **kwargs: object
) -> tuple[float, httpx.Response]:
    started = time.monotonic()
    response = await api.get(path, **kwargs)  # type: ignore[arg-type]
    return time.monotonic() - started, response


async def test_wait_answers_as_soon_as_the_status_changes(
    api: httpx.AsyncClient, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No periodic re-read within the test's time: only the NOTIFY can end the wait early.
    monkeypatch.setattr(endpoints, "RECHECK_SECONDS", 60.0)
    job = await _queued_job(api)
    poll = asyncio.create_task(_timed_get(api, f"/v1/jobs/{job['id']}", params={"wait": 25}))
    await asyncio.sleep(1.0)
    assert not poll.done()
    await _update_job(settings, job["id"], "status = 'running', stage = 'fetching'")
    elapsed, response = await poll
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["stage"]) == ("running", "fetching")
    assert 1.0 <= elapsed < 10, elapsed


async def test_a_change_without_notification_is_still_seen_by_the_re_read(
    api: httpx.AsyncClient, settings: Settings
) -> None:
    job = await _queued_job(api)
    poll = asyncio.create_task(_timed_get(api, f"/v1/jobs/{job['id']}", params={"wait": 25}))
    await asyncio.sleep(0.5)
    await _update_job(settings, job["id"], "attempts = 3")  # the trigger does not fire
    elapsed, response = await poll
    assert response.json()["attempts"] == 3
    assert elapsed < 10, elapsed


async def test_wait_returns_the_job_at_the_bound_when_nothing_changes(
    api: httpx.AsyncClient,
) -> None:
    job = await _queued_job(api)
    elapsed, response = await _timed_get(api, f"/v1/jobs/{job['id']}", params={"wait": 1.5})
    assert response.status_code == 200 and response.json()["status"] == "queued"
    assert 1.5 <= elapsed < 6, elapsed
    etag = response.headers["etag"]
    assert response.headers["cache-control"] == "no-cache"
    # The caller's ETag is what the change is measured from: unchanged at the bound is a 304.
    elapsed, unchanged = await _timed_get(
        api, f"/v1/jobs/{job['id']}", params={"wait": 1}, headers={"If-None-Match": etag}
    )
    assert unchanged.status_code == 304 and unchanged.content == b""
    assert unchanged.headers["etag"] == etag and elapsed >= 1


async def test_an_etag_the_job_no_longer_has_answers_at_once(
    api: httpx.AsyncClient, settings: Settings
) -> None:
    job = await _queued_job(api)
    etag = (await api.get(f"/v1/jobs/{job['id']}")).headers["etag"]
    await _update_job(settings, job["id"], "status = 'running', stage = 'extracting'")
    elapsed, response = await _timed_get(
        api, f"/v1/jobs/{job['id']}", params={"wait": 20}, headers={"If-None-Match": etag}
    )
    assert response.status_code == 200 and response.json()["stage"] == "extracting"
    assert response.headers["etag"] != etag and elapsed < 5


async def test_an_ended_job_or_an_unknown_one_answers_at_once(
    api: httpx.AsyncClient, settings: Settings
) -> None:
    job = await _queued_job(api)
    await _update_job(settings, job["id"], "status = 'failed', stage = 'done'")
    elapsed, response = await _timed_get(api, f"/v1/jobs/{job['id']}", params={"wait": 20})
    assert response.json()["status"] == "failed" and elapsed < 5
    elapsed, missing = await _timed_get(api, f"/v1/jobs/{uuid.uuid4()}", params={"wait": 20})
    assert missing.status_code == 404 and elapsed < 5


@pytest.mark.parametrize("wait", ["31", "-1", "soon", "nan"])
async def test_a_bad_wait_is_a_422_problem(api: httpx.AsyncClient, wait: str) -> None:
    job = await _queued_job(api)
    response = await api.get(f"/v1/jobs/{job['id']}", params={"wait": wait})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith(PROBLEM)
    assert "wait" in response.json()["detail"]


async def test_job_status_reads_have_a_budget_apart_from_other_requests(
    settings: Settings,
) -> None:
    prefix = f"{settings.redis_prefix}{uuid.uuid4().hex[:6]}:"
    limited = settings.model_copy(
        update={"rate_limit_per_minute": 3, "poll_limit_per_minute": 5, "redis_prefix": prefix}
    )
    now = [1_000_000 * 60 + 20.0]  # one minute's window however slowly the test runs
    async with serve_api(limited, clock=lambda: now[0]) as api:
        job = await _queued_job(api)  # 1 of 3 requests
        polls = [(await api.get(f"/v1/jobs/{job['id']}")).status_code for _ in range(5)]
        assert polls == [200] * 5
        over = await api.get(f"/v1/jobs/{job['id']}")
        assert over.status_code == 429 and "job status reads" in over.json()["detail"]
        assert over.headers["retry-after"] == "40"
        # Polling used none of the other budget, and its own is spent for batches too.
        assert (await api.get("/v1/batches/" + str(uuid.uuid4()))).status_code == 429
        assert [(await api.get("/v1/articles")).status_code for _ in range(3)] == [200, 200, 429]
        now[0] += 40  # the next minute
        assert (await api.get(f"/v1/jobs/{job['id']}")).status_code == 200
