"""Slots of dead workers are freed at once, a live worker's never (real Redis).

A worker names its slots after its lineage and incarnation (workers/liveness.py) and keeps a
heartbeat; a full host frees the slots of a replaced incarnation or of a lapsed heartbeat
long before their 60 s leases run out.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import IO

import pytest
from redis.asyncio import Redis

from app.fetch.host_slots import SlotHolder, acquire_slot, beat, slot_key
from workers.liveness import Liveness, claim_lineage

REPO = Path(__file__).resolve().parents[3]
LEASE = 60.0  # every lease here outlives the test: only a freed slot lets a caller in


@pytest.fixture
async def redis(redis_url: str) -> AsyncIterator[Redis]:
    client = Redis.from_url(redis_url)
    yield client
    await client.aclose()


async def _take(redis: Redis, key: str, holder: SlotHolder, limit: int = 2) -> str:
    token = holder.token()
    assert await acquire_slot(redis, key, token, limit=limit, lease=LEASE, holder=holder)
    return token


async def _settle(redis: Redis, holder: SlotHolder) -> None:
    """Beat until `holder` has beaten for a whole heartbeat lifetime (Redis time)."""
    await beat(redis, holder)
    settled = time.monotonic() + holder.heartbeat + 0.05
    while time.monotonic() < settled:
        await asyncio.sleep(holder.heartbeat / 5)
        assert not await beat(redis, holder), "the heartbeat lapsed while settling"


def test_each_lock_file_gives_one_live_process_its_lineage(tmp_path: Path) -> None:
    first, first_lock = claim_lineage(tmp_path)
    second, second_lock = claim_lineage(tmp_path)
    assert first_lock is not None and second_lock is not None
    assert first != second  # two holders in one process: two lineages
    os.close(first_lock)
    again, again_lock = claim_lineage(tmp_path)
    assert again == first  # the next process takes the free lineage over
    assert again_lock is not None
    os.close(second_lock)
    os.close(again_lock)


def test_no_lock_directory_still_gives_a_lineage(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    lineage, lock = claim_lineage(blocker / "locks")
    assert lock is None and len(lineage) == 12


async def test_a_replaced_incarnation_frees_its_slots_at_once(
    redis: Redis, key_prefix: str
) -> None:
    key = slot_key("replaced.test", key_prefix)
    old = SlotHolder(key_prefix, "aaaa1111", "old", heartbeat=30)
    await _take(redis, key, old)
    await _take(redis, key, old)
    # Full: a stranger (no heartbeat of its own) waits, as before.
    assert not await acquire_slot(redis, key, "stranger", limit=2, lease=LEASE)
    # The same lineage comes back as a new process: its first acquire frees both at once,
    # although the old heartbeat has 30 s to run.
    new = SlotHolder(key_prefix, "aaaa1111", "new", heartbeat=30)
    taken = await acquire_slot(redis, key, new.token(), limit=2, lease=LEASE, holder=new)
    assert (taken.taken, taken.reclaimed) == (True, 2)
    assert await redis.zcard(key) == 1
    await redis.delete(key, old.heartbeat_key)


async def test_a_lapsed_heartbeat_frees_its_slots(redis: Redis, key_prefix: str) -> None:
    key = slot_key("lapsed.test", key_prefix)
    dead = SlotHolder(key_prefix, "dead0001", "gone", heartbeat=0.3)
    await _take(redis, key, dead)
    await _take(redis, key, dead)
    caller = SlotHolder(key_prefix, "live0001", "here", heartbeat=0.3)
    await _settle(redis, caller)  # meanwhile the dead holder's heartbeat lapses
    assert await redis.exists(dead.heartbeat_key) == 0
    taken = await acquire_slot(redis, key, caller.token(), limit=2, lease=LEASE, holder=caller)
    assert (taken.taken, taken.reclaimed) == (True, 2)
    await redis.delete(key, caller.heartbeat_key)


async def test_anonymous_slots_wait_for_their_lease(redis: Redis, key_prefix: str) -> None:
    key = slot_key("anonymous.test", key_prefix)
    assert await acquire_slot(redis, key, "a1b2c3", limit=1, lease=LEASE)
    caller = SlotHolder(key_prefix, "live0002", "here", heartbeat=0.3)
    await _settle(redis, caller)
    taken = await acquire_slot(redis, key, caller.token(), limit=1, lease=LEASE, holder=caller)
    assert (taken.taken, taken.reclaimed) == (False, 0)
    await redis.delete(key, caller.heartbeat_key)


async def test_a_live_holder_keeps_its_slot(redis: Redis, key_prefix: str, tmp_path: Path) -> None:
    key = slot_key("live.test", key_prefix)
    holder = await Liveness.start(redis, prefix=key_prefix, heartbeat=0.5, lock_dir=tmp_path)
    other = await Liveness.start(redis, prefix=key_prefix, heartbeat=0.5, lock_dir=tmp_path)
    try:
        assert holder.holder.lineage != other.holder.lineage
        await _take(redis, key, holder.holder, limit=1)
        # Four heartbeat lifetimes of a settled caller knocking: the slot stays taken.
        give_up = time.monotonic() + 2.0
        while time.monotonic() < give_up:
            token = other.holder.token()
            taken = await acquire_slot(redis, key, token, limit=1, lease=LEASE, holder=other.holder)
            assert (taken.taken, taken.reclaimed) == (False, 0)
            await asyncio.sleep(0.1)
    finally:
        await holder.close()
        await other.close()
    await redis.delete(key, holder.holder.heartbeat_key, other.holder.heartbeat_key)


async def test_after_a_redis_stall_no_caller_judges_at_once(redis: Redis, key_prefix: str) -> None:
    # A stalled Redis lets every heartbeat lapse at once, those of live workers too.
    key = slot_key("stall.test", key_prefix)
    holder = SlotHolder(key_prefix, "live0003", "one", heartbeat=0.4)
    caller = SlotHolder(key_prefix, "live0004", "two", heartbeat=0.4)
    await _take(redis, key, holder, limit=1)
    await _settle(redis, caller)
    await redis.delete(holder.heartbeat_key, caller.heartbeat_key)  # the stall
    taken = await acquire_slot(redis, key, caller.token(), limit=1, lease=LEASE, holder=caller)
    assert (taken.taken, taken.reclaimed) == (False, 0)  # its own heartbeat is new: no verdict
    assert await beat(redis, holder)  # the holder beats again (and learns it had lapsed)
    await _settle(redis, caller)
    await beat(redis, holder)
    taken = await acquire_slot(redis, key, caller.token(), limit=1, lease=LEASE, holder=caller)
    assert (taken.taken, taken.reclaimed) == (False, 0)
    await redis.delete(key, holder.heartbeat_key, caller.heartbeat_key)


_HOLDING_WORKER = """
import asyncio, sys
from pathlib import Path
from redis.asyncio import Redis
from app.fetch.host_slots import acquire_slot, slot_key
from workers.liveness import Liveness

async def main(url, prefix, lock_dir):
    redis = Redis.from_url(url)
    live = await Liveness.start(redis, prefix=prefix, heartbeat=30, lock_dir=Path(lock_dir))
    key = slot_key("killed.test", prefix)
    for _ in range(2):
        token = live.holder.token()
        assert await acquire_slot(redis, key, token, limit=2, lease=60, holder=live.holder)
    print("lineage", live.holder.lineage, flush=True)
    await asyncio.sleep(600)

asyncio.run(main(*sys.argv[1:]))
"""


def _lineage_of(output: IO[str]) -> str:
    for line in output:
        if line.startswith("lineage "):
            return line.split()[1]
    raise AssertionError("the worker ended without holding its slots")


async def test_a_restarted_worker_frees_the_slots_of_the_one_killed(
    redis: Redis, redis_url: str, key_prefix: str, tmp_path: Path
) -> None:
    key = slot_key("killed.test", key_prefix)
    env = os.environ | {"PYTHONPATH": str(REPO)}
    worker = subprocess.Popen(
        [sys.executable, "-c", _HOLDING_WORKER, redis_url, key_prefix, str(tmp_path)],
        stdout=subprocess.PIPE, text=True, env=env, cwd=REPO,
    )  # fmt: skip
    try:
        assert worker.stdout is not None
        lineage = await asyncio.wait_for(asyncio.to_thread(_lineage_of, worker.stdout), 60)
        assert await redis.zcard(key) == 2
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        if worker.stdout is not None:
            worker.stdout.close()
    started = time.monotonic()
    successor = await Liveness.start(redis, prefix=key_prefix, heartbeat=30, lock_dir=tmp_path)
    try:
        assert successor.holder.lineage == lineage
        taken = await acquire_slot(
            redis, key, successor.holder.token(), limit=2, lease=LEASE, holder=successor.holder
        )
        assert (taken.taken, taken.reclaimed) == (True, 2)
        assert time.monotonic() - started < 10  # not the 30 s heartbeat nor the 60 s lease
    finally:
        await successor.close()
    await redis.delete(key, successor.holder.heartbeat_key)
