"""Fetches made by job functions: through the guard, within the per-host slots."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from app.fetch import FetchedPage, fetch_page, host_slot

__all__ = ["fetch_politely"]


async def fetch_politely(ctx: dict[str, Any], url: str) -> FetchedPage:
    """`fetch_page` holding one of the host's slots (2 across all workers by default)."""
    settings = ctx["settings"]
    async with host_slot(
        ctx["queue"].pool,
        urlsplit(url).hostname or "",
        limit=settings.fetch_per_host,
        lease=settings.fetch_deadline + 30,
        prefix=settings.redis_prefix,
    ):
        return await fetch_page(url, policy=ctx["fetch_policy"], client=ctx["http"])
