"""At most N concurrent fetches per host across all workers, on Redis.

Each holder is a member of a sorted set scored by its lease expiry (Redis server
time, so worker clocks do not matter). Expired members are swept before every
acquire, so a killed worker frees its slot when its lease runs out; a live holder
renews its lease in the background.

A worker process also names its slots after itself (a `SlotHolder`: lineage and
incarnation, see workers/liveness.py) and keeps a heartbeat key. When a host is full,
an acquire frees at once the slots of holders known to be dead: an older incarnation of
a lineage whose heartbeat now names a newer one (the process was replaced), or a holder
whose heartbeat has lapsed, judged only by a caller whose own heartbeat has lasted a full
heartbeat lifetime (after a Redis stall every heartbeat lapses at once, and none is
judged until all live workers have beaten again). The script reads heartbeat keys it
builds itself: fine on one Redis server, not on a Redis Cluster.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import secrets
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass

from redis.asyncio import Redis
from redis.exceptions import RedisError

from app.fetch.errors import FetchError

__all__ = [
    "Acquired",
    "SlotHolder",
    "acquire_slot",
    "beat",
    "host_slot",
    "release_slot",
    "slot_key",
]

_NOW = """
local now = redis.call('TIME')
local now_ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
"""
# A heartbeat is "<incarnation> <since ms>": kept while it names the caller, else started anew.
_BEAT = """
local function beat(key, incarnation, ttl)
  local value = redis.call('GET', key)
  local since = value and tonumber(string.match(value, '^' .. incarnation .. ' (%d+)$'))
  if since then
    redis.call('PEXPIRE', key, ttl)
    return since
  end
  redis.call('SET', key, incarnation .. ' ' .. now_ms, 'PX', ttl)
  return nil
end
"""
# KEYS[1] the host's slots, KEYS[2] the caller's heartbeat (absent: an anonymous caller).
# ARGV: token, limit, lease ms, heartbeat key prefix, caller's incarnation, heartbeat ms.
_ACQUIRE = (
    _NOW
    + _BEAT
    + """
local token, limit, lease = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now_ms)
local settled = false
if KEYS[2] then
  local since = beat(KEYS[2], ARGV[5], tonumber(ARGV[6]))
  settled = since ~= nil and now_ms - since >= tonumber(ARGV[6])
end
local reclaimed = 0
local held = redis.call('ZSCORE', KEYS[1], token)
if KEYS[2] and not held and redis.call('ZCARD', KEYS[1]) >= limit then
  for _, member in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
    local lineage, incarnation = string.match(member, '^(%w+)/(%w+)/')
    if lineage then
      local value = redis.call('GET', ARGV[4] .. lineage)
      local current = value and string.match(value, '^(%w+) ')
      if (current and current ~= incarnation) or (not current and settled) then
        redis.call('ZREM', KEYS[1], member)
        reclaimed = reclaimed + 1
      end
    end
  end
end
if held or redis.call('ZCARD', KEYS[1]) < limit then
  redis.call('ZADD', KEYS[1], now_ms + lease, token)
  if redis.call('PTTL', KEYS[1]) < lease then
    redis.call('PEXPIRE', KEYS[1], lease)
  end
  return {1, reclaimed}
end
return {0, reclaimed}
"""
)
_HEARTBEAT = (
    _NOW
    + _BEAT
    + """
if beat(KEYS[1], ARGV[1], tonumber(ARGV[2])) then
  return 0
end
return 1
"""
)
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


@dataclass(frozen=True, slots=True)
class SlotHolder:
    """A worker process as a slot holder.

    `lineage` is held by one live process at a time (workers/liveness.py); `incarnation`
    names that process. Both are letters and digits only.
    """

    prefix: str
    lineage: str
    incarnation: str
    heartbeat: float  # seconds a heartbeat lives; beat well within it

    @property
    def heartbeats(self) -> str:
        """The prefix of every worker's heartbeat key."""
        return f"{self.prefix}workers:"

    @property
    def heartbeat_key(self) -> str:
        return self.heartbeats + self.lineage

    def token(self) -> str:
        """A fresh slot token that names this holder."""
        return f"{self.lineage}/{self.incarnation}/{secrets.token_hex(4)}"


@dataclass(frozen=True, slots=True)
class Acquired:
    """Whether a slot was taken, and how many slots of dead holders were freed on the way."""

    taken: bool
    reclaimed: int = 0

    def __bool__(self) -> bool:
        return self.taken


def _ms(seconds: float) -> int:
    return max(1, int(seconds * 1000))


async def acquire_slot(
    redis: Redis,
    key: str,
    token: str,
    *,
    limit: int,
    lease: float,
    holder: SlotHolder | None = None,
) -> Acquired:
    """Take (or renew) a slot for `token` if fewer than `limit` live leases exist.

    With `holder` (whose `token()` made `token`) its heartbeat is kept too, and a full
    host first frees the slots of holders known to be dead (see the module docstring).
    """
    script = redis.register_script(_ACQUIRE)
    keys, args = [key], [token, str(limit), str(_ms(lease))]
    if holder is not None:
        keys.append(holder.heartbeat_key)
        args += [holder.heartbeats, holder.incarnation, str(_ms(holder.heartbeat))]
    taken, reclaimed = await script(keys=keys, args=args)
    return Acquired(bool(taken), int(reclaimed))


async def beat(redis: Redis, holder: SlotHolder) -> bool:
    """Renew `holder`'s heartbeat; True when it had lapsed (or named another incarnation)
    and was started anew, so slots it held may have been freed for others."""
    script = redis.register_script(_HEARTBEAT)
    return bool(
        await script(keys=[holder.heartbeat_key], args=[holder.incarnation, _ms(holder.heartbeat)])
    )


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
    holder: SlotHolder | None = None,
) -> AsyncIterator[None]:
    """Hold one of `limit` slots of `host`; `host_busy` (retryable) after `wait` seconds."""
    key = slot_key(host, prefix)
    token = holder.token() if holder is not None else secrets.token_hex(8)
    give_up = time.monotonic() + wait
    while not await acquire_slot(redis, key, token, limit=limit, lease=lease, holder=holder):
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
