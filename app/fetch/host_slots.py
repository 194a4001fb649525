"""At most N concurrent fetches per host across all workers, on Redis.

Each holder is a member of a sorted set scored by its lease expiry (Redis server
time, so worker clocks do not matter). Expired members are swept before every
acquire, so a killed worker frees its slot when its lease runs out; a live holder
renews its lease in the background.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import secrets
import time
from collections.abc import AsyncIterator

from redis.asyncio import Redis
from redis.exceptions import RedisError

from app.fetch.errors import FetchError

__all__ = ["acquire_slot", "host_slot", "release_slot", "slot_key"]

_ACQUIRE = """
local now = redis.call('TIME')
local now_ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now_ms)
if redis.call('ZSCORE', KEYS[1], ARGV[1]) or redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], now_ms + tonumber(ARGV[3]), ARGV[1])
  if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[3]) then
    redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]))
  end
  return 1
end
return 0
"""
# Renewing: only a lease still held; a lapsed one may already be someone else's slot.
_RENEW = """
local now = redis.call('TIME')
local now_ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
local held = redis.call('ZADD', KEYS[1], 'XX', 'CH', 'GT', now_ms + tonumber(ARGV[2]), ARGV[1])
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
end
return held
"""
_POLL_SECONDS = 0.05


def slot_key(host: str, prefix: str = "claimtrail:") -> str:
    """The Redis key holding the leases of `host`."""
    return f"{prefix}host_slots:{host.lower().rstrip('.')}"


async def acquire_slot(redis: Redis, key: str, token: str, *, limit: int, lease: float) -> bool:
    """Take (or renew) a slot for `token` if fewer than `limit` live leases exist."""
    script = redis.register_script(_ACQUIRE)
    return bool(await script(keys=[key], args=[token, limit, max(1, int(lease * 1000))]))


async def release_slot(redis: Redis, key: str, token: str) -> None:
    """Give the slot back at once instead of waiting for the lease to lapse."""
    await redis.zrem(key, token)


async def _renew(redis: Redis, key: str, token: str, lease: float) -> None:
    """Keep the lease alive while the holder works; stops when cancelled."""
    script = redis.register_script(_RENEW)
    while True:
        await asyncio.sleep(lease / 3)
        # A Redis hiccup must not kill the fetch; the next round may succeed.
        with contextlib.suppress(RedisError):
            await script(keys=[key], args=[token, max(1, int(lease * 1000))])


@contextlib.asynccontextmanager
async def host_slot(
    redis: Redis,
    host: str,
    *,
    limit: int = 2,
    lease: float = 60.0,
    wait: float = 30.0,
    prefix: str = "claimtrail:",
) -> AsyncIterator[None]:
    """Hold one of `limit` slots of `host`; `host_busy` (retryable) after `wait` seconds."""
    key, token = slot_key(host, prefix), secrets.token_hex(8)
    give_up = time.monotonic() + wait
    while not await acquire_slot(redis, key, token, limit=limit, lease=lease):
        if time.monotonic() >= give_up:
            raise FetchError("host_busy", f"{limit} fetches of {host} already running",
                             retry_after=_POLL_SECONDS * 20)  # fmt: skip
        await asyncio.sleep(_POLL_SECONDS * (0.5 + random.random()))
    renewer = asyncio.create_task(_renew(redis, key, token, lease))
    try:
        yield
    finally:
        renewer.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await renewer
        await release_slot(redis, key, token)
