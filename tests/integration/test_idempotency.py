"""Idempotency-Key over real HTTP: replay, mismatch, in flight, races, scope and lifetime."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from pydantic import SecretStr
from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, create_async_engine

from app.api.idempotency import fingerprint, purge_idempotency_keys
from app.config import Settings
from app.models import IdempotencyKey, Job

PROBLEM = "application/problem+json"
KEY_A, KEY_B = "idem-key-alice-0123456789", "idem-key-bob-0123456789"
ARTICLE = {"url": "https://idem.test/story"}


@pytest.fixture
def settings(settings: Settings, request: pytest.FixtureRequest) -> Settings:
    """Auth off by default; `parametrize("settings", ["on"], indirect=True)` turns keys on."""
    if getattr(request, "param", "off") == "off":
        return settings
    return settings.model_copy(update={"auth": "on", "api_keys": SecretStr(f"a:{KEY_A},b:{KEY_B}")})


@pytest.fixture
async def db(settings: Settings) -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine(settings.database_url or "")
    yield engine
    await engine.dispose()


async def _jobs(db: AsyncEngine) -> int:
    async with db.connect() as conn:
        return int(await conn.scalar(select(func.count()).select_from(Job)) or 0)


def _headers(key: str, api_key: str | None = None) -> dict[str, str]:
    return {"Idempotency-Key": key} | ({"X-API-Key": api_key} if api_key else {})


async def test_same_key_and_body_replays_the_first_response(
    api: httpx.AsyncClient, db: AsyncEngine
) -> None:
    first = await api.post("/v1/articles", json=ARTICLE, headers=_headers("k1"))
    assert first.status_code == 202
    spaced = b'{\n  "url" :  "https://idem.test/story"\n}'  # same JSON, other bytes
    for body in (json.dumps(ARTICLE).encode(), spaced):
        headers = _headers("k1") | {"content-type": "application/json"}
        again = await api.post("/v1/articles", content=body, headers=headers)
        assert again.status_code == 202 and again.json() == first.json()
        assert again.headers["location"] == first.headers["location"]
        assert again.headers["idempotent-replayed"] == "true"
    assert await _jobs(db) == 1


async def test_same_key_with_another_body_is_422(api: httpx.AsyncClient, db: AsyncEngine) -> None:
    assert (await api.post("/v1/articles", json=ARTICLE, headers=_headers("k2"))).status_code == 202
    other = await api.post(
        "/v1/articles", json={"url": "https://idem.test/other"}, headers=_headers("k2")
    )
    assert other.status_code == 422
    assert other.headers["content-type"].startswith(PROBLEM)
    assert "different" in other.json()["detail"]
    assert await _jobs(db) == 1


@pytest.mark.parametrize("settings", ["off", "on"], indirect=True)
async def test_concurrent_identical_requests_make_exactly_one_job(
    api: httpx.AsyncClient, db: AsyncEngine, settings: Settings
) -> None:
    api_key = KEY_A if settings.auth == "on" else None
    headers = _headers("race", api_key)
    responses = await asyncio.gather(
        *(api.post("/v1/articles", json=ARTICLE, headers=headers) for _ in range(10))
    )
    assert {r.status_code for r in responses} <= {202, 409}
    made = [r for r in responses if r.status_code == 202]
    assert made and len({r.json()["id"] for r in made}) == 1
    assert all(r.headers["retry-after"] for r in responses if r.status_code == 409)
    assert await _jobs(db) == 1


async def test_in_flight_key_is_409_and_abandoned_one_is_taken_over(
    api: httpx.AsyncClient, db: AsyncEngine
) -> None:
    sha = fingerprint(json.dumps(ARTICLE).encode())
    row = {"api_key_id": None, "path": "/v1/articles", "request_sha256": sha}
    old = datetime.now(UTC) - timedelta(minutes=10)
    async with db.begin() as conn:
        await conn.execute(insert(IdempotencyKey).values(key="busy", **row))
        await conn.execute(insert(IdempotencyKey).values(key="dead", created_at=old, **row))
    busy = await api.post("/v1/articles", json=ARTICLE, headers=_headers("busy"))
    assert busy.status_code == 409 and busy.headers["retry-after"] == "1"
    assert busy.headers["content-type"].startswith(PROBLEM)
    other = await api.post("/v1/articles", json={"url": "https://x.test"}, headers=_headers("busy"))
    assert other.status_code == 422
    assert (
        await api.post("/v1/articles", json=ARTICLE, headers=_headers("dead"))
    ).status_code == 202
    assert await _jobs(db) == 1


async def test_failures_are_not_remembered_and_expired_keys_are_free(
    api: httpx.AsyncClient, db: AsyncEngine
) -> None:
    bad = await api.post("/v1/articles", json={"url": "ftp://x"}, headers=_headers("k3"))
    assert bad.status_code == 422
    assert (await api.post("/v1/articles", json=ARTICLE, headers=_headers("k3"))).status_code == 202
    async with db.begin() as conn:
        await conn.execute(
            IdempotencyKey.__table__.update().values(
                created_at=datetime.now(UTC) - timedelta(hours=25)
            )
        )
    fresh = await api.post("/v1/articles", json={"url": "https://x.test/2"}, headers=_headers("k3"))
    assert fresh.status_code == 202  # past 24 h the key starts over
    async with db.begin() as conn:
        await conn.execute(
            IdempotencyKey.__table__.update().values(
                created_at=datetime.now(UTC) - timedelta(hours=25)
            )
        )
    async with AsyncSession(db) as session:
        assert await purge_idempotency_keys(session) == 1
        await session.commit()


@pytest.mark.parametrize("settings", ["on"], indirect=True)
async def test_keys_are_scoped_per_api_key(api: httpx.AsyncClient, db: AsyncEngine) -> None:
    a = await api.post("/v1/articles", json=ARTICLE, headers=_headers("shared", KEY_A))
    b = await api.post("/v1/articles", json=ARTICLE, headers=_headers("shared", KEY_B))
    assert a.status_code == b.status_code == 202
    assert a.json()["id"] != b.json()["id"]
    assert await _jobs(db) == 2


async def test_batches_replay_too(api: httpx.AsyncClient, db: AsyncEngine) -> None:
    body = {"urls": ["https://idem.test/b1", "https://idem.test/b2"]}
    first = await api.post("/v1/batches", json=body, headers=_headers("batch"))
    assert first.status_code == 202
    again = await api.post("/v1/batches", json=body, headers=_headers("batch"))
    assert again.status_code == 202 and again.json()["id"] == first.json()["id"]
    assert again.headers["idempotent-replayed"] == "true"
    assert await _jobs(db) == 2
