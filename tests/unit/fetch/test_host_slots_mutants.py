"""Host slots, details that mutation testing showed unpinned: key names, renewal pace, errors."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis

from app.fetch import host_slot
from app.fetch.host_slots import slot_key


@pytest.fixture
async def redis(redis_url: str) -> AsyncIterator[Redis]:
    client = Redis.from_url(redis_url)
    yield client
    await client.aclose()


@pytest.mark.parametrize(
    ("host", "key"),
    [
        ("news.test", "claimtrail:host_slots:news.test"),
        ("News.TEST.", "claimtrail:host_slots:news.test"),  # one host, however it is written
        (".Lead.Dot", "claimtrail:host_slots:.lead.dot"),  # only a trailing dot is dropped
        ("spaced.test ", "claimtrail:host_slots:spaced.test "),  # nothing else is stripped
    ],
)
def test_slot_key_names_one_key_per_host(host: str, key: str) -> None:
    assert slot_key(host) == key
    assert slot_key(host, "p:") == "p:" + key.removeprefix("claimtrail:")


async def _lease_ends(redis: Redis, key: str) -> list[float]:
    return [score for _, score in await redis.zrange(key, 0, -1, withscores=True)]


async def test_a_lease_is_renewed_a_third_of_the_way_through(redis: Redis, key_prefix: str) -> None:
    # The renewer sleeps lease/3 between renewals, so a renewal moves the end of the lease
    # (Redis time) forward by at least a third of it. Only a lower bound: a slow machine
    # renews later, never sooner.
    key = slot_key("pace.test", key_prefix)
    async with host_slot(redis, "pace.test", limit=1, lease=3, wait=1, prefix=key_prefix):
        seen = await _lease_ends(redis, key)
        for _ in range(600):  # the first renewal comes after a second; 30 s bounds a stall
            (end,) = await _lease_ends(redis, key)
            if end > seen[-1]:
                seen.append(end)
                break
            await asyncio.sleep(0.02)
    assert len(seen) == 2, f"lease not renewed: {seen}"
    assert seen[1] - seen[0] >= 995  # 1000 ms, less rounding of the two clock readings


async def _wrongtype_errors(redis: Redis) -> int:
    stats = await redis.info("errorstats")
    return int(stats.get("errorstat_WRONGTYPE", {}).get("count", 0))


async def test_a_failed_renewal_does_not_break_the_holder(redis: Redis, key_prefix: str) -> None:
    # A Redis error while renewing (here: the key replaced by a string, so ZADD fails with
    # WRONGTYPE) is skipped; the holder finishes its work and leaves cleanly.
    key = slot_key("flaky.test", key_prefix)
    async with host_slot(redis, "flaky.test", limit=1, lease=0.3, wait=1, prefix=key_prefix):
        before = await _wrongtype_errors(redis)
        await redis.set(key, "not a sorted set")
        for _ in range(300):  # renewals come every 0.1 s; 30 s bounds a stalled machine
            if await _wrongtype_errors(redis) > before:
                break
            await asyncio.sleep(0.1)
        assert await _wrongtype_errors(redis) > before, "no renewal met the broken key"
        await redis.delete(key)
    assert await redis.exists(key) == 0
