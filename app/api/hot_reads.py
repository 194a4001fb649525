"""One-statement reads on the bare asyncpg pool (no session, ping, BEGIN or COMMIT)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

import asyncpg
from starlette.requests import Request

from app.errors import ServiceUnavailable

__all__ = ["DOWN", "on_read_pool"]

T = TypeVar("T")
DOWN = (asyncpg.PostgresError, asyncpg.InterfaceError, OSError, TimeoutError)


async def on_read_pool(request: Request, read: Callable[[asyncpg.Pool], Awaitable[T]]) -> T:
    """`read(pool)` on the app's bare pool; a pooled connection the server dropped is retried
    once, and a database still away is a 503 problem."""
    try:
        return await read(request.app.state.read_pool)
    except DOWN:
        pass
    try:
        return await read(request.app.state.read_pool)
    except DOWN as exc:
        raise ServiceUnavailable(
            "The database is unavailable; retry", headers={"Retry-After": "2"}
        ) from exc
