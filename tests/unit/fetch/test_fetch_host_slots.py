"""Per-host slots on a real Redis: a third holder waits; a dead holder's lease lapses."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis

from app.fetch import FetchError, host_slot
from app.fetch.host_slots import acquire_slot, slot_key


@pytest.fixture
async def redis(redis_url: str) -> AsyncIterator[Redis]:
    client = Redis.from_url(redis_url)
    yield client
    await client.aclose()


async def test_third_holder_waits_for_a_free_slot(redis: Redis, key_prefix: str) -> None:
    inside: list[int] = []
    peak = 0
    release = asyncio.Event()

    async def holder(n: int) -> None:
        nonlocal peak
        async with host_slot(redis, "News.Test", limit=2, lease=5, wait=5, prefix=key_prefix):
            inside.append(n)
            peak = max(peak, len(inside))
            await release.wait()
            inside.remove(n)

    tasks = [asyncio.create_task(holder(n)) for n in range(3)]
    try:
        for _ in range(100):  # a loaded machine may take a while to let two in
            if len(inside) == 2:
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.3)  # time for a third to (wrongly) get in
        assert len(inside) == 2  # the third is waiting
        assert await redis.zcard(slot_key("news.test", key_prefix)) == 2
        release.set()
        await asyncio.wait_for(asyncio.gather(*tasks), 5)
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    assert peak == 2
    assert await redis.zcard(slot_key("news.test", key_prefix)) == 0


async def test_waiting_too_long_is_retryable_host_busy(redis: Redis, key_prefix: str) -> None:
    key = slot_key("busy.test", key_prefix)
    for token in ("a", "b"):
        assert await acquire_slot(redis, key, token, limit=2, lease=5)
    with pytest.raises(FetchError) as caught:
        async with host_slot(redis, "busy.test", wait=0.2, prefix=key_prefix):
            pass
    assert (caught.value.code, caught.value.retryable) == ("host_busy", True)


async def test_lease_of_a_killed_worker_expires(redis: Redis, key_prefix: str) -> None:
    # Two workers took slots and died: nobody releases or renews them.
    key = slot_key("dead.test", key_prefix)
    for token in ("dead-1", "dead-2"):
        assert await acquire_slot(redis, key, token, limit=2, lease=0.4)
    loop = asyncio.get_running_loop()
    started = loop.time()
    async with host_slot(redis, "dead.test", limit=2, lease=5, wait=3, prefix=key_prefix):
        waited = loop.time() - started
    assert 0.2 < waited < 2.9  # the dead leases lapse well before `wait` runs out


async def test_live_holder_renews_its_lease(redis: Redis, key_prefix: str) -> None:
    key = slot_key("long.test", key_prefix)
    async with host_slot(redis, "long.test", limit=1, lease=0.9, wait=1, prefix=key_prefix):
        await asyncio.sleep(2.0)  # more than two leases
        assert not await acquire_slot(redis, key, "intruder", limit=1, lease=1)
    assert await acquire_slot(redis, key, "next", limit=1, lease=1)
    await redis.delete(key)


async def test_short_lease_does_not_shorten_the_key_of_a_long_one(
    redis: Redis, key_prefix: str
) -> None:
    key = slot_key("mixed.test", key_prefix)
    assert await acquire_slot(redis, key, "long", limit=2, lease=30)
    assert await acquire_slot(redis, key, "short", limit=2, lease=0.1)
    assert await redis.pttl(key) > 20_000
    await redis.delete(key)
