"""The per-minute window on a real Redis, and failing open when Redis is gone."""

from __future__ import annotations

import uuid

from redis.asyncio import Redis

from app.api.ratelimit import minute_window_hit
from app.cli.embedded import free_port


async def test_window_counts_then_refuses_until_the_next_minute(
    redis_url: str, redis_prefix: str
) -> None:
    redis = Redis.from_url(redis_url)
    key = f"{redis_prefix}unit:{uuid.uuid4().hex}"
    try:
        now = 1_000_000 * 60 + 45.5
        assert [await minute_window_hit(redis, key, limit=2, now=now) for _ in range(2)] == [
            None
        ] * 2
        assert await minute_window_hit(redis, key, limit=2, now=now) == 15
        assert await minute_window_hit(redis, key, limit=2, now=now + 15) is None
        assert 0 < await redis.ttl(f"{key}:{int(now // 60)}") <= 120
    finally:
        await redis.aclose()


async def test_redis_down_fails_open() -> None:
    redis = Redis(host="127.0.0.1", port=free_port(), socket_connect_timeout=0.2)
    try:
        assert await minute_window_hit(redis, "k", limit=0, now=0.0) is None
    finally:
        await redis.aclose()
