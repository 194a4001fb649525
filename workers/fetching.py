"""Fetches made by job functions: through the guard, within the per-host slots.

A job takes its host's slot before it claims the job and gives its worker slot up at once
when the host is busy (the job is deferred), so one slow site never holds every worker
slot while jobs on other hosts wait.
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import urlsplit

import structlog

from app.fetch import FetchedPage, fetch_page, host_slot
from app.fetch.host_slots import Acquired, SlotHolder, acquire_slot, release_slot, slot_key

log = structlog.get_logger()

__all__ = ["HostSlot", "fetch_politely"]


class HostSlot:
    """One of the `fetch_per_host` leases of a URL's host (shared by all workers in Redis)."""

    def __init__(self, ctx: dict[str, Any], url: str) -> None:
        settings = ctx["settings"]
        self.redis = ctx["queue"].pool
        self.key = slot_key(urlsplit(url).hostname or "", settings.redis_prefix)
        self.holder: SlotHolder | None = ctx.get("slot_holder")
        self.token = self.holder.token() if self.holder else secrets.token_hex(8)
        self.limit = settings.fetch_per_host
        self.lease = settings.fetch_deadline + 30
        self.held = False

    async def try_take(self) -> bool:
        """Take a free slot now, or say the host is busy; never waits."""
        taken = await self._acquire()
        self.held = taken.taken
        return self.held

    async def _acquire(self) -> Acquired:
        taken = await acquire_slot(
            self.redis, self.key, self.token, limit=self.limit, lease=self.lease, holder=self.holder
        )
        if taken.reclaimed:
            log.info("host_slots_reclaimed", key=self.key, count=taken.reclaimed)
        return taken

    @contextlib.asynccontextmanager
    async def renewed(self) -> AsyncIterator[None]:
        """Keep the lease alive while the fetch runs, then give the slot back."""
        renewer = asyncio.create_task(self._renew())
        try:
            yield
        finally:
            renewer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await renewer
            await self.release()

    async def _renew(self) -> None:
        while True:
            await asyncio.sleep(self.lease / 3)
            with contextlib.suppress(Exception):  # a Redis hiccup must not kill the fetch
                if not await self._acquire():
                    # Taken for dead while alive (stalled past its heartbeat or lease) and
                    # the host filled up since: this fetch now runs over the host's limit.
                    log.warning("host_slot_lost", key=self.key)

    async def release(self) -> None:
        """Give the slot back (its lease lapses anyway if Redis is away)."""
        if self.held:
            self.held = False
            with contextlib.suppress(Exception):
                await asyncio.wait_for(release_slot(self.redis, self.key, self.token), 2)


async def fetch_politely(
    ctx: dict[str, Any], url: str, slot: HostSlot | None = None, pdf_ok: bool = False
) -> FetchedPage:
    """`fetch_page` holding a slot of the host: `slot` (taken with `try_take`) or, without
    one (source checks, which take PDFs too), the first to come free within 30 s."""
    settings = ctx["settings"]
    if slot is not None:
        async with slot.renewed():
            return await fetch_page(
                url, policy=ctx["fetch_policy"], client=ctx["http"], pdf_ok=pdf_ok
            )
    async with host_slot(
        ctx["queue"].pool,
        urlsplit(url).hostname or "",
        limit=settings.fetch_per_host,
        lease=settings.fetch_deadline + 30,
        prefix=settings.redis_prefix,
        holder=ctx.get("slot_holder"),
    ):
        return await fetch_page(url, policy=ctx["fetch_policy"], client=ctx["http"], pdf_ok=pdf_ok)
