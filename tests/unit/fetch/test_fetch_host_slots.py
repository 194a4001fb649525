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
        # wait=60: the third must outwait the two, however slowly a loaded machine runs them.
        async with host_slot(redis, "News.Test", limit=2, lease=60, wait=60, prefix=key_prefix):
            inside.append(n)
            peak = max(peak, len(inside))
            await release.wait()
            inside.remove(n)

    tasks = [asyncio.create_task(holder(n)) for n in range(3)]
    try:
        for _ in range(600):  # a loaded machine may take a while to let two in (30 s at most)
            if len(inside) == 2:
                break
            await asyncio.sleep(0.05)
        # Time for a third to (wrongly) get in; on a slow machine it may not try, and the
        # test then passes without proving anything, but it never fails a correct limit.
        await asyncio.sleep(0.3)
        assert len(inside) == 2  # the third is waiting
        assert await redis.zcard(slot_key("news.test", key_prefix)) == 2
        release.set()
        await asyncio.wait_for(asyncio.gather(*tasks), 60)
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


async def _redis_ms(redis: Redis) -> int:
    """Redis server time, which scores the leases, in milliseconds."""
    seconds, micros = await redis.time()
    return int(seconds) * 1000 + int(micros) // 1000


async def _lease_ends(redis: Redis, key: str) -> list[float]:
    return [score for _, score in await redis.zrange(key, 0, -1, withscores=True)]


async def test_a_lease_runs_from_redis_time(redis: Redis, key_prefix: str) -> None:
    key = slot_key("timed.test", key_prefix)
    before = await _redis_ms(redis)
    assert await acquire_slot(redis, key, "a", limit=2, lease=5)
    after = await _redis_ms(redis)
    (ends,) = await _lease_ends(redis, key)
    assert before + 5000 <= ends <= after + 5000
    await redis.delete(key)


async def test_lease_of_a_killed_worker_expires(redis: Redis, key_prefix: str) -> None:
    # Two workers took slots and died: nobody released them and their leases have run out.
    # Scoring them in the past (Redis time) shows the sweep without waiting on a clock.
    key = slot_key("dead.test", key_prefix)
    lapsed = await _redis_ms(redis) - 1
    await redis.zadd(key, {"dead-1": lapsed, "dead-2": lapsed})
    async with host_slot(redis, "dead.test", limit=2, lease=5, wait=0, prefix=key_prefix):
        assert await redis.zscore(key, "dead-1") is None
        assert await redis.zscore(key, "dead-2") is None
    # A live lease is not swept: with it in place a limit of one stays full.
    assert await acquire_slot(redis, key, "live", limit=2, lease=60)
    with pytest.raises(FetchError, match="1 fetches of dead.test already running"):
        async with host_slot(redis, "dead.test", limit=1, lease=5, wait=0, prefix=key_prefix):
            pass
    await redis.delete(key)


async def test_live_holder_renews_its_lease(redis: Redis, key_prefix: str) -> None:
    # A 3 s lease is renewed every second: watch its end move forward twice (Redis time)
    # instead of sleeping past it, so a slow machine delays the test, never fails it.
    key = slot_key("long.test", key_prefix)
    async with host_slot(redis, "long.test", limit=1, lease=3, wait=1, prefix=key_prefix):
        (first,) = await _lease_ends(redis, key)
        seen = [first]
        for _ in range(600):  # renewals come every second; 30 s bounds a stalled machine
            (end,) = await _lease_ends(redis, key)
            if end > seen[-1]:
                seen.append(end)
            if len(seen) == 3:
                break
            await asyncio.sleep(0.05)
        assert len(seen) == 3, f"lease not renewed: {seen}"
        assert not await acquire_slot(redis, key, "intruder", limit=1, lease=1)
    assert await _lease_ends(redis, key) == []  # given back on the way out
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
